#include "pavilion/core/map_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <utility>

namespace pavilion::core {

namespace {

double distance(ScreenPoint a, ScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Indices 0..n-1 ordered by priority, highest first; equal priorities keep input order.
template <typename Item>
std::vector<std::size_t> by_priority(const std::vector<Item>& items) {
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return items[a].priority > items[b].priority;
    });
    return order;
}

// The index of the position nearest to (x, y) within radius; ties to the earlier one.
template <typename Item, typename PositionOf>
std::optional<std::size_t> nearest_within(const std::vector<Item>& items, ScreenPoint tap,
                                          double radius, PositionOf position_of) {
    std::optional<std::size_t> best;
    double best_distance = radius;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double d = distance(position_of(items[i]), tap);
        if (d <= best_distance && (!best || d < best_distance)) {
            best = i;
            best_distance = d;
        }
    }
    return best;
}

double distance_to_segment(ScreenPoint p, ScreenPoint a, ScreenPoint b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length_squared = dx * dx + dy * dy;
    if (length_squared == 0) return distance(p, a);
    const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_squared, 0.0, 1.0);
    return distance(p, {a.x + t * dx, a.y + t * dy});
}

bool fits(const ScreenRect& box, const LabelCandidate& label, const std::vector<ScreenRect>& markers,
          const std::vector<PlacedLabel>& placed, const ScreenRect& viewport) {
    if (!viewport.contains(box)) return false;
    for (const PlacedLabel& other : placed)
        if (box.overlaps(other.rect)) return false;
    for (const ScreenRect& marker : markers)
        if (!marker.contains(label.anchor) && box.overlaps(marker)) return false;
    return true;
}

} // namespace

namespace {

// The seeds of clusters in square cells of the join radius: every seed within the radius of a
// point lies in the point's cell or one of its eight neighbours. Without it each marker would be
// measured against every cluster, which a pack with thousands of places makes slow on each frame.
class SeedGrid {
public:
    explicit SeedGrid(double radius) : cell_(radius > 0 ? radius : 1.0), radius_(radius) {}

    // The nearest seed within the radius; ties to the earlier cluster, as a scan in order would.
    std::optional<std::size_t> nearest(ScreenPoint at, const std::vector<ScreenPoint>& seeds) const {
        if (!finite(at)) return std::nullopt; // it is nowhere: near nothing
        std::optional<std::size_t> best;
        double best_distance = radius_;
        const auto [cx, cy] = cell_of(at);
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = cells_.find(key(cx + dx, cy + dy));
                if (it == cells_.end()) continue;
                for (std::size_t cluster : it->second) {
                    const double d = distance(seeds[cluster], at);
                    if (d <= best_distance && (!best || d < best_distance || (d == best_distance && cluster < *best))) {
                        best = cluster;
                        best_distance = d;
                    }
                }
            }
        }
        return best;
    }

    void add(ScreenPoint seed, std::size_t cluster) {
        if (!finite(seed)) return;
        const auto [cx, cy] = cell_of(seed);
        cells_[key(cx, cy)].push_back(cluster);
    }

private:
    static bool finite(ScreenPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }
    // Far beyond any screen, cells are clamped: correctness rests on the distance test alone.
    std::pair<std::int64_t, std::int64_t> cell_of(ScreenPoint p) const {
        constexpr double kLimit = 1e9;
        auto index = [&](double v) { return static_cast<std::int64_t>(std::floor(std::clamp(v / cell_, -kLimit, kLimit))); };
        return {index(p.x), index(p.y)};
    }
    static std::uint64_t key(std::int64_t x, std::int64_t y) {
        return (static_cast<std::uint64_t>(x) << 32) ^ (static_cast<std::uint64_t>(y) & 0xFFFFFFFFu);
    }

    double cell_;
    double radius_;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> cells_;
};

} // namespace

std::vector<MarkerCluster> cluster_markers(const std::vector<ScreenMarker>& markers,
                                           double radius_px) {
    std::vector<MarkerCluster> clusters;
    std::vector<ScreenPoint> sums;  // per cluster, for the mean
    std::vector<ScreenPoint> seeds; // per cluster, where it was seeded
    SeedGrid grid(radius_px);
    for (std::size_t index : by_priority(markers)) {
        const ScreenPoint at = markers[index].position;
        const std::optional<std::size_t> joined = grid.nearest(at, seeds);
        if (joined) {
            clusters[*joined].members.push_back(index);
            sums[*joined].x += at.x;
            sums[*joined].y += at.y;
        } else {
            grid.add(at, clusters.size());
            clusters.push_back({{index}, at});
            sums.push_back(at);
            seeds.push_back(at);
        }
    }
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const double n = static_cast<double>(clusters[i].members.size());
        clusters[i].centre = {sums[i].x / n, sums[i].y / n};
    }
    return clusters;
}

void single_out(std::vector<MarkerCluster>& clusters, std::size_t member, ScreenPoint at) {
    for (auto group = clusters.begin(); group != clusters.end(); ++group) {
        auto& members = group->members;
        const auto found = std::find(members.begin(), members.end(), member);
        if (found == members.end()) continue;
        if (members.size() > 1) {
            const double n = static_cast<double>(members.size());
            group->centre = {(group->centre.x * n - at.x) / (n - 1), (group->centre.y * n - at.y) / (n - 1)};
            members.erase(found);
            clusters.push_back(MarkerCluster{{member}, at});
        } else {
            std::rotate(group, group + 1, clusters.end()); // already alone: last
        }
        return;
    }
}

ScreenRect label_rect(const LabelCandidate& label, LabelSide side) {
    const ScreenPoint a = label.anchor;
    const double w = label.width;
    const double h = label.height;
    const double gap = label.gap_px;
    switch (side) {
    case LabelSide::right:
        return {a.x + gap, a.y - h / 2, a.x + gap + w, a.y + h / 2};
    case LabelSide::left:
        return {a.x - gap - w, a.y - h / 2, a.x - gap, a.y + h / 2};
    case LabelSide::above:
        return {a.x - w / 2, a.y - gap - h, a.x + w / 2, a.y - gap};
    case LabelSide::below:
        return {a.x - w / 2, a.y + gap, a.x + w / 2, a.y + gap + h};
    }
    return {};
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates,
                                      const std::vector<ScreenRect>& markers,
                                      const ScreenRect& viewport) {
    std::vector<PlacedLabel> placed;
    for (std::size_t index : by_priority(candidates)) {
        const LabelCandidate& label = candidates[index];
        for (LabelSide side : label.sides) {
            const ScreenRect box = label_rect(label, side);
            if (fits(box, label, markers, placed, viewport)) {
                placed.push_back({index, side, box});
                break;
            }
        }
    }
    return placed;
}

std::optional<std::size_t> nearest_marker(const std::vector<ScreenMarker>& markers, double x,
                                          double y, double radius_px) {
    return nearest_within(markers, {x, y}, radius_px, [](const ScreenMarker& m) { return m.position; });
}

std::optional<std::size_t> nearest_marker(const std::vector<MarkerCluster>& clusters, double x,
                                          double y, double radius_px) {
    return nearest_within(clusters, {x, y}, radius_px, [](const MarkerCluster& c) { return c.centre; });
}

double distance_to_polyline(const std::vector<ScreenPoint>& points, double x, double y) {
    if (points.empty()) return std::numeric_limits<double>::infinity();
    const ScreenPoint p{x, y};
    if (points.size() == 1) return distance(p, points.front());
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < points.size(); ++i)
        best = std::min(best, distance_to_segment(p, points[i - 1], points[i]));
    return best;
}

bool hit_polyline(const std::vector<ScreenPoint>& points, double x, double y, double tolerance_px) {
    return distance_to_polyline(points, x, y) <= tolerance_px;
}

MapHit hit_test(const std::vector<MarkerCluster>& clusters,
                const std::vector<std::vector<ScreenPoint>>& polylines, double x, double y,
                double marker_radius_px, double line_tolerance_px) {
    if (const auto marker = nearest_marker(clusters, x, y, marker_radius_px))
        return {MapHit::Kind::marker, *marker};
    MapHit hit;
    double best = line_tolerance_px;
    for (std::size_t i = 0; i < polylines.size(); ++i) {
        const double d = distance_to_polyline(polylines[i], x, y);
        if (d <= best && (hit.kind == MapHit::Kind::none || d < best)) {
            hit = {MapHit::Kind::line, i};
            best = d;
        }
    }
    return hit;
}

} // namespace pavilion::core
