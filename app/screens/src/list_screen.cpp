#include "pavilion/screens/list_screen.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

float draw_chips(Frame& frame, const ListView& view, const std::string& filter, float x, float y, float right) {
    if (view.chips.empty()) return 0;
    const float height = frame.theme.touch();
    const float gap = frame.dp(12);
    float line_y = y;
    float cx = x;
    for (const auto& chip : view.chips) {
        const float width = pill_width(frame, height, chip.name);
        if (cx + width > right && cx > x) { // wrap onto a new row
            cx = x;
            line_y += height + gap;
        }
        const bool current = chip.id == filter;
        draw_pill(frame, ImVec2(cx, line_y), height, chip.name, current ? PillStyle::filled : PillStyle::outlined,
                  SetFilter{chip.id});
        cx += width + gap;
    }
    return line_y + height - y;
}

float card_height(const Frame& frame, float width) {
    const float image = width * 9 / 16;
    const float title = drawn_size(frame.fonts.heading) * 0.85f * 1.25f * 2;
    const float summary = body_size(frame) * 0.9f * 1.4f * 2;
    return image + frame.dp(24) + title + frame.dp(10) + summary + frame.dp(28);
}

void draw_card(Frame& frame, const Card& card, ImVec2 min, float width, int index) {
    const auto& p = frame.theme.palette;
    const float radius = frame.dp(frame.theme.metrics.radius);
    const float height = card_height(frame, width);
    // Cards fade in row by row when the list opens.
    const float t = std::clamp((frame.screen_age_s - index * 0.03f) / 0.3f, 0.0f, 1.0f);
    min.y += (1 - t) * frame.dp(18);
    const ImVec2 max(min.x + width, min.y + height);
    const bool pressed = frame.pressed(min, max);
    frame.draw->AddRectFilled(min, max, pressed ? p.surface_pressed : p.surface, radius);
    const ImVec2 image_max(max.x, min.y + width * 9 / 16);
    if (auto texture = frame.images.thumbnail(card.image))
        draw_image_cover(frame, *texture, min, image_max, radius, t, 1, {0, 0}, ImDrawFlags_RoundCornersTop);
    else
        draw_image_placeholder(frame, min, image_max, radius, ImDrawFlags_RoundCornersTop);
    const float pad = frame.dp(22);
    float y = image_max.y + frame.dp(20);
    const Font title_font = frame.fonts.heading;
    const float title_size = drawn_size(title_font) * 0.85f;
    draw_text(frame, title_font, title_size, ImVec2(min.x + pad, y), width - 2 * pad, p.text, card.title, 2, 1.25f);
    y += title_size * 1.25f * 2 + frame.dp(10);
    draw_text(frame, frame.fonts.body, body_size(frame) * 0.9f, ImVec2(min.x + pad, y), width - 2 * pad,
              p.text_muted, card.summary, 2, 1.4f);
    frame.targets.add(min, max, model::Intent{model::OpenRoute{card.route}});
}

} // namespace

void ListScreen::on_open(const ScreenContext& context) { view_ = context.views.list(kind_); }

void ListScreen::on_close(const core::Route& next) {
    using Screen = core::Route::Screen;
    const bool among_lists = next.screen == Screen::initiatives || next.screen == Screen::stories ||
                             core::is_item_screen(next.screen);
    if (among_lists) return;
    filter_.clear();
    scroll_.reset();
}

void ListScreen::act(const TapAction& local) {
    if (const auto* filter = std::get_if<SetFilter>(&local)) {
        filter_ = filter->facet;
        scroll_.reset();
    }
}

std::vector<Picture> ListScreen::first_pictures() const {
    std::vector<Picture> pictures;
    for (const auto& card : view_.cards) {
        if (pictures.size() == kFirstScreenCards) break;
        pictures.push_back({card.image, true});
    }
    return pictures;
}

void ListScreen::draw(Frame& frame, float top, std::vector<model::Intent>&) {
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    const float gutter = frame.dp(m.gutter);
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);

    float y = top + frame.dp(8) - offset;
    const float chips = draw_chips(frame, view_, filter_, margin, y, frame.size.x - margin);
    if (chips > 0) y += chips + frame.dp(28);

    const float available = frame.size.x - 2 * margin;
    const int columns = std::clamp(static_cast<int>((available + gutter) / (frame.dp(420) + gutter)), 1, 4);
    const float width = (available - gutter * (columns - 1)) / columns;
    const float height = card_height(frame, width);
    int shown = 0;
    for (const auto& card : view_.cards) {
        if (!filter_.empty() && card.facet != filter_) continue;
        const int column = shown % columns;
        const int row = shown / columns;
        const ImVec2 at(margin + column * (width + gutter), y + row * (height + gutter));
        if (at.y < frame.size.y && at.y + height > top) draw_card(frame, card, at, width, shown);
        ++shown;
    }
    const int rows = (shown + columns - 1) / columns;
    const float content = (y + offset - top) + rows * (height + gutter) + margin;
    scroll_.end(frame, content);
}

} // namespace pavilion::screens
