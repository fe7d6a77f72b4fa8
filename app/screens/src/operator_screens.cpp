#include "pavilion/screens/operator_screens.hpp"

#include "pavilion/core/line_breaker.hpp"
#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/info_screens.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace pavilion::screens {
namespace {

// The palette has no error colour (visitors never see an error), so the operator screens and a
// failed update use this one: a warm red that reads on the calm navy (about 5:1) and on the
// high-contrast black (about 6.5:1), and is neither the gold accent nor the teal.
constexpr ImU32 kErrorColor = IM_COL32(240, 98, 86, 255);
constexpr std::size_t kLogLinesShown = 12;
constexpr std::size_t kTopItemsShown = 5;
constexpr std::size_t kLanguagesShown = 6;
constexpr float kCountdownFrom = 30; // seconds: the auto-leave countdown shows below this

struct Rect {
    ImVec2 min;
    ImVec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

Rect rect_at(float x, float y, float w, float h) { return {ImVec2(x, y), ImVec2(x + w, y + h)}; }

Intent action(std::string value) { return Intent{Intent::Kind::operator_action, std::move(value)}; }

float measure(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

void pop_code_point(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break; // stop after the lead byte
    }
}

// One line that fits width: line breaks and tabs become spaces, and what does not fit is cut
// with "..." (ASCII: the atlas may hold no ellipsis character for operator text).
std::string fit(ImFont* font, float size, std::string_view text, float width) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (measure(font, size, line) <= width) return line;
    const std::string dots = "...";
    while (!line.empty() && measure(font, size, line + dots) > width) pop_code_point(line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line.empty() ? std::string() : line + dots;
}

// Lines of at most width, by Pavilion's line breaker; the last of max_lines is cut with "...".
std::vector<std::string> wrap(ImFont* font, float size, std::string_view text, float width, int max_lines) {
    const core::MeasureText m = [&](std::string_view piece) { return measure(font, size, piece); };
    const auto ranges = core::break_lines(text, width, m);
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (static_cast<int>(lines.size()) + 1 == max_lines && i + 1 < ranges.size()) {
            lines.push_back(fit(font, size, text.substr(ranges[i].begin), width));
            break;
        }
        lines.push_back(fit(font, size, text.substr(ranges[i].begin, ranges[i].end - ranges[i].begin), width));
    }
    return lines;
}

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

std::string megabytes(double mb, bool whole) { return format(whole ? "%.0f MB" : "%.1f MB", std::max(mb, 0.0)); }

std::string duration(int seconds) {
    if (seconds < 120) return std::to_string(seconds) + " s";
    const int minutes = seconds / 60, rest = seconds % 60;
    return std::to_string(minutes) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
}

bool is_hex(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// Draws into the frame, or only lays out: the panel's cards are measured first (live == false)
// to place them in columns, then drawn by the same code, so measuring cannot drift from drawing.
struct Canvas {
    Frame& frame;
    bool live;

    const Palette& palette() const { return frame.theme.palette; }
    float dp(float v) const { return frame.dp(v); }
    ImDrawList* draw() const { return frame.draw; }
    float body() const { return body_size(frame); }

    void text(ImFont* font, float size, ImVec2 pos, ImU32 color, const std::string& text) const {
        if (live && !text.empty()) frame.draw->AddText(font, size, pos, color, text.data(), text.data() + text.size());
    }
    // One line cut to width; returns its height.
    float line(ImFont* font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
               float line_height = 1.4f) const {
        if (live && width > 0) text(font, size, pos, color, fit(font, size, content, width));
        return size * line_height;
    }
    // One line ending at right; returns its width.
    float line_right(ImFont* font, float size, float right, float y, float width, ImU32 color,
                     std::string_view content) const {
        const std::string shown = fit(font, size, content, width);
        const float w = measure(font, size, shown);
        text(font, size, ImVec2(right - w, y), color, shown);
        return w;
    }
    float wrapped(ImFont* font, float size, ImVec2 pos, float width, ImU32 color, std::string_view content,
                  int max_lines, float line_height = 1.4f) const {
        const auto lines = wrap(font, size, content, width, max_lines);
        for (std::size_t i = 0; i < lines.size(); ++i)
            text(font, size, ImVec2(pos.x, pos.y + i * size * line_height), color, lines[i]);
        return static_cast<float>(lines.size()) * size * line_height;
    }
    // Text centred on a point (labels of keys and buttons).
    void centred(ImFont* font, float size, ImVec2 centre, float width, ImU32 color, std::string_view content) const {
        const std::string shown = fit(font, size, content, width);
        const float w = measure(font, size, shown);
        text(font, size, ImVec2(centre.x - w / 2, centre.y - size / 2 - size * 0.04f), color, shown);
    }
};

enum class Look { primary, secondary };

// A button's body; registers its target when enabled. Returns the colour for its label.
ImU32 button_body(const Canvas& c, Rect r, Look look, bool enabled, const std::string& value, float radius) {
    const auto& p = c.palette();
    if (!c.live) return p.text;
    ImDrawList* d = c.draw();
    ImU32 ink = p.text;
    if (!enabled) {
        d->AddRect(r.min, r.max, with_alpha(p.outline, 0.5f), radius, 0, c.dp(2));
        ink = with_alpha(p.text, 0.35f);
    } else if (look == Look::primary) {
        d->AddRectFilled(r.min, r.max, p.accent, radius);
        if (c.frame.pressed(r.min, r.max)) d->AddRectFilled(r.min, r.max, with_alpha(p.scrim, 0.3f), radius);
        ink = p.on_accent;
    } else {
        d->AddRectFilled(r.min, r.max, c.frame.pressed(r.min, r.max) ? p.surface_pressed : p.surface, radius);
        d->AddRect(r.min, r.max, p.outline, radius, 0, c.dp(2));
    }
    if (enabled) c.frame.targets.add(r.min, r.max, action(value));
    return ink;
}

// A rounded button with a label in the body font (or another).
void button(const Canvas& c, Rect r, std::string_view label, Look look, bool enabled, const std::string& value,
            ImFont* font = nullptr, float size = 0) {
    font = font ? font : c.frame.fonts.body;
    size = size > 0 ? size : drawn_size(font);
    const ImU32 ink = button_body(c, r, look, enabled, value, r.height() / 2);
    c.centred(font, size, ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2), r.width() - r.height() * 0.5f,
              ink, label);
}

// The width of a button that holds label with room around it, like the visitor screens' pills.
float button_width(const Frame& frame, std::string_view label, float height, float minimum = 0) {
    return std::max(minimum, measure(frame.fonts.body, body_size(frame), label) + height * 0.9f);
}

float margin_of(const Frame& frame) {
    return frame.dp(frame.theme.metrics.margin) * (frame.size.y > frame.size.x ? 0.75f : 1.0f);
}

// Marks: drawn, since the atlas has no symbol characters for them.
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

// The operator's bar: a teal edge marks staff mode; "Operator" on the left; the auto-leave
// countdown and Leave on the right. Returns its height.
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
    button(c, leave, "Leave", Look::secondary, true, "leave");
    float right = leave.min.x - frame.dp(24);

    if (auto_leave_s > 0 && auto_leave_s < kCountdownFrom) {
        // A small ring that empties, and the seconds: staff see the panel is about to close.
        const float size = body_size(frame) * 0.85f;
        const std::string text = "Leaving in " + std::to_string(static_cast<int>(std::ceil(auto_leave_s))) + " s";
        const float w = measure(frame.fonts.body, size, text);
        c.text(frame.fonts.body, size, ImVec2(right - w, bar / 2 - size * 0.58f), p.text_muted, text);
        const float radius = frame.dp(13);
        const ImVec2 centre(right - w - frame.dp(12) - radius, bar / 2);
        frame.draw->AddCircle(centre, radius, p.surface_pressed, 32, frame.dp(4));
        frame.draw->PathArcTo(centre, radius, -core::pi_v<float> / 2, -core::pi_v<float> / 2 + 2 * core::pi_v<float> * auto_leave_s / kCountdownFrom, 32);
        frame.draw->PathStroke(p.accent, 0, frame.dp(4));
        right = centre.x - radius - frame.dp(24);
    }

    ImFont* font = frame.fonts.heading;
    const float size = drawn_size(font);
    c.line(font, size, ImVec2(margin, (bar - size) / 2), right - margin, p.text, "Operator");
    return bar;
}

// ---- the PIN pad ----

void draw_key_digit(const Canvas& c, Rect r, int digit, bool enabled) {
    const ImU32 ink = button_body(c, r, Look::secondary, enabled, "digit:" + std::to_string(digit),
                                  c.dp(c.frame.theme.metrics.radius));
    // Digits from the display face: the atlas has them large and sharp.
    ImFont* font = c.frame.fonts.display;
    const float size = std::min(drawn_size(font) * 0.66f, r.height() * 0.5f);
    c.centred(font, size, ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2), r.width(), ink,
              std::to_string(digit));
}

void draw_key_backspace(const Canvas& c, Rect r, bool enabled) {
    const ImU32 ink = button_body(c, r, Look::secondary, enabled, "backspace", c.dp(c.frame.theme.metrics.radius));
    if (!c.live) return;
    // A key cap pointing left with a cross in it.
    const ImVec2 m((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2);
    const float h = std::min(r.height() * 0.17f, c.dp(22)), w = h * 1.5f;
    const float stroke = c.dp(3);
    const std::array<ImVec2, 5> outline{ImVec2(m.x - w - h * 0.6f, m.y), ImVec2(m.x - w + h * 0.3f, m.y - h),
                                        ImVec2(m.x + w, m.y - h), ImVec2(m.x + w, m.y + h),
                                        ImVec2(m.x - w + h * 0.3f, m.y + h)};
    c.draw()->AddPolyline(outline.data(), 5, ink, ImDrawFlags_Closed, stroke);
    const ImVec2 x(m.x + w * 0.2f, m.y);
    const float s = h * 0.45f;
    c.draw()->AddLine(ImVec2(x.x - s, x.y - s), ImVec2(x.x + s, x.y + s), ink, stroke);
    c.draw()->AddLine(ImVec2(x.x - s, x.y + s), ImVec2(x.x + s, x.y - s), ink, stroke);
}

} // namespace

void draw_operator_pin(Frame& frame, const OperatorPinView& view) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    draw_background(frame);
    const float bar = draw_header(frame, 0);
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = margin_of(frame);
    const float touch = frame.theme.touch();

    ImFont* heading = frame.fonts.heading;
    const float prompt_size = drawn_size(heading);
    const float message_size = body_size(frame);
    const float dot_radius = frame.dp(11);
    const float gap = frame.dp(portrait ? 20 : 16);
    // The prompt, the dots, a line for the message (kept when empty, so the keypad never jumps).
    const float above = prompt_size * 1.3f + frame.dp(28) + dot_radius * 2 + frame.dp(20) + message_size * 1.4f +
                        frame.dp(28);
    const float available = frame.size.y - bar - margin;
    float key_h = frame.dp(portrait ? 128 : 104);
    key_h = std::max(touch, std::min(key_h, (available - above - 3 * gap) / 4));
    const float key_w = std::max(key_h, std::min(frame.dp(portrait ? 230 : 184), (frame.size.x - 2 * margin - 2 * gap) / 3));
    const float pad_w = 3 * key_w + 2 * gap;
    const float block_h = above + 4 * key_h + 3 * gap;
    const float cx = frame.size.x / 2;
    float y = bar + std::max(frame.dp(16), (available - block_h) / 2);

    const std::string prompt = view.locked ? "The keypad is locked" : "Enter the operator PIN";
    const float prompt_w = std::min(measure(heading, prompt_size, prompt), frame.size.x - 2 * margin);
    c.line(heading, prompt_size, ImVec2(cx - prompt_w / 2, y), prompt_w + 1, p.text, prompt);
    y += prompt_size * 1.3f + frame.dp(28);

    // The digits entered, as dots (never the digits themselves); a padlock while locked.
    const float dots_centre = y + dot_radius;
    if (view.locked) {
        draw_padlock(frame.draw, ImVec2(cx, dots_centre - dot_radius * 0.3f), dot_radius * 2.2f, kErrorColor, frame.dp(4));
    } else {
        const int slots = std::clamp(view.max_digits, 1, 16);
        const int filled = std::clamp(view.digits_entered, 0, slots);
        const float step = dot_radius * 3.2f;
        const float x0 = cx - step * (slots - 1) / 2;
        for (int i = 0; i < slots; ++i) {
            const ImVec2 centre(x0 + step * i, dots_centre);
            if (i < filled) frame.draw->AddCircleFilled(centre, dot_radius, p.text, 24);
            else frame.draw->AddCircle(centre, dot_radius - frame.dp(1), p.text_muted, 24, frame.dp(2));
        }
    }
    y += dot_radius * 2 + frame.dp(20);

    if (!view.message.empty()) {
        const float width = frame.size.x - 2 * margin;
        const std::string shown = fit(frame.fonts.body, message_size, view.message, width);
        const float w = measure(frame.fonts.body, message_size, shown);
        c.text(frame.fonts.body, message_size, ImVec2(cx - w / 2, y), view.message_is_error ? kErrorColor : p.text_muted,
               shown);
    }
    y += message_size * 1.4f + frame.dp(28);

    // 1 2 3 / 4 5 6 / 7 8 9 / backspace 0 OK
    const bool open = !view.locked;
    const bool room = view.digits_entered < view.max_digits;
    const float x0 = cx - pad_w / 2;
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 3; ++column) {
            const Rect r = rect_at(x0 + column * (key_w + gap), y + row * (key_h + gap), key_w, key_h);
            if (row < 3) {
                draw_key_digit(c, r, row * 3 + column + 1, open && room);
            } else if (column == 0) {
                draw_key_backspace(c, r, open && view.digits_entered > 0);
            } else if (column == 1) {
                draw_key_digit(c, r, 0, open && room);
            } else {
                const bool ready = open && view.digits_entered >= 4;
                const ImU32 ink = button_body(c, r, Look::primary, ready, "submit", frame.dp(frame.theme.metrics.radius));
                c.centred(heading, prompt_size, ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2), r.width(), ink,
                          "OK");
            }
        }
    }
}

namespace {

// ---- the panel's cards ----

// Sizes shared by the cards.
struct Type {
    float title;   // card titles, heading face
    float body;    // values
    float label;   // section labels, bold
    float small;   // details, muted
    float pad;     // inside a card
    float row;     // the card's title row: room for a touch-sized button
};

Type type_of(const Frame& frame) {
    const float body = body_size(frame);
    return {drawn_size(frame.fonts.heading) * 0.9f, body * 0.92f, body * 0.78f, body * 0.8f,
            frame.dp(frame.theme.metrics.padding), frame.theme.touch()};
}

// The title row of a card, as tall as a button when one sits beside the title; returns the y
// below it.
float card_title(const Canvas& c, const Type& t, ImVec2 pos, float width, std::string_view title,
                 bool with_button = false) {
    ImFont* font = c.frame.fonts.heading;
    const float row = with_button ? t.row : t.title * 1.3f;
    c.line(font, t.title, ImVec2(pos.x, pos.y + (row - t.title) / 2), width, c.palette().text, title);
    return pos.y + row + c.dp(with_button ? 12 : 18);
}

// A small bold label over a section, in the accent.
float section_label(const Canvas& c, const Type& t, ImVec2 pos, float width, std::string_view label) {
    return c.line(c.frame.fonts.body_bold, t.label, pos, width, c.palette().accent, label, 1.5f);
}

float divider(const Canvas& c, float x, float y, float width) {
    const float space = c.dp(18);
    if (c.live) c.draw()->AddLine(ImVec2(x, y + space), ImVec2(x + width, y + space), c.palette().outline, c.dp(1));
    return space * 2;
}

std::string signer_text(const std::string& signer) {
    if (signer == "built-in") return "Built-in key";
    if (is_hex(signer)) return "Key " + signer;
    return signer;
}

// Title, version, date, id and signer of a pack; returns the height used.
float pack_block(const Canvas& c, const Type& t, const OperatorPackInfo& info, ImVec2 pos, float width,
                 std::string_view label, std::string_view absent) {
    const auto& p = c.palette();
    float y = pos.y + section_label(c, t, pos, width, label);
    if (!info.present) return y + c.line(c.frame.fonts.body, t.body, ImVec2(pos.x, y), width, p.text_muted, absent) - pos.y;
    const std::string& title = info.title.empty() ? info.id : info.title;
    y += c.line(c.frame.fonts.body_bold, t.body, ImVec2(pos.x, y), width, p.text, title);
    std::string meta = "Version " + std::to_string(info.version);
    if (!info.created.empty()) meta += "    Created " + info.created;
    y += c.line(c.frame.fonts.body, t.small, ImVec2(pos.x, y), width, p.text_muted, meta);
    std::string origin = info.id.empty() ? "" : "ID " + info.id;
    if (!info.signer.empty()) origin += (origin.empty() ? "" : "    ") + signer_text(info.signer);
    if (!origin.empty()) y += c.line(c.frame.fonts.body, t.small, ImVec2(pos.x, y), width, p.text_muted, origin);
    return y - pos.y;
}

float content_card(const Canvas& c, const OperatorView& view, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    const float gap = c.dp(20);
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Content");

    y += pack_block(c, t, view.current, ImVec2(x, y), inner, "NOW SHOWING", "No pack installed");
    y += divider(c, x, y, inner);

    // The previous pack, with Roll back beside it.
    const float back_w = button_width(c.frame, "Roll back", t.row, c.dp(170));
    const float text_w = view.previous.present ? inner - back_w - gap : inner;
    const float block = pack_block(c, t, view.previous, ImVec2(x, y), text_w, "PREVIOUS",
                                   "None yet: roll back is possible after the next install");
    if (view.previous.present) {
        const float button_y = y + std::max(0.0f, (block - t.row) / 2);
        button(c, rect_at(x + inner - back_w, button_y, back_w, t.row), "Roll back", Look::secondary, true, "rollback");
        y += std::max(block, t.row);
    } else {
        y += block;
    }
    y += divider(c, x, y, inner);

    // Packs on sticks and in inboxes, each with Install.
    y += section_label(c, t, ImVec2(x, y), inner, "FOUND ON STICKS AND IN INBOXES");
    if (view.candidates.empty())
        y += c.line(c.frame.fonts.body, t.body, ImVec2(x, y), inner, p.text_muted, "No packs found: insert a USB stick");
    const float install_w = button_width(c.frame, "Install", t.row, c.dp(150));
    for (std::size_t i = 0; i < view.candidates.size(); ++i) {
        const auto& candidate = view.candidates[i];
        const float row_h = std::max(t.row, t.body * 1.4f + t.small * 1.4f);
        const float text_h = t.body * 1.4f + (candidate.where.empty() ? 0 : t.small * 1.4f);
        const float ty = y + (row_h - text_h) / 2;
        const float name_w = inner - install_w - gap;
        c.line(c.frame.fonts.body_bold, t.body, ImVec2(x, ty), name_w, p.text, candidate.name);
        c.line(c.frame.fonts.body, t.small, ImVec2(x, ty + t.body * 1.4f), name_w, p.text_muted, candidate.where);
        button(c, rect_at(x + inner - install_w, y + (row_h - t.row) / 2, install_w, t.row), "Install",
               Look::secondary, true, "install:" + std::to_string(i));
        y += row_h + (i + 1 < view.candidates.size() ? c.dp(12) : 0);
    }
    return y + t.pad - pos.y;
}

// A round button with a drawn minus or plus.
void step_button(const Canvas& c, Rect r, bool plus, bool enabled, const std::string& value) {
    const ImU32 ink = button_body(c, r, Look::secondary, enabled, value, r.height() / 2);
    if (!c.live) return;
    const ImVec2 m((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2);
    const float s = r.height() * 0.2f, stroke = c.dp(3.5f);
    c.draw()->AddLine(ImVec2(m.x - s, m.y), ImVec2(m.x + s, m.y), ink, stroke);
    if (plus) c.draw()->AddLine(ImVec2(m.x, m.y - s), ImVec2(m.x, m.y + s), ink, stroke);
}

float settings_card(const Canvas& c, const OperatorView& view, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Settings");

    // Idle timeout: [-] 90 s [+] on the right, what it means on the left.
    y += section_label(c, t, ImVec2(x, y), inner, "IDLE TIMEOUT");
    ImFont* heading = c.frame.fonts.heading;
    const float value_size = drawn_size(heading) * 0.85f;
    const float value_w = std::max(c.dp(150), measure(heading, value_size, "10 min 30 s") + c.dp(16));
    const float controls_w = 2 * t.row + value_w;
    const float hint_w = inner - controls_w - c.dp(20);
    const char* hint = "Back to the start after this long without a touch";
    const float hint_h = text_height(c.frame.fonts.body, t.small, hint, hint_w, 2, 1.35f);
    const float row_h = std::max(t.row, hint_h);
    c.wrapped(c.frame.fonts.body, t.small, ImVec2(x, y + (row_h - hint_h) / 2), hint_w, p.text_muted,
              hint, 2, 1.35f);
    const float cx = x + inner - controls_w;
    const float by = y + (row_h - t.row) / 2;
    step_button(c, rect_at(cx, by, t.row, t.row), false, view.idle_timeout_s > view.idle_min_s, "idle:-30");
    c.centred(heading, value_size, ImVec2(cx + t.row + value_w / 2, by + t.row / 2), value_w, p.text,
              duration(view.idle_timeout_s));
    step_button(c, rect_at(cx + t.row + value_w, by, t.row, t.row), true, view.idle_timeout_s < view.idle_max_s,
                "idle:+30");
    y += row_h + c.dp(24);

    // The language a new visitor starts in: one pill per language, the default filled.
    y += section_label(c, t, ImVec2(x, y), inner, "DEFAULT LANGUAGE");
    if (view.locales.empty())
        y += c.line(c.frame.fonts.body, t.body, ImVec2(x, y), inner, p.text_muted, "The pack lists no languages");
    const float gap = c.dp(12);
    float px = x;
    for (std::size_t i = 0; i < view.locales.size(); ++i) {
        const auto& [code, name] = view.locales[i];
        const std::string& label = name.empty() ? code : name;
        const float w = std::min(pill_width(c.frame, t.row, label), inner);
        if (px + w > x + inner && px > x) { // wrap onto a new row
            px = x;
            y += t.row + gap;
        }
        if (c.live)
            draw_pill(c.frame, ImVec2(px, y), t.row, label,
                      code == view.default_locale ? PillStyle::filled : PillStyle::outlined,
                      action("locale:" + code));
        px += w + gap;
    }
    if (!view.locales.empty()) y += t.row;
    return y + t.pad - pos.y;
}

// Rows of a name, a count and a bar in proportion to the largest count.
float count_rows(const Canvas& c, const Type& t, const std::vector<std::pair<std::string, int>>& rows,
                 std::size_t limit, ImVec2 pos, float width, std::string_view empty,
                 const std::vector<std::pair<std::string, std::string>>* names = nullptr) {
    const auto& p = c.palette();
    if (rows.empty()) return c.line(c.frame.fonts.body, t.body, pos, width, p.text_muted, empty);
    int largest = 1;
    for (const auto& row : rows) largest = std::max(largest, row.second);
    const float line_h = t.body * 1.35f, bar_h = c.dp(4), row_h = line_h + bar_h + c.dp(10);
    float y = pos.y;
    for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
        std::string label = rows[i].first;
        if (names) {
            for (const auto& [code, name] : *names)
                if (code == label && !name.empty()) label = name + " (" + code + ")";
        }
        const std::string count = format_figure(rows[i].second, 0, 1, "en");
        const float count_w = c.line_right(c.frame.fonts.body_bold, t.body, pos.x + width, y, width / 3, p.text, count);
        c.line(c.frame.fonts.body, t.body, ImVec2(pos.x, y), width - count_w - c.dp(16), p.text, label, 1.35f);
        if (c.live) {
            const float share = std::clamp(static_cast<float>(rows[i].second) / largest, 0.0f, 1.0f);
            const ImVec2 bar(pos.x, y + line_h);
            c.draw()->AddRectFilled(bar, ImVec2(pos.x + width, bar.y + bar_h), p.surface, bar_h / 2);
            if (share > 0)
                c.draw()->AddRectFilled(bar, ImVec2(pos.x + std::max(bar_h, width * share), bar.y + bar_h), p.accent_soft,
                                        bar_h / 2);
        }
        y += row_h;
    }
    return y - pos.y - c.dp(10); // no gap after the last row
}

float visitors_card(const Canvas& c, const OperatorView& view, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    // Export beside the title: the statistics as CSV onto the stick.
    const float export_w = button_width(c.frame, "Export CSV", t.row, c.dp(180));
    const float title_y = pos.y + t.pad;
    float title_w = inner;
    if (view.stick_present) {
        button(c, rect_at(x + inner - export_w, title_y, export_w, t.row), "Export CSV", Look::secondary, true, "export");
        title_w -= export_w + c.dp(16);
    } else {
        const float w = c.line_right(c.frame.fonts.body, t.small, x + inner, title_y + (t.row - t.small) / 2, inner * 0.6f,
                                     p.text_muted, "Insert a USB stick to export");
        title_w -= w + c.dp(16);
    }
    float y = card_title(c, t, ImVec2(x, title_y), title_w, "Visitors", true);

    // Two numbers, large.
    ImFont* display = c.frame.fonts.display;
    const float number = std::min(drawn_size(display) * 0.8f, c.dp(56));
    const float gap = c.dp(16);
    const float tile_w = (inner - gap) / 2, tile_h = c.dp(20) + number * 1.15f + t.small * 1.4f + c.dp(16);
    const std::pair<int, const char*> tiles[] = {{view.stats.sessions_today, "Sessions today"},
                                                 {view.stats.sessions_week, "Sessions, last 7 days"}};
    for (int i = 0; i < 2; ++i) {
        const Rect r = rect_at(x + i * (tile_w + gap), y, tile_w, tile_h);
        if (c.live) c.draw()->AddRectFilled(r.min, r.max, p.surface, c.dp(14));
        const float tx = r.min.x + c.dp(20);
        c.line(display, number, ImVec2(tx, r.min.y + c.dp(20)), tile_w - c.dp(40), p.accent,
               format_figure(tiles[i].first, 0, 1, "en"));
        c.line(c.frame.fonts.body, t.small, ImVec2(tx, r.min.y + c.dp(20) + number * 1.15f), tile_w - c.dp(40), p.text_muted,
               tiles[i].second);
    }
    y += tile_h + c.dp(24);

    y += section_label(c, t, ImVec2(x, y), inner, "MOST OPENED, LAST 7 DAYS");
    y += count_rows(c, t, view.stats.top_items, kTopItemsShown, ImVec2(x, y), inner, "Nothing opened yet");
    y += c.dp(20);
    y += section_label(c, t, ImVec2(x, y), inner, "LANGUAGES, LAST 7 DAYS");
    y += count_rows(c, t, view.stats.languages, kLanguagesShown, ImVec2(x, y), inner, "No sessions yet", &view.locales);
    return y + t.pad - pos.y;
}

float diagnostics_card(const Canvas& c, const OperatorView& view, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Diagnostics");
    const auto& d = view.diagnostics;
    const std::string fps = format(d.fps >= 10 ? "%.0f fps" : "%.1f fps", d.fps);
    const std::string frames = format("%.1f ms median, ", d.frame_p50_ms) + format("%.1f ms slowest 1%%", d.frame_p99_ms);
    const std::string memory = format("%.0f MB in use, ", d.rss_mb) + format("%.0f MB of pictures", d.textures_mb);
    const std::string texture = d.max_texture > 0 ? std::to_string(d.max_texture) + " px" : "unknown";
    const std::pair<const char*, std::string> rows[] = {
        {"Frame rate", fps},
        {"Frame time", frames},
        {"Memory", memory},
        {"Graphics", d.gl_renderer.empty() ? "unknown" : d.gl_renderer},
        {"Max texture", texture},
        {"Version", d.version.empty() ? "unknown" : d.version},
    };
    const float key_w = std::min(inner * 0.34f, c.dp(190));
    for (const auto& [key, value] : rows) {
        c.line(c.frame.fonts.body, t.small, ImVec2(x, y + (t.body - t.small) * 0.7f), key_w - c.dp(12), p.text_muted, key);
        y += c.line(c.frame.fonts.body, t.body, ImVec2(x + key_w, y), inner - key_w, p.text, value, 1.45f);
    }
    return y + t.pad - pos.y;
}

float log_card(const Canvas& c, const OperatorView& view, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    c.line_right(c.frame.fonts.body, t.small, x + inner, pos.y + t.pad + (t.title * 1.3f - t.small) / 2, inner / 2,
                 p.text_muted, "Newest last");
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner * 0.5f, "Recent log");
    // The lines on a darker well, each cut to one line.
    const float size = t.small * 0.95f, line_h = size * 1.4f, well_pad = c.dp(16);
    const std::size_t shown = std::min(view.log_lines.size(), kLogLinesShown);
    const float well_h = well_pad * 2 + line_h * static_cast<float>(std::max<std::size_t>(shown, 1));
    if (c.live) c.draw()->AddRectFilled(ImVec2(x, y), ImVec2(x + inner, y + well_h), with_alpha(p.scrim, 0.45f), c.dp(12));
    float ly = y + well_pad;
    if (shown == 0)
        c.line(c.frame.fonts.body, size, ImVec2(x + well_pad, ly), inner - 2 * well_pad, p.text_muted,
               "Nothing logged yet");
    for (std::size_t i = view.log_lines.size() - shown; i < view.log_lines.size(); ++i) {
        const bool newest = i + 1 == view.log_lines.size();
        ly += c.line(c.frame.fonts.body, size, ImVec2(x + well_pad, ly), inner - 2 * well_pad,
                     newest ? p.text : p.text_muted, view.log_lines[i]);
    }
    return y + well_h + t.pad - pos.y;
}

// The last action's result, under the header: accent for success, the error colour otherwise.
float draw_message(Frame& frame, const OperatorView& view, float top, float margin) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    const Type t = type_of(frame);
    const ImU32 tone = view.message_is_error ? kErrorColor : p.accent;
    const float width = frame.size.x - 2 * margin;
    const float icon = frame.dp(40), left = frame.dp(24) + icon + frame.dp(20), right = frame.dp(24);
    const float text_h = text_height(frame.fonts.body_bold, t.body, view.message, width - left - right, 2, 1.4f);
    const float shown_h = std::min(text_h, t.body * 1.4f * 2);
    const float height = std::max(frame.theme.touch(), shown_h + frame.dp(32));
    const Rect r = rect_at(margin, top, width, height);
    const float radius = frame.dp(frame.theme.metrics.radius);
    frame.draw->AddRectFilled(r.min, r.max, p.background_bottom, radius);
    frame.draw->AddRectFilled(r.min, r.max, p.surface, radius);
    frame.draw->AddRect(r.min, r.max, tone, radius, 0, frame.dp(2));
    const ImVec2 centre(r.min.x + frame.dp(24) + icon / 2, (r.min.y + r.max.y) / 2);
    frame.draw->AddCircleFilled(centre, icon / 2, tone, 32);
    if (view.message_is_error) draw_exclamation(frame.draw, centre, icon * 0.5f, p.on_accent, frame.dp(4));
    else draw_check(frame.draw, centre, icon * 0.5f, p.on_accent, frame.dp(4));
    c.wrapped(frame.fonts.body_bold, t.body, ImVec2(r.min.x + left, (r.min.y + r.max.y) / 2 - shown_h / 2),
              width - left - right, p.text, view.message, 2, 1.4f);
    return height;
}

using CardFn = float (*)(const Canvas&, const OperatorView&, ImVec2, float);

} // namespace

void OperatorPanel::draw(Frame& frame, const OperatorView& view) {
    const auto& p = frame.theme.palette;
    const auto& m = frame.theme.metrics;
    draw_background(frame);
    const float bar = draw_header(frame, view.seconds_until_auto_leave);
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = margin_of(frame);
    const float gutter = frame.dp(m.gutter);
    float top = bar;
    if (!view.message.empty()) top += frame.dp(16) + draw_message(frame, view, bar + frame.dp(16), margin);

    // Two columns when there is room for two cards side by side, else one.
    const float available = frame.size.x - 2 * margin;
    const int columns = !portrait && available >= frame.dp(1100) ? 2 : 1;
    const float width = (available - gutter * (columns - 1)) / columns;
    static constexpr std::array<CardFn, 5> cards{content_card, settings_card, visitors_card, diagnostics_card, log_card};

    // Measure, then place each card at the foot of the shorter column (in order, left first).
    const Canvas measuring{frame, false};
    std::array<float, 5> heights{};
    std::array<ImVec2, 5> places{};
    std::array<float, 2> column_y{frame.dp(16), frame.dp(16)};
    for (std::size_t i = 0; i < cards.size(); ++i) {
        heights[i] = cards[i](measuring, view, ImVec2(0, 0), width);
        const int column = columns == 2 && column_y[1] < column_y[0] ? 1 : 0;
        places[i] = ImVec2(margin + column * (width + gutter), column_y[column]);
        column_y[column] += heights[i] + gutter;
    }
    const float content_h = std::max(column_y[0], columns == 2 ? column_y[1] : 0.0f) - gutter + margin;

    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    const Canvas canvas{frame, true};
    const float radius = frame.dp(m.radius);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const ImVec2 min(places[i].x, top + places[i].y - offset);
        const ImVec2 max(min.x + width, min.y + heights[i]);
        if (max.y < top || min.y > frame.size.y) continue; // off screen
        frame.draw->AddRectFilled(min, max, p.surface, radius);
        cards[i](canvas, view, min, width);
    }
    // More below: the cards fade into the background at the bottom edge.
    if (top + content_h - offset > frame.size.y + 1) {
        const float fade = frame.dp(56);
        const ImU32 clear = with_alpha(p.background_bottom, 0);
        frame.draw->AddRectFilledMultiColor(ImVec2(0, frame.size.y - fade), frame.size, clear, clear,
                                            p.background_bottom, p.background_bottom);
    }
    scroll_.end(frame, content_h);
}

// ---- the update banner ----

bool update_banner_animating(const UpdateBanner& banner) {
    return banner.state == UpdateBanner::State::verifying ||
           (banner.state == UpdateBanner::State::copying && banner.total_mb <= 0);
}

void draw_update_banner(Frame& frame, const UpdateBanner& banner) {
    using State = UpdateBanner::State;
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    ImDrawList* d = frame.draw;
    const float margin = margin_of(frame);
    const float width = std::min(frame.size.x - 2 * margin, frame.dp(840));
    const float pad = frame.dp(24);
    const float icon = frame.dp(56);
    const float text_x = pad + icon + frame.dp(20);
    const float text_w = width - text_x - pad;
    ImFont* heading_font = frame.fonts.heading;
    const float heading_size = drawn_size(heading_font) * 0.85f;
    const float body = body_size(frame);
    const float small = body * 0.8f;
    const bool progress = banner.state == State::copying || banner.state == State::verifying;

    std::string heading = banner.heading;
    if (heading.empty()) {
        switch (banner.state) {
        case State::copying: heading = "Copying new content"; break;
        case State::verifying: heading = "Checking the new content"; break;
        case State::installed: heading = "New content installed"; break;
        case State::failed: heading = "Update failed"; break;
        }
    }
    std::vector<std::string> message;
    if (!progress && !banner.message.empty()) message = wrap(frame.fonts.body, body, banner.message, text_w, 2);
    const float bar_h = frame.dp(10);
    float height = pad + heading_size * 1.3f + (banner.title.empty() ? 0 : small * 1.4f);
    if (progress) height += frame.dp(14) + bar_h + frame.dp(10) + small * 1.4f;
    else if (!message.empty()) height += frame.dp(6) + static_cast<float>(message.size()) * body * 1.4f;
    height = std::max(height + pad, icon + 2 * pad);

    const ImVec2 min((frame.size.x - width) / 2, frame.size.y - margin - height), max(min.x + width, min.y + height);
    const float radius = frame.dp(24);
    // A soft shadow lifts the card off whatever screen is under it.
    for (int i = 3; i >= 1; --i) {
        const float grow = frame.dp(6.0f * i);
        d->AddRectFilled(ImVec2(min.x - grow, min.y - grow + frame.dp(6)), ImVec2(max.x + grow, max.y + grow + frame.dp(6)),
                         IM_COL32(0, 0, 0, 28), radius + grow);
    }
    d->AddRectFilled(min, max, p.background_top, radius);
    d->AddRectFilled(min, max, p.surface, radius);
    const ImU32 tone = banner.state == State::failed ? kErrorColor : banner.state == State::installed ? p.accent : p.outline;
    d->AddRect(min, max, tone, radius, 0, frame.dp(progress ? 2 : 3));

    // The icon: an arrow into a tray, a turning ring, a tick or an exclamation mark.
    const ImVec2 ic(min.x + pad + icon / 2, min.y + pad + icon / 2);
    const float stroke = frame.dp(4);
    const float seconds = static_cast<float>(frame.now % 100000) / 1000.0f;
    switch (banner.state) {
    case State::copying: {
        d->AddCircleFilled(ic, icon / 2, p.surface_pressed, 40);
        const float s = icon * 0.22f;
        d->AddLine(ImVec2(ic.x, ic.y - s * 1.2f), ImVec2(ic.x, ic.y + s * 0.5f), p.accent, stroke);
        const std::array<ImVec2, 3> head{ImVec2(ic.x - s * 0.7f, ic.y - s * 0.15f), ImVec2(ic.x, ic.y + s * 0.55f),
                                         ImVec2(ic.x + s * 0.7f, ic.y - s * 0.15f)};
        d->AddPolyline(head.data(), 3, p.accent, 0, stroke);
        const std::array<ImVec2, 4> tray{ImVec2(ic.x - s * 1.2f, ic.y + s * 0.5f), ImVec2(ic.x - s * 1.2f, ic.y + s * 1.2f),
                                         ImVec2(ic.x + s * 1.2f, ic.y + s * 1.2f), ImVec2(ic.x + s * 1.2f, ic.y + s * 0.5f)};
        d->AddPolyline(tray.data(), 4, p.text, 0, stroke);
        break;
    }
    case State::verifying: {
        d->AddCircle(ic, icon / 2 - stroke, p.surface_pressed, 40, stroke);
        const float start = seconds * 2 * core::pi_v<float> * 0.8f;
        d->PathArcTo(ic, icon / 2 - stroke, start, start + core::pi_v<float> * 0.6f, 20);
        d->PathStroke(p.accent, 0, stroke);
        break;
    }
    case State::installed:
        d->AddCircleFilled(ic, icon / 2, p.accent, 40);
        draw_check(d, ic, icon * 0.42f, p.on_accent, stroke * 1.2f);
        break;
    case State::failed:
        d->AddCircleFilled(ic, icon / 2, kErrorColor, 40);
        draw_exclamation(d, ic, icon * 0.45f, p.on_accent, stroke * 1.2f);
        break;
    }

    const float x = min.x + text_x;
    float y = min.y + pad;
    y += c.line(heading_font, heading_size, ImVec2(x, y), text_w, banner.state == State::failed ? kErrorColor : p.text,
                heading, 1.3f);
    if (!banner.title.empty()) y += c.line(frame.fonts.body, small, ImVec2(x, y), text_w, p.text_muted, banner.title);

    if (progress) {
        y += frame.dp(14);
        const ImVec2 track_min(x, y), track_max(x + text_w, y + bar_h);
        d->AddRectFilled(track_min, track_max, p.surface_pressed, bar_h / 2);
        const bool known = banner.state == State::copying && banner.total_mb > 0;
        if (known) {
            const float share = static_cast<float>(std::clamp(banner.copied_mb / banner.total_mb, 0.0, 1.0));
            if (share > 0)
                d->AddRectFilled(track_min, ImVec2(x + std::max(bar_h, text_w * share), track_max.y), p.accent, bar_h / 2);
        } else {
            // Unknown progress: a segment that sweeps across the track.
            const float phase = std::fmod(seconds / 1.6f, 1.0f);
            const float seg = text_w * 0.3f;
            const float sx = x - seg + (text_w + seg) * phase;
            d->PushClipRect(track_min, track_max, true);
            d->AddRectFilled(ImVec2(sx, y), ImVec2(sx + seg, y + bar_h), p.accent, bar_h / 2);
            d->PopClipRect();
        }
        y += bar_h + frame.dp(10);
        const bool whole = banner.total_mb >= 100;
        std::string amount;
        if (banner.state == State::verifying)
            amount = banner.total_mb > 0 ? "Verifying " + megabytes(banner.total_mb, whole) : "Verifying the signature";
        else if (banner.total_mb > 0)
            amount = megabytes(banner.copied_mb, whole) + " of " + megabytes(banner.total_mb, whole);
        else
            amount = megabytes(banner.copied_mb, banner.copied_mb >= 100) + " copied";
        float amount_w = text_w;
        if (banner.seconds_left >= 0) {
            const int left_s = static_cast<int>(std::ceil(banner.seconds_left));
            const std::string left = left_s >= 90 ? "about " + std::to_string((left_s + 30) / 60) + " min left"
                                                  : "about " + std::to_string(std::max(left_s, 1)) + " s left";
            amount_w -= c.line_right(frame.fonts.body, small, x + text_w, y, text_w / 2, p.text_muted, left) + frame.dp(16);
        }
        c.line(frame.fonts.body, small, ImVec2(x, y), amount_w, p.text, amount);
    } else if (!message.empty()) {
        y += frame.dp(6);
        for (const auto& line : message) {
            c.text(frame.fonts.body, body, ImVec2(x, y), p.text, line);
            y += body * 1.4f;
        }
    }
}

} // namespace pavilion::screens
