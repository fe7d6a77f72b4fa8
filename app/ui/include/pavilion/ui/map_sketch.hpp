#pragma once
// A schematic map of the pack's corridors, routes and places in a rectangle: the home tile, the
// small map on detail pages, and the map screen until the full base map (issue 5) lands.
// Equirectangular projection of a longitude/latitude window; no country shapes yet.

#include "pavilion/content/model.hpp"
#include "pavilion/ui/frame.hpp"

#include <optional>
#include <vector>

namespace pavilion::ui {

struct GeoWindow {
    double west = -20, east = 150, south = -5, north = 62; // Eurasia and Africa's north
};

// The window around all features, padded, with the rectangle's aspect ratio.
GeoWindow fit_window(const std::vector<content::MapFeature>& features, float aspect);
// A window centred on one place (detail pages), span in degrees of longitude.
GeoWindow window_around(content::GeoPoint centre, double span_lon, float aspect);

// A longitude span around centre wide enough to show the nearest corridor or route too, so a place
// far from the corridors (Rwanda) is seen in relation to them, not on an empty grid.
double span_to_show_neighbours(const std::vector<content::MapFeature>& features, content::GeoPoint centre,
                               float aspect);

ImVec2 project(const GeoWindow& window, content::GeoPoint point, ImVec2 min, ImVec2 max);

struct SketchStyle {
    float line_width_dp = 4;
    bool labels = false;
    std::optional<content::GeoPoint> highlight; // drawn as a pulsing marker
    bool tap_targets = false;                   // points and lines open their link
    std::string locale;
};

void draw_map_sketch(Frame& frame, const std::vector<content::MapFeature>& features,
                     const GeoWindow& window, ImVec2 min, ImVec2 max, const SketchStyle& style);

} // namespace pavilion::ui
