#include "pavilion/screens/map_mesh_builder.hpp"

#include "pavilion/core/equal_earth.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

// Shapes that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 between
// neighbouring vertices; projected, such an edge would cut across the whole world. The few
// triangles and border segments that do are left out: they are slivers at the map's edge.
bool crosses_antimeridian(float lon_a, float lon_b) { return std::fabs(lon_a - lon_b) > 180.0f; }

core::MapColor to_color(const content::Rgba& c) {
    return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f};
}

} // namespace

core::MapMesh build_map_mesh(const content::BaseMap& base_map) {
    core::MapMesh mesh;
    mesh.style = {to_color(base_map.style.water), to_color(base_map.style.land), to_color(base_map.style.highlight),
                  to_color(base_map.style.border)};
    // The coarse level serves the overview; the detailed one from about twice the home view's
    // scale on a full-HD panel, where coarse coasts start to look angular and (zoomed in) the
    // renderer draws only the cells in view, so its extra vertices cost little.
    constexpr double kDetailedFromScale = 1200; // px per projected unit (the world is ~5.4 wide)
    for (std::size_t l = 0; l < base_map.levels.size(); ++l) {
        const auto& source = base_map.levels[l];
        core::MapMeshLevel level;
        level.min_scale = l == 0 ? 0 : kDetailedFromScale * static_cast<double>(l);
        level.positions.reserve(source.vertices.size());
        for (std::size_t v = 0; v + 1 < source.vertices.size(); v += 2) {
            const auto p = core::equal_earth(source.vertices[v], source.vertices[v + 1]);
            level.positions.push_back(static_cast<float>(p.x));
            level.positions.push_back(static_cast<float>(p.y));
        }
        for (const auto& country : source.countries) {
            if (country.first_index > source.triangles.size()) continue;
            auto& into = country.highlighted ? level.highlighted : level.land;
            const auto end = std::min<std::size_t>(source.triangles.size(),
                                                   std::size_t{country.first_index} + country.index_count);
            const auto vertex_count = source.vertices.size() / 2;
            for (std::size_t t = country.first_index; t + 3 <= end; t += 3) {
                const std::uint32_t a = source.triangles[t], b = source.triangles[t + 1], c = source.triangles[t + 2];
                if (a >= vertex_count || b >= vertex_count || c >= vertex_count) continue;
                const float la = source.vertices[2 * a], lb = source.vertices[2 * b], lc = source.vertices[2 * c];
                if (crosses_antimeridian(la, lb) || crosses_antimeridian(lb, lc) || crosses_antimeridian(la, lc))
                    continue;
                into.insert(into.end(), {a, b, c});
            }
        }
        level.borders.reserve(source.borders.size());
        for (std::size_t b = 0; b + 3 < source.borders.size(); b += 4) {
            const float* segment = &source.borders[b];
            if (crosses_antimeridian(segment[0], segment[2])) continue;
            for (int end = 0; end < 2; ++end) {
                const auto p = core::equal_earth(segment[2 * end], segment[2 * end + 1]);
                level.borders.push_back(static_cast<float>(p.x));
                level.borders.push_back(static_cast<float>(p.y));
            }
        }
        mesh.levels.push_back(std::move(level));
    }
    return mesh;
}

} // namespace pavilion::screens
