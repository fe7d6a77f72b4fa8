#include "scratch_dir.hpp"

#include <stdlib.h>

#include <fstream>
#include <system_error>

namespace pavilion::fuzz {

namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "pavilion-fuzz-XXXXXX").string();
    if (!ec && mkdtemp(pattern.data())) path_ = pattern;
}

ScratchDir::~ScratchDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
}

bool ScratchDir::write(const std::string& relative, std::string_view bytes) const {
    if (path_.empty()) return false;
    const fs::path target = path_ / relative;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return false;
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

} // namespace pavilion::fuzz
