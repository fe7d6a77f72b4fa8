// Lines thinned to the pixels a frame shows: never further from the line than the step, never
// more points than the length allows, the ends kept, and a budget of points in view met by
// coarser steps (issue 19: a million-point route).

#include "pavilion/core/polyline_thinning.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace pavilion::core {
namespace {

// A route traced far finer than its pixels: 10,000 points along 1,000 px, wobbling by 0.2 px.
std::vector<ScreenPoint> fine_line() {
    std::vector<ScreenPoint> line;
    for (int i = 0; i < 10'000; ++i) line.push_back({i * 0.1, 500 + 0.2 * std::sin(i * 0.7)});
    return line;
}

// Every point of `original` within `tolerance` of some kept point.
bool kept_near(const std::vector<ScreenPoint>& original, const std::vector<ScreenPoint>& kept, double tolerance) {
    for (const auto& p : original) {
        bool near = false;
        for (const auto& k : kept) near = near || std::hypot(p.x - k.x, p.y - k.y) <= tolerance;
        if (!near) return false;
    }
    return true;
}

TEST(PolylineThinning, AFineLineKeepsAboutAPointPerStepAndItsEnds) {
    const auto original = fine_line();
    auto line = original;
    thin_polyline(line, 1.0);
    EXPECT_GE(line.size(), 900u);
    EXPECT_LE(line.size(), 1'002u) << "at most one point per px of its 1,000 px, and the ends";
    EXPECT_EQ(line.front().x, original.front().x);
    EXPECT_EQ(line.back().x, original.back().x);
    EXPECT_EQ(line.back().y, original.back().y);
    EXPECT_TRUE(kept_near(original, line, 1.0));
}

TEST(PolylineThinning, PointsAStepApartAllStay) {
    std::vector<ScreenPoint> zigzag;
    for (int i = 0; i < 100; ++i) zigzag.push_back({i * 3.0, i % 2 ? 0.0 : 5.0});
    auto line = zigzag;
    thin_polyline(line, 1.0);
    EXPECT_EQ(line.size(), zigzag.size()) << "every turn is visible: none may go";
}

TEST(PolylineThinning, TwoPointsAndOnePointStayAsTheyAre) {
    std::vector<ScreenPoint> two{{0, 0}, {0.1, 0}}, one{{5, 5}};
    thin_polyline(two, 10);
    thin_polyline(one, 10);
    EXPECT_EQ(two.size(), 2u);
    EXPECT_EQ(one.size(), 1u);
}

TEST(PolylineThinning, PointsInViewCountOnlyRunsThatTouchIt) {
    const ScreenRect view{0, 0, 100, 100};
    // In, out (far right), back in. Its segments touching the view: the first three (the third
    // leaves through the corner), then the last two: runs of 3 and 2 segments, 4 + 3 points.
    const std::vector<ScreenPoint> line{{10, 10}, {50, 50}, {90, 90}, {500, 500}, {600, 500}, {700, 500},
                                        {90, 50}, {50, 50}};
    EXPECT_EQ(points_in_view(line, view), 4u + 3u);
    EXPECT_EQ(points_in_view({{200, 200}, {300, 300}}, view), 0u);
    EXPECT_EQ(points_in_view({{200, 200}}, view), 0u);
}

TEST(PolylineThinning, ThinToFitMeetsTheBudgetWithCoarserSteps) {
    // A zigzag 20 px high and a px apart: every point is a step apart at 1 px, and 20,000 of
    // them are in view; the budget of 2,000 needs a coarser step.
    std::vector<std::vector<ScreenPoint>> lines(1);
    for (int i = 0; i < 20'000; ++i) lines[0].push_back({i * 0.09, 500.0 + (i % 2 ? 10 : -10)});
    const ScreenRect view{0, 0, 1920, 1080};
    const double step = thin_to_fit(lines, 0.75, view, 2'000);
    EXPECT_GT(step, 0.75);
    EXPECT_LE(points_in_view(lines[0], view), 2'000u);
    EXPECT_GE(points_in_view(lines[0], view), 100u) << "still a line across, not just its ends";
}

TEST(PolylineThinning, ThinToFitStopsWhenEveryLineIsDownToItsEnds) {
    // 5,000 two-point lines in view can never fit 100 points: each keeps its ends, and it ends.
    std::vector<std::vector<ScreenPoint>> lines(5'000, std::vector<ScreenPoint>{{10, 10}, {20, 20}});
    thin_to_fit(lines, 0.75, {0, 0, 100, 100}, 100);
    for (const auto& line : lines) ASSERT_EQ(line.size(), 2u);
}

TEST(PolylineThinning, ThinToFitWithAZeroStepStillEnds) {
    std::vector<std::vector<ScreenPoint>> lines(1);
    for (int i = 0; i < 1'000; ++i) lines[0].push_back({i % 2 ? 0.0 : 50.0, 0});
    thin_to_fit(lines, 0, {0, 0, 100, 100}, 10);
    EXPECT_LE(points_in_view(lines[0], {0, 0, 100, 100}), 10u);
}

TEST(PolylineThinning, SegmentInViewIsThePartInsideTheRectangle) {
    const ScreenRect view{0, 0, 100, 100};
    const auto across = segment_in_view({-100, 50}, {200, 50}, view);
    ASSERT_TRUE(across);
    EXPECT_NEAR(across->from, 1.0 / 3, 1e-12);
    EXPECT_NEAR(across->to, 2.0 / 3, 1e-12);
    const auto inside = segment_in_view({10, 10}, {20, 30}, view);
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->from, 0);
    EXPECT_EQ(inside->to, 1);
    EXPECT_FALSE(segment_in_view({-10, -10}, {-5, 200}, view)) << "left of it";
    EXPECT_FALSE(segment_in_view({60, -50}, {160, 50}, view)) << "its box overlaps, the segment does not";
    EXPECT_TRUE(segment_in_view({50, 50}, {50, 50}, view)) << "a point inside";
}

} // namespace
} // namespace pavilion::core
