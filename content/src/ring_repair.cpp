#include "ring_repair.hpp"

#include "ring_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <utility>

namespace pavilion::content {
namespace {

// Far more than real data has (world-atlas: two, in Sudan at 110m); a bound for hostile files.
constexpr std::size_t kMaxCrossings = 10'000;

// The step from one longitude to the next, taken the short way round.
double step(double from, double to) {
    double delta = to - from;
    if (delta > 180) delta -= 360;
    else if (delta < -180) delta += 360;
    return delta;
}

struct Crossing {
    std::size_t edge; // from ring[edge] to the next point
    double t;         // where along that edge, 0..1
    GeoPoint at;
};

int sign(double value) { return (value > 0) - (value < 0); }

// Proper crossings of non-adjacent edges. Edges are swept in order of their western end, so
// only edges whose longitude ranges overlap are compared.
std::vector<Crossing> find_crossings(const Ring& ring) {
    const std::size_t n = ring.size();
    auto from = [&](std::size_t e) -> const GeoPoint& { return ring[e]; };
    auto to = [&](std::size_t e) -> const GeoPoint& { return ring[(e + 1) % n]; };
    auto west = [&](std::size_t e) { return std::min(from(e).lon, to(e).lon); };
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return west(a) != west(b) ? west(a) < west(b) : a < b;
    });
    std::vector<Crossing> crossings;
    for (std::size_t x = 0; x < n && crossings.size() < kMaxCrossings; ++x) {
        const std::size_t i = order[x];
        const GeoPoint& a = from(i);
        const GeoPoint& b = to(i);
        const double east = std::max(a.lon, b.lon);
        for (std::size_t y = x + 1; y < n && west(order[y]) <= east; ++y) {
            const std::size_t j = order[y];
            if ((i + 1) % n == j || (j + 1) % n == i) continue; // neighbours share a point
            const GeoPoint& c = from(j);
            const GeoPoint& d = to(j);
            if (std::max(a.lat, b.lat) < std::min(c.lat, d.lat) ||
                std::max(c.lat, d.lat) < std::min(a.lat, b.lat))
                continue;
            const double d1 = cross(a, b, c), d2 = cross(a, b, d);
            const double d3 = cross(c, d, a), d4 = cross(c, d, b);
            if (sign(d1) * sign(d2) >= 0 || sign(d3) * sign(d4) >= 0) continue;
            const double t = d3 / (d3 - d4);
            const GeoPoint at{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
            crossings.push_back({i, t, at});
            crossings.push_back({j, d1 / (d1 - d2), at});
        }
    }
    return crossings;
}

// The ring with every crossing point inserted in both edges it lies on.
Ring with_crossings(const Ring& ring, std::vector<Crossing> crossings) {
    std::sort(crossings.begin(), crossings.end(), [](const Crossing& a, const Crossing& b) {
        return a.edge != b.edge ? a.edge < b.edge : a.t < b.t;
    });
    Ring out;
    out.reserve(ring.size() + crossings.size());
    auto next = crossings.begin();
    for (std::size_t i = 0; i < ring.size(); ++i) {
        out.push_back(ring[i]);
        for (; next != crossings.end() && next->edge == i; ++next) out.push_back(next->at);
    }
    return out;
}

void keep_loop(Ring loop, std::vector<Ring>& loops) {
    if (loop.size() >= 3 && doubled_area(loop) != 0) loops.push_back(std::move(loop));
}

} // namespace

UnwrappedRing unwrap_ring(const Ring& ring) {
    UnwrappedRing out;
    if (ring.empty()) return out;
    out.points.reserve(ring.size() + 3);
    out.points.push_back(ring[0]);
    double lon = ring[0].lon;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        lon += step(ring[i - 1].lon, ring[i].lon);
        out.points.push_back({lon, ring[i].lat});
    }
    const double closing = lon + step(ring.back().lon, ring[0].lon);
    out.turns = static_cast<int>(std::lround((closing - ring[0].lon) / 360));
    return out;
}

double enclosed_pole(const UnwrappedRing& ring, bool is_hole) {
    const bool eastwards = ring.turns > 0;
    return eastwards != is_hole ? -90 : 90;
}

// The ring's points and its start once round again, so it spans whole turns.
Ring once_round(const UnwrappedRing& ring, double shift = 0) {
    Ring out;
    out.reserve(ring.points.size() + 3);
    for (const auto& p : ring.points) out.push_back({p.lon + shift, p.lat});
    if (ring.turns == 0 || out.empty()) return out;
    const GeoPoint again{out[0].lon + 360.0 * ring.turns, out[0].lat};
    if (!(out.back() == again)) out.push_back(again);
    return out;
}

Ring close_along_pole(const UnwrappedRing& ring, double pole) {
    Ring out = once_round(ring);
    if (ring.turns == 0 || out.empty()) return out;
    out.push_back({out.back().lon, pole});
    out.push_back({out[0].lon, pole});
    return out;
}

// The outline once round, then the hole once round from where the outline ended: the two
// steps between them are the same segment a whole turn apart, a cut of no width.
Ring band_between(const UnwrappedRing& outline, const UnwrappedRing& hole) {
    Ring out = once_round(outline);
    if (out.empty() || hole.points.empty()) return out;
    const double shift = 360.0 * std::round((out.back().lon - hole.points[0].lon) / 360);
    const Ring inner = once_round(hole, shift);
    out.insert(out.end(), inner.begin(), inner.end());
    return out;
}

std::vector<Ring> split_self_crossings(const Ring& ring) {
    if (ring.size() < 3) return {};
    const Ring expanded = with_crossings(ring, find_crossings(ring));
    // Walk the ring; when a point comes round again, the path since its first visit is a loop.
    std::vector<Ring> loops;
    Ring path;
    std::map<std::pair<double, double>, std::size_t> position;
    for (const auto& point : expanded) {
        const auto key = std::make_pair(point.lon, point.lat);
        const auto seen = position.find(key);
        if (seen == position.end()) {
            position.emplace(key, path.size());
            path.push_back(point);
            continue;
        }
        const std::size_t first = seen->second;
        for (std::size_t k = first + 1; k < path.size(); ++k) position.erase({path[k].lon, path[k].lat});
        keep_loop(Ring(path.begin() + static_cast<std::ptrdiff_t>(first), path.end()), loops);
        path.resize(first + 1);
    }
    keep_loop(std::move(path), loops);
    return loops;
}

} // namespace pavilion::content
