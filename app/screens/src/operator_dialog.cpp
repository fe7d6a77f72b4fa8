#include "operator_dialog.hpp"

#include "operator_drawing.hpp"
#include "pavilion/screens/operator_panel.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>

namespace pavilion::screens {
namespace {

using Question = model::PendingConfirmation::Kind;

std::string quoted(const std::string& id) { return "'" + id + "'"; }

// 'expo-2027' v3; the version alone when both packs have the same id ("over v5").
std::string pack_name(const model::PackRef& pack) { return quoted(pack.id) + " v" + std::to_string(pack.version); }
std::string other_name(const model::PackRef& pack, const model::PackRef& beside) {
    return pack.id == beside.id ? "v" + std::to_string(pack.version) : pack_name(pack);
}

} // namespace

ConfirmationWords confirmation_words(const model::PendingConfirmation& q) {
    const std::string from = q.file_name.empty() ? "" : "From " + q.file_name;
    switch (q.kind) {
    case Question::install_other_pack:
        return {"Install another pack?",
                "Install " + pack_name(q.incoming) + " over " + pack_name(q.shown) +
                    "? This replaces the pack visitors see.",
                from, "Install"};
    case Question::install_older:
        return {"Install an older version?",
                "Install " + pack_name(q.incoming) + " over " + other_name(q.shown, q.incoming) +
                    "? Visitors will see the older version.",
                from, "Install"};
    case Question::roll_back: {
        const std::string back = q.incoming.id.empty() ? "the previous pack" : pack_name(q.incoming);
        return {"Roll back?",
                "Roll back to " + back + " from " + other_name(q.shown, q.incoming) +
                    "? This replaces the pack visitors see.",
                "", "Roll back"};
    }
    }
    return {}; // not reached: every kind is worded above (the compiler warns when one is not)
}

namespace operator_dialog {

using namespace operator_drawing;

void draw(Frame& frame, const model::PendingConfirmation& question) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    const ConfirmationWords words = confirmation_words(question);
    frame.targets.clear(); // the panel under the scrim takes no tap
    frame.draw->AddRectFilled(ImVec2(0, 0), frame.size, with_alpha(p.scrim, 0.85f));

    const float pad = frame.dp(frame.theme.metrics.padding) * 1.4f, row = frame.theme.touch();
    const float width = std::min(frame.size.x - 2 * margin_of(frame), frame.dp(880));
    const float inner = width - 2 * pad;
    const float title = drawn_size(frame.fonts.heading), body = body_size(frame), small = body * 0.8f;
    const float body_h = text_height(frame, frame.fonts.body, body, words.body, inner, 4, 1.4f);
    const float detail_h = words.detail.empty() ? 0 : small * 1.4f + frame.dp(8);
    const float height = pad + title * 1.3f + frame.dp(20) + body_h + detail_h + frame.dp(36) + row + pad;
    const Rect card = rect_at((frame.size.x - width) / 2, (frame.size.y - height) / 2, width, height);
    const float radius = frame.dp(frame.theme.metrics.radius);
    frame.draw->AddRectFilled(card.min, card.max, p.background_bottom, radius);
    frame.draw->AddRect(card.min, card.max, p.accent, radius, 0, frame.dp(2));

    const float x = card.min.x + pad;
    float y = card.min.y + pad;
    y += c.line(frame.fonts.heading, title, ImVec2(x, y), inner, p.text, words.title, 1.3f) + frame.dp(20);
    y += c.wrapped(frame.fonts.body, body, ImVec2(x, y), inner, p.text, words.body, 4, 1.4f);
    if (!words.detail.empty())
        c.line(frame.fonts.body, small, ImVec2(x, y + frame.dp(8)), inner, p.text_muted, words.detail);
    const float buttons_y = card.max.y - pad - row;
    const float confirm_w = button_width(frame, words.confirm, row, frame.dp(200));
    const float cancel_w = button_width(frame, "Cancel", row, frame.dp(200));
    const float right = card.max.x - pad;
    button(c, rect_at(right - confirm_w, buttons_y, confirm_w, row), words.confirm, ButtonLook::primary, true,
           model::Confirm{});
    button(c, rect_at(right - confirm_w - frame.dp(24) - cancel_w, buttons_y, cancel_w, row), "Cancel",
           ButtonLook::secondary, true, model::CancelConfirmation{});
}

} // namespace operator_dialog
} // namespace pavilion::screens
