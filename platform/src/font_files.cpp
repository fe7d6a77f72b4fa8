#include "pavilion/platform/font_files.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace pavilion::platform {
namespace {

constexpr int kNotoSansCjkScFace = 2; // JP, KR, SC, TC, HK: see fc-query

std::optional<FontFile> first_readable(std::initializer_list<const char*> paths, int face_index) {
    for (const char* path : paths) {
        if (auto bytes = read_binary_file(path); bytes && !bytes->empty())
            return FontFile{path, face_index, std::move(*bytes)};
    }
    return std::nullopt;
}

} // namespace

std::optional<std::vector<std::uint8_t>> read_binary_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes;
}

std::optional<SystemFonts> locate_system_fonts(std::string& error) {
    SystemFonts fonts;
    if (const char* override_path = std::getenv("PAVILION_FONT"); override_path && *override_path) {
        auto font = first_readable({override_path}, 0);
        if (!font) {
            error = std::string("PAVILION_FONT=") + override_path + " cannot be read";
            return std::nullopt;
        }
        fonts.cjk_regular = *font;
        fonts.cjk_bold = std::move(*font);
    } else {
        const char* regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        auto primary = first_readable({regular}, kNotoSansCjkScFace);
        auto bold = first_readable({"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", regular},
                                   kNotoSansCjkScFace);
        if (!primary || !bold) {
            error = "Noto Sans CJK is not installed (install the Debian package fonts-noto-cjk)";
            return std::nullopt;
        }
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
