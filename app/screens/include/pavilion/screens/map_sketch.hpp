#pragma once
// A schematic map of the pack's corridors, routes and places in a rectangle: Home's map tile.
// Equirectangular projection of a longitude/latitude window, on a graticule. (The map screen and
// the detail pages draw the real base map through map_canvas.hpp; the detail pages use the
// windows below to frame an item's place.)

#include "pavilion/content/model.hpp"
#include "pavilion/core/map_camera.hpp"
#include "pavilion/screens/frame.hpp"

#include <optional>
#include <vector>

namespace pavilion::screens {

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
};

// Draws the sketch. Places that would overlap are drawn as one dot, lines are thinned to the
// tile's pixels, and both are kept while the features (told apart by address and size; a view
// rebuilt in place from the same catalog keeps both, and its places), the window, the rectangle
// and the scale stay the same: a pack of thousands of places, or of lines of thousands of
// points, costs what is drawn, not what the pack holds, on each frame.
class MapSketch {
public:
    void draw(Frame& frame, const std::vector<content::MapFeature>& features, const GeoWindow& window, ImVec2 min,
                       ImVec2 max, const SketchStyle& style);
    // fit_window(features, aspect), kept while the features and the aspect stay the same: it
    // reads every place, which a pack of thousands would otherwise make every frame pay.
    GeoWindow window_fitting(const std::vector<content::MapFeature>& features, float aspect);

private:
    void draw_in_place(Frame& frame, const std::vector<content::MapFeature>& features, const GeoWindow& window, ImVec2 min,
                       ImVec2 max, const SketchStyle& style);
    struct Dot {
        // Index into the features of the first of those merged (a story if any is). Not a
        // pointer: screens pass views rebuilt in place (same address, same size, new storage),
        // and a kept pointer into the old storage crashed the soak run going from the map to Home.
        std::size_t place;
        ImVec2 at;
    };
    struct DotKey {
        const std::vector<content::MapFeature>* features = nullptr;
        std::size_t count = 0;
        double west = 0, east = 0, south = 0, north = 0;
        float min_x = 0, min_y = 0, max_x = 0, max_y = 0, radius = 0;
        bool operator==(const DotKey& o) const {
            return features == o.features && count == o.count && west == o.west && east == o.east &&
                   south == o.south && north == o.north && min_x == o.min_x && min_y == o.min_y &&
                   max_x == o.max_x && max_y == o.max_y && radius == o.radius;
        }
    };
    void place_dots(const std::vector<content::MapFeature>& features, const GeoWindow& window, ImVec2 min,
                    ImVec2 max, float radius);

    struct FitKey {
        const std::vector<content::MapFeature>* features = nullptr;
        std::size_t count = 0;
        float aspect = 0;
        bool operator==(const FitKey& o) const { return features == o.features && count == o.count && aspect == o.aspect; }
    };
    std::optional<FitKey> window_for_;
    GeoWindow window_;
    std::optional<DotKey> dots_for_;
    std::vector<Dot> dots_;
    std::vector<std::size_t> lines_; // indices of the line features, found with the dots
    // Their points in the rectangle, thinned to its pixels (as many as lines_, same order).
    std::vector<std::vector<core::ScreenPoint>> line_points_;
};

} // namespace pavilion::screens
