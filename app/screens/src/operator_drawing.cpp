#include "operator_drawing.hpp"

#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace pavilion::screens::operator_drawing {
namespace {

constexpr float kCountdownFrom = 30; // seconds: the auto-leave countdown shows below this

void pop_code_point(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break; // stop after the lead byte
    }
}

} // namespace

float measure(const Frame& frame, Font font, float size, std::string_view text) {
    return text_width(frame, font, size, text);
}

std::string fit(const Frame& frame, Font font, float size, std::string_view text, float width) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (measure(frame, font, size, line) <= width) return line;
    const std::string dots = "...";
    while (!line.empty() && measure(frame, font, size, line + dots) > width) pop_code_point(line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line.empty() ? std::string() : line + dots;
}

std::vector<std::string> wrap(const Frame& frame, Font font, float size, std::string_view text, float width,
                              int max_lines) {
    std::vector<std::string> lines;
    if (!frame.fonts.text) return lines;
    const auto laid_out = frame.fonts.text->lay_out(font.style, size, text, width);
    const auto& ranges = laid_out.paragraph->lines;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (static_cast<int>(lines.size()) + 1 == max_lines && i + 1 < ranges.size()) {
            lines.push_back(fit(frame, font, size, text.substr(ranges[i].byte_begin), width));
            break;
        }
        lines.push_back(fit(frame, font, size, text.substr(ranges[i].byte_begin, ranges[i].byte_end - ranges[i].byte_begin),
                            width));
    }
    return lines;
}

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

void Canvas::text(Font font, float size, ImVec2 pos, ImU32 color, const std::string& text) const {
    if (live && !text.empty()) draw_line(frame, font, size, pos, color, text);
}

float Canvas::line(Font font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
                   float line_height) const {
    if (live && width > 0) text(font, size, pos, color, fit(frame, font, size, content, width));
    return size * line_height;
}

float Canvas::line_right(Font font, float size, float right, float y, float width, ImU32 color,
                         std::string_view content) const {
    const std::string shown = fit(frame, font, size, content, width);
    const float w = measure(frame, font, size, shown);
    text(font, size, ImVec2(right - w, y), color, shown);
    return w;
}

float Canvas::wrapped(Font font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
                      int max_lines, float line_height) const {
    const auto lines = wrap(frame, font, size, content, width, max_lines);
    for (std::size_t i = 0; i < lines.size(); ++i)
        text(font, size, ImVec2(pos.x, pos.y + i * size * line_height), color, lines[i]);
    return static_cast<float>(lines.size()) * size * line_height;
}

void Canvas::centred(Font font, float size, ImVec2 centre, float width, ImU32 color,
                     std::string_view content) const {
    const std::string shown = fit(frame, font, size, content, width);
    const float w = measure(frame, font, size, shown);
    text(font, size, ImVec2(centre.x - w / 2, centre.y - size / 2 - size * 0.04f), color, shown);
}

ImU32 button_body(const Canvas& c, Rect r, ButtonLook look, bool enabled, const model::Intent& intent, float radius) {
    const auto& p = c.palette();
    if (!c.live) return p.text;
    ImDrawList* d = c.draw();
    ImU32 ink = p.text;
    if (!enabled) {
        d->AddRect(r.min, r.max, with_alpha(p.outline, 0.5f), radius, 0, c.dp(2));
        ink = with_alpha(p.text, 0.35f);
    } else if (look == ButtonLook::primary) {
        d->AddRectFilled(r.min, r.max, p.accent, radius);
        if (c.frame.pressed(r.min, r.max)) d->AddRectFilled(r.min, r.max, with_alpha(p.scrim, 0.3f), radius);
        ink = p.on_accent;
    } else {
        d->AddRectFilled(r.min, r.max, c.frame.pressed(r.min, r.max) ? p.surface_pressed : p.surface, radius);
        d->AddRect(r.min, r.max, p.outline, radius, 0, c.dp(2));
    }
    if (enabled) c.frame.targets.add(r.min, r.max, intent);
    return ink;
}

void button(const Canvas& c, Rect r, std::string_view label, ButtonLook look, bool enabled,
            const model::Intent& intent, std::optional<Font> chosen, float size) {
    const Font font = chosen.value_or(c.frame.fonts.body);
    size = size > 0 ? size : drawn_size(font);
    const ImU32 ink = button_body(c, r, look, enabled, intent, r.height() / 2);
    c.centred(font, size, r.centre(), r.width() - r.height() * 0.5f, ink, label);
}

float button_width(const Frame& frame, std::string_view label, float height, float minimum) {
    return std::max(minimum, measure(frame, frame.fonts.body, body_size(frame), label) + height * 0.9f);
}

float margin_of(const Frame& frame) {
    return frame.dp(frame.theme.metrics.margin) * (frame.size.y > frame.size.x ? 0.75f : 1.0f);
}

void draw_check(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness) {
    const std::array<ImVec2, 3> points{ImVec2(c.x - s * 0.55f, c.y + s * 0.02f), ImVec2(c.x - s * 0.15f, c.y + s * 0.42f),
                                       ImVec2(c.x + s * 0.6f, c.y - s * 0.38f)};
    d->AddPolyline(points.data(), 3, color, 0, thickness);
}

void draw_exclamation(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness) {
    d->AddLine(ImVec2(c.x, c.y - s * 0.55f), ImVec2(c.x, c.y + s * 0.15f), color, thickness);
    d->AddCircleFilled(ImVec2(c.x, c.y + s * 0.5f), thickness * 0.65f, color, 12);
}

void draw_padlock(ImDrawList* d, ImVec2 c, float s, ImU32 color, float thickness) {
    const ImVec2 body_min(c.x - s * 0.6f, c.y - s * 0.1f), body_max(c.x + s * 0.6f, c.y + s * 0.75f);
    d->PathArcTo(ImVec2(c.x, body_min.y), s * 0.38f, core::pi_v<float>, 2 * core::pi_v<float>, 16);
    d->PathStroke(color, 0, thickness);
    d->AddRectFilled(body_min, body_max, color, s * 0.15f);
}

float draw_header(Frame& frame, float auto_leave_s) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    const float bar = frame.dp(frame.theme.metrics.bar_height);
    const float margin = margin_of(frame);
    const float button_h = frame.theme.touch();
    frame.draw->AddRectFilled(ImVec2(0, 0), ImVec2(frame.size.x, bar), p.background_top);
    frame.draw->AddRectFilled(ImVec2(0, 0), ImVec2(frame.size.x, frame.dp(6)), p.accent_soft);
    frame.draw->AddLine(ImVec2(0, bar - 1), ImVec2(frame.size.x, bar - 1), p.outline, 1);

    const float leave_w = button_width(frame, "Leave", button_h, frame.dp(150));
    const Rect leave = rect_at(frame.size.x - margin - leave_w, (bar - button_h) / 2, leave_w, button_h);
    button(c, leave, "Leave", ButtonLook::secondary, true, model::LeaveOperatorMode{});
    float right = leave.min.x - frame.dp(24);

    if (auto_leave_s > 0 && auto_leave_s < kCountdownFrom) {
        // A small ring that empties, and the seconds: staff see the panel is about to close.
        const float size = body_size(frame) * 0.85f;
        const std::string text = "Leaving in " + std::to_string(static_cast<int>(std::ceil(auto_leave_s))) + " s";
        const float w = measure(frame, frame.fonts.body, size, text);
        c.text(frame.fonts.body, size, ImVec2(right - w, bar / 2 - size * 0.58f), p.text_muted, text);
        const float radius = frame.dp(13);
        const ImVec2 centre(right - w - frame.dp(12) - radius, bar / 2);
        frame.draw->AddCircle(centre, radius, p.surface_pressed, 32, frame.dp(4));
        const float start = -core::pi_v<float> / 2;
        frame.draw->PathArcTo(centre, radius, start, start + 2 * core::pi_v<float> * auto_leave_s / kCountdownFrom, 32);
        frame.draw->PathStroke(p.accent, 0, frame.dp(4));
        right = centre.x - radius - frame.dp(24);
    }

    const Font font = frame.fonts.heading;
    const float size = drawn_size(font);
    c.line(font, size, ImVec2(margin, (bar - size) / 2), right - margin, p.text, "Operator");
    return bar;
}

} // namespace pavilion::screens::operator_drawing
