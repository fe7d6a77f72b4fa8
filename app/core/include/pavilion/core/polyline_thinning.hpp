#pragma once
// Screen polylines reduced to what a frame can show. A pack's route may be traced far finer than
// the pixels it covers (up to 20,000 points a line); drawing every point costs the frame for
// nothing and, with ImGui's 16-bit indices, can overflow a draw list. Pure geometry in pixels,
// for the map's lines (screens/line_stroke.hpp draws them).

#include "pavilion/core/map_camera.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace pavilion::core {

// Drops, in place, every point closer than min_step px to the last point kept; the first and
// the last point always stay. What is left is never more than min_step px from the line, and has
// at most one point per min_step px of the line's length (plus the ends).
void thin_polyline(std::vector<ScreenPoint>& line, double min_step);

// The points it takes to draw only the segments of `line` that touch `view`: each run of such
// segments costs its segments plus one.
std::size_t points_in_view(const std::vector<ScreenPoint>& line, const ScreenRect& view);

// The part of the segment a->b inside `view`, as fractions of the way from a to b (0 <= from <=
// to <= 1); nullopt when none of it is.
struct SegmentSpan {
    double from = 0;
    double to = 1;
};
std::optional<SegmentSpan> segment_in_view(const ScreenPoint& a, const ScreenPoint& b, const ScreenRect& view);

// Thins every line in place, at min_step and then at twice the step until the points in view of
// all lines together are at most max_points, or no line can lose another point (each is down to
// its two ends). Returns the step the lines were last thinned at.
double thin_to_fit(std::vector<std::vector<ScreenPoint>>& lines, double min_step, const ScreenRect& view,
                   std::size_t max_points);

} // namespace pavilion::core
