#pragma once
// One glyph, by id, as FreeType's 8-bit coverage bitmap at one size.

#include "pavilion/core/expected.hpp"

#include <cstdint>
#include <vector>

struct FT_FaceRec_;

namespace pavilion::text::detail {

struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int bearing_x = 0; // FreeType's bitmap_left
    int bearing_y = 0; // FreeType's bitmap_top (up positive)
    std::vector<std::uint8_t> alpha; // width x height, rows top first, no padding
};

// Sets face's size to size_64 / 64 px per em. Setting a size is not free (FreeType scales the
// face's metrics and hinting tables), so callers set it once per run of glyphs of one size.
core::Status set_glyph_size(FT_FaceRec_* face, std::int32_t size_64);

// Loads glyph by id at the face's current size and renders it. Errors (`unavailable`) name what
// FreeType refused; a blank glyph (a space) is an empty bitmap, not an error.
core::Expected<GlyphBitmap> rasterize_glyph(FT_FaceRec_* face, std::uint32_t glyph);

} // namespace pavilion::text::detail
