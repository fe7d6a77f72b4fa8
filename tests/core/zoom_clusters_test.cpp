#include "pavilion/core/zoom_clusters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace pavilion::core {
namespace {

constexpr double kJoin = 40;

MapCamera camera_for_screen() { return MapCamera(MapViewport{1280, 720, std::nullopt}); }

// Places scattered over the world's land-ish middle, the same on every run.
std::vector<WorldMarker> scattered(std::size_t count, unsigned seed = 7) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> x(-2.4, 2.4), y(-1.0, 1.2);
    std::vector<WorldMarker> places;
    for (std::size_t i = 0; i < count; ++i) places.push_back({{x(random), y(random)}, static_cast<int>(i % 3 == 0)});
    return places;
}

std::vector<std::vector<std::size_t>> members_of(const std::vector<MarkerCluster>& clusters) {
    std::vector<std::vector<std::size_t>> members;
    for (const auto& cluster : clusters) members.push_back(cluster.members);
    return members;
}

ScreenRect whole(const MapCamera& camera) { return camera.visible_rect(); }

// A camera at exactly a step's scale, a few steps in from home, centred on `centre`.
MapCamera at_step_scale(int steps_in, ProjectedPoint centre = {0.5, 0.4}) {
    auto camera = camera_for_screen();
    const int step = ZoomClusters::step_of(camera.home_scale()) + steps_in;
    camera.fly_to(centre, std::exp2(step / 4.0), 0, 0);
    return camera;
}

TEST(ZoomClusters, AtAStepsScaleTheyAreTheScreensOwnClusters) {
    const auto places = scattered(300);
    const auto camera = at_step_scale(6);
    ASSERT_EQ(ZoomClusters::step_of(camera.scale()), ZoomClusters::step_of(camera.scale() * 1.0001));
    ZoomClusters clusters(places);
    const auto shown = clusters.in_view(camera, whole(camera), {kJoin, 0, 0});

    // The same leader clustering on the screen positions, then the clusters whose centre shows.
    std::vector<ScreenMarker> on_screen;
    for (const auto& place : places) on_screen.push_back({camera.world_to_screen(place.position), place.priority});
    std::vector<MarkerCluster> expected;
    for (auto& cluster : cluster_markers(on_screen, kJoin))
        if (whole(camera).contains(cluster.centre)) expected.push_back(cluster);
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(members_of(shown), members_of(expected));
    for (std::size_t i = 0; i < shown.size(); ++i) {
        EXPECT_NEAR(shown[i].centre.x, expected[i].centre.x, 1e-6);
        EXPECT_NEAR(shown[i].centre.y, expected[i].centre.y, 1e-6);
    }
}

TEST(ZoomClusters, APanOrAPinchInsideAStepMovesClustersWithoutReformingThem) {
    ZoomClusters clusters(scattered(500));
    auto camera = at_step_scale(5);
    const auto before = clusters.in_view(camera, whole(camera), {kJoin, 1e6, 0}); // every cluster
    camera.pan_by(37, -21);
    const auto panned = clusters.in_view(camera, whole(camera), {kJoin, 1e6, 0});
    ASSERT_EQ(members_of(panned), members_of(before));
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_NEAR(panned[i].centre.x - before[i].centre.x, 37, 1e-6);
        EXPECT_NEAR(panned[i].centre.y - before[i].centre.y, -21, 1e-6);
    }
    camera.zoom_about(640, 360, 1.1); // 2^(1/4) = 1.19: still the same step
    EXPECT_EQ(members_of(clusters.in_view(camera, whole(camera), {kJoin, 1e6, 0})), members_of(before));
    EXPECT_EQ(clusters.steps_kept(), 1u) << "a pan and a small pinch cluster nothing again";
}

TEST(ZoomClusters, ZoomingInSplitsGroups) {
    // Two places 30 px apart at one step, 60 px apart four steps (an octave) in.
    const ProjectedPoint a{0.3, 0.3};
    auto camera = at_step_scale(8, a);
    const ProjectedPoint b{a.x + 30 / camera.scale(), a.y};
    ZoomClusters clusters({{a, 0}, {b, 0}});
    EXPECT_EQ(clusters.in_view(camera, whole(camera), {kJoin, 0, 0}).size(), 1u);
    camera.fly_to(a, camera.scale() * 2, 0, 0);
    EXPECT_EQ(clusters.in_view(camera, whole(camera), {kJoin, 0, 0}).size(), 2u);
}

TEST(ZoomClusters, AViewNeverShowsMoreThanTheLimitAndLosesNoPlace) {
    const auto places = scattered(2000);
    ZoomClusters clusters(places);
    const auto camera = camera_for_screen(); // home: the whole world
    const auto unlimited = clusters.in_view(camera, whole(camera), {kJoin, 0, 0});
    ASSERT_GT(unlimited.size(), 24u) << "the test needs a view the limit changes";
    const auto limited = clusters.in_view(camera, whole(camera), {kJoin, 0, 24});
    EXPECT_LE(limited.size(), 24u);
    EXPECT_GE(limited.size(), 6u) << "coarser only as far as the limit needs";
    // Every place is in some cluster of the whole world (the margin takes in every centre).
    std::size_t members = 0;
    for (const auto& cluster : clusters.in_view(camera, whole(camera), {kJoin, 1e6, 24})) members += cluster.members.size();
    EXPECT_EQ(members, places.size());
}

TEST(ZoomClusters, PlacesOutsideTheViewAndItsMarginAreNotShown) {
    auto camera = at_step_scale(12, {0, 0});
    const ProjectedPoint far{2.0, 1.0};
    ZoomClusters clusters({{{0, 0}, 0}, {far, 0}});
    ASSERT_FALSE(whole(camera).contains(camera.world_to_screen(far)));
    const auto shown = clusters.in_view(camera, whole(camera), {kJoin, 50, 0});
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].members, std::vector<std::size_t>{0});
}

TEST(ZoomClusters, NoPlacesOrAnImpossibleScaleShowNothingAndDoNotFail) {
    ZoomClusters none({});
    const auto camera = camera_for_screen();
    EXPECT_TRUE(none.in_view(camera, whole(camera), {kJoin, 0, 24}).empty());
    EXPECT_EQ(ZoomClusters::step_of(0), 0);
    EXPECT_EQ(ZoomClusters::step_of(std::nan("")), 0);
    ZoomClusters lost({{{std::nan(""), 0}, 0}});
    EXPECT_TRUE(lost.in_view(camera, whole(camera), {kJoin, 0, 24}).empty());
}

} // namespace
} // namespace pavilion::core
