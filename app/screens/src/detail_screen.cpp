#include "pavilion/screens/detail_screen.hpp"

#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/text_draw.hpp"
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

float draw_heading(Frame& frame, const std::string& text, ImVec2 at, float width) {
    const float size = body_size(frame) * 0.85f;
    frame.draw->AddText(frame.fonts.body_bold, size, at, frame.theme.palette.accent, text.c_str());
    (void)width;
    return size * 1.6f;
}

} // namespace

void DetailScreen::show(const DetailView& view) {
    if (view.ref == shown_ref_) return;
    shown_ref_ = view.ref;
    qr_ = view.url.empty() ? std::nullopt : make_qr(view.url);
    scroll_.reset();
}

float DetailScreen::draw_text_column(Frame& frame, const DetailView& view, ImVec2 at, float width) {
    const auto& p = frame.theme.palette;
    float y = at.y;
    y += draw_heading(frame, view.kind_label + (view.place.empty() ? "" : "  ·  " + view.place), ImVec2(at.x, y), width);
    ImFont* display = frame.fonts.display;
    y += draw_text(frame, display, drawn_size(display) * 0.78f, ImVec2(at.x, y), width, p.text, view.title, 0, 1.18f);
    y += frame.dp(18);
    y += draw_text(frame, frame.fonts.body, body_size(frame) * 1.12f, ImVec2(at.x, y), width, p.text_muted, view.summary);
    y += frame.dp(28);

    if (!view.key_points.empty()) {
        const float pad = frame.dp(28);
        const float inner = width - 2 * pad;
        float box_h = pad + body_size(frame) * 0.85f * 1.6f;
        for (const auto& point : view.key_points)
            box_h += text_height(frame.fonts.body, body_size(frame), point, inner - frame.dp(34), 0, 1.45f) + frame.dp(10);
        box_h += pad - frame.dp(10);
        frame.draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + width, y + box_h), p.surface, frame.dp(18));
        frame.draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + frame.dp(6), y + box_h), p.accent, frame.dp(18),
                                  ImDrawFlags_RoundCornersLeft);
        float by = y + pad;
        by += draw_heading(frame, view.key_points_heading, ImVec2(at.x + pad, by), inner);
        for (const auto& point : view.key_points) {
            frame.draw->AddCircleFilled(ImVec2(at.x + pad + frame.dp(9), by + body_size(frame) * 0.72f), frame.dp(5), p.accent, 12);
            by += draw_text(frame, frame.fonts.body, body_size(frame), ImVec2(at.x + pad + frame.dp(34), by),
                            inner - frame.dp(34), p.text, point, 0, 1.45f) + frame.dp(10);
        }
        y += box_h + frame.dp(36);
    }
    for (const auto& block : view.blocks) {
        if (block.kind == content::BlockKind::heading) y += frame.dp(14);
        y += draw_block(frame, block, ImVec2(at.x, y), width) + frame.dp(block.kind == content::BlockKind::bullet ? 8 : 18);
    }
    if (!view.related.empty()) {
        y += frame.dp(20);
        y += draw_heading(frame, view.related_heading, ImVec2(at.x, y), width);
        const float h = frame.theme.touch();
        for (const auto& related : view.related) {
            const ImVec2 min(at.x, y), max(at.x + width, y + h);
            frame.draw->AddRectFilled(min, max, frame.pressed(min, max) ? p.surface_pressed : p.surface, frame.dp(14));
            const float size = body_size(frame);
            draw_text(frame, frame.fonts.body_bold, size, ImVec2(min.x + frame.dp(24), min.y + (h - size * 1.3f) / 2 + size * 0.1f),
                      width - frame.dp(48), p.text, related.title, 1, 1.3f);
            frame.targets.add(min, max, Intent{Intent::Kind::open, related.ref});
            y += h + frame.dp(12);
        }
    }
    if (!view.source_titles.empty()) {
        y += frame.dp(24);
        y += draw_heading(frame, view.sources_heading, ImVec2(at.x, y), width);
        for (const auto& title : view.source_titles)
            y += draw_text(frame, frame.fonts.body, body_size(frame) * 0.85f, ImVec2(at.x, y), width, p.text_muted, title) +
                 frame.dp(6);
    }
    return y - at.y;
}

// The item's place on the base map, with the nearest corridor in view; a tap opens the full
// map centred there.
void DetailScreen::draw_small_map(Frame& frame, const DetailView& view, const MapView& map,
                                  ImVec2 min, ImVec2 max) {
    // Projected once per language, and the item's place found once per item: a pack of
    // thousands of places would make either a cost on every frame.
    if (!small_map_projected_ || small_map_locale_ != view.locale) {
        small_map_layers_ = project_layers(map.features, view.locale, map.fallback_locale);
        small_map_projected_ = true;
        small_map_locale_ = view.locale;
        small_map_ref_.clear();
    }
    if (small_map_ref_ != view.ref) {
        small_map_place_.clear();
        for (const auto& place : small_map_layers_.places)
            if (place.link == view.ref) small_map_place_ = place.id;
        small_map_ref_ = view.ref;
    }
    const std::string& place_id = small_map_place_;
    const float aspect = (max.x - min.x) / (max.y - min.y);
    const double span = span_to_show_neighbours(map.features, *view.location, aspect);
    const auto window = window_around(*view.location, span, aspect);
    core::ProjectedBounds region;
    for (double lon : {window.west, (window.west + window.east) / 2, window.east})
        for (double lat : {window.south, window.north}) region.include(core::equal_earth(lon, lat));
    core::MapCameraConfig config;
    config.home_region = region;
    config.fit_margin_px = 0;
    const core::MapCamera camera(core::MapViewport{frame.size.x, frame.size.y, core::ScreenRect{min.x, min.y, max.x, max.y}},
                                 config);
    MapCanvasStyle style;
    style.line_width_dp = 3.5f;
    style.labels = false;
    style.focus_place = place_id;
    small_map_canvas_.draw(frame, camera, small_map_layers_, style, min, max);
    frame.draw->AddRect(min, max, frame.theme.palette.outline, 0, 0, frame.dp(1.5f));
    frame.targets.add(min, max, Intent{Intent::Kind::open, place_id.empty() ? "map" : "map/" + place_id});
}

float DetailScreen::draw_side(Frame& frame, const DetailView& view, const MapView& map,
                              ImVec2 at, float width, bool with_picture) {
    const auto& p = frame.theme.palette;
    const float radius = frame.dp(frame.theme.metrics.radius);
    float y = at.y;
    if (with_picture) {
        const ImVec2 max(at.x + width, y + width * 10 / 16);
        if (auto texture = frame.images.full(view.image)) draw_image_cover(frame, *texture, ImVec2(at.x, y), max, radius);
        else draw_image_placeholder(frame, ImVec2(at.x, y), max, radius);
        y = max.y + frame.dp(24);
    }
    const float gap = frame.dp(20);
    const float qr_side = qr_ ? std::min(width * 0.36f, frame.dp(220)) : 0;
    if (view.location) {
        const float map_w = qr_ ? width - qr_side - gap : width;
        const float map_h = qr_ ? qr_side : width * 0.45f;
        const ImVec2 min(at.x, y), max(at.x + map_w, y + map_h);
        draw_small_map(frame, view, map, min, max);
    }
    if (qr_) {
        const ImVec2 qr_at(at.x + width - qr_side, y);
        draw_qr(frame, *qr_, qr_at, qr_side);
        const float size = body_size(frame) * 0.75f;
        draw_text(frame, frame.fonts.body, size, ImVec2(qr_at.x, y + qr_side + frame.dp(8)), qr_side, p.text_muted,
                  view.url_caption, 2);
        y += qr_side + frame.dp(8) + size * 2.8f;
    } else if (view.location) {
        y += width * 0.45f;
    }
    return y - at.y;
}

void DetailScreen::draw(Frame& frame, const DetailView& view, const MapView& map,
                        float top, std::vector<Intent>& intents) {
    show(view);
    for (const auto& gesture : frame.input.gestures) {
        if (gesture.kind != core::Gesture::Kind::swipe) continue;
        using Direction = core::Gesture::Direction;
        // Swiping left brings the next item in from the right, like turning a page.
        if (gesture.direction == Direction::left && !view.next_ref.empty())
            intents.push_back({Intent::Kind::replace, view.next_ref});
        if (gesture.direction == Direction::right && !view.previous_ref.empty())
            intents.push_back({Intent::Kind::replace, view.previous_ref});
    }
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    if (!portrait) {
        // A fixed picture column on the left, the text scrolling on the right.
        const float side_w = (frame.size.x - 2 * margin) * 0.4f;
        draw_side(frame, view, map, ImVec2(margin, top + frame.dp(8)), side_w, true);
        const float text_x = margin + side_w + frame.dp(64);
        const float offset = scroll_.begin(frame, ImVec2(text_x - frame.dp(16), top), frame.size);
        const float h = draw_text_column(frame, view, ImVec2(text_x, top + frame.dp(8) - offset),
                                         frame.size.x - text_x - margin);
        scroll_.end(frame, h + frame.dp(8) + margin);
    } else {
        const float width = frame.size.x - 2 * margin;
        const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
        float y = top + frame.dp(8) - offset;
        const ImVec2 picture_max(margin + width, y + width * 10 / 16);
        if (auto texture = frame.images.full(view.image))
            draw_image_cover(frame, *texture, ImVec2(margin, y), picture_max, frame.dp(m.radius));
        else
            draw_image_placeholder(frame, ImVec2(margin, y), picture_max, frame.dp(m.radius));
        y = picture_max.y + frame.dp(32);
        y += draw_text_column(frame, view, ImVec2(margin, y), width) + frame.dp(32);
        y += draw_side(frame, view, map, ImVec2(margin, y), width, false);
        scroll_.end(frame, y + offset - top + margin);
    }
}

} // namespace pavilion::screens
