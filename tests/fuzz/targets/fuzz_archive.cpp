#include "fuzz_archive.hpp"

namespace pavilion::fuzz {

std::vector<ArchiveFile> split_archive(std::string_view input) {
    constexpr std::string_view kHeader = "=== ";
    std::vector<ArchiveFile> files;
    while (!input.empty()) {
        const auto end = input.find('\n');
        const auto line_length = end == std::string_view::npos ? input.size() : end + 1;
        const auto line = input.substr(0, line_length);
        if (line.substr(0, kHeader.size()) == kHeader) {
            auto name = line.substr(kHeader.size());
            while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
            files.push_back({std::string(name), {}});
        } else if (!files.empty()) {
            files.back().bytes.append(line);
        }
        input.remove_prefix(line_length);
    }
    return files;
}

std::string archive_file(const std::vector<ArchiveFile>& files, std::string_view name) {
    for (auto it = files.rbegin(); it != files.rend(); ++it) {
        if (it->name == name) return it->bytes;
    }
    return {};
}

} // namespace pavilion::fuzz
