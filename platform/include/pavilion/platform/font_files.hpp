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
    // Noto Sans CJK from fonts-noto-cjk (face "Noto Sans CJK SC": Simplified Chinese forms).
    FontFile cjk_regular;
    FontFile cjk_bold;
    // Noto Sans from fonts-noto-core, or DejaVu Sans: proportional Latin punctuation and the
    // letters Noto Sans CJK lacks (ž, š, ł, ő ...). Empty when neither is installed.
    FontFile latin_regular;
    FontFile latin_bold;
};

// PAVILION_FONT=/path/to/font replaces the CJK face (for scripts Noto Sans CJK does not cover).
// nullopt with a clear reason in error when no usable font is installed.
std::optional<SystemFonts> locate_system_fonts(std::string& error);

std::optional<std::vector<std::uint8_t>> read_binary_file(const std::string& path);

} // namespace pavilion::platform
