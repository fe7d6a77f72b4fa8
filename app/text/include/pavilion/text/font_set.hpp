#pragma once
// An ordered list of font faces opened from files: the first face that covers a character draws
// it (fallback). Each face is held twice, as a FreeType face (for rasterizing glyphs by id into
// Pavilion's own atlas) and as a HarfBuzz font (for shaping); both read the same file.
//
// Not thread-safe: shaping sets the HarfBuzz font's size before each run, so one set serves one
// thread (the one that lays text out).

#include "pavilion/core/expected.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct FT_FaceRec_;
struct hb_font_t;

namespace pavilion::text {

// A face in a font file; face_index picks one face of a collection (.ttc), 0 otherwise. A font
// held in memory (a pack's own font, read from the pack) has its bytes here and path only names it.
struct FontFile {
    std::string path;
    unsigned face_index = 0;
    std::shared_ptr<const std::vector<std::uint8_t>> bytes; // null: read the file at path
};

// What makes a font file this one, for cache keys: the path and face, and the file's length and
// modification time (a font updated by the package manager changes its key), or the bytes' hash.
std::uint64_t file_identity(const FontFile& file);

// A face's vertical metrics (hhea), in font units.
struct FaceMetrics {
    int units_per_em = 0;
    int ascender = 0;
    int descender = 0; // below the baseline: negative
};

class FontSet {
public:
    // Opens every file in fallback order. A file that is missing or not a font is an error that
    // names its path; an empty list is an error too (nothing could draw any text).
    static core::Expected<FontSet> open(const std::vector<FontFile>& files);

    FontSet(FontSet&&) noexcept;
    FontSet& operator=(FontSet&&) noexcept;
    ~FontSet();

    // Equal for two sets of the same files in the same order, which lay text out identically:
    // the paragraph cache's key.
    std::uint64_t id() const;
    std::size_t face_count() const;
    const FontFile& file(std::size_t face) const;

    // Whether face has a glyph for code point c (its cmap maps c to a glyph other than .notdef).
    bool covers(std::size_t face, char32_t c) const;
    FaceMetrics metrics(std::size_t face) const;
    // The first face in fallback order that covers c.
    std::optional<std::size_t> first_face_covering(char32_t c) const;

    // The face's HarfBuzz font at size_px (scale in 26.6 units, as hb-shape --font-size=size*64).
    hb_font_t* hb_font_at(std::size_t face, float size_px);
    // The FreeType face, for rasterizing by glyph id (the caller sets its pixel size).
    FT_FaceRec_* ft_face(std::size_t face) const;

private:
    struct Faces;
    explicit FontSet(std::unique_ptr<Faces> faces);
    std::unique_ptr<Faces> faces_;
};

} // namespace pavilion::text
