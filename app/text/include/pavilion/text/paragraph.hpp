#pragma once
// A paragraph laid out: shaped glyph runs, broken into lines, each line's runs in visual order
// (left to right on the screen, whatever the text's direction). Pure data, no fonts held.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::text {

enum class Direction : std::uint8_t { auto_detect, ltr, rtl };

struct LayoutOptions {
    float size_px = 16;
    float max_width_px = 0; // 0 or less: one line per hard line break, never wrapped
    Direction base = Direction::auto_detect; // auto: the first strong character's direction
    std::string locale; // BCP 47 ("ar", "zh-Hans"): line-breaking rules and HarfBuzz's language
};

// One glyph as HarfBuzz placed it, in pixels (26.6 units / 64).
struct Glyph {
    std::uint32_t id = 0;      // glyph id in the run's face
    std::uint32_t cluster = 0; // byte offset in the text of the first character it draws
    float x_advance = 0;
    float x_offset = 0;
    float y_offset = 0; // up is positive, as in HarfBuzz and FreeType
};

// Glyphs of one face, one direction and one script, in visual order.
struct GlyphRun {
    std::size_t face = 0; // index into the FontSet
    Direction direction = Direction::ltr; // ltr or rtl, never auto
    std::size_t byte_begin = 0; // the characters it draws, in logical order: [begin, end)
    std::size_t byte_end = 0;
    std::vector<Glyph> glyphs;

    float width() const {
        float width = 0;
        for (const auto& glyph : glyphs) width += glyph.x_advance;
        return width;
    }
};

struct Line {
    std::vector<GlyphRun> runs; // visual order: draw them left to right
    float width = 0;            // trailing spaces excluded
    std::size_t byte_begin = 0; // [begin, end) of the text; trailing spaces and "\n" excluded
    std::size_t byte_end = 0;
};

struct Paragraph {
    std::vector<Line> lines; // none for empty text; "\n" always ends a line
    Direction base_direction = Direction::ltr; // resolved: ltr or rtl (align right when rtl)
    // The first byte that was not well-formed UTF-8, drawn as U+FFFD: said once, where it was laid out.
    std::optional<std::size_t> invalid_utf8_at;

    float width() const {
        float widest = 0;
        for (const auto& line : lines) widest = line.width > widest ? line.width : widest;
        return widest;
    }
};

} // namespace pavilion::text
