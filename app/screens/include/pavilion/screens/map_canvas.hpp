#pragma once
// The pack's map for one camera: the base map (on the GPU, through the frame's map renderer),
// corridors and routes with an optional flow along them, place markers clustered where they
// overlap, and labels that do not collide. The map screen, the small maps on detail pages and
// the home tile all draw through it; it returns what it drew where, for hit tests.

#include "pavilion/content/model.hpp"
#include "pavilion/core/map_camera.hpp"
#include "pavilion/core/map_overlay.hpp"
#include "pavilion/core/zoom_clusters.hpp"
#include "pavilion/screens/frame.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pavilion::screens {

// The pack's map features in one language, projected once (not every frame).
struct MapLine {
    std::string id, role, link, name; // role: corridor or route
    std::vector<core::ProjectedPoint> points;
};
struct MapPlace {
    std::string id, role, link, name; // role: story, site, ...
    core::ProjectedPoint at;
};
struct MapLayers {
    std::vector<MapLine> lines;
    std::vector<MapPlace> places;
    core::ProjectedBounds bounds; // around every line and place
};
// Names in locale, else in fallback_locale (the pack's default), by content::localized().
MapLayers project_layers(const std::vector<content::MapFeature>& features, const std::string& locale,
                         const std::string& fallback_locale);
// The place with this feature id, if any.
const MapPlace* find_place(const MapLayers& layers, const std::string& id);

struct MapCanvasStyle {
    float line_width_dp = 5;
    bool labels = true;
    bool flow = false;              // dashes travel along the corridors
    float cluster_radius_dp = 26;   // markers closer than this merge into one numbered marker
    // At most this many markers in view: more merge at a coarser zoom step (zoom_clusters.hpp).
    // A dozen and a half targets read at a glance, and a frame costs the screen, not the pack.
    // Not at the camera's closest zoom, where a group could no longer be opened.
    std::size_t max_markers = 16;
    // Drawn larger, in the accent colour, with its name; the other places step back to small
    // dots without names or counts, so the place a visitor is reading about stands out (and a
    // frame costs about the same however many places crowd around it).
    std::string focus_place;
    bool draw_base_map = true;
};

// What a frame drew where, in screen pixels.
struct DrawnMap {
    std::vector<core::MarkerCluster> clusters;         // in view; members index the layers' places
    std::vector<std::vector<core::ScreenPoint>> lines; // one per line, same order
    float marker_radius = 0;                           // px, for hit tests
};

class MapCanvas {
public:
    MapCanvas() = default;
    // The canvas is the base map draw's callback data until the frame is submitted: it stays put.
    MapCanvas(const MapCanvas&) = delete;
    MapCanvas& operator=(const MapCanvas&) = delete;

    // What was drawn stays valid until the next draw. Places are clustered once per zoom step
    // and the clusters in view kept while the camera, the rectangle and the layers stay the same,
    // so a still or moving map costs its clusters per frame, not the pack's places; lines are
    // thinned to the pixels and kept the same way, so a still map costs what it draws. However
    // long the lines and many the places, the frame's draw list keeps within ImGui's 16-bit
    // indices (line_stroke.hpp). Layers are told apart by address and size: replace them
    // (project_layers), never move their places in place.
    const DrawnMap& draw(Frame& frame, const core::MapCamera& camera, const MapLayers& layers,
                         const MapCanvasStyle& style, ImVec2 min, ImVec2 max);

private:
    void draw_in_place(Frame& frame, const core::MapCamera& camera, const MapLayers& layers, const MapCanvasStyle& style,
                       ImVec2 min, ImVec2 max);
    void queue_base_map(Frame& frame, const core::MapCamera& camera, ImVec2 min, ImVec2 max);
    static void render_base_map(const ImDrawList* list, const ImDrawCmd* command);
    // The lines projected and thinned to the pixels and to max_points in view
    // (core/polyline_thinning.hpp), into drawn_.lines, unless the key is unchanged: a map at
    // rest (the usual case while the corridors flow) and a detail page's small map thin their
    // lines once, not on every frame.
    void place_lines(const core::MapCamera& camera, const MapLayers& layers, const core::ScreenRect& view,
                     int max_points);
    // The clusters in view, unless the key is unchanged.
    void place_markers(const core::MapCamera& camera, const MapLayers& layers, const core::ClusterQuery& query,
                       const std::string& focus_place, ImVec2 min, ImVec2 max);

    struct MarkerKey {
        const MapLayers* layers = nullptr;
        std::size_t places = 0;
        double scale = 0, origin_x = 0, origin_y = 0;
        float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
        double join_radius = 0, margin = 0;
        std::size_t max_markers = 0;
        bool operator==(const MarkerKey& o) const {
            return layers == o.layers && places == o.places && scale == o.scale && origin_x == o.origin_x &&
                   origin_y == o.origin_y && min_x == o.min_x && min_y == o.min_y && max_x == o.max_x &&
                   max_y == o.max_y && join_radius == o.join_radius && margin == o.margin &&
                   max_markers == o.max_markers;
        }
    };
    struct LinesKey {
        const MapLayers* layers = nullptr;
        std::size_t lines = 0;
        double scale = 0, origin_x = 0, origin_y = 0;
        double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
        int max_points = 0;
        bool operator==(const LinesKey& o) const {
            return layers == o.layers && lines == o.lines && scale == o.scale && origin_x == o.origin_x &&
                   origin_y == o.origin_y && min_x == o.min_x && min_y == o.min_y && max_x == o.max_x &&
                   max_y == o.max_y && max_points == o.max_points;
        }
    };
    std::optional<LinesKey> lines_for_;
    std::optional<MarkerKey> markers_for_;
    std::string markers_focus_; // part of the key, kept apart so a frame copies no string
    std::optional<core::ZoomClusters> zoom_clusters_;
    std::pair<const MapLayers*, std::size_t> clustered_layers_{nullptr, 0};
    DrawnMap drawn_;
    core::MapRenderer* renderer_ = nullptr;
    core::MapDrawRequest request_;
};

} // namespace pavilion::screens
