#pragma once
// A fuzz archive: several named files in one fuzz input, in a plain-text form that seeds can be
// written by hand and that mutations keep mostly intact:
//
//   === pack.toml
//   id = "mini"
//   === stories/a/item.toml
//   ...
//
// A line that starts with "=== " names the next file; every other line, with its line break,
// belongs to the file above it. Bytes before the first name are ignored.

#include <string>
#include <string_view>
#include <vector>

namespace pavilion::fuzz {

struct ArchiveFile {
    std::string name;
    std::string bytes;
};

std::vector<ArchiveFile> split_archive(std::string_view input);

// The bytes of the last file called name, or "" when there is none.
std::string archive_file(const std::vector<ArchiveFile>& files, std::string_view name);

} // namespace pavilion::fuzz
