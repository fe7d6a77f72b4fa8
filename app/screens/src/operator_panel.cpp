#include "pavilion/screens/operator_panel.hpp"

#include "operator_cards.hpp"
#include "operator_dialog.hpp"
#include "operator_drawing.hpp"
#include "pavilion/screens/operator_notice.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <array>

namespace pavilion::screens {
namespace {

using namespace operator_drawing;
using operator_cards::PanelInput;

constexpr std::array<operator_cards::Card, 6> kCards{operator_cards::attention_card, operator_cards::content_card,
                                                     operator_cards::settings_card,
                                                     operator_cards::visitors_card, operator_cards::diagnostics_card,
                                                     operator_cards::log_card};

// The last action's result, under the header: accent for success, the error colour otherwise.
// Returns its height.
float draw_message(Frame& frame, const OperatorMessage& message, float top, float margin) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    const float body = operator_cards::value_size(frame);
    const ImU32 tone = message.is_error ? kErrorColor : p.accent;
    const float width = frame.size.x - 2 * margin;
    const float icon = frame.dp(40), left = frame.dp(24) + icon + frame.dp(20), right = frame.dp(24);
    const float text_h = text_height(frame, frame.fonts.body_bold, body, message.text, width - left - right, 2, 1.4f);
    const float shown_h = std::min(text_h, body * 1.4f * 2);
    const float height = std::max(frame.theme.touch(), shown_h + frame.dp(32));
    const Rect r = rect_at(margin, top, width, height);
    const float radius = frame.dp(frame.theme.metrics.radius);
    frame.draw->AddRectFilled(r.min, r.max, p.background_bottom, radius);
    frame.draw->AddRectFilled(r.min, r.max, p.surface, radius);
    frame.draw->AddRect(r.min, r.max, tone, radius, 0, frame.dp(2));
    const ImVec2 centre(r.min.x + frame.dp(24) + icon / 2, (r.min.y + r.max.y) / 2);
    frame.draw->AddCircleFilled(centre, icon / 2, tone, 32);
    if (message.is_error) draw_exclamation(frame.draw, centre, icon * 0.5f, p.on_accent, frame.dp(4));
    else draw_check(frame.draw, centre, icon * 0.5f, p.on_accent, frame.dp(4));
    c.wrapped(frame.fonts.body_bold, body, ImVec2(r.min.x + left, (r.min.y + r.max.y) / 2 - shown_h / 2),
              width - left - right, p.text, message.text, 2, 1.4f);
    return height;
}

// Where each card goes: measured first, then placed at the foot of the shorter column (in
// order, left first). Places are relative to the top of the scrolling area.
struct CardLayout {
    float width = 0;
    std::array<float, kCards.size()> heights{};
    std::array<ImVec2, kCards.size()> places{};
    float content_h = 0;
};

CardLayout lay_out_cards(Frame& frame, const PanelInput& in, float margin) {
    const float gutter = frame.dp(frame.theme.metrics.gutter);
    const bool portrait = frame.size.y > frame.size.x;
    // Two columns when there is room for two cards side by side, else one.
    const float available = frame.size.x - 2 * margin;
    const int columns = !portrait && available >= frame.dp(1100) ? 2 : 1;
    CardLayout layout;
    layout.width = (available - gutter * (columns - 1)) / columns;
    const Canvas measuring{frame, false};
    std::array<float, 2> column_y{frame.dp(16), frame.dp(16)};
    for (std::size_t i = 0; i < kCards.size(); ++i) {
        layout.heights[i] = kCards[i](measuring, in, ImVec2(0, 0), layout.width);
        if (layout.heights[i] <= 0) continue; // a card with nothing to say takes no place
        const int column = columns == 2 && column_y[1] < column_y[0] ? 1 : 0;
        layout.places[i] = ImVec2(margin + column * (layout.width + gutter), column_y[column]);
        column_y[column] += layout.heights[i] + gutter;
    }
    layout.content_h = std::max(column_y[0], columns == 2 ? column_y[1] : 0.0f) - gutter + margin;
    return layout;
}

// More below: the cards fade into the background at the bottom edge.
void draw_fade(Frame& frame) {
    const auto& p = frame.theme.palette;
    const float fade = frame.dp(56);
    const ImU32 clear = with_alpha(p.background_bottom, 0);
    frame.draw->AddRectFilledMultiColor(ImVec2(0, frame.size.y - fade), frame.size, clear, clear, p.background_bottom,
                                        p.background_bottom);
}

} // namespace

std::vector<model::Intent> OperatorPanel::draw(Frame& frame, const model::OperatorView& view,
                                               const Diagnostics& diagnostics) {
    frame.targets.clear();
    draw_background(frame);
    const float bar = draw_header(frame, view.seconds_until_auto_leave);
    const float margin = margin_of(frame);
    float top = bar;
    const OperatorMessage message{operator_notice_text(view.notice), view.notice.is_error()};
    if (!message.text.empty()) top += frame.dp(16) + draw_message(frame, message, bar + frame.dp(16), margin);

    const PanelInput in{view, diagnostics};
    const CardLayout layout = lay_out_cards(frame, in, margin);
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    const Canvas canvas{frame, true};
    const float radius = frame.dp(frame.theme.metrics.radius);
    for (std::size_t i = 0; i < kCards.size(); ++i) {
        const ImVec2 min(layout.places[i].x, top + layout.places[i].y - offset);
        const ImVec2 max(min.x + layout.width, min.y + layout.heights[i]);
        if (layout.heights[i] <= 0) continue;
        if (max.y < top || min.y > frame.size.y) continue; // off screen
        frame.draw->AddRectFilled(min, max, frame.theme.palette.surface, radius);
        kCards[i](canvas, in, min, layout.width);
    }
    if (top + layout.content_h - offset > frame.size.y + 1) draw_fade(frame);
    scroll_.end(frame, layout.content_h);
    if (view.confirmation) operator_dialog::draw(frame, *view.confirmation);
    return intents_from_taps(frame);
}

} // namespace pavilion::screens
