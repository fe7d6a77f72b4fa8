#include "rasterize_glyph.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstddef>
#include <string>

namespace pavilion::text::detail {
namespace {

core::Error refused(const char* step, std::uint32_t glyph, FT_Error error) {
    return core::make_error(core::ErrorCode::unavailable, std::string(step) + " refused glyph " + std::to_string(glyph) +
                                                              " (FreeType error " + std::to_string(error) + ")");
}

// Copies rows one by one: FreeType's pitch may be wider than the bitmap, or negative (bottom up).
GlyphBitmap copy_bitmap(const FT_GlyphSlot slot) {
    const FT_Bitmap& bitmap = slot->bitmap;
    GlyphBitmap out;
    out.width = static_cast<int>(bitmap.width);
    out.height = static_cast<int>(bitmap.rows);
    out.bearing_x = slot->bitmap_left;
    out.bearing_y = slot->bitmap_top;
    out.alpha.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int row = 0; row < out.height; ++row) {
        const unsigned char* source = bitmap.pitch >= 0
                                          ? bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch
                                          : bitmap.buffer + static_cast<std::ptrdiff_t>(out.height - 1 - row) * -bitmap.pitch;
        std::copy(source, source + out.width, out.alpha.begin() + static_cast<std::ptrdiff_t>(row) * out.width);
    }
    return out;
}

} // namespace

core::Status set_glyph_size(FT_FaceRec_* face, std::int32_t size_64) {
    // 72 dpi: a point is a pixel, so the size is size_64 / 64 px per em, as HarfBuzz's scale.
    if (const FT_Error error = FT_Set_Char_Size(face, 0, size_64, 72, 72))
        return core::make_error(core::ErrorCode::unavailable,
                                "FreeType refused the size " + std::to_string(size_64 / 64.0) + " px (error " +
                                    std::to_string(error) + ")");
    return core::ok();
}

core::Expected<GlyphBitmap> rasterize_glyph(FT_FaceRec_* face, std::uint32_t glyph) {
    if (glyph >= static_cast<std::uint32_t>(face->num_glyphs))
        return core::make_error(core::ErrorCode::unavailable,
                                "glyph " + std::to_string(glyph) + " is past the face's " +
                                    std::to_string(face->num_glyphs) + " glyphs");
    // Light hinting snaps outlines vertically only: the bitmaps keep the unhinted horizontal
    // metrics HarfBuzz positions them by, so hinting never fights the shaped advances.
    if (const FT_Error error = FT_Load_Glyph(face, glyph, FT_LOAD_TARGET_LIGHT))
        return refused("FT_Load_Glyph", glyph, error);
    if (face->glyph->format != FT_GLYPH_FORMAT_BITMAP) {
        if (const FT_Error error = FT_Render_Glyph(face->glyph, FT_RENDER_MODE_LIGHT))
            return refused("FT_Render_Glyph", glyph, error);
    }
    const FT_Bitmap& bitmap = face->glyph->bitmap;
    if (bitmap.width > 0 && bitmap.rows > 0 && (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.num_grays != 256))
        return core::make_error(core::ErrorCode::unavailable,
                                "glyph " + std::to_string(glyph) + " is not an 8-bit coverage bitmap (pixel mode " +
                                    std::to_string(bitmap.pixel_mode) + ")");
    return copy_bitmap(face->glyph);
}

} // namespace pavilion::text::detail
