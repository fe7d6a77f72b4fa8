#include "pavilion/screens/map_sketch.hpp"

#include "pavilion/core/map_overlay.hpp"
#include "pavilion/core/polyline_thinning.hpp"
#include "pavilion/screens/line_stroke.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

// What the tile's lines may take of the frame's one draw list (line_stroke.hpp): one stroke of
// 4 vertices a point, so 2,048 points; what is drawn after them keeps kVerticesAfterSketchLines.
constexpr int kSketchLineVertexBudget = 8192;
constexpr int kVerticesAfterSketchLines = 16384;
// Points closer than this to the last one kept are dropped: below a pixel no one sees them go.
constexpr double kLineStepPx = 0.75;

} // namespace

GeoWindow fit_window(const std::vector<content::MapFeature>& features, float aspect) {
    GeoWindow w{180, -180, 90, -90};
    for (const auto& feature : features) {
        for (const auto& p : feature.coords) {
            w.west = std::min(w.west, p.lon);
            w.east = std::max(w.east, p.lon);
            w.south = std::min(w.south, p.lat);
            w.north = std::max(w.north, p.lat);
        }
    }
    if (w.west > w.east) return GeoWindow{};
    const double pad_lon = (w.east - w.west) * 0.08 + 2, pad_lat = (w.north - w.south) * 0.1 + 2;
    w.west -= pad_lon, w.east += pad_lon, w.south -= pad_lat, w.north += pad_lat;
    // Widen the shorter side so the projection keeps degrees square.
    const double span_lon = w.east - w.west, span_lat = w.north - w.south;
    if (span_lon / span_lat < aspect) {
        const double grow = (span_lat * aspect - span_lon) / 2;
        w.west -= grow, w.east += grow;
    } else {
        const double grow = (span_lon / aspect - span_lat) / 2;
        w.south -= grow, w.north += grow;
    }
    return w;
}

GeoWindow window_around(content::GeoPoint centre, double span_lon, float aspect) {
    const double span_lat = span_lon / std::max(aspect, 0.1f);
    return {centre.lon - span_lon / 2, centre.lon + span_lon / 2, centre.lat - span_lat / 2,
            centre.lat + span_lat / 2};
}

double span_to_show_neighbours(const std::vector<content::MapFeature>& features, content::GeoPoint centre,
                               float aspect) {
    double nearest = 360;
    for (const auto& feature : features) {
        if (feature.kind != content::FeatureKind::line) continue; // corridors and routes give context
        for (const auto& p : feature.coords) {
            // The longitude span that puts p inside the window, whose latitude span is span / aspect.
            const double needed = std::max(std::abs(p.lon - centre.lon), std::abs(p.lat - centre.lat) * aspect);
            if (needed > 0.5) nearest = std::min(nearest, needed); // not the place itself
        }
    }
    return std::clamp(nearest * 2.4, 60.0, 200.0);
}

ImVec2 project(const GeoWindow& w, content::GeoPoint p, ImVec2 min, ImVec2 max) {
    const auto x = (p.lon - w.west) / (w.east - w.west);
    const auto y = (w.north - p.lat) / (w.north - w.south);
    return ImVec2(min.x + static_cast<float>(x) * (max.x - min.x), min.y + static_cast<float>(y) * (max.y - min.y));
}

GeoWindow MapSketch::window_fitting(const std::vector<content::MapFeature>& features, float aspect) {
    const FitKey key{&features, features.size(), aspect};
    if (!window_for_ || !(*window_for_ == key)) {
        window_ = fit_window(features, aspect);
        window_for_ = key;
    }
    return window_;
}

void MapSketch::place_dots(const std::vector<content::MapFeature>& features, const GeoWindow& window, ImVec2 min,
                           ImVec2 max, float radius) {
    const DotKey key{&features, features.size(), window.west, window.east, window.south, window.north,
                     min.x, min.y, max.x, max.y, radius};
    if (dots_for_ && *dots_for_ == key) return;
    dots_for_ = key;
    // Places that would overlap are drawn as one dot: a pack of thousands of stories would
    // otherwise draw thousands of dots on top of each other (and overflow ImGui's 16-bit vertex
    // indices). Stories seed first, so a merged dot is a story's.
    std::vector<std::size_t> places;
    std::vector<core::ScreenMarker> markers;
    lines_.clear();
    line_points_.clear();
    for (std::size_t i = 0; i < features.size(); ++i) {
        const auto& feature = features[i];
        if (feature.kind == content::FeatureKind::line && feature.coords.size() >= 2) {
            lines_.push_back(i);
            auto& points = line_points_.emplace_back();
            for (const auto& c : feature.coords) {
                const auto at = project(window, c, min, max);
                points.push_back({at.x, at.y});
            }
        }
        if (feature.kind != content::FeatureKind::point || feature.coords.empty()) continue;
        const auto at = project(window, feature.coords.front(), min, max);
        places.push_back(i);
        markers.push_back({{at.x, at.y}, feature.role == "story" ? 1 : 0});
    }
    // A tile holds a few hundred pixels of line: more points than that are invisible, and a
    // pack's lines may hold 100,000 (line_stroke.hpp says what too many would do).
    core::thin_to_fit(line_points_, kLineStepPx, {min.x, min.y, max.x, max.y},
                      kSketchLineVertexBudget / kStrokeVerticesPerPoint);
    // A sketch is a glance, not a map: past a dozen and a half dots, places merge over a wider
    // radius, so the tile looks (and costs) the same for a pack of twenty stories or thousands.
    constexpr std::size_t kMaxDots = 16;
    auto clusters = core::cluster_markers(markers, radius);
    for (double wider = radius * 1.5; clusters.size() > kMaxDots && wider < (max.x - min.x); wider *= 1.5)
        clusters = core::cluster_markers(markers, wider);
    dots_.clear();
    for (const auto& cluster : clusters) {
        dots_.push_back({places[cluster.members.front()],
                         ImVec2(static_cast<float>(cluster.centre.x), static_cast<float>(cluster.centre.y))});
    }
}

void MapSketch::draw(Frame& frame, const std::vector<content::MapFeature>& features, const GeoWindow& window,
                     ImVec2 min, ImVec2 max, const SketchStyle& style) {
    const int first_vertex = frame.draw->VtxBuffer.Size;
    draw_in_place(frame, features, window, min, max, style);
    // Geography has no reading direction: under a mirror the sketch moves, unflipped.
    if (frame.mirrored()) frame.mirror->flip_within(*frame.draw, first_vertex, min.x, max.x);
}

void MapSketch::draw_in_place(Frame& frame, const std::vector<content::MapFeature>& features, const GeoWindow& window,
                              ImVec2 min, ImVec2 max, const SketchStyle& style) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    d->PushClipRect(min, max, true);
    // A graticule gives the sketch its sense of place while country shapes are not there yet.
    const ImU32 grid = IM_COL32(255, 255, 255, 16);
    for (int lon = -180; lon <= 180; lon += 15) {
        const auto a = project(window, {double(lon), window.north}, min, max);
        d->AddLine(ImVec2(a.x, min.y), ImVec2(a.x, max.y), grid, 1);
    }
    for (int lat = -75; lat <= 75; lat += 15) {
        const auto a = project(window, {window.west, double(lat)}, min, max);
        d->AddLine(ImVec2(min.x, a.y), ImVec2(max.x, a.y), grid, 1);
    }
    // Found with the dots: walking thousands of places on every frame to find a few lines
    // made Home's frame grow with the pack.
    place_dots(features, window, min, max, frame.dp(9));
    const float width = frame.dp(style.line_width_dp);
    int budget = std::min(kSketchLineVertexBudget, vertex_room(*d, kVerticesAfterSketchLines));
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const bool corridor = features[lines_[i]].role == "corridor";
        stroke_in_view(*d, line_points_[i], {min.x, min.y, max.x, max.y}, corridor ? p.accent : p.accent_soft,
                       corridor ? width : width * 0.7f, budget);
    }
    for (const auto& dot : dots_) {
        const auto& feature = features[dot.place];
        const ImVec2 at = dot.at;
        const bool story = feature.role == "story";
        d->AddCircleFilled(at, frame.dp(story ? 9 : 6), story ? p.text : p.text_muted, 20);
        d->AddCircle(at, frame.dp(story ? 9 : 6), p.background_top, 20, frame.dp(2));
    }
    d->PopClipRect();
}

} // namespace pavilion::screens
