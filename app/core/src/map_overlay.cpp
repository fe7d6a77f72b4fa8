#include "pavilion/core/map_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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

std::vector<MarkerCluster> cluster_markers(const std::vector<ScreenMarker>& markers,
                                           double radius_px) {
    std::vector<MarkerCluster> clusters;
    std::vector<ScreenPoint> sums; // per cluster, for the mean
    for (std::size_t index : by_priority(markers)) {
        const ScreenPoint at = markers[index].position;
        const auto seed_of = [&](const MarkerCluster& c) { return markers[c.members.front()].position; };
        const std::optional<std::size_t> joined = nearest_within(clusters, at, radius_px, seed_of);
        if (joined) {
            clusters[*joined].members.push_back(index);
            sums[*joined].x += at.x;
            sums[*joined].y += at.y;
        } else {
            clusters.push_back({{index}, at});
            sums.push_back(at);
        }
    }
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const double n = static_cast<double>(clusters[i].members.size());
        clusters[i].centre = {sums[i].x / n, sums[i].y / n};
    }
    return clusters;
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
