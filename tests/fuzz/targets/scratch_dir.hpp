#pragma once
// A private folder under the temp dir for one fuzz input, removed with its contents when the
// input is done. The pack reader and the authoring parser read files, not memory, so each input
// is written out first; mkdtemp keeps parallel fuzzers (-jobs) and test runs apart.

#include <filesystem>
#include <string>
#include <string_view>

namespace pavilion::fuzz {

class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    bool ok() const { return !path_.empty(); }
    const std::filesystem::path& path() const { return path_; }
    // Writes bytes to the relative path, creating its folders; false if that cannot be done
    // (e.g. a folder of that name exists).
    bool write(const std::string& relative, std::string_view bytes) const;

private:
    std::filesystem::path path_;
};

} // namespace pavilion::fuzz
