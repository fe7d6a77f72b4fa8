#include "pavilion/screens/detail_screen.hpp"

#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>

namespace pavilion::screens {
namespace {

void draw_qr(Frame& frame, const QrMatrix& qr, ImVec2 at, float side) {
    const int quiet = 2; // modules of white border a phone camera needs
    const float module = side / static_cast<float>(qr.size + 2 * quiet);
    frame.draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32_WHITE, frame.dp(8));
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) continue;
            const ImVec2 a(at.x + (x + quiet) * module, at.y + (y + quiet) * module);
            frame.draw->AddRectFilled(a, ImVec2(a.x + module + 0.5f, a.y + module + 0.5f), IM_COL32_BLACK);
        }
    }
}

// A small bold heading in the accent; returns its height.
float draw_heading(Frame& frame, const std::string& text, ImVec2 at) {
    const float size = body_size(frame) * 0.85f;
    draw_line(frame, frame.fonts.body_bold, size, at, frame.theme.palette.accent, text);
    return size * 1.6f;
}

void draw_picture(Frame& frame, const std::string& image, ImVec2 min, ImVec2 max) {
    const float radius = frame.dp(frame.theme.metrics.radius);
    if (auto texture = frame.images.full(image)) draw_image_cover(frame, *texture, min, max, radius);
    else draw_image_placeholder(frame, min, max, radius);
}

// The rich text and the titles of the sources; each takes the running y and returns the next.
float draw_blocks(Frame& frame, const DetailView& view, float x, float y, float width) {
    for (const auto& block : view.blocks) {
        if (block.kind == content::BlockKind::heading) y += frame.dp(14);
        y += draw_block(frame, block, ImVec2(x, y), width) + frame.dp(block.kind == content::BlockKind::bullet ? 8 : 18);
    }
    return y;
}

float draw_source_titles(Frame& frame, const DetailView& view, float x, float y, float width) {
    if (view.source_titles.empty()) return y;
    y += frame.dp(24);
    y += draw_heading(frame, view.sources_heading, ImVec2(x, y));
    for (const auto& title : view.source_titles)
        y += draw_text(frame, frame.fonts.body, body_size(frame) * 0.85f, ImVec2(x, y), width,
                       frame.theme.palette.text_muted, title) +
             frame.dp(6);
    return y;
}

} // namespace

void DetailScreen::on_open(const ScreenContext& context) {
    view_ = context.views.detail(context.route.to_string(), context.body);
    map_ = &context.map;
    if (!view_ || (shown_ && *shown_ == view_->route)) return;
    shown_ = view_->route;
    qr_ = view_->url.empty() ? std::nullopt : make_qr(view_->url);
    scroll_.reset();
}

void DetailScreen::forget_item() {
    shown_.reset();
    scroll_.reset();
}

std::vector<Picture> DetailScreen::first_pictures() const {
    if (!view_) return {};
    return {{view_->image, false}};
}

float DetailScreen::draw_key_points(Frame& frame, ImVec2 at, float width) {
    const auto& p = frame.theme.palette;
    const float pad = frame.dp(28);
    const float inner = width - 2 * pad;
    float box_h = pad + body_size(frame) * 0.85f * 1.6f;
    for (const auto& point : view_->key_points)
        box_h += text_height(frame, frame.fonts.body, body_size(frame), point, inner - frame.dp(34), 0, 1.45f) + frame.dp(10);
    box_h += pad - frame.dp(10);
    frame.draw->AddRectFilled(at, ImVec2(at.x + width, at.y + box_h), p.surface, frame.dp(18));
    frame.draw->AddRectFilled(at, ImVec2(at.x + frame.dp(6), at.y + box_h), p.accent, frame.dp(18),
                              ImDrawFlags_RoundCornersLeft);
    float by = at.y + pad;
    by += draw_heading(frame, view_->key_points_heading, ImVec2(at.x + pad, by));
    for (const auto& point : view_->key_points) {
        frame.draw->AddCircleFilled(ImVec2(at.x + pad + frame.dp(9), by + body_size(frame) * 0.72f), frame.dp(5),
                                    p.accent, 12);
        by += draw_text(frame, frame.fonts.body, body_size(frame), ImVec2(at.x + pad + frame.dp(34), by),
                        inner - frame.dp(34), p.text, point, 0, 1.45f) +
              frame.dp(10);
    }
    return at.y + (box_h + frame.dp(36));
}

// Related items as touch-sized rows; takes the running y and returns the next.
float DetailScreen::draw_related(Frame& frame, ImVec2 at, float width) {
    const auto& p = frame.theme.palette;
    float y = at.y;
    y += frame.dp(20);
    y += draw_heading(frame, view_->related_heading, ImVec2(at.x, y));
    const float h = frame.theme.touch();
    for (const auto& related : view_->related) {
        const ImVec2 min(at.x, y), max(at.x + width, y + h);
        frame.draw->AddRectFilled(min, max, frame.pressed(min, max) ? p.surface_pressed : p.surface, frame.dp(14));
        const float size = body_size(frame);
        draw_text(frame, frame.fonts.body_bold, size,
                  ImVec2(min.x + frame.dp(24), min.y + (h - size * 1.3f) / 2 + size * 0.1f), width - frame.dp(48),
                  p.text, related.title, 1, 1.3f);
        frame.targets.add(min, max, model::Intent{model::OpenRoute{related.route}});
        y += h + frame.dp(12);
    }
    return y;
}

float DetailScreen::draw_text_column(Frame& frame, ImVec2 at, float width) {
    const auto& p = frame.theme.palette;
    const auto& view = *view_;
    float y = at.y;
    y += draw_heading(frame, view.kind_label + (view.place.empty() ? "" : "  ·  " + view.place), ImVec2(at.x, y));
    const Font display = frame.fonts.display;
    y += draw_text(frame, display, drawn_size(display) * 0.78f, ImVec2(at.x, y), width, p.text, view.title, 0, 1.18f);
    y += frame.dp(18);
    y += draw_text(frame, frame.fonts.body, body_size(frame) * 1.12f, ImVec2(at.x, y), width, p.text_muted,
                   view.summary);
    y += frame.dp(28);
    if (!view.key_points.empty()) y = draw_key_points(frame, ImVec2(at.x, y), width);
    y = draw_blocks(frame, view, at.x, y, width);
    if (!view.related.empty()) y = draw_related(frame, ImVec2(at.x, y), width);
    y = draw_source_titles(frame, view, at.x, y, width);
    return y - at.y;
}

// The item's place among the map's places (found once per item and language: a pack of
// thousands of places would make it a cost on every frame), "" when it has none.
const std::string& DetailScreen::small_map_place() {
    if (!small_map_projected_ || small_map_locale_ != view_->locale) {
        small_map_layers_ = project_layers(map_->features, view_->locale, map_->fallback_locale);
        small_map_projected_ = true;
        small_map_locale_ = view_->locale;
        small_map_item_.reset();
    }
    if (small_map_item_ != view_->route) {
        small_map_place_.clear();
        const std::string ref = view_->route.to_string();
        for (const auto& place : small_map_layers_.places)
            if (place.link == ref) small_map_place_ = place.id;
        small_map_item_ = view_->route;
    }
    return small_map_place_;
}

// The item's place on the base map, with the nearest corridor in view; a tap opens the full
// map centred there.
void DetailScreen::draw_small_map(Frame& frame, ImVec2 min, ImVec2 max) {
    const std::string& place_id = small_map_place();
    const float aspect = (max.x - min.x) / (max.y - min.y);
    const double span = span_to_show_neighbours(map_->features, *view_->location, aspect);
    const auto window = window_around(*view_->location, span, aspect);
    core::ProjectedBounds region;
    for (double lon : {window.west, (window.west + window.east) / 2, window.east})
        for (double lat : {window.south, window.north}) region.include(core::equal_earth(lon, lat));
    core::MapCameraConfig config;
    config.home_region = region;
    config.fit_margin_px = 0;
    const core::MapCamera camera(
        core::MapViewport{frame.size.x, frame.size.y, core::ScreenRect{min.x, min.y, max.x, max.y}}, config);
    MapCanvasStyle style;
    style.line_width_dp = 3.5f;
    style.labels = false;
    style.focus_place = place_id;
    small_map_canvas_.draw(frame, camera, small_map_layers_, style, min, max);
    frame.draw->AddRect(min, max, frame.theme.palette.outline, 0, 0, frame.dp(1.5f));
    frame.targets.add(min, max, model::Intent{model::OpenRoute{core::Route{core::Route::Screen::map, place_id}}});
}

// The picture (landscape), the small map and the QR code; returns the height used.
float DetailScreen::draw_side(Frame& frame, ImVec2 at, float width, bool with_picture) {
    const auto& view = *view_;
    float y = at.y;
    if (with_picture) {
        const ImVec2 max(at.x + width, y + width * 10 / 16);
        draw_picture(frame, view.image, ImVec2(at.x, y), max);
        y = max.y + frame.dp(24);
    }
    const float gap = frame.dp(20);
    const float qr_side = qr_ ? std::min(width * 0.36f, frame.dp(220)) : 0;
    if (view.location && map_) {
        const float map_w = qr_ ? width - qr_side - gap : width;
        const float map_h = qr_ ? qr_side : width * 0.45f;
        draw_small_map(frame, ImVec2(at.x, y), ImVec2(at.x + map_w, y + map_h));
    }
    if (qr_) {
        const ImVec2 qr_at(at.x + width - qr_side, y);
        draw_qr(frame, *qr_, qr_at, qr_side);
        const float size = body_size(frame) * 0.75f;
        draw_text(frame, frame.fonts.body, size, ImVec2(qr_at.x, y + qr_side + frame.dp(8)), qr_side,
                  frame.theme.palette.text_muted, view.url_caption, 2);
        y += qr_side + frame.dp(8) + size * 2.8f;
    } else if (view.location) {
        y += width * 0.45f;
    }
    return y - at.y;
}

// Swiping left brings the next item in from the right, like turning a page.
void DetailScreen::add_swipes(const Frame& frame, std::vector<model::Intent>& intents) const {
    using Direction = core::Gesture::Direction;
    for (const auto& gesture : frame.input.gestures) {
        if (gesture.kind != core::Gesture::Kind::swipe) continue;
        if (gesture.direction == Direction::left && view_->next) intents.push_back(model::SwipeTo{*view_->next});
        if (gesture.direction == Direction::right && view_->previous)
            intents.push_back(model::SwipeTo{*view_->previous});
    }
}

// A fixed picture column on the left, the text scrolling on the right.
void DetailScreen::draw_landscape(Frame& frame, float top, float margin) {
    const float side_w = (frame.size.x - 2 * margin) * 0.4f;
    draw_side(frame, ImVec2(margin, top + frame.dp(8)), side_w, true);
    const float text_x = margin + side_w + frame.dp(64);
    const float offset = scroll_.begin(frame, ImVec2(text_x - frame.dp(16), top), frame.size);
    const float h = draw_text_column(frame, ImVec2(text_x, top + frame.dp(8) - offset), frame.size.x - text_x - margin);
    scroll_.end(frame, h + frame.dp(8) + margin);
}

// Everything in one scrolling column: picture, text, then the small map and the QR code.
void DetailScreen::draw_portrait(Frame& frame, float top, float margin) {
    const float width = frame.size.x - 2 * margin;
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    float y = top + frame.dp(8) - offset;
    const ImVec2 picture_max(margin + width, y + width * 10 / 16);
    draw_picture(frame, view_->image, ImVec2(margin, y), picture_max);
    y = picture_max.y + frame.dp(32);
    y += draw_text_column(frame, ImVec2(margin, y), width) + frame.dp(32);
    y += draw_side(frame, ImVec2(margin, y), width, false);
    scroll_.end(frame, y + offset - top + margin);
}

void DetailScreen::draw(Frame& frame, float top, std::vector<model::Intent>& intents) {
    if (!view_) return; // an item this pack does not have: nothing to show
    add_swipes(frame, intents);
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(frame.theme.metrics.margin) * (portrait ? 0.75f : 1.0f);
    if (portrait) draw_portrait(frame, top, margin);
    else draw_landscape(frame, top, margin);
}

} // namespace pavilion::screens
