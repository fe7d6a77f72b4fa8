#pragma once
// Finding and reading the fonts the kiosk draws with.

#include "pavilion/core/expected.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::platform {

// A read-only memory map of a whole file. Noto Sans CJK collections are 20 MB each; mapping them
// lets FreeType touch only the pages of the glyphs the pack uses, instead of reading 40 MB at
// every start.
class MappedFile {
public:
    static std::optional<MappedFile> open(const std::string& path);
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    ~MappedFile();

    const std::uint8_t* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

struct FontFile {
    std::string path;
    int face_index = 0; // face within a .ttc collection
    MappedFile mapping;               // a font on disk
    std::vector<std::uint8_t> owned;  // or a font handed over in memory (a pack's own font)

    const std::uint8_t* data() const { return owned.empty() ? mapping.data() : owned.data(); }
    std::size_t size() const { return owned.empty() ? mapping.size() : owned.size(); }
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

// Names exactly these fonts, for cache keys: each file's path, face, size and modification time,
// or a hash of a font held in memory. A font updated by the package manager gets a new identity.
std::string identity_of(const SystemFonts& fonts);

// PAVILION_FONT=/path/to/font replaces the CJK face (for scripts Noto Sans CJK does not cover).
// An error saying what to do when no usable font is there: unavailable when Noto Sans CJK is not
// installed, io when the PAVILION_FONT file cannot be read.
core::Expected<SystemFonts> locate_system_fonts();

} // namespace pavilion::platform
