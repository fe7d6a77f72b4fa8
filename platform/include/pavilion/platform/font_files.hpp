#pragma once
// Finding and reading the fonts the kiosk draws with.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::platform {

struct FontFile {
    std::string path;
    int face_index = 0; // face within a .ttc collection
    std::vector<std::uint8_t> bytes;
};

struct SystemFonts {
    FontFile regular;
    FontFile bold;
    // Latin letters Noto Sans CJK lacks (ž, š, ł, ő ...) come from these; empty when not installed.
    FontFile fallback_regular;
    FontFile fallback_bold;
};

// Noto Sans CJK from Debian's fonts-noto-cjk (face "Noto Sans CJK SC": Simplified Chinese glyph
// forms), with Noto Sans (fonts-noto-core) or DejaVu Sans as the Latin fallback.
// PAVILION_FONT=/path/to/font overrides the primary font.
// nullopt with a clear reason in error when no usable font is installed.
std::optional<SystemFonts> locate_system_fonts(std::string& error);

std::optional<std::vector<std::uint8_t>> read_binary_file(const std::string& path);

} // namespace pavilion::platform
