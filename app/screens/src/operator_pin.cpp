#include "pavilion/screens/operator_pin.hpp"

#include "operator_drawing.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace pavilion::screens {
namespace {

using namespace operator_drawing;

using Purpose = model::OperatorPinView::Purpose;

// Where the pad goes: the prompt, the dots and the message line above four rows of keys, and
// the recovery row under them when one is offered, centred in what the header leaves, keys as
// large as fit (never under a fingertip).
struct PadLayout {
    float prompt_size, message_size, dot_radius;
    float key_w, key_h, gap;
    float recovery_h; // 0 without the recovery row
    float top;        // of the prompt
};

// The recovery row: the code and how to use it on the left, Unlock with stick on the right.
float recovery_height(const Frame& frame, bool offered) {
    if (!offered) return 0;
    return frame.dp(28) + std::max(frame.theme.touch(), body_size(frame) * (1.4f + 1.3f * 0.8f));
}

PadLayout pad_layout(const Frame& frame, float bar, bool recovery) {
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = margin_of(frame);
    PadLayout l{};
    l.prompt_size = drawn_size(frame.fonts.heading);
    l.message_size = body_size(frame);
    l.dot_radius = frame.dp(11);
    l.gap = frame.dp(portrait ? 20 : 16);
    // The prompt, the dots, a line for the message (kept when empty, so the keypad never jumps).
    const float above = l.prompt_size * 1.3f + frame.dp(28) + l.dot_radius * 2 + frame.dp(20) +
                        l.message_size * 1.4f + frame.dp(28);
    const float available = frame.size.y - bar - margin;
    l.recovery_h = recovery_height(frame, recovery);
    const float key_h = frame.dp(portrait ? 128 : 104);
    l.key_h = std::max(frame.theme.touch(), std::min(key_h, (available - above - l.recovery_h - 3 * l.gap) / 4));
    l.key_w = std::max(l.key_h,
                       std::min(frame.dp(portrait ? 230 : 184), (frame.size.x - 2 * margin - 2 * l.gap) / 3));
    const float block_h = above + 4 * l.key_h + 3 * l.gap + l.recovery_h;
    l.top = bar + std::max(frame.dp(16), (available - block_h) / 2);
    return l;
}

// The digits entered, as dots (never the digits themselves); a padlock while locked.
void draw_dots(Frame& frame, const model::OperatorPinView& view, float cx, float centre_y, float radius) {
    const auto& p = frame.theme.palette;
    if (view.locked) {
        draw_padlock(frame.draw, ImVec2(cx, centre_y - radius * 0.3f), radius * 2.2f, kErrorColor, frame.dp(4));
        return;
    }
    const int slots = std::clamp(view.max_digits, 1, 16);
    const int filled = std::clamp(view.digits_entered, 0, slots);
    const float step = radius * 3.2f;
    const float x0 = cx - step * (slots - 1) / 2;
    for (int i = 0; i < slots; ++i) {
        const ImVec2 centre(x0 + step * i, centre_y);
        if (i < filled) frame.draw->AddCircleFilled(centre, radius, p.text, 24);
        else frame.draw->AddCircle(centre, radius - frame.dp(1), p.text_muted, 24, frame.dp(2));
    }
}

void draw_message(const Canvas& c, const OperatorMessage& message, float cx, float y, float size) {
    if (message.text.empty()) return;
    Frame& frame = c.frame;
    const std::string shown = fit(frame, frame.fonts.body, size, message.text, frame.size.x - 2 * margin_of(frame));
    const float w = measure(frame, frame.fonts.body, size, shown);
    c.text(frame.fonts.body, size, ImVec2(cx - w / 2, y), message.is_error ? kErrorColor : frame.theme.palette.text_muted,
           shown);
}

void draw_key_digit(const Canvas& c, Rect r, int digit, bool enabled) {
    const ImU32 ink = button_body(c, r, ButtonLook::secondary, enabled, model::PinDigit{digit},
                                  c.dp(c.frame.theme.metrics.radius));
    // Digits from the display face: the atlas has them large and sharp.
    const Font font = c.frame.fonts.display;
    const float size = std::min(drawn_size(font) * 0.66f, r.height() * 0.5f);
    c.centred(font, size, r.centre(), r.width(), ink, std::to_string(digit));
}

void draw_key_backspace(const Canvas& c, Rect r, bool enabled) {
    const ImU32 ink =
        button_body(c, r, ButtonLook::secondary, enabled, model::PinBackspace{}, c.dp(c.frame.theme.metrics.radius));
    if (!c.live) return;
    // A key cap pointing left with a cross in it.
    const ImVec2 m = r.centre();
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

void draw_key_submit(const Canvas& c, Rect r, bool enabled, float label_size) {
    const ImU32 ink =
        button_body(c, r, ButtonLook::primary, enabled, model::PinSubmit{}, c.dp(c.frame.theme.metrics.radius));
    c.centred(c.frame.fonts.heading, label_size, r.centre(), r.width(), ink, "OK");
}

// 1 2 3 / 4 5 6 / 7 8 9 / backspace 0 OK
void draw_keys(const Canvas& c, const model::OperatorPinView& view, const PadLayout& l, float x0, float y) {
    const bool open = !view.locked;
    const bool room = view.digits_entered < view.max_digits;
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 3; ++column) {
            const Rect r = rect_at(x0 + column * (l.key_w + l.gap), y + row * (l.key_h + l.gap), l.key_w, l.key_h);
            if (row < 3) draw_key_digit(c, r, row * 3 + column + 1, open && room);
            else if (column == 0) draw_key_backspace(c, r, open && view.digits_entered > 0);
            else if (column == 1) draw_key_digit(c, r, 0, open && room);
            else draw_key_submit(c, r, open && view.digits_entered >= view.min_digits, l.prompt_size);
        }
    }
}

// Under the keys, after a few lock-outs: the code a token must name, what to do with it, and
// the button (live only with a stick in).
void draw_recovery(const Canvas& c, const model::OperatorPinView& view, const PadLayout& l, float y) {
    Frame& frame = c.frame;
    const auto& p = c.palette();
    const float margin = margin_of(frame);
    const float width = std::min(frame.size.x - 2 * margin, frame.dp(1040));
    const float x = (frame.size.x - width) / 2, row = frame.theme.touch();
    y += frame.dp(28);
    const float h = l.recovery_h - frame.dp(28);
    const char* action = view.unlocking ? "Reading the stick..." : "Unlock with stick";
    const float button_w = button_width(frame, action, row, frame.dp(220));
    button(c, rect_at(x + width - button_w, y + (h - row) / 2, button_w, row), action, ButtonLook::primary,
           view.stick_present && !view.unlocking && !view.checking, model::UnlockWithStick{});
    const float text_w = width - button_w - frame.dp(24), size = l.message_size;
    const std::string label = "PIN forgotten, or kept locked? Recovery code ";
    const float label_w = std::min(measure(frame, frame.fonts.body_bold, size, label), text_w);
    const std::string how = view.stick_present ? "pavilion-pack unlock-token " + view.recovery_code +
                                                     " -s KEY, then PAVILION/unlock.token on this stick"
                                               : "Make a token with pavilion-pack unlock-token, then insert its stick";
    const float text_h = size * 1.4f + size * 0.8f * 1.3f;
    const float ty = y + (h - text_h) / 2;
    c.line(frame.fonts.body_bold, size, ImVec2(x, ty), text_w, p.text, label);
    // The code in the accent: it is what the operator reads out to whoever holds the key.
    c.line(frame.fonts.body_bold, size, ImVec2(x + label_w, ty), text_w - label_w, p.accent, view.recovery_code);
    c.line(frame.fonts.body, size * 0.8f, ImVec2(x, ty + size * 1.4f), text_w, p.text_muted, how, 1.3f);
}

std::string prompt_of(const model::OperatorPinView& view) {
    switch (view.purpose) {
    case Purpose::enter_pin: return view.locked ? "The keypad is locked" : "Enter the operator PIN";
    case Purpose::choose_new_pin: return "Choose a new operator PIN (4 to 8 digits)";
    case Purpose::repeat_new_pin: return "Type the new PIN again";
    }
    return {}; // not reached: every purpose is handled above
}

} // namespace

OperatorMessage pin_message(const model::OperatorPinView& view) {
    if (view.unlocking) return {"Reading the unlock token...", false};
    if (view.checking) return {view.purpose == Purpose::enter_pin ? "Checking..." : "Saving the new PIN...", false};
    // While locked the countdown is the news, unless an unlock token was just refused.
    const bool about_token = view.notice.kind == model::OperatorNotice::Kind::token_refused ||
                             view.notice.kind == model::OperatorNotice::Kind::no_token_stick;
    if (view.locked && !about_token) {
        model::OperatorNotice locked;
        locked.kind = model::OperatorNotice::Kind::locked;
        locked.count = view.locked_seconds;
        return {operator_notice_text(locked), true};
    }
    return {operator_notice_text(view.notice), view.notice.is_error()};
}

std::vector<model::Intent> draw_operator_pin(Frame& frame, const model::OperatorPinView& view) {
    const Canvas c{frame, true};
    frame.targets.clear();
    draw_background(frame);
    const float bar = draw_header(frame, 0);
    const bool recovery = !view.recovery_code.empty() && view.purpose == Purpose::enter_pin;
    const PadLayout l = pad_layout(frame, bar, recovery);
    const float margin = margin_of(frame);
    const float cx = frame.size.x / 2;
    float y = l.top;

    const Font heading = frame.fonts.heading;
    const std::string prompt = prompt_of(view);
    const float prompt_w = std::min(measure(frame, heading, l.prompt_size, prompt), frame.size.x - 2 * margin);
    c.line(heading, l.prompt_size, ImVec2(cx - prompt_w / 2, y), prompt_w + 1, frame.theme.palette.text, prompt);
    y += l.prompt_size * 1.3f + frame.dp(28);
    draw_dots(frame, view, cx, y + l.dot_radius, l.dot_radius);
    y += l.dot_radius * 2 + frame.dp(20);
    draw_message(c, pin_message(view), cx, y, l.message_size);
    y += l.message_size * 1.4f + frame.dp(28);
    draw_keys(c, view, l, cx - (3 * l.key_w + 2 * l.gap) / 2, y);
    if (recovery) draw_recovery(c, view, l, y + 4 * l.key_h + 3 * l.gap);
    return intents_from_taps(frame);
}

} // namespace pavilion::screens
