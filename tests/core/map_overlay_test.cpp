#include "pavilion/core/map_overlay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace pavilion::core {
namespace {

using Members = std::vector<std::size_t>;

ScreenMarker marker(double x, double y, int priority = 0) { return {{x, y}, priority}; }

ScreenRect box_around(ScreenPoint p, double half) { return {p.x - half, p.y - half, p.x + half, p.y + half}; }

LabelCandidate label(double x, double y, double width, double height, int priority = 0) {
    LabelCandidate c;
    c.anchor = {x, y};
    c.width = width;
    c.height = height;
    c.gap_px = 8;
    c.priority = priority;
    return c;
}

const ScreenRect kViewport{0, 0, 1280, 720};

// ---- Clustering ---------------------------------------------------------------------------

TEST(ClusterMarkers, MarkersFivePixelsApartMerge) {
    const auto clusters = cluster_markers({marker(100, 100), marker(104, 103)}, 24);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].members, (Members{0, 1}));
    EXPECT_DOUBLE_EQ(clusters[0].centre.x, 102);
    EXPECT_DOUBLE_EQ(clusters[0].centre.y, 101.5);
}

TEST(ClusterMarkers, MarkersTwoHundredPixelsApartStayApart) {
    const auto clusters = cluster_markers({marker(100, 100), marker(300, 100)}, 24);
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].members, Members{0});
    EXPECT_EQ(clusters[1].members, Members{1});
    EXPECT_DOUBLE_EQ(clusters[1].centre.x, 300);
}

TEST(ClusterMarkers, HigherPrioritySeedsTheCluster) {
    // In input order the left marker seeds and the right one is too far from it; the middle
    // one, given priority, seeds a cluster that reaches both.
    const std::vector<ScreenMarker> plain = {marker(0, 0), marker(30, 0), marker(60, 0)};
    EXPECT_EQ(cluster_markers(plain, 40).size(), 2u);
    std::vector<ScreenMarker> ranked = plain;
    ranked[1].priority = 5;
    const auto clusters = cluster_markers(ranked, 40);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].members, (Members{1, 0, 2}));
    EXPECT_DOUBLE_EQ(clusters[0].centre.x, 30);
}

TEST(ClusterMarkers, AMarkerJoinsTheNearestSeed) {
    const auto clusters = cluster_markers({marker(0, 0), marker(50, 0), marker(30, 0)}, 40);
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].members, Members{0});
    EXPECT_EQ(clusters[1].members, (Members{1, 2}));
}

TEST(ClusterMarkers, ClustersSplitWhenZoomingIn) {
    MapCamera camera(MapViewport{1280, 720, std::nullopt});
    const std::vector<ProjectedPoint> places = {equal_earth(116.41, 39.90),  // Beijing
                                                equal_earth(117.20, 39.08),  // Tianjin
                                                equal_earth(30.06, -1.94)};  // Kigali
    const auto on_screen = [&] {
        std::vector<ScreenMarker> markers;
        for (const ProjectedPoint& p : places) markers.push_back({camera.world_to_screen(p), 0});
        return markers;
    };
    const auto far_out = cluster_markers(on_screen(), 24);
    ASSERT_EQ(far_out.size(), 2u);
    EXPECT_EQ(far_out[0].members, (Members{0, 1}));
    camera.fly_to(places[0], camera.max_scale(), 0, 0);
    const auto close_up = cluster_markers(on_screen(), 24);
    ASSERT_EQ(close_up.size(), 3u);
}

TEST(ClusterMarkers, NoMarkersNoClusters) { EXPECT_TRUE(cluster_markers({}, 24).empty()); }

// The definition, written out as a scan of every cluster for every marker: the grid must give
// exactly this, member order and ties included.
std::vector<MarkerCluster> cluster_by_scanning(const std::vector<ScreenMarker>& markers, double radius) {
    std::vector<std::size_t> order(markers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return markers[a].priority > markers[b].priority; });
    std::vector<MarkerCluster> clusters;
    for (std::size_t index : order) {
        const ScreenPoint at = markers[index].position;
        std::optional<std::size_t> best;
        double best_distance = radius;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            const ScreenPoint seed = markers[clusters[c].members.front()].position;
            const double d = std::hypot(seed.x - at.x, seed.y - at.y);
            if (d <= best_distance && (!best || d < best_distance)) best = c, best_distance = d;
        }
        if (best) clusters[*best].members.push_back(index);
        else clusters.push_back({{index}, at});
    }
    return clusters;
}

TEST(ClusterMarkers, TheGridGivesWhatAScanOfEveryClusterGives) {
    std::mt19937 random(42);
    for (int round = 0; round < 60; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        // Dense towns and sparse country, on whole pixels so exact ties happen too.
        std::uniform_int_distribution<int> towns(1, 12), spread(0, 1900), near(-30, 30), priority(0, 2);
        std::vector<ScreenMarker> markers;
        const int count = 20 + round * 30;
        std::vector<ScreenPoint> centres(static_cast<std::size_t>(towns(random)));
        for (auto& c : centres) c = {double(spread(random)), double(spread(random) / 2)};
        for (int i = 0; i < count; ++i) {
            const auto& c = centres[static_cast<std::size_t>(i) % centres.size()];
            markers.push_back(marker(c.x + near(random), c.y + near(random), priority(random)));
        }
        const double radius = round % 10 == 0 ? 0.0 : 5.0 + round % 7 * 6;
        const auto expected = cluster_by_scanning(markers, radius);
        const auto clusters = cluster_markers(markers, radius);
        ASSERT_EQ(clusters.size(), expected.size()) << "radius " << radius;
        for (std::size_t c = 0; c < clusters.size(); ++c) EXPECT_EQ(clusters[c].members, expected[c].members);
    }
}

TEST(ClusterMarkers, AMarkerNowhereIsAClusterOfItsOwn) {
    const double nowhere = std::numeric_limits<double>::quiet_NaN();
    const auto clusters = cluster_markers({marker(10, 10), marker(nowhere, 10), marker(12, 10),
                                           marker(std::numeric_limits<double>::infinity(), 0)},
                                          24);
    ASSERT_EQ(clusters.size(), 3u);
    EXPECT_EQ(clusters[0].members, (Members{0, 2}));
    EXPECT_EQ(clusters[1].members, Members{1});
    EXPECT_EQ(clusters[2].members, Members{3});
}

// ---- Labels ---------------------------------------------------------------------------------

TEST(LabelRect, SitsOnTheRequestedSideOfTheAnchor) {
    const LabelCandidate c = label(100, 200, 60, 20);
    const ScreenRect right = label_rect(c, LabelSide::right);
    EXPECT_DOUBLE_EQ(right.min_x, 108);
    EXPECT_DOUBLE_EQ(right.max_x, 168);
    EXPECT_DOUBLE_EQ(right.min_y, 190);
    EXPECT_DOUBLE_EQ(right.max_y, 210);
    const ScreenRect left = label_rect(c, LabelSide::left);
    EXPECT_DOUBLE_EQ(left.max_x, 92);
    EXPECT_DOUBLE_EQ(left.min_x, 32);
    const ScreenRect above = label_rect(c, LabelSide::above);
    EXPECT_DOUBLE_EQ(above.max_y, 192);
    EXPECT_DOUBLE_EQ(above.min_x, 70);
    const ScreenRect below = label_rect(c, LabelSide::below);
    EXPECT_DOUBLE_EQ(below.min_y, 208);
    EXPECT_DOUBLE_EQ(below.max_x, 130);
}

TEST(PlaceLabels, ShownLabelsNeverOverlapLeaveTheScreenOrCoverMarkers) {
    std::mt19937 random(5);
    std::uniform_real_distribution<double> x(0, 1280), y(0, 720), width(40, 160), height(18, 30);
    std::uniform_int_distribution<int> priority(0, 3);
    std::vector<LabelCandidate> candidates;
    std::vector<ScreenRect> markers;
    for (int i = 0; i < 50; ++i) {
        // One draw per statement: argument evaluation order differs between compilers (arm64
        // and x86_64 builds drew different layouts from the same seed).
        const double ax = x(random), ay = y(random), w = width(random), h = height(random);
        candidates.push_back(label(ax, ay, w, h, priority(random)));
        markers.push_back(box_around(candidates.back().anchor, 6));
    }
    const auto placed = place_labels(candidates, markers, kViewport);
    ASSERT_GT(placed.size(), 10u); // most fit on an uncrowded screen
    EXPECT_LT(placed.size(), 50u); // but not all: the test must be able to fail
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const LabelCandidate& c = candidates[placed[i].candidate];
        EXPECT_TRUE(kViewport.contains(placed[i].rect));
        const ScreenRect expected = label_rect(c, placed[i].side);
        EXPECT_DOUBLE_EQ(placed[i].rect.min_x, expected.min_x);
        EXPECT_DOUBLE_EQ(placed[i].rect.min_y, expected.min_y);
        for (std::size_t j = 0; j < placed.size(); ++j) {
            if (j == i) continue;
            EXPECT_FALSE(placed[i].rect.overlaps(placed[j].rect)) << i << " and " << j;
        }
        for (std::size_t m = 0; m < markers.size(); ++m) {
            if (m == placed[i].candidate) continue; // its own marker
            // A marker drawn over this label's own place (anchors closer than a marker) does not
            // block it: place_labels documents that rule, or neither label could ever show.
            if (markers[m].contains(c.anchor)) continue;
            EXPECT_FALSE(placed[i].rect.overlaps(markers[m])) << "label " << i << " covers marker " << m;
        }
    }
}

TEST(PlaceLabels, HigherPriorityWinsAContestedSpot) {
    LabelCandidate low = label(100, 100, 120, 20, 1);
    LabelCandidate high = label(100, 110, 120, 20, 7); // its right-hand box overlaps low's
    low.sides = high.sides = {LabelSide::right};
    const auto placed = place_labels({low, high}, {}, kViewport);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].candidate, 1u);
    // Equal priorities: the earlier candidate wins.
    high.priority = low.priority;
    const auto tie = place_labels({low, high}, {}, kViewport);
    ASSERT_EQ(tie.size(), 1u);
    EXPECT_EQ(tie[0].candidate, 0u);
}

TEST(PlaceLabels, FallsBackToTheNextAllowedSide) {
    // Near the right edge: the right-hand box would leave the screen.
    const auto at_edge = place_labels({label(1250, 300, 100, 20)}, {}, kViewport);
    ASSERT_EQ(at_edge.size(), 1u);
    EXPECT_EQ(at_edge[0].side, LabelSide::left);

    // A neighbour's marker to the right, and a more important label to the left.
    const LabelCandidate first = label(320, 300, 100, 12, 9);
    LabelCandidate second = label(440, 300, 100, 20, 1);
    const std::vector<ScreenRect> markers = {box_around(first.anchor, 6), box_around(second.anchor, 6),
                                             box_around({500, 300}, 6)};
    const auto placed = place_labels({first, second}, markers, kViewport);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].candidate, 0u);
    EXPECT_EQ(placed[0].side, LabelSide::right); // 328..428: clear of the marker at 440
    EXPECT_EQ(placed[1].candidate, 1u);
    EXPECT_EQ(placed[1].side, LabelSide::above); // right hits the marker, left hits the label

    // Only the allowed sides are tried.
    second.sides = {LabelSide::right, LabelSide::left};
    EXPECT_EQ(place_labels({first, second}, markers, kViewport).size(), 1u);
}

TEST(PlaceLabels, ALabelIsNotBlockedByItsOwnMarker) {
    const LabelCandidate c = label(600, 300, 80, 20); // gap 8, but the marker is 24 px across
    const auto placed = place_labels({c}, {box_around(c.anchor, 12)}, kViewport);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].side, LabelSide::right);
}

TEST(PlaceLabels, LabelsOffScreenAreDropped) {
    const auto placed = place_labels({label(-300, 100, 80, 20), label(640, 900, 80, 20)}, {}, kViewport);
    EXPECT_TRUE(placed.empty());
}

// ---- Hit tests ------------------------------------------------------------------------------

TEST(NearestMarker, PicksTheClosestWithinTheRadius) {
    const std::vector<ScreenMarker> markers = {marker(100, 100), marker(120, 100), marker(400, 400)};
    EXPECT_EQ(nearest_marker(markers, 112, 101, 20), std::optional<std::size_t>(1));
    EXPECT_EQ(nearest_marker(markers, 108, 100, 20), std::optional<std::size_t>(0));
    EXPECT_EQ(nearest_marker(markers, 110, 100, 20), std::optional<std::size_t>(0)); // tie
    EXPECT_FALSE(nearest_marker(markers, 250, 250, 20));
    EXPECT_FALSE(nearest_marker(markers, std::nan(""), 100, 20));
    EXPECT_FALSE(nearest_marker(std::vector<ScreenMarker>{}, 0, 0, 20));

    const auto clusters = cluster_markers(markers, 30);
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(nearest_marker(clusters, 111, 100, 20), std::optional<std::size_t>(0));
    EXPECT_EQ(nearest_marker(clusters, 390, 395, 20), std::optional<std::size_t>(1));
}

TEST(DistanceToPolyline, MeasuresToTheNearestSegment) {
    const std::vector<ScreenPoint> line = {{0, 0}, {100, 0}, {100, 100}};
    EXPECT_DOUBLE_EQ(distance_to_polyline(line, 50, 7), 7);     // beside the first segment
    EXPECT_DOUBLE_EQ(distance_to_polyline(line, 90, 50), 10);   // beside the second
    EXPECT_DOUBLE_EQ(distance_to_polyline(line, -3, -4), 5);    // beyond the first end
    EXPECT_DOUBLE_EQ(distance_to_polyline(line, 106, 108), 10); // beyond the last end
    EXPECT_DOUBLE_EQ(distance_to_polyline({{10, 10}}, 13, 14), 5);
    EXPECT_DOUBLE_EQ(distance_to_polyline({{10, 10}, {10, 10}}, 13, 14), 5);
    EXPECT_EQ(distance_to_polyline({}, 0, 0), std::numeric_limits<double>::infinity());
    EXPECT_FALSE(hit_polyline({}, 0, 0, 100));
}

TEST(HitPolyline, ATapThreePixelsOffHitsAndThirtyMissesAtEveryZoom) {
    // Kunming, Vientiane, Bangkok: the China-Laos railway and on.
    const std::vector<ProjectedPoint> corridor = {equal_earth(102.71, 25.04), equal_earth(102.63, 17.98),
                                                  equal_earth(100.50, 13.75)};
    // A world point on the line: the camera is a similarity, so a straight segment stays
    // straight on screen and its midpoint stays its midpoint.
    const ProjectedPoint on_line{(corridor[0].x + corridor[1].x) / 2, (corridor[0].y + corridor[1].y) / 2};
    constexpr double kTolerance = 12;
    MapCamera camera(MapViewport{1280, 720, std::nullopt});
    for (const double zoom : {1.0, 3.0, 12.0, 40.0}) {
        camera.fly_to(on_line, camera.home_scale() * zoom, 0, 0);
        std::vector<ScreenPoint> line;
        for (const ProjectedPoint& p : corridor) line.push_back(camera.world_to_screen(p));
        // Off to the east, perpendicular to the first segment (away from the bend).
        const double dx = line[1].x - line[0].x;
        const double dy = line[1].y - line[0].y;
        const double length = std::hypot(dx, dy);
        ScreenPoint normal{-dy / length, dx / length};
        if (normal.x < 0) normal = {-normal.x, -normal.y};
        const ScreenPoint tap = camera.world_to_screen(on_line);
        EXPECT_TRUE(hit_polyline(line, tap.x + 3 * normal.x, tap.y + 3 * normal.y, kTolerance)) << zoom;
        EXPECT_NEAR(distance_to_polyline(line, tap.x + 3 * normal.x, tap.y + 3 * normal.y), 3, 1e-9);
        EXPECT_FALSE(hit_polyline(line, tap.x + 30 * normal.x, tap.y + 30 * normal.y, kTolerance)) << zoom;
    }
}

TEST(HitTest, AMarkerWinsOverALine) {
    const std::vector<std::vector<ScreenPoint>> lines = {{{0, 300}, {1280, 300}}, {{0, 320}, {1280, 320}}};
    const auto clusters = cluster_markers({marker(600, 304)}, 24);
    const MapHit on_marker = hit_test(clusters, lines, 603, 302, 20, 12);
    EXPECT_EQ(on_marker.kind, MapHit::Kind::marker);
    EXPECT_EQ(on_marker.index, 0u);
    const MapHit on_line = hit_test(clusters, lines, 900, 303, 20, 12);
    EXPECT_EQ(on_line.kind, MapHit::Kind::line);
    EXPECT_EQ(on_line.index, 0u);
    const MapHit nearer_line = hit_test(clusters, lines, 900, 314, 20, 12);
    EXPECT_EQ(nearer_line.kind, MapHit::Kind::line);
    EXPECT_EQ(nearer_line.index, 1u);
    EXPECT_EQ(hit_test(clusters, lines, 900, 500, 20, 12).kind, MapHit::Kind::none);
}

TEST(SingleOut, ThePlaceAVisitorCameForLeavesItsGroupAndIsDrawnLast) {
    std::vector<MarkerCluster> clusters{{{0, 1, 2}, {20, 10}}, {{4}, {500, 500}}};
    // Members at (0,0), (30,0) and (30,30): their mean is (20,10).
    single_out(clusters, 2, {30, 30});
    ASSERT_EQ(clusters.size(), 3u);
    EXPECT_EQ(clusters[0].members, (std::vector<std::size_t>{0, 1}));
    EXPECT_DOUBLE_EQ(clusters[0].centre.x, 15); // the mean of (0,0) and (30,0)
    EXPECT_DOUBLE_EQ(clusters[0].centre.y, 0);
    EXPECT_EQ(clusters[1].members, std::vector<std::size_t>{4});
    EXPECT_EQ(clusters[2].members, std::vector<std::size_t>{2});
    EXPECT_DOUBLE_EQ(clusters[2].centre.x, 30);
}

TEST(SingleOut, AlreadyAloneItOnlyMovesLastAndAnAbsentOneChangesNothing) {
    std::vector<MarkerCluster> clusters{{{7}, {9, 9}}, {{0, 1}, {0, 0}}};
    single_out(clusters, 7, {9, 9});
    ASSERT_EQ(clusters.size(), 2u);
    EXPECT_EQ(clusters[0].members, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(clusters[1].members, std::vector<std::size_t>{7});
    single_out(clusters, 42, {0, 0});
    EXPECT_EQ(clusters.size(), 2u);
}

} // namespace
} // namespace pavilion::core
