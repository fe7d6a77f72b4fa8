#include "pavilion/core/polyline_thinning.hpp"

#include <algorithm>

namespace pavilion::core {
namespace {

bool touches(const ScreenPoint& a, const ScreenPoint& b, const ScreenRect& view) {
    return std::max(a.x, b.x) >= view.min_x && std::min(a.x, b.x) <= view.max_x && std::max(a.y, b.y) >= view.min_y &&
           std::min(a.y, b.y) <= view.max_y;
}

std::size_t points_in_view(const std::vector<std::vector<ScreenPoint>>& lines, const ScreenRect& view) {
    std::size_t total = 0;
    for (const auto& line : lines) total += points_in_view(line, view);
    return total;
}

} // namespace

void thin_polyline(std::vector<ScreenPoint>& line, double min_step) {
    if (line.size() <= 2) return;
    const double step_squared = min_step * min_step;
    std::size_t kept = 1; // line[0]
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
        const double dx = line[i].x - line[kept - 1].x, dy = line[i].y - line[kept - 1].y;
        if (dx * dx + dy * dy >= step_squared) line[kept++] = line[i];
    }
    line[kept++] = line.back();
    line.resize(kept);
}

std::size_t points_in_view(const std::vector<ScreenPoint>& line, const ScreenRect& view) {
    std::size_t points = 0;
    bool in_run = false;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const bool seen = touches(line[i - 1], line[i], view);
        if (seen) points += in_run ? 1 : 2;
        in_run = seen;
    }
    return points;
}

std::optional<SegmentSpan> segment_in_view(const ScreenPoint& a, const ScreenPoint& b, const ScreenRect& view) {
    // Liang-Barsky: narrow [0, 1] by each of the rectangle's four edges in turn.
    SegmentSpan span;
    const double dx = b.x - a.x, dy = b.y - a.y;
    auto narrow = [&](double towards_inside, double distance_inside) {
        if (towards_inside == 0) return distance_inside >= 0; // parallel to the edge: inside or not at all
        const double t = distance_inside / towards_inside;
        if (towards_inside < 0) span.from = std::max(span.from, t); // entering
        else span.to = std::min(span.to, t);                        // leaving
        return span.from <= span.to;
    };
    const bool inside = narrow(-dx, a.x - view.min_x) && narrow(dx, view.max_x - a.x) && narrow(-dy, a.y - view.min_y) &&
                        narrow(dy, view.max_y - a.y);
    if (!inside) return std::nullopt;
    return span;
}

double thin_to_fit(std::vector<std::vector<ScreenPoint>>& lines, double min_step, const ScreenRect& view,
                   std::size_t max_points) {
    double step = min_step > 0 ? min_step : 1; // doubling must get somewhere
    for (auto& line : lines) thin_polyline(line, step);
    auto can_shrink = [&] {
        return std::any_of(lines.begin(), lines.end(), [](const auto& line) { return line.size() > 2; });
    };
    // Doubling, not a jump by how far over the budget it is: a jump thinned a zigzag to 43
    // points where 2,000 were allowed, and saved a fifth of the time.
    while (points_in_view(lines, view) > max_points && can_shrink()) {
        step *= 2;
        for (auto& line : lines) thin_polyline(line, step);
    }
    return step;
}

} // namespace pavilion::core
