#include "pavilion/platform/font_files.hpp"

#include "pavilion/core/fnv_hash.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <initializer_list>
#include <string>

namespace pavilion::platform {
namespace {

constexpr int kNotoSansCjkScFace = 2; // JP, KR, SC, TC, HK: see fc-query

std::optional<FontFile> first_readable(std::initializer_list<const char*> paths, int face_index) {
    for (const char* path : paths) {
        if (auto mapping = MappedFile::open(path))
            return FontFile{path, face_index, std::move(*mapping), {}};
    }
    return std::nullopt;
}

} // namespace

std::optional<MappedFile> MappedFile::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    void* address = MAP_FAILED;
    if (fstat(fd, &info) == 0 && info.st_size > 0)
        address = mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd); // the mapping keeps the file alive
    if (address == MAP_FAILED) return std::nullopt;
    MappedFile file;
    file.data_ = static_cast<const std::uint8_t*>(address);
    file.size_ = static_cast<std::size_t>(info.st_size);
    return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        this->~MappedFile();
        data_ = other.data_;
        size_ = other.size_;
        other.data_ = nullptr;
        other.size_ = 0;
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_) munmap(const_cast<std::uint8_t*>(data_), size_);
}

namespace {

std::string identity_of(const FontFile& file) {
    if (file.size() == 0) return "none;";
    if (!file.owned.empty()) {
        const auto hash = core::Fnv1a64().add(file.owned.data(), file.owned.size()).value();
        return "memory:" + std::to_string(file.owned.size()) + ":" + std::to_string(hash) + ";";
    }
    struct stat info {};
    const long long modified =
        ::stat(file.path.c_str(), &info) == 0 ? static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec : -1;
    return file.path + ":" + std::to_string(file.face_index) + ":" + std::to_string(file.size()) + ":" +
           std::to_string(modified) + ";";
}

} // namespace

std::string identity_of(const SystemFonts& fonts) {
    return identity_of(fonts.cjk_regular) + identity_of(fonts.cjk_bold) + identity_of(fonts.latin_regular) +
           identity_of(fonts.latin_bold);
}

core::Expected<SystemFonts> locate_system_fonts() {
    SystemFonts fonts;
    if (const char* override_path = std::getenv("PAVILION_FONT"); override_path && *override_path) {
        auto regular = first_readable({override_path}, 0);
        auto bold = first_readable({override_path}, 0);
        if (!regular || !bold)
            return core::make_error(core::ErrorCode::io, std::string("PAVILION_FONT=") + override_path + " cannot be read");
        fonts.cjk_regular = std::move(*regular);
        fonts.cjk_bold = std::move(*bold);
    } else {
        const char* regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        auto primary = first_readable({regular}, kNotoSansCjkScFace);
        auto bold = first_readable({"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", regular},
                                   kNotoSansCjkScFace);
        if (!primary || !bold)
            return core::make_error(core::ErrorCode::unavailable,
                                    "Noto Sans CJK is not installed (install the Debian package fonts-noto-cjk)");
        fonts.cjk_regular = std::move(*primary);
        fonts.cjk_bold = std::move(*bold);
    }
    if (auto latin = first_readable({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}, 0))
        fonts.latin_regular = std::move(*latin);
    if (auto latin = first_readable({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}, 0))
        fonts.latin_bold = std::move(*latin);
    return fonts;
}

} // namespace pavilion::platform
