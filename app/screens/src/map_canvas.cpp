#include "pavilion/screens/map_canvas.hpp"

#include "pavilion/core/polyline_thinning.hpp"
#include "pavilion/screens/line_stroke.hpp"
#include "pavilion/screens/text_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pavilion::screens {
namespace {

ImVec2 to_imvec(core::ScreenPoint p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

core::MapColor to_map_color(ImU32 c) {
    return {float((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, float((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
            float((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f, 1.0f};
}

bool is_high_contrast(const Palette& palette) { return palette.surface_pressed == high_contrast_palette().surface_pressed; }

// What the map's lines may take of the frame's one draw list (line_stroke.hpp): casings and
// strokes cost 2 x 4 vertices a point, so 2,048 points in view; the corridors' flow 8 vertices a
// dash, so 512 dashes. kVerticesAfterLines stay free for what is drawn after the lines (markers,
// labels, the map's controls and card, the screen's chrome). A pack's lines may hold 50,000
// points (content/src/pack_limits.hpp); thinned to 0.75 px, a line keeps at most about one
// point per 0.75 px of its length in view, so only a line zigzagging on screen needs more.
constexpr int kLineVertexBudget = 16384;
constexpr int kFlowVertexBudget = 4096;
constexpr int kVerticesAfterLines = 16384;
constexpr int kVerticesPerDash = 2 * kStrokeVerticesPerPoint;
// Points closer than this to the last one kept are dropped: below a pixel no one sees them go.
constexpr double kLineStepPx = 0.75;
// A marker's circles (a focus halo, a backing, the dot: ImGui makes ~2 x 26 vertices a circle)
// and its count; what the screen draws after the markers keeps kVerticesAfterMarkers.
constexpr int kVerticesPerMarker = 320;
constexpr int kVerticesAfterMarkers = 8192;

// Dashes that travel along a polyline: the corridors' "flow". Phase in px along the line. Only
// the dashes in view are drawn (a line at the closest zoom is tens of thousands of pixels long),
// and only while `budget` lasts.
void draw_flow(ImDrawList* draw, const std::vector<core::ScreenPoint>& points, const core::ScreenRect& view,
               float phase, float dash, float gap, ImU32 color, float width, int& budget) {
    const float period = dash + gap;
    float travelled = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = to_imvec(points[i - 1]), b = to_imvec(points[i]);
        const float length = std::hypot(b.x - a.x, b.y - a.y);
        const auto span = length > 0 ? core::segment_in_view(points[i - 1], points[i], view) : std::nullopt;
        if (span) {
            const float seen_from = static_cast<float>(span->from) * length, seen_to = static_cast<float>(span->to) * length;
            // The dash starts that fall on this segment are `start` plus whole periods; the first
            // one drawn is the first whose dash reaches into the part in view.
            float start = std::fmod(phase - travelled, period);
            if (start < 0) start += period;
            for (float s = start + period * std::ceil((seen_from - dash - start) / period); s < seen_to; s += period) {
                const float from = std::max(0.0f, s), to = std::min(length, s + dash);
                if (to <= from) continue;
                if (budget < kVerticesPerDash) return;
                budget -= kVerticesPerDash;
                const ImVec2 p(a.x + (b.x - a.x) * from / length, a.y + (b.y - a.y) * from / length);
                const ImVec2 q(a.x + (b.x - a.x) * to / length, a.y + (b.y - a.y) * to / length);
                draw->AddLine(p, q, color, width);
            }
        }
        travelled += length;
    }
}

// Corridors and routes (`lines`: as placed on screen), each over a dark casing that keeps it
// readable over land and highlight alike; the corridors flow while style.flow. Strokes take
// their vertices from `budget`.
void draw_lines(Frame& frame, const MapLayers& layers, const MapCanvasStyle& style, const core::ScreenRect& view,
                const std::vector<std::vector<core::ScreenPoint>>& lines, int budget) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    int flow_budget = kFlowVertexBudget;
    const float width = frame.dp(style.line_width_dp);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool corridor = layers.lines[i].role == "corridor";
        const float w = corridor ? width : width * 0.7f;
        stroke_in_view(*d, lines[i], view, with_alpha(p.background_top, 150 / 255.0f), w + frame.dp(3), budget);
        stroke_in_view(*d, lines[i], view, corridor ? p.accent : p.accent_soft, w, budget);
        if (style.flow && corridor) {
            flow_budget = std::min(flow_budget, vertex_room(*d, kVerticesAfterLines));
            draw_flow(d, lines[i], view, frame.screen_age_s * frame.dp(40), frame.dp(10), frame.dp(34),
                      with_alpha(p.text, 200 / 255.0f), w * 0.45f, flow_budget);
        }
    }
}

// The markers' names, to be placed where they do not collide with each other or the markers.
struct MarkerLabels {
    std::vector<core::LabelCandidate> candidates;
    std::vector<std::size_t> places; // the place each candidate names
    std::vector<core::ScreenRect> markers;
};

float label_size_of(const Frame& frame) { return drawn_size(frame.fonts.body) * 0.78f; }

// One marker per cluster: a group shows its count; with a focus place, the others step back to
// small quiet dots. Returns the labels the markers would like.
MarkerLabels draw_markers(Frame& frame, const MapLayers& layers, const MapCanvasStyle& style,
                          const std::vector<core::MarkerCluster>& clusters) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    const Font font = frame.fonts.body;
    const float label_size = label_size_of(frame);
    const bool spotlight = !style.focus_place.empty();
    MarkerLabels labels;
    for (const auto& cluster : clusters) {
        // At the closest zoom every place keeps its marker, however many crowd into view: past
        // the draw list's room the rest are left out rather than abort the frame.
        if (vertex_room(*d, kVerticesAfterMarkers) < kVerticesPerMarker) break;
        const auto centre = to_imvec(cluster.centre);
        const auto& head = layers.places[cluster.members.front()];
        const bool focus = spotlight && head.id == style.focus_place;
        const bool quiet = spotlight && !focus;
        const bool group = cluster.members.size() > 1;
        const bool story = head.role == "story";
        const float radius = quiet   ? frame.dp(group ? 6.5f : 5)
                             : group ? frame.dp(17)
                             : focus ? frame.dp(13)
                                     : frame.dp(story ? 9 : 6.5f);
        labels.markers.push_back({cluster.centre.x - radius, cluster.centre.y - radius, cluster.centre.x + radius,
                                  cluster.centre.y + radius});
        // Segment counts are left to ImGui, which picks the fewest that keep the edge round at
        // this radius (ImGuiStyle::CircleTessellationMaxError).
        if (focus) d->AddCircleFilled(centre, radius + frame.dp(12), with_alpha(p.accent, 70 / 255.0f));
        const ImU32 fill = quiet ? p.text_muted : focus ? p.accent : group ? p.accent : story ? p.text : p.text_muted;
        d->AddCircleFilled(centre, radius + frame.dp(quiet ? 1.5f : 2.5f), p.background_top);
        d->AddCircleFilled(centre, radius, fill);
        if (quiet) continue;
        if (group) {
            char count[8];
            std::snprintf(count, sizeof count, "%zu", cluster.members.size());
            const float count_width = text_width(frame, font, label_size, count);
            draw_line(frame, font, label_size, ImVec2(centre.x - count_width / 2, centre.y - label_size / 2), p.on_accent,
                      count);
        }
        if (!style.labels || head.name.empty()) continue;
        const ImVec2 extent(text_width(frame, font, label_size, head.name), label_size);
        core::LabelCandidate label;
        label.anchor = cluster.centre;
        label.width = extent.x + frame.dp(16);
        label.height = extent.y + frame.dp(6);
        label.gap_px = radius + frame.dp(4);
        label.priority = focus ? 100 : story ? 10 : 5;
        labels.candidates.push_back(label);
        labels.places.push_back(cluster.members.front());
    }
    return labels;
}

void draw_labels(Frame& frame, const MapLayers& layers, const MarkerLabels& labels, ImVec2 min, ImVec2 max) {
    const auto& p = frame.theme.palette;
    const core::ScreenRect viewport{min.x, min.y, max.x, max.y};
    for (const auto& placed : core::place_labels(labels.candidates, labels.markers, viewport)) {
        const auto& rect = placed.rect;
        const ImVec2 a(static_cast<float>(rect.min_x), static_cast<float>(rect.min_y));
        const ImVec2 b(static_cast<float>(rect.max_x), static_cast<float>(rect.max_y));
        const auto& name = layers.places[labels.places[placed.candidate]].name;
        // Four vertices a glyph at most (a byte is at most a glyph), and the rounded backing.
        const auto needed = static_cast<std::size_t>(kVerticesPerMarker) + 4 * name.size();
        if (static_cast<std::size_t>(vertex_room(*frame.draw, kVerticesAfterMarkers)) < needed) break;
        frame.draw->AddRectFilled(a, b, with_alpha(p.background_top, 215 / 255.0f), frame.dp(6));
        draw_line(frame, frame.fonts.body, label_size_of(frame), ImVec2(a.x + frame.dp(8), a.y + frame.dp(3)), p.text, name);
    }
}

} // namespace

MapLayers project_layers(const std::vector<content::MapFeature>& features, const std::string& locale,
                         const std::string& fallback_locale) {
    MapLayers layers;
    for (const auto& feature : features) {
        if (feature.coords.empty()) continue;
        if (feature.kind == content::FeatureKind::line && feature.coords.size() >= 2) {
            MapLine line{feature.id, feature.role, feature.link, content::localized(feature.name, locale, fallback_locale), {}};
            for (const auto& c : feature.coords) {
                line.points.push_back(core::equal_earth(c.lon, c.lat));
                layers.bounds.include(line.points.back());
            }
            layers.lines.push_back(std::move(line));
        } else if (feature.kind == content::FeatureKind::point) {
            MapPlace place{feature.id, feature.role, feature.link, content::localized(feature.name, locale, fallback_locale),
                           core::equal_earth(feature.coords.front().lon, feature.coords.front().lat)};
            layers.bounds.include(place.at);
            layers.places.push_back(std::move(place));
        }
    }
    return layers;
}

const MapPlace* find_place(const MapLayers& layers, const std::string& id) {
    for (const auto& place : layers.places)
        if (place.id == id) return &place;
    return nullptr;
}

void MapCanvas::render_base_map(const ImDrawList*, const ImDrawCmd* command) {
    auto* self = static_cast<MapCanvas*>(command->UserCallbackData);
    if (self->renderer_) self->renderer_->render(self->request_);
}

void MapCanvas::queue_base_map(Frame& frame, const core::MapCamera& camera, ImVec2 min, ImVec2 max) {
    const auto& palette = frame.theme.palette;
    renderer_ = frame.map_renderer;
    if (!renderer_) { // no GPU map (tests, or still loading): plain water
        frame.draw->AddRectFilled(min, max, palette.background_bottom);
        return;
    }
    auto& r = request_;
    // screen = world_to_screen(p): recover the affine transform from two points.
    const auto origin = camera.world_to_screen({0, 0});
    r.scale = camera.scale();
    r.offset_x = origin.x;
    r.offset_y = origin.y;
    r.clip = {min.x, min.y, max.x, max.y};
    r.framebuffer_width = static_cast<int>(frame.size.x);
    r.framebuffer_height = static_cast<int>(frame.size.y);
    const auto& style = renderer_->style();
    if (is_high_contrast(palette)) {
        r.water = to_map_color(IM_COL32(0, 0, 0, 255));
        r.land = to_map_color(IM_COL32(40, 40, 40, 255));
        r.highlighted = to_map_color(IM_COL32(90, 90, 90, 255));
        r.border = to_map_color(IM_COL32(255, 255, 255, 255));
    } else {
        r.water = style.water, r.land = style.land, r.highlighted = style.highlighted, r.border = style.border;
    }
    r.border_width_px = std::max(1.0f, frame.dp(1.2f));
    frame.draw->AddCallback(&MapCanvas::render_base_map, this);
    frame.draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void MapCanvas::place_lines(const core::MapCamera& camera, const MapLayers& layers, const core::ScreenRect& view,
                            int max_points) {
    const auto origin = camera.world_to_screen({0, 0});
    const LinesKey key{&layers, layers.lines.size(), camera.scale(), origin.x, origin.y,
                       view.min_x, view.min_y, view.max_x, view.max_y, max_points};
    if (lines_for_ && *lines_for_ == key) return;
    lines_for_ = key;
    auto& lines = drawn_.lines; // keeps its vectors from frame to frame: once warm, no allocation
    lines.resize(layers.lines.size());
    const double step_squared = kLineStepPx * kLineStepPx;
    for (std::size_t i = 0; i < layers.lines.size(); ++i) {
        // Thinned as it is projected (as core::thin_polyline would): one pass over the points.
        auto& points = lines[i];
        points.clear();
        const auto& world = layers.lines[i].points;
        for (std::size_t j = 0; j < world.size(); ++j) {
            const auto at = camera.world_to_screen(world[j]);
            const bool far_enough = points.empty() || j + 1 == world.size() ||
                                    (at.x - points.back().x) * (at.x - points.back().x) +
                                            (at.y - points.back().y) * (at.y - points.back().y) >=
                                        step_squared;
            if (far_enough) points.push_back(at);
        }
    }
    core::thin_to_fit(lines, kLineStepPx, view, static_cast<std::size_t>(std::max(0, max_points)));
}

void MapCanvas::place_markers(const core::MapCamera& camera, const MapLayers& layers, const core::ClusterQuery& query,
                              const std::string& focus_place, ImVec2 min, ImVec2 max) {
    const auto origin = camera.world_to_screen({0, 0});
    const MarkerKey key{&layers, layers.places.size(), camera.scale(), origin.x, origin.y, min.x, min.y,
                        max.x, max.y, query.join_radius_px, query.margin_px, query.max_clusters};
    if (markers_for_ && *markers_for_ == key && markers_focus_ == focus_place) return;
    markers_for_ = key;
    markers_focus_ = focus_place;
    if (!zoom_clusters_ || clustered_layers_ != std::make_pair(&layers, layers.places.size())) {
        std::vector<core::WorldMarker> places;
        places.reserve(layers.places.size());
        for (const auto& place : layers.places) places.push_back({place.at, place.role == "story" ? 1 : 0});
        zoom_clusters_.emplace(std::move(places));
        clustered_layers_ = {&layers, layers.places.size()};
    }
    // The margin keeps groups at the edge of the rectangle whole as the map moves.
    drawn_.clusters = zoom_clusters_->in_view(camera, {min.x, min.y, max.x, max.y}, query);
    if (const auto* focus = focus_place.empty() ? nullptr : find_place(layers, focus_place)) {
        const auto index = static_cast<std::size_t>(focus - layers.places.data());
        core::single_out(drawn_.clusters, index, camera.world_to_screen(focus->at));
    }
}

const DrawnMap& MapCanvas::draw(Frame& frame, const core::MapCamera& camera, const MapLayers& layers,
                                const MapCanvasStyle& style, ImVec2 min, ImVec2 max) {
    // Geography has no reading direction: under a mirror (mirror.hpp) the map is drawn as is and
    // moved to the mirrored box, labels and the GPU's base map with it.
    const bool mirrored = frame.mirrored();
    const int first_vertex = frame.draw->VtxBuffer.Size;
    if (mirrored) frame.mirror->suspend();
    draw_in_place(frame, camera, layers, style, min, max);
    if (mirrored) {
        frame.mirror->resume();
        frame.mirror->flip_within(*frame.draw, first_vertex, min.x, max.x);
        const float shift = frame.mirror->width() - min.x - max.x;
        request_.offset_x += shift;
        request_.clip[0] += shift;
        request_.clip[2] += shift;
    }
    return drawn_;
}

void MapCanvas::draw_in_place(Frame& frame, const core::MapCamera& camera, const MapLayers& layers,
                              const MapCanvasStyle& style, ImVec2 min, ImVec2 max) {
    frame.draw->PushClipRect(min, max, true);
    if (style.draw_base_map) queue_base_map(frame, camera, min, max);
    const core::ScreenRect view{min.x, min.y, max.x, max.y};
    // Casing and stroke: two of ImGui's polylines a point.
    const int line_budget = std::min(kLineVertexBudget, vertex_room(*frame.draw, kVerticesAfterLines));
    place_lines(camera, layers, view, line_budget / (2 * kStrokeVerticesPerPoint));
    draw_lines(frame, layers, style, view, drawn_.lines, line_budget);

    drawn_.marker_radius = frame.dp(10);
    const float join_radius = frame.dp(style.cluster_radius_dp);
    // At the closest zoom a group can no longer be opened by zooming in (a tap on a group zooms),
    // so there every place shows, however many: each stays in reach of a finger.
    const bool closest = camera.scale() >= camera.max_scale() * 0.999;
    place_markers(camera, layers, {join_radius, join_radius + frame.dp(20), closest ? 0 : style.max_markers},
                  style.focus_place, min, max);
    const auto labels = draw_markers(frame, layers, style, drawn_.clusters);
    if (style.labels) draw_labels(frame, layers, labels, min, max);
    frame.draw->PopClipRect();
}

} // namespace pavilion::screens
