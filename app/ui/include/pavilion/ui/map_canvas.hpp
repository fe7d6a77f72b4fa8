#pragma once
// The pack's map for one camera: the base map (on the GPU, through the frame's map renderer),
// corridors and routes with an optional flow along them, place markers clustered where they
// overlap, and labels that do not collide. The map screen, the small maps on detail pages and
// the home tile all draw through it; it returns what it drew where, for hit tests.

#include "pavilion/content/model.hpp"
#include "pavilion/core/map_camera.hpp"
#include "pavilion/core/map_overlay.hpp"
#include "pavilion/ui/frame.hpp"

#include <string>
#include <vector>

namespace pavilion::ui {

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
MapLayers project_layers(const std::vector<content::MapFeature>& features, const std::string& locale);
// The place with this feature id, if any.
const MapPlace* find_place(const MapLayers& layers, const std::string& id);

struct MapCanvasStyle {
    float line_width_dp = 5;
    bool labels = true;
    bool flow = false;              // dashes travel along the corridors
    float cluster_radius_dp = 26;   // markers closer than this merge into one numbered marker
    std::string focus_place;        // drawn larger, in the accent colour (detail pages)
    bool draw_base_map = true;
};

// What a frame drew where, in screen pixels.
struct DrawnMap {
    std::vector<core::ScreenMarker> markers;           // one per place, same order
    std::vector<core::MarkerCluster> clusters;         // of markers
    std::vector<std::vector<core::ScreenPoint>> lines; // one per line, same order
    float marker_radius = 0;                           // px, for hit tests
};

class MapCanvas {
public:
    MapCanvas() = default;
    // The canvas is the base map draw's callback data until the frame is submitted: it stays put.
    MapCanvas(const MapCanvas&) = delete;
    MapCanvas& operator=(const MapCanvas&) = delete;

    DrawnMap draw(Frame& frame, const core::MapCamera& camera, const MapLayers& layers,
                  const MapCanvasStyle& style, ImVec2 min, ImVec2 max);

private:
    void queue_base_map(Frame& frame, const core::MapCamera& camera, ImVec2 min, ImVec2 max);
    static void render_base_map(const ImDrawList* list, const ImDrawCmd* command);

    core::MapRenderer* renderer_ = nullptr;
    core::MapDrawRequest request_;
};

} // namespace pavilion::ui
