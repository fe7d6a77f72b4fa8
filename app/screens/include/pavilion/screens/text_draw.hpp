#pragma once
// Text on a frame: one line, measured or drawn, through the frame's Typesetter (shaped by
// HarfBuzz, ordered by ICU's bidi). Wrapped text and rich blocks are drawn by widgets.hpp
// (draw_text, draw_block). Positions are the frame's logical ones: under a right-to-left
// language the line is drawn in its mirrored box, aligned to the right (mirror.hpp).

#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/typesetter.hpp"

#include <cstddef>
#include <limits>
#include <vector>

#include <string_view>

namespace pavilion::screens {

// Font size as drawn by default.
inline float drawn_size(Font font) { return font.size; }

// The width of one line of text (no wrapping).
float text_width(const Frame& frame, Font font, float size, std::string_view text);

// One line with its box's top-left at pos; returns its width.
float draw_line(Frame& frame, Font font, float size, ImVec2 pos, ImU32 color, std::string_view text);

// Lines of a laid-out paragraph: line i's box top at pos.y + i * line_advance, inside
// [pos.x, pos.x + box_width): from its left edge, or from its right edge under a mirror.
void draw_laid_out(Frame& frame, Font font, float size, const LaidOutText& text, ImVec2 pos, float box_width,
                   float line_advance, ImU32 color, std::size_t max_lines = std::numeric_limits<std::size_t>::max(),
                   const std::vector<TextSpan>& spans = {});

} // namespace pavilion::screens
