#include "pavilion/screens/map_screen.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

constexpr float kFlowSeconds = 8;       // corridors flow this long after opening, then rest
constexpr double kFocusZoom = 4;        // "map/<place>" opens this much closer than home
constexpr double kDoubleTapZoom = 2;
constexpr double kWheelStepZoom = 1.25;

bool inside(ImVec2 p, ImVec2 min, ImVec2 max) { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }

// The home view frames the pack's own features (with air), not the whole world.
core::ProjectedBounds home_region(const MapLayers& layers) {
    if (!layers.bounds.valid()) return core::equal_earth_world_bounds();
    auto region = layers.bounds;
    const double pad_x = std::max(0.15, region.width() * 0.08), pad_y = std::max(0.1, region.height() * 0.12);
    region.min_x -= pad_x, region.max_x += pad_x, region.min_y -= pad_y, region.max_y += pad_y;
    return region;
}

} // namespace

void MapScreen::on_open(const ScreenContext& context) {
    view_ = &context.map;
    layers_ = project_layers(view_->features, view_->locale, view_->fallback_locale);
    camera_.reset(); // made at the first frame, when the area's size is known
    focus_ = context.route.id;
    selected_.reset();
    dragging_ = false;
}

void MapScreen::act(const TapAction& local) {
    if (std::holds_alternative<ResetMapView>(local)) reset_requested_ = true;
}

bool MapScreen::animating(float screen_age_s) const {
    return screen_age_s < kFlowSeconds || (camera_ && camera_->animating()) || dragging_;
}

void MapScreen::apply_gestures(Frame& frame, const FrameInput& input, float top) {
    auto& camera = *camera_;
    for (const auto& g : input.gestures) {
        using Kind = core::Gesture::Kind;
        switch (g.kind) {
        case Kind::drag_begin:
            dragging_ = g.y - g.dy >= top; // a drag that starts on the bar is not the map's
            if (dragging_) camera.stop(), camera.pan_by(g.dx, g.dy);
            break;
        case Kind::drag:
            if (dragging_) camera.pan_by(g.dx, g.dy);
            break;
        case Kind::drag_end:
            if (dragging_) camera.pan_by(g.dx, g.dy);
            break;
        case Kind::fling:
            if (dragging_) camera.fling(g.velocity_x, g.velocity_y, frame.now);
            dragging_ = false;
            break;
        case Kind::pinch_begin: camera.stop(); break;
        case Kind::pinch:
        case Kind::pinch_end: camera.pinch(g.x, g.y, g.dx, g.dy, g.scale); break;
        case Kind::double_tap:
            if (g.y >= top) camera.zoom_to(g.x, g.y, kDoubleTapZoom, frame.now);
            break;
        default: break;
        }
        if (g.kind == Kind::drag_end || g.kind == Kind::pinch_end) dragging_ = false;
    }
    if (input.wheel_steps != 0 && input.wheel_at.y >= top)
        camera.zoom_about(input.wheel_at.x, input.wheel_at.y, std::pow(kWheelStepZoom, static_cast<double>(input.wheel_steps)));
    camera.update(frame.now);
}

// Made at the first frame, when the area's size is known (flying to the place asked for), and
// kept in step with the display's size.
void MapScreen::place_camera(Frame& frame, float top) {
    core::MapViewport viewport{frame.size.x, frame.size.y, core::ScreenRect{0, top, frame.size.x, frame.size.y}};
    if (!camera_) {
        core::MapCameraConfig config;
        config.home_region = home_region(layers_);
        config.fit_margin_px = frame.dp(40);
        camera_.emplace(viewport, config);
        if (const auto* place = find_place(layers_, focus_)) {
            camera_->fly_to(place->at, camera_->home_scale() * kFocusZoom, frame.now);
            for (std::size_t i = 0; i < layers_.places.size(); ++i)
                if (&layers_.places[i] == place && !place->link.empty()) selected_ = i;
        }
        focus_.clear();
    } else if (camera_->visible_rect().width() != frame.size.x || camera_->visible_rect().max_y != frame.size.y) {
        camera_->set_viewport(viewport);
    }
}

void MapScreen::draw(Frame& frame, float top, std::vector<model::Intent>& intents) {
    if (!view_) return;
    const ImVec2 area_min(0, top), area_max(frame.size.x, frame.size.y);
    place_camera(frame, top);
    if (reset_requested_) {
        camera_->fly_to(camera_->home_centre(), camera_->home_scale(), frame.now, 600);
        selected_.reset();
        reset_requested_ = false;
    }
    // Geography has no reading direction: under a mirror (mirror.hpp) the map takes the input
    // and is drawn as on the screen, and only the controls and cards over it are mirrored.
    const bool mirrored = frame.mirrored();
    apply_gestures(frame, mirrored ? screens::mirrored(frame.input, *frame.mirror) : frame.input, top);

    MapCanvasStyle style;
    style.flow = frame.screen_age_s < kFlowSeconds;
    if (selected_) style.focus_place = layers_.places[*selected_].id;
    drawn_ = &canvas_.draw(frame, *camera_, layers_, style, area_min, area_max);
    overlays_.clear();
    draw_controls(frame, area_min, area_max);
    if (selected_) draw_preview(frame, area_min, area_max);
    handle_taps(frame, top, intents);
}

void MapScreen::handle_taps(Frame& frame, float top, std::vector<model::Intent>& intents) {
    for (const auto& g : frame.input.gestures) {
        if (g.kind != core::Gesture::Kind::tap || g.y < top) continue;
        const ImVec2 at(g.x, g.y);
        if (std::any_of(overlays_.begin(), overlays_.end(), [&](const auto& r) { return inside(at, r.first, r.second); }))
            continue; // the card and buttons register their own targets
        const float touch = frame.theme.touch() / 2;
        const float map_x = frame.mirrored() ? frame.mirror->x(g.x) : g.x; // the map is as on the screen
        const auto hit = core::hit_test(drawn_->clusters, drawn_->lines, map_x, g.y, std::max(touch, drawn_->marker_radius),
                                        frame.dp(14));
        if (hit.kind == core::MapHit::Kind::marker) {
            const auto& cluster = drawn_->clusters[hit.index];
            if (cluster.members.size() > 1) { // a group: come closer until it splits
                camera_->zoom_to(cluster.centre.x, cluster.centre.y, 2.5, frame.now);
                selected_.reset();
            } else {
                selected_ = cluster.members.front();
            }
        } else if (hit.kind == core::MapHit::Kind::line) {
            // A line's link is an item ref from the pack; one that does not parse opens nothing.
            if (const auto route = core::parse_item_ref(layers_.lines[hit.index].link))
                intents.push_back(model::OpenRoute{*route});
        } else {
            selected_.reset();
        }
    }
}

// Reset view, bottom right; the legend, bottom left.
void MapScreen::draw_controls(Frame& frame, ImVec2 area_min, ImVec2 area_max) {
    const auto& p = frame.theme.palette;
    const auto& view = *view_;
    const float margin = frame.dp(frame.theme.metrics.margin) * 0.6f;
    const float height = frame.theme.touch();
    const float reset_w = pill_width(frame, height, view.reset_label);
    const ImVec2 reset_at(area_max.x - margin - reset_w, area_max.y - margin - height);
    // The pill's surface is translucent: over a pale map it would vanish, so it sits on the
    // legend's dark backing.
    frame.draw->AddRectFilled(reset_at, ImVec2(reset_at.x + reset_w, reset_at.y + height),
                              with_alpha(p.background_top, 215 / 255.0f), height / 2);
    draw_pill(frame, reset_at, height, view.reset_label, PillStyle::quiet, ResetMapView{});
    overlays_.push_back({reset_at, ImVec2(reset_at.x + reset_w, reset_at.y + height)});
    draw_legend(frame, area_min, area_max, margin);
}

// What the two kinds of line mean.
void MapScreen::draw_legend(Frame& frame, ImVec2 area_min, ImVec2 area_max, float margin) {
    const auto& p = frame.theme.palette;
    const auto& view = *view_;
    ImDrawList* d = frame.draw;
    const Font font = frame.fonts.body;
    const float size = drawn_size(font) * 0.8f;
    const float swatch = frame.dp(36), pad = frame.dp(16), row = size * 1.6f;
    float text_w = 0;
    for (const auto* label : {&view.corridors_label, &view.routes_label})
        text_w = std::max(text_w, text_width(frame, font, size, label->c_str()));
    const ImVec2 legend_max(area_min.x + margin + pad * 3 + swatch + text_w, area_max.y - margin);
    const ImVec2 legend_min(area_min.x + margin, legend_max.y - pad * 2 - row * 2);
    d->AddRectFilled(legend_min, legend_max, with_alpha(p.background_top, 215 / 255.0f),
                     frame.dp(frame.theme.metrics.radius) * 0.6f);
    float y = legend_min.y + pad;
    const struct {
        const std::string* label;
        ImU32 color;
        float width;
    } rows[] = {{&view.corridors_label, p.accent, frame.dp(5)}, {&view.routes_label, p.accent_soft, frame.dp(3.5f)}};
    for (const auto& r : rows) {
        const float mid = y + row / 2;
        d->AddLine(ImVec2(legend_min.x + pad, mid), ImVec2(legend_min.x + pad + swatch, mid), r.color, r.width);
        draw_line(frame, font, size, ImVec2(legend_min.x + pad * 2 + swatch, mid - size * 0.55f), p.text, r.label->c_str());
        y += row;
    }
    overlays_.push_back({legend_min, legend_max});
}

void MapScreen::draw_preview(Frame& frame, ImVec2 area_min, ImVec2 area_max) {
    const auto& view = *view_;
    const auto& place = layers_.places[*selected_];
    const auto card_it = view.previews.find(place.link);
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    const float margin = frame.dp(frame.theme.metrics.margin) * 0.6f;
    const float pad = frame.dp(frame.theme.metrics.padding) * 0.8f;
    const float width = std::min(frame.dp(640), area_max.x - area_min.x - 2 * margin);
    const float picture = frame.dp(150);
    const float height = picture + 2 * pad;
    // Above the legend and reset button, centred.
    const ImVec2 min(area_min.x + (area_max.x - area_min.x - width) / 2,
                     area_max.y - margin * 2 - frame.theme.touch() - height);
    const ImVec2 max(min.x + width, min.y + height);
    const bool opens = card_it != view.previews.end();
    const float rounding = frame.dp(frame.theme.metrics.radius);
    d->AddRectFilled(ImVec2(min.x, min.y + frame.dp(6)), ImVec2(max.x, max.y + frame.dp(6)),
                     IM_COL32(0, 0, 0, 90), rounding);
    d->AddRectFilled(min, max, frame.pressed(min, max) && opens ? p.surface_pressed : p.background_top, rounding);
    d->AddRect(min, max, p.outline, rounding, 0, frame.dp(1.5f));
    float text_x = min.x + pad;
    if (opens && !card_it->second.image.empty()) {
        const ImVec2 pic_min(min.x + pad, min.y + pad), pic_max(pic_min.x + picture, pic_min.y + picture);
        if (auto texture = frame.images.thumbnail(card_it->second.image))
            draw_image_cover(frame, *texture, pic_min, pic_max, rounding * 0.6f);
        else
            draw_image_placeholder(frame, pic_min, pic_max, rounding * 0.6f);
        text_x = pic_max.x + pad;
    }
    const float text_w = max.x - pad - text_x;
    float y = min.y + pad;
    const auto& title = opens ? card_it->second.title : place.name;
    y += draw_text(frame, frame.fonts.heading, drawn_size(frame.fonts.heading) * 0.8f, ImVec2(text_x, y), text_w, p.text,
                   title, 2, 1.2f);
    if (opens) {
        const Font body = frame.fonts.body;
        const float size = drawn_size(body) * 0.8f;
        draw_text(frame, body, size, ImVec2(text_x, y + frame.dp(6)), text_w, p.text_muted, card_it->second.summary, 2);
        draw_line(frame, frame.fonts.body_bold, size, ImVec2(text_x, max.y - pad - size * 1.2f), p.accent, view.open_label);
        frame.targets.add(min, max, model::Intent{model::OpenRoute{card_it->second.route}});
    }
    overlays_.push_back({min, max});
}

} // namespace pavilion::screens
