#pragma once
// The base map as the GPU draws it: country fills as triangles and borders as line segments, in
// projected coordinates (x right, y up; see equal_earth.hpp). Built once per pack on the CPU,
// uploaded once; a frame only passes a transform. Plain data, so every layer can hold it.

#include <array>
#include <cstdint>
#include <vector>

namespace pavilion::core {

struct MapMeshLevel {
    std::vector<float> positions;                // x, y pairs
    std::vector<std::uint32_t> land;             // triangles of countries drawn in the land colour
    std::vector<std::uint32_t> highlighted;      // triangles of the pack's highlighted countries
    std::vector<float> borders;                  // x0, y0, x1, y1 per segment (coasts included)
    double min_scale = 0;                        // px per projected unit from which this level is used
};

// Colours as 0..1 RGBA.
using MapColor = std::array<float, 4>;

// The pack's choice of colours for its base map.
struct MapStyle {
    MapColor water{}, land{}, highlighted{}, border{};
};

struct MapMesh {
    std::vector<MapMeshLevel> levels; // coarse first
    MapStyle style;
    bool empty() const { return levels.empty(); }
};

// One draw of the base map: where and how, in framebuffer pixels.
struct MapDrawRequest {
    // screen = (x * scale + offset_x, offset_y - y * scale): y flips, the map's north is up.
    double scale = 1;
    double offset_x = 0;
    double offset_y = 0;
    // The visible rectangle (min x, min y, max x, max y) in pixels from the top left.
    std::array<float, 4> clip{0, 0, 0, 0};
    int framebuffer_width = 0;
    int framebuffer_height = 0;
    MapColor water{}, land{}, highlighted{}, border{};
    float border_width_px = 1;
};

// Two requests draw the same pixels exactly when every field is equal (no tolerance: a view
// that is still computes the same numbers every frame).
inline bool operator==(const MapDrawRequest& a, const MapDrawRequest& b) {
    return a.scale == b.scale && a.offset_x == b.offset_x && a.offset_y == b.offset_y && a.clip == b.clip &&
           a.framebuffer_width == b.framebuffer_width && a.framebuffer_height == b.framebuffer_height &&
           a.water == b.water && a.land == b.land && a.highlighted == b.highlighted && a.border == b.border &&
           a.border_width_px == b.border_width_px;
}
inline bool operator!=(const MapDrawRequest& a, const MapDrawRequest& b) { return !(a == b); }

// Draws the base map; the platform layer implements it on the GPU. Screens queue requests into
// their draw lists and the renderer runs them at submit time, between ImGui's own draws.
class MapRenderer {
public:
    virtual ~MapRenderer() = default;
    virtual void render(const MapDrawRequest& request) = 0;
    virtual const MapStyle& style() const = 0;
};

// The level of detail for a scale: the most detailed level whose min_scale it reaches.
inline std::size_t level_for_scale(const MapMesh& mesh, double scale) {
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < mesh.levels.size(); ++i)
        if (scale >= mesh.levels[i].min_scale) chosen = i;
    return chosen;
}

} // namespace pavilion::core
