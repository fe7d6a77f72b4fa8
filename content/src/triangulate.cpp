#include "triangulate.hpp"

#include "ring_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pavilion::content {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

bool finite(const Ring& ring) {
    return std::all_of(ring.begin(), ring.end(), [](const GeoPoint& p) {
        return std::isfinite(p.lon) && std::isfinite(p.lat);
    });
}

// Closed triangle test, for any orientation of a, b, c.
bool in_closed_triangle(const GeoPoint& a, const GeoPoint& b, const GeoPoint& c, const GeoPoint& q) {
    if (q.lon < std::min({a.lon, b.lon, c.lon}) || q.lon > std::max({a.lon, b.lon, c.lon}) ||
        q.lat < std::min({a.lat, b.lat, c.lat}) || q.lat > std::max({a.lat, b.lat, c.lat}))
        return false;
    const double d1 = cross(a, b, q), d2 = cross(b, c, q), d3 = cross(c, a, q);
    return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

// Whether segments pq and rs cross or touch.
bool segments_meet(const GeoPoint& p, const GeoPoint& q, const GeoPoint& r, const GeoPoint& s) {
    auto sign = [](double v) { return (v > 0) - (v < 0); };
    auto on_segment = [](const GeoPoint& a, const GeoPoint& b, const GeoPoint& x) {
        return x.lon >= std::min(a.lon, b.lon) && x.lon <= std::max(a.lon, b.lon) &&
               x.lat >= std::min(a.lat, b.lat) && x.lat <= std::max(a.lat, b.lat);
    };
    const int o1 = sign(cross(p, q, r)), o2 = sign(cross(p, q, s));
    const int o3 = sign(cross(r, s, p)), o4 = sign(cross(r, s, q));
    if (o1 != o2 && o3 != o4) return true;
    return (o1 == 0 && on_segment(p, q, r)) || (o2 == 0 && on_segment(p, q, s)) ||
           (o3 == 0 && on_segment(r, s, p)) || (o4 == 0 && on_segment(r, s, q));
}

// The polygon as circular doubly linked lists of vertices in one pool. Bridges and diagonals
// copy vertices, so one input point may appear as several nodes.
class Triangulator {
public:
    std::vector<std::uint32_t> run(const Polygon& polygon) {
        std::uint32_t outer = add_ring(polygon.outer, 0, true);
        if (outer == kNone) return {};
        auto offset = static_cast<std::uint32_t>(polygon.outer.size());
        std::vector<std::uint32_t> holes;
        for (const auto& hole : polygon.holes) {
            if (const auto start = add_ring(hole, offset, false); start != kNone) holes.push_back(start);
            offset += static_cast<std::uint32_t>(hole.size());
        }
        outer = join_holes(outer, holes);
        if (outer != kNone) clip(outer);
        return std::move(triangles_);
    }

private:
    struct Node {
        GeoPoint p;
        std::uint32_t index; // the caller's number of this point
        std::uint32_t prev;
        std::uint32_t next;
    };

    const GeoPoint& at(std::uint32_t n) const { return nodes_[n].p; }
    std::uint32_t next(std::uint32_t n) const { return nodes_[n].next; }
    std::uint32_t prev(std::uint32_t n) const { return nodes_[n].prev; }
    double turn(std::uint32_t n) const { return cross(at(prev(n)), at(n), at(next(n))); }
    bool too_small(std::uint32_t n) const { return next(n) == n || next(next(n)) == n; }

    void unlink(std::uint32_t n) {
        nodes_[prev(n)].next = next(n);
        nodes_[next(n)].prev = prev(n);
    }

    std::uint32_t copy_of(std::uint32_t n) {
        nodes_.push_back({at(n), nodes_[n].index, kNone, kNone});
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    // Links a ring in the wanted orientation (outer rings counter-clockwise, holes clockwise,
    // so the interior is always on the left). Returns a node of it, or kNone without area.
    std::uint32_t add_ring(const Ring& ring, std::uint32_t first_index, bool counter_clockwise) {
        if (ring.size() < 3 || !finite(ring)) return kNone;
        const double area = doubled_area(ring);
        if (area == 0) return kNone;
        const bool reverse = (area > 0) != counter_clockwise;
        const auto first = static_cast<std::uint32_t>(nodes_.size());
        const auto count = static_cast<std::uint32_t>(ring.size());
        for (std::uint32_t k = 0; k < count; ++k) {
            const std::uint32_t i = reverse ? count - 1 - k : k;
            nodes_.push_back({ring[i], first_index + i, first + (k + count - 1) % count,
                              first + (k + 1) % count});
        }
        return drop_flat_points(first);
    }

    // Removes repeated points and points on a straight line between their neighbours: neither
    // encloses area, and both stall ear clipping. Returns a remaining node, or kNone when fewer
    // than three are left.
    std::uint32_t drop_flat_points(std::uint32_t start) {
        if (start == kNone) return kNone;
        std::uint32_t n = start;
        std::uint32_t stop = start;
        while (!too_small(n)) {
            if (at(n) == at(next(n)) || turn(n) == 0) {
                const std::uint32_t before = prev(n);
                unlink(n);
                n = stop = before;
                continue;
            }
            n = next(n);
            if (n == stop) return n;
        }
        return kNone;
    }

    // Joins a and b by a pair of opposite edges. Within one list this cuts it in two; between
    // an outer list and a hole it makes one list. Returns the copy of b, which lies in the
    // list that does not hold a.
    std::uint32_t split(std::uint32_t a, std::uint32_t b) {
        const std::uint32_t a2 = copy_of(a);
        const std::uint32_t b2 = copy_of(b);
        const std::uint32_t after_a = next(a);
        const std::uint32_t before_b = prev(b);
        nodes_[a].next = b;
        nodes_[b].prev = a;
        nodes_[a2].next = after_a;
        nodes_[after_a].prev = a2;
        nodes_[b2].next = a2;
        nodes_[a2].prev = b2;
        nodes_[before_b].next = b2;
        nodes_[b2].prev = before_b;
        return b2;
    }

    // Whether q lies in the angle the polygon's interior takes at node n.
    bool locally_inside(std::uint32_t n, const GeoPoint& q) const {
        const GeoPoint& a = at(prev(n));
        const GeoPoint& b = at(n);
        const GeoPoint& c = at(next(n));
        if (cross(a, b, c) >= 0) return cross(a, b, q) >= 0 && cross(b, c, q) >= 0;
        return cross(a, b, q) >= 0 || cross(b, c, q) >= 0;
    }

    std::uint32_t rightmost(std::uint32_t start) const {
        std::uint32_t best = start;
        for (std::uint32_t n = next(start); n != start; n = next(n)) {
            const GeoPoint& p = at(n);
            const GeoPoint& b = at(best);
            if (p.lon > b.lon || (p.lon == b.lon && p.lat > b.lat)) best = n;
        }
        return best;
    }

    // Holes are joined right to left, each from its rightmost vertex, so the ray cast east from
    // that vertex meets only the outer ring and holes joined before.
    std::uint32_t join_holes(std::uint32_t outer, const std::vector<std::uint32_t>& holes) {
        std::vector<std::uint32_t> starts;
        for (const auto hole : holes) starts.push_back(rightmost(hole));
        std::sort(starts.begin(), starts.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (at(a).lon != at(b).lon) return at(a).lon > at(b).lon;
            if (at(a).lat != at(b).lat) return at(a).lat > at(b).lat;
            return nodes_[a].index < nodes_[b].index;
        });
        for (const auto hole : starts) {
            const std::uint32_t target = bridge_target(hole, outer);
            if (target == kNone) continue; // a hole outside the outer ring cuts nothing out
            split(target, hole);
            outer = drop_flat_points(target);
            if (outer == kNone) return kNone;
        }
        return outer;
    }

    // The outer vertex the hole vertex h can be joined to without crossing an edge: cast a ray
    // east to the nearest edge, take that edge's eastern end, and prefer any vertex inside the
    // triangle ray-hit-end that lies at a smaller angle from the ray (it would block the view).
    std::uint32_t bridge_target(std::uint32_t h, std::uint32_t outer) const {
        const GeoPoint& m = at(h);
        double hit_lon = std::numeric_limits<double>::infinity();
        std::uint32_t end = kNone;
        std::uint32_t n = outer;
        do {
            const GeoPoint& a = at(n);
            const GeoPoint& b = at(next(n));
            // The interior lies left of every edge, so edges that face the ray run north.
            if (a.lat <= m.lat && m.lat <= b.lat && a.lat < b.lat) {
                const double lon = a.lon + (m.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
                if (lon >= m.lon && lon < hit_lon) {
                    hit_lon = lon;
                    end = a.lon > b.lon ? n : next(n);
                }
            }
            n = next(n);
        } while (n != outer);
        if (end == kNone) return kNone;

        const GeoPoint hit{hit_lon, m.lat};
        const GeoPoint end_point = at(end);
        std::uint32_t best = end;
        double best_tan = std::numeric_limits<double>::infinity();
        double best_distance = std::numeric_limits<double>::infinity();
        n = outer;
        do {
            const GeoPoint& q = at(n);
            if (q.lon >= m.lon && in_closed_triangle(m, hit, end_point, q)) {
                const double dx = q.lon - m.lon;
                const double dy = std::abs(q.lat - m.lat);
                const double tan = dx == 0 ? (dy == 0 ? -1 : std::numeric_limits<double>::infinity())
                                           : dy / dx;
                const double distance = dx * dx + dy * dy;
                if (tan < best_tan || (tan == best_tan && distance < best_distance)) {
                    best = n;
                    best_tan = tan;
                    best_distance = distance;
                }
            }
            n = next(n);
        } while (n != outer);
        // A point may sit in the list several times (after earlier bridges); take the copy whose
        // interior angle faces the hole, so the bridge runs inside the polygon.
        n = outer;
        do {
            if (at(n) == at(best) && locally_inside(n, m)) return n;
            n = next(n);
        } while (n != outer);
        return best;
    }

    // Whether the corner at `ear` can be cut off: it turns left and no other vertex lies in its
    // triangle (strict: not even on its edges). Copies of the corner's own points do not count.
    bool is_ear(std::uint32_t ear, bool strict) const {
        const GeoPoint& a = at(prev(ear));
        const GeoPoint& b = at(ear);
        const GeoPoint& c = at(next(ear));
        if (cross(a, b, c) <= 0) return false;
        const double min_lon = std::min({a.lon, b.lon, c.lon});
        const double max_lon = std::max({a.lon, b.lon, c.lon});
        const double min_lat = std::min({a.lat, b.lat, c.lat});
        const double max_lat = std::max({a.lat, b.lat, c.lat});
        for (std::uint32_t n = next(next(ear)); n != prev(ear); n = next(n)) {
            const GeoPoint& q = at(n);
            if (q.lon < min_lon || q.lon > max_lon || q.lat < min_lat || q.lat > max_lat) continue;
            if (q == a || q == b || q == c) continue;
            const double d1 = cross(a, b, q), d2 = cross(b, c, q), d3 = cross(c, a, q);
            if (strict ? (d1 >= 0 && d2 >= 0 && d3 >= 0) : (d1 > 0 && d2 > 0 && d3 > 0)) return false;
        }
        return true;
    }

    void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        triangles_.insert(triangles_.end(), {nodes_[a].index, nodes_[b].index, nodes_[c].index});
    }

    // Whether a and b can be joined inside the polygon: no edge in the way, inside at both ends,
    // and the midpoint inside.
    bool valid_diagonal(std::uint32_t a, std::uint32_t b) const {
        const GeoPoint& p = at(a);
        const GeoPoint& q = at(b);
        if (p == q || !locally_inside(a, q) || !locally_inside(b, p)) return false;
        const GeoPoint middle{(p.lon + q.lon) / 2, (p.lat + q.lat) / 2};
        bool inside = false;
        std::uint32_t n = a;
        do {
            const GeoPoint& r = at(n);
            const GeoPoint& s = at(next(n));
            if (!(r == p || r == q || s == p || s == q) && segments_meet(p, q, r, s)) return false;
            if ((r.lat > middle.lat) != (s.lat > middle.lat) &&
                middle.lon < (s.lon - r.lon) * (middle.lat - r.lat) / (s.lat - r.lat) + r.lon)
                inside = !inside;
            n = next(n);
        } while (n != a);
        return inside;
    }

    // Cuts the list along a valid diagonal into two smaller ones; false when there is none.
    bool split_at_diagonal(std::uint32_t start, std::vector<std::uint32_t>& pending) {
        std::uint32_t a = start;
        do {
            for (std::uint32_t b = next(next(a)); b != prev(a); b = next(b)) {
                if (nodes_[a].index == nodes_[b].index || !valid_diagonal(a, b)) continue;
                const std::uint32_t other = split(a, b);
                for (const auto part : {drop_flat_points(a), drop_flat_points(other)}) {
                    if (part != kNone) pending.push_back(part);
                }
                return true;
            }
            a = next(a);
        } while (a != start);
        return false;
    }

    // Clips ears until each list is used up. When a whole turn finds no ear, the rules relax
    // step by step: drop flat points, allow vertices on a triangle's edge, cut the list along a
    // diagonal; when even that fails, what is left is given up (it is degenerate).
    void clip(std::uint32_t start) {
        std::vector<std::uint32_t> pending{start};
        while (!pending.empty()) {
            std::uint32_t ear = pending.back();
            pending.pop_back();
            std::uint32_t stop = ear;
            int rule = 0; // 0 strict, 1 strict after dropping flat points, 2 lenient
            while (!too_small(ear)) {
                const std::uint32_t before = prev(ear);
                const std::uint32_t after = next(ear);
                if (at(ear) == at(after) || turn(ear) == 0) { // no area: drop it
                    unlink(ear);
                    ear = stop = after;
                    continue;
                }
                if (is_ear(ear, rule < 2)) {
                    emit(before, ear, after);
                    unlink(ear);
                    ear = stop = after;
                    continue;
                }
                ear = after;
                if (ear != stop) continue;
                if (rule == 0) {
                    ear = stop = drop_flat_points(ear);
                    if (ear == kNone) break;
                    rule = 1;
                } else if (rule == 1) {
                    rule = 2;
                } else {
                    split_at_diagonal(ear, pending);
                    break;
                }
            }
        }
    }

    std::vector<Node> nodes_;
    std::vector<std::uint32_t> triangles_;
};

} // namespace

std::vector<std::uint32_t> triangulate(const Polygon& polygon) {
    std::size_t points = polygon.outer.size();
    for (const auto& hole : polygon.holes) points += hole.size();
    // Indices are 32-bit, and nodes get copied by bridges; real countries are far below this.
    if (points >= std::numeric_limits<std::uint32_t>::max() / 4) return {};
    return Triangulator().run(polygon);
}

} // namespace pavilion::content
