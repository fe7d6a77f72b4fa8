#include "planar_polygons.hpp"

#include "antimeridian_cut.hpp"
#include "ring_geometry.hpp"
#include "ring_repair.hpp"

#include <algorithm>

namespace pavilion::content {
namespace {

// The simple planar rings one ring (already unwrapped and closed) becomes.
std::vector<Ring> planar_rings(const Ring& ring) {
    std::vector<Ring> rings;
    for (const auto& loop : split_self_crossings(ring)) {
        for (auto& piece : cut_at_antimeridian(loop)) rings.push_back(std::move(piece));
    }
    return rings;
}

// Where an outline touches or crosses itself around a region, that region is a hole (as the
// even-odd rule fills it): loops inside an odd number of the other loops are holes.
void sort_loops(std::vector<Ring> loops, std::vector<Ring>& outers, std::vector<Ring>& holes) {
    if (loops.size() == 1) {
        outers.push_back(std::move(loops[0]));
        return;
    }
    std::vector<bool> is_hole(loops.size(), false);
    for (std::size_t i = 0; i < loops.size(); ++i) {
        const auto inner = interior_point(loops[i]);
        if (!inner) continue;
        int depth = 0;
        for (std::size_t k = 0; k < loops.size(); ++k) depth += k != i && ring_contains(loops[k], *inner);
        is_hole[i] = depth % 2 == 1;
    }
    for (std::size_t i = 0; i < loops.size(); ++i) (is_hole[i] ? holes : outers).push_back(std::move(loops[i]));
}

// Unwraps the rings and closes those around a pole; an outline and a hole around the same
// pole become the band between them.
void unwrapped_rings(const Polygon& polygon, Ring& outline, std::vector<Ring>& holes) {
    const auto outer = unwrap_ring(polygon.outer);
    std::vector<UnwrappedRing> unwrapped_holes;
    for (const auto& hole : polygon.holes) unwrapped_holes.push_back(unwrap_ring(hole));
    outline = outer.points;
    if (outer.turns != 0) {
        const double pole = enclosed_pole(outer, false);
        const auto same_pole = std::find_if(unwrapped_holes.begin(), unwrapped_holes.end(), [&](const auto& hole) {
            return hole.turns != 0 && enclosed_pole(hole, true) == pole;
        });
        if (same_pole != unwrapped_holes.end()) {
            outline = band_between(outer, *same_pole);
            unwrapped_holes.erase(same_pole);
        } else {
            outline = close_along_pole(outer, pole);
        }
    }
    for (const auto& hole : unwrapped_holes) holes.push_back(close_along_pole(hole, enclosed_pole(hole, true)));
}

} // namespace

std::vector<Polygon> planar_polygons(const Polygon& polygon) {
    Ring outline;
    std::vector<Ring> unwrapped_holes;
    unwrapped_rings(polygon, outline, unwrapped_holes);
    std::vector<Ring> outers;
    std::vector<Ring> holes;
    sort_loops(planar_rings(outline), outers, holes);
    for (const auto& hole : unwrapped_holes) {
        for (auto& piece : planar_rings(hole)) holes.push_back(std::move(piece));
    }
    std::vector<Polygon> out;
    for (auto& outer : outers) out.push_back({std::move(outer), {}});
    if (out.size() == 1) { // the usual case: no need to ask where each hole lies
        out[0].holes = std::move(holes);
        return out;
    }
    for (auto& hole : holes) {
        const auto inner = interior_point(hole);
        if (!inner) continue;
        for (auto& piece : out) {
            if (ring_contains(piece.outer, *inner)) {
                piece.holes.push_back(std::move(hole));
                break;
            }
        }
    }
    return out;
}

} // namespace pavilion::content
