#pragma once
// What the operator screens and the update banner draw with: the error colour, one-line and
// wrapped text cut with "...", a Canvas that draws or only measures, buttons that register
// their intent, drawn marks (tick, exclamation, padlock) and the operator's header bar.
// Private to the operator screens (src/operator_*.cpp, src/update_banner.cpp).
//
// Operator text is English only (operators are staff) and plain ASCII: the font atlas holds
// ASCII plus the pack's own characters, so marks such as arrows, ticks and ellipses are drawn as
// shapes or spelled "...".

#include "pavilion/model/intent.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/widgets.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::screens::operator_drawing {

// The palette has no error colour (visitors never see an error), so the operator screens and a
// failed update use this one: a warm red that reads on the calm navy (about 5:1) and on the
// high-contrast black (about 6.5:1), and is neither the gold accent nor the teal.
constexpr ImU32 kErrorColor = IM_COL32(240, 98, 86, 255);

struct Rect {
    ImVec2 min;
    ImVec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

inline Rect rect_at(float x, float y, float w, float h) { return {ImVec2(x, y), ImVec2(x + w, y + h)}; }

float measure(const Frame& frame, Font font, float size, std::string_view text);
// One line that fits width: line breaks and tabs become spaces, and what does not fit is cut
// with "..." (ASCII: the atlas may hold no ellipsis character for operator text).
std::string fit(const Frame& frame, Font font, float size, std::string_view text, float width);
// Lines of at most width, at the text engine's line breaks; the last of max_lines is cut with "...".
std::vector<std::string> wrap(const Frame& frame, Font font, float size, std::string_view text, float width,
                              int max_lines);
// printf of one number ("%.1f MB").
std::string format(const char* pattern, double value);

// Draws into the frame, or only lays out: the panel's cards are measured first (live == false)
// to place them in columns, then drawn by the same code, so measuring cannot drift from drawing.
struct Canvas {
    Frame& frame;
    bool live;

    const Palette& palette() const { return frame.theme.palette; }
    float dp(float v) const { return frame.dp(v); }
    ImDrawList* draw() const { return frame.draw; }

    void text(Font font, float size, ImVec2 pos, ImU32 color, const std::string& text) const;
    // One line cut to width; returns its height.
    float line(Font font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
               float line_height = 1.4f) const;
    // One line ending at right; returns its width.
    float line_right(Font font, float size, float right, float y, float width, ImU32 color,
                     std::string_view content) const;
    // Up to max_lines lines; returns their height.
    float wrapped(Font font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
                  int max_lines, float line_height = 1.4f) const;
    // Text centred on a point (labels of keys and buttons).
    void centred(Font font, float size, ImVec2 centre, float width, ImU32 color, std::string_view content) const;
};

enum class ButtonLook { primary, secondary };

// A button's body; registers its target when enabled. Returns the colour for its label.
ImU32 button_body(const Canvas& c, Rect r, ButtonLook look, bool enabled, const model::Intent& intent, float radius);
// A rounded button with a label in the body font (or another).
void button(const Canvas& c, Rect r, std::string_view label, ButtonLook look, bool enabled,
            const model::Intent& intent, std::optional<Font> font = std::nullopt, float size = 0);
// The width of a button that holds label with room around it, like the visitor screens' pills.
float button_width(const Frame& frame, std::string_view label, float height, float minimum = 0);

float margin_of(const Frame& frame);

// Marks: drawn, since the atlas has no symbol characters for them.
void draw_check(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness);
void draw_exclamation(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness);
void draw_padlock(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness);

// The operator's bar: a teal edge marks staff mode; "Operator" on the left; the auto-leave
// countdown (when 0 < auto_leave_s < 30) and Leave on the right. Returns its height.
float draw_header(Frame& frame, float auto_leave_s);

} // namespace pavilion::screens::operator_drawing
