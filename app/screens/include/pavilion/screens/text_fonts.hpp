#pragma once
// A pack's fonts at one scale, made ready for the screens away from the render thread: each
// weight's fallback list opened (HarfBuzz shapes with it, on the thread that draws), and the glyph
// atlas of every glyph the pack's texts shape into, at each text style's size. No GL here: the
// shell uploads the atlas's pages and hands both to a Typesetter.

#include "pavilion/core/expected.hpp"
#include "pavilion/screens/text_plan.hpp"
#include "pavilion/text/font_set.hpp"
#include "pavilion/text/glyph_atlas.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace pavilion::screens {

// Line heights in dp, multiplied by the UI scale (and the visitor's text scale). A size is the
// height of a line box (ascender to descender of the first font), as ImGui sized its fonts.
struct FontSizes {
    float body = 26;
    float heading = 34;
    float display = 68;
};

// The fallback lists of one pack, in order: its own font first when it brings one (for every
// script it covers), then Debian's Noto families for everything else.
struct FontFiles {
    std::vector<text::FontFile> regular;
    std::vector<text::FontFile> bold;
};
// pack_font: the pack's own font file's bytes, or null. A pack's font has one weight: it serves
// as bold too (Noto's bold still covers what it lacks).
FontFiles kiosk_font_files(std::shared_ptr<const std::vector<std::uint8_t>> pack_font = nullptr);

// The first font's vertical metrics, as fractions of a line box.
struct LineMetrics {
    float em = 1;      // the em (the size HarfBuzz and FreeType scale by) per line-box pixel
    float ascent = 1;  // from the line box's top to the baseline
};

struct TextFonts {
    FontFiles files;
    std::unique_ptr<text::FontSet> regular; // the body style's faces
    std::unique_ptr<text::FontSet> bold;    // the other styles'
    // Glyphs of both sets: the regular faces' indices, then the bold faces' after them.
    text::GlyphAtlas atlas;
    std::array<float, kTextStyles> em_px{}; // the em size each style's glyphs were rasterized at
    LineMetrics metrics;
    float scale = 0;

    std::size_t atlas_face(TextStyle style, std::size_t face) const {
        return is_bold(style) ? regular->face_count() + face : face;
    }
};

// Opens both weights' fonts and sets the styles' sizes at scale; the atlas is still empty.
// A missing or broken font file is an error naming it.
core::Expected<TextFonts> open_text_fonts(FontFiles files, float scale);

// Shapes every planned text in its style and rasterizes the glyphs into fonts.atlas: pages of
// at most max_side pixels. Texts too long to lay out are left out (the screens cannot show them
// either). Sets the fonts' sizes (FontSet's one-thread rule).
void build_text_atlas(TextFonts& fonts, const TextPlan& plan, int max_side = text::kMaxAtlasSide);

// The key of an atlas kept on disk: the font files, what stands for the texts (a pack file's
// identity) and the scale. The same key finds an atlas without shaping anything.
std::uint64_t text_atlas_key(const FontFiles& files, std::string_view texts_identity, float scale, int max_side);

} // namespace pavilion::screens
