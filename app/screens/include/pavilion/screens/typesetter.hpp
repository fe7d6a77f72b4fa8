#pragma once
// Shaped text on the screen: lays paragraphs out with Pavilion's text engine (HarfBuzz, ICU;
// app/text), keeps them between frames (never shaped per frame), and draws their glyphs as
// quads from the pack's glyph atlas through ImGui's draw list, with the atlas's own textures.
// ImGui's font path is not used for text at all.
//
// Render thread only: its fonts and layout caches belong to the thread that draws.

#include "pavilion/screens/text_fonts.hpp"
#include "pavilion/text/layout.hpp"
#include "pavilion/text/paragraph_cache.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pavilion::screens {

// A paragraph laid out for one size: the engine's lines (in the style's atlas size) and the
// factor that takes them to the size drawn.
struct LaidOutText {
    std::shared_ptr<const text::Paragraph> paragraph; // never null: empty when nothing could be laid out
    float scale = 1;

    std::size_t line_count() const { return paragraph->lines.size(); }
    float width() const { return paragraph->width() * scale; }
    float line_width(std::size_t line) const { return paragraph->lines[line].width * scale; }
    bool right_to_left() const { return paragraph->base_direction == text::Direction::rtl; }
};

// Part of a paragraph drawn its own way: emphasis in another colour, strong heavier.
struct TextSpan {
    std::size_t begin = 0; // bytes of the text, [begin, end)
    std::size_t end = 0;
    ImU32 color = 0;
    bool strong = false;
};

// Where lines go, in screen pixels: line i's box top is top + i * line_advance; a line starts
// at left, or (align_right) ends at left + box_width.
struct LinePlacement {
    float left = 0;
    float top = 0;
    float box_width = 0;
    bool align_right = false;
    float line_advance = 0;
    std::size_t max_lines = std::numeric_limits<std::size_t>::max();
};

class Typesetter {
public:
    // page_textures: the GPU's copy of each atlas page, in page order (any ids without a GPU).
    Typesetter(TextFonts fonts, std::vector<ImTextureID> page_textures);
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    // The language texts are in: its line-breaking rules and HarfBuzz's language.
    void set_locale(std::string_view locale);

    // A paragraph at size (a line box's height, px), broken to max_width px (0: only at "\n").
    LaidOutText lay_out(TextStyle style, float size, std::string_view text, float max_width = 0);
    // The widest line, unwrapped.
    float width(TextStyle style, float size, std::string_view text) { return lay_out(style, size, text).width(); }

    // Draws the paragraph's lines as placed, in color, spans drawn their own way.
    void draw(ImDrawList& draw, TextStyle style, float size, const LaidOutText& text, const LinePlacement& place,
              ImU32 color, const std::vector<TextSpan>& spans = {});

    const LineMetrics& metrics() const { return fonts_.metrics; }
    const text::GlyphAtlas& atlas() const { return fonts_.atlas; }
    float scale() const { return fonts_.scale; }
    // Glyphs drawn that the atlas did not hold (left blank): text the pack did not announce.
    std::size_t missing_glyphs() const { return missing_; }

private:
    struct Quad {
        ImVec2 min, max, uv_min, uv_max;
        ImU32 color;
    };
    void place_line(TextStyle style, const text::Line& line, float scale, ImVec2 pen, float size, ImU32 color,
                    const std::vector<TextSpan>& spans);
    void flush(ImDrawList& draw);
    const text::AtlasGlyph* find(std::size_t face, std::uint32_t glyph, std::int32_t size_64) const;

    TextFonts fonts_;
    std::vector<ImTextureID> pages_;
    // The atlas's glyphs by a hash of their key: a page of text looks up thousands a frame, and
    // the atlas's ordered map costs a dozen comparisons each.
    std::unordered_map<std::uint64_t, const text::AtlasGlyph*> by_key_;
    text::ParagraphLayouter regular_layouter_;
    text::ParagraphLayouter bold_layouter_;
    text::ParagraphCache regular_cache_;
    text::ParagraphCache bold_cache_;
    std::string locale_;
    std::vector<std::vector<Quad>> quads_by_page_; // scratch, kept to save allocations
    std::size_t missing_ = 0;
};

} // namespace pavilion::screens
