#include "pavilion/core/map_camera.hpp"

#include "pavilion/core/gesture_recognizer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace pavilion::core {
namespace {

constexpr double kPixelTolerance = 1e-6;

MapViewport screen(double width = 1280, double height = 720) { return {width, height, std::nullopt}; }

// The world point under a screen point stays there: compares where it is drawn now.
void expect_under(const MapCamera& camera, ProjectedPoint world, ScreenPoint screen_point,
                  double tolerance = kPixelTolerance) {
    const ScreenPoint now = camera.world_to_screen(world);
    EXPECT_NEAR(now.x, screen_point.x, tolerance);
    EXPECT_NEAR(now.y, screen_point.y, tolerance);
}

// A camera zoomed to `zoom` times home around a point well inside the world, where moderate
// gestures stay clear of the limits.
MapCamera zoomed_camera(double zoom) {
    MapCamera camera(screen());
    camera.fly_to({0.8, 0.5}, camera.home_scale() * zoom, 0, 0);
    return camera;
}

// Runs update() at a frame rate until the camera stops or limit_ms pass; returns the end time.
Millis run(MapCamera& camera, Millis from, Millis step_ms, Millis limit_ms = 20000) {
    Millis t = from;
    while (camera.animating() && t - from < limit_ms) {
        t += step_ms;
        camera.update(t);
    }
    return t;
}

TEST(MapCamera, HomeViewFitsTheWorldWithTheMargin) {
    const MapCamera camera(screen());
    const ProjectedBounds world = equal_earth_world_bounds();
    const ScreenPoint top_left = camera.world_to_screen({world.min_x, world.max_y});
    const ScreenPoint bottom_right = camera.world_to_screen({world.max_x, world.min_y});
    const double margin = MapCameraConfig{}.fit_margin_px;
    // The world is wider than 16:9, so it touches the side margins and is centred vertically.
    EXPECT_NEAR(top_left.x, margin, 1e-9);
    EXPECT_NEAR(bottom_right.x, 1280 - margin, 1e-9);
    EXPECT_GT(top_left.y, margin);
    EXPECT_NEAR(top_left.y + bottom_right.y, 720, 1e-9);
    EXPECT_DOUBLE_EQ(camera.zoom(), 1);
    EXPECT_DOUBLE_EQ(camera.max_scale(), 40 * camera.home_scale());
}

TEST(MapCamera, HomeRegionSetsTheHomeViewAndTheMinimumZoom) {
    MapCameraConfig config;
    ProjectedBounds eurasia_africa;
    eurasia_africa.include(equal_earth(-20, -36));
    eurasia_africa.include(equal_earth(150, 62));
    config.home_region = eurasia_africa;
    MapCamera camera(screen(), config);
    const MapCamera whole_world(screen());
    EXPECT_GT(camera.home_scale(), whole_world.home_scale());
    EXPECT_NEAR(camera.centre().x, eurasia_africa.centre().x, 1e-12);
    EXPECT_NEAR(camera.centre().y, eurasia_africa.centre().y, 1e-12);
    camera.zoom_about(640, 360, 0.1);
    EXPECT_DOUBLE_EQ(camera.scale(), camera.home_scale());
}

TEST(MapCamera, ScreenAndWorldRoundTrip) {
    MapCamera camera = zoomed_camera(7.3);
    const ProjectedPoint world{-1.2, 0.4};
    const ProjectedPoint back = camera.screen_to_world(camera.world_to_screen(world));
    EXPECT_NEAR(back.x, world.x, 1e-12);
    EXPECT_NEAR(back.y, world.y, 1e-12);
    // y is up in the world and down on screen.
    EXPECT_LT(camera.world_to_screen({0.8, 0.6}).y, camera.world_to_screen({0.8, 0.5}).y);
    EXPECT_GT(camera.world_to_screen({0.9, 0.5}).x, camera.world_to_screen({0.8, 0.5}).x);
}

TEST(MapCamera, TheCentreIsDrawnInTheMiddleOfTheInset) {
    MapViewport viewport = screen();
    viewport.inset = ScreenRect{400, 0, 1280, 720}; // a panel covers the left of the screen
    const MapCamera camera(viewport);
    const ScreenPoint middle = camera.world_to_screen(camera.centre());
    EXPECT_DOUBLE_EQ(middle.x, 840);
    EXPECT_DOUBLE_EQ(middle.y, 360);
    const ProjectedBounds world = equal_earth_world_bounds();
    EXPECT_NEAR(camera.world_to_screen({world.min_x, 0}).x, 400 + MapCameraConfig{}.fit_margin_px, 1e-9);
}

TEST(MapCamera, FitShowsTheBoxWithTheMargin) {
    MapCamera camera(screen());
    const ProjectedBounds box{0.5, 0.2, 1.0, 0.5};
    camera.fit(box);
    const ScreenPoint top_left = camera.world_to_screen({box.min_x, box.max_y});
    const ScreenPoint bottom_right = camera.world_to_screen({box.max_x, box.min_y});
    const double margin = MapCameraConfig{}.fit_margin_px;
    EXPECT_GE(top_left.x, margin - 1e-9);
    EXPECT_GE(top_left.y, margin - 1e-9);
    EXPECT_LE(bottom_right.x, 1280 - margin + 1e-9);
    EXPECT_LE(bottom_right.y, 720 - margin + 1e-9);
    // As large as fits: one axis uses the whole room (here the height: the box is 5:3, the room wider).
    EXPECT_NEAR(bottom_right.y - top_left.y, 720 - 2 * margin, 1e-9);
    // A single point cannot be fitted; it gets the closest view allowed.
    camera.fit({0.7, 0.3, 0.7, 0.3});
    EXPECT_DOUBLE_EQ(camera.scale(), camera.max_scale());
}

TEST(MapCamera, ZoomAboutKeepsTheWorldPointUnderTheFinger) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(0, 1280), y(0, 720), factor(0.7, 1.4);
    for (int i = 0; i < 200; ++i) {
        MapCamera camera = zoomed_camera(6);
        const ScreenPoint finger{x(random), y(random)};
        const ProjectedPoint world = camera.screen_to_world(finger);
        const double f = factor(random);
        const double scale_before = camera.scale();
        camera.zoom_about(finger.x, finger.y, f);
        expect_under(camera, world, finger);
        EXPECT_NEAR(camera.scale(), scale_before * f, 1e-9 * scale_before);
    }
}

TEST(MapCamera, PinchKeepsThePointUnderTheFingersUnderThem) {
    std::mt19937 random(11);
    std::uniform_real_distribution<double> x(100, 1180), y(100, 620), move(-40, 40), scale(0.6, 1.6);
    for (int i = 0; i < 200; ++i) {
        MapCamera camera = zoomed_camera(5);
        const ScreenPoint before{x(random), y(random)};
        const ScreenPoint after{before.x + move(random), before.y + move(random)};
        const ProjectedPoint world = camera.screen_to_world(before);
        const double s = scale(random);
        const double scale_before = camera.scale();
        camera.pinch(after.x, after.y, after.x - before.x, after.y - before.y, s);
        expect_under(camera, world, after);
        EXPECT_NEAR(camera.scale(), scale_before * s, 1e-9 * scale_before);
    }
}

TEST(MapCamera, ManySmallPinchEventsEqualOneBigOne) {
    std::mt19937 random(3);
    std::uniform_real_distribution<double> move(-6, 6), scale(0.97, 1.04);
    for (int trial = 0; trial < 20; ++trial) {
        MapCamera stepped = zoomed_camera(4);
        MapCamera at_once = zoomed_camera(4);
        const ScreenPoint start{600, 400};
        ScreenPoint centroid = start;
        double total_scale = 1;
        for (int i = 0; i < 60; ++i) {
            const double dx = move(random);
            const double dy = move(random);
            const double s = scale(random);
            centroid = {centroid.x + dx, centroid.y + dy};
            total_scale *= s;
            stepped.pinch(centroid.x, centroid.y, dx, dy, s);
        }
        at_once.pinch(centroid.x, centroid.y, centroid.x - start.x, centroid.y - start.y, total_scale);
        EXPECT_NEAR(stepped.scale(), at_once.scale(), 1e-9 * at_once.scale());
        // Compare the views where they matter: a few points on screen.
        for (const ScreenPoint p : {ScreenPoint{0, 0}, ScreenPoint{1280, 720}, centroid}) {
            const ScreenPoint a = stepped.world_to_screen(at_once.screen_to_world(p));
            EXPECT_NEAR(a.x, p.x, kPixelTolerance);
            EXPECT_NEAR(a.y, p.y, kPixelTolerance);
        }
    }
}

// The camera consumes the recognizer's pinch events as they come, finger by finger.
TEST(MapCamera, FollowsARecognizedTwoFingerPinch) {
    GestureRecognizer recognizer;
    MapCamera camera = zoomed_camera(3);
    const double start_scale = camera.scale();
    const auto feed = [&](PointerEvent::Type type, float x, float y, Millis t, int id) {
        PointerEvent e;
        e.type = type;
        e.id = id;
        e.x = x;
        e.y = y;
        e.time = t;
        for (const Gesture& g : recognizer.feed(e))
            if (g.kind == Gesture::Kind::pinch || g.kind == Gesture::Kind::pinch_end)
                camera.pinch(g.x, g.y, g.dx, g.dy, g.scale);
    };
    feed(PointerEvent::Type::down, 500, 300, 0, 1);
    feed(PointerEvent::Type::down, 700, 420, 5, 2);
    const ScreenPoint begin_centroid{600, 360};
    const ProjectedPoint held = camera.screen_to_world(begin_centroid);
    // Fingers spread apart and drift right and down together.
    for (int i = 1; i <= 30; ++i) {
        const float t = static_cast<float>(i);
        feed(PointerEvent::Type::move, 500 - 3 * t + 2 * t, 300 - 2 * t + t, 10 + 16 * i, 1);
        feed(PointerEvent::Type::move, 700 + 3 * t + 2 * t, 420 + 2 * t + t, 12 + 16 * i, 2);
    }
    feed(PointerEvent::Type::up, 470, 270, 600, 1); // where finger 1 last was
    const ScreenPoint end_centroid{600 + 60, 360 + 30};
    expect_under(camera, held, end_centroid, 1e-3);
    const double start_distance = std::hypot(200.0, 120.0);
    const double end_distance = std::hypot(200.0 + 180, 120.0 + 120);
    EXPECT_NEAR(camera.scale() / start_scale, end_distance / start_distance, 1e-5);
}

TEST(MapCamera, CannotZoomOutPastHomeOrInPastTheMaximum) {
    MapCamera camera(screen());
    camera.zoom_about(300, 200, 0.5);
    EXPECT_DOUBLE_EQ(camera.scale(), camera.home_scale());
    camera.pinch(640, 360, 0, 0, 0.2);
    EXPECT_DOUBLE_EQ(camera.scale(), camera.home_scale());
    for (int i = 0; i < 20; ++i) camera.pinch(640, 360, 0, 0, 1.5);
    EXPECT_DOUBLE_EQ(camera.scale(), camera.max_scale());
    camera.zoom_about(640, 360, 2);
    EXPECT_DOUBLE_EQ(camera.scale(), camera.max_scale());
    EXPECT_DOUBLE_EQ(camera.zoom(), 40);
    // At the limit, the finger still holds its point (the zoom stops, the map does not slide).
    const ProjectedPoint held = camera.screen_to_world({700, 400});
    camera.pinch(710, 405, 10, 5, 1.3);
    expect_under(camera, held, {710, 405});
}

TEST(MapCamera, CannotPanTheMapOffScreen) {
    const ProjectedBounds world = equal_earth_world_bounds();
    for (const double zoom : {1.0, 8.0, 40.0}) {
        for (const ScreenPoint push : {ScreenPoint{1e6, 0}, ScreenPoint{-1e6, 0}, ScreenPoint{0, 1e6},
                                       ScreenPoint{0, -1e6}, ScreenPoint{-5e4, 7e4}}) {
            MapCamera camera = zoomed_camera(zoom);
            for (int i = 0; i < 10; ++i) camera.pan_by(push.x / 10, push.y / 10);
            // The view's middle still shows the map...
            EXPECT_TRUE(world.contains(camera.centre())) << zoom;
            const ScreenPoint top_left = camera.world_to_screen({world.min_x, world.max_y});
            const ScreenPoint bottom_right = camera.world_to_screen({world.max_x, world.min_y});
            EXPECT_LE(top_left.x, 640 + 1e-6);
            EXPECT_GE(bottom_right.x, 640 - 1e-6);
            EXPECT_LE(top_left.y, 360 + 1e-6);
            EXPECT_GE(bottom_right.y, 360 - 1e-6);
        }
    }
    // ...and the map stops exactly at the limit: pushed right, its west edge meets the middle.
    MapCamera camera(screen());
    camera.pan_by(5000, 0);
    EXPECT_DOUBLE_EQ(camera.centre().x, world.min_x);
    EXPECT_NEAR(camera.world_to_screen({world.min_x, 0}).x, 640, 1e-9);
}

TEST(MapCamera, PanMovesTheMapWithTheFinger) {
    MapCamera camera = zoomed_camera(4);
    const ProjectedPoint world = camera.screen_to_world({500, 300});
    camera.pan_by(35, -20);
    expect_under(camera, world, {535, 280});
}

TEST(MapCamera, FlingGlidesSlowerAndSlowerAndStops) {
    MapCamera camera = zoomed_camera(10);
    const ProjectedPoint world = camera.screen_to_world({640, 360});
    camera.fling(1500, 0, 1000);
    ASSERT_TRUE(camera.animating());
    double last_x = 640;
    double last_step = 1e9;
    Millis t = 1000;
    while (camera.animating() && t < 11000) {
        t += 16;
        camera.update(t);
        const double x = camera.world_to_screen(world).x;
        const double step = x - last_x;
        EXPECT_GE(step, 0);           // it moves the way the finger went...
        EXPECT_LE(step, last_step);   // ...slower every frame
        last_step = step;
        last_x = x;
    }
    EXPECT_FALSE(camera.animating());
    EXPECT_LT(t, 3000); // ln(1500 / 20) / 4 = 1.08 s
    // Where it stops: the speed decays as v e^(-kt) until it is the stop speed.
    const MapCameraConfig config;
    const double expected = (1500 - config.fling_stop_speed_px_s) / config.fling_friction_per_s;
    EXPECT_NEAR(last_x - 640, expected, 1e-6);
    // More updates change nothing.
    camera.update(t + 1000);
    EXPECT_DOUBLE_EQ(camera.world_to_screen(world).x, last_x);
}

TEST(MapCamera, FlingEndsTheSameAtAnyFrameRate) {
    MapCamera fast = zoomed_camera(10);
    MapCamera slow = zoomed_camera(10);
    fast.fling(-800, 600, 0);
    slow.fling(-800, 600, 0);
    run(fast, 0, 8);
    run(slow, 0, 33);
    EXPECT_DOUBLE_EQ(fast.centre().x, slow.centre().x);
    EXPECT_DOUBLE_EQ(fast.centre().y, slow.centre().y);
}

TEST(MapCamera, SlowReleaseDoesNotFling) {
    MapCamera camera = zoomed_camera(10);
    camera.fling(5, 5, 0);
    EXPECT_FALSE(camera.animating());
}

TEST(MapCamera, FlingStopsAtThePanLimit) {
    MapCamera camera(screen());
    camera.fling(20000, 0, 0); // would travel 5000 px: far past the west edge
    const Millis end = run(camera, 0, 16);
    EXPECT_FALSE(camera.animating());
    EXPECT_LT(end, 1000); // well before the speed decayed (ln(1000) / 4 = 1.7 s)
    EXPECT_DOUBLE_EQ(camera.centre().x, equal_earth_world_bounds().min_x);
}

TEST(MapCamera, AFingerCatchesAFlingAndADragCancelsAnAnimation) {
    MapCamera camera = zoomed_camera(10);
    camera.fling(1500, 0, 0);
    camera.update(100);
    camera.stop();
    const ProjectedPoint caught = camera.centre();
    camera.update(500);
    EXPECT_FALSE(camera.animating());
    EXPECT_DOUBLE_EQ(camera.centre().x, caught.x);

    camera.fly_to({-1, -0.5}, camera.home_scale() * 20, 1000);
    camera.update(1300);
    ASSERT_TRUE(camera.animating());
    camera.pan_by(10, 0);
    const ProjectedPoint dragged = camera.centre();
    camera.update(5000);
    EXPECT_FALSE(camera.animating());
    EXPECT_DOUBLE_EQ(camera.centre().x, dragged.x);

    camera.zoom_to(640, 360, 2, 6000);
    camera.update(6100);
    camera.pinch(640, 360, 0, 0, 1.01);
    EXPECT_FALSE(camera.animating());
}

TEST(MapCamera, ZoomToEndsExactlyWhereAnInstantZoomWould) {
    MapCamera animated = zoomed_camera(2);
    MapCamera instant = zoomed_camera(2);
    animated.zoom_to(900, 250, 2, 10000, 300);
    instant.zoom_about(900, 250, 2);
    EXPECT_TRUE(animated.animating());
    run(animated, 10000, 16);
    EXPECT_FALSE(animated.animating());
    EXPECT_DOUBLE_EQ(animated.scale(), instant.scale());
    EXPECT_DOUBLE_EQ(animated.centre().x, instant.centre().x);
    EXPECT_DOUBLE_EQ(animated.centre().y, instant.centre().y);
}

TEST(MapCamera, ZoomToHoldsTheTappedPointThroughoutTheAnimation) {
    MapCamera camera = zoomed_camera(2);
    const ScreenPoint tap{900, 250};
    const ProjectedPoint world = camera.screen_to_world(tap);
    const double from = camera.scale();
    camera.zoom_to(tap.x, tap.y, 3, 0, 300);
    double last_scale = from;
    for (Millis t = 10; t <= 300; t += 10) {
        camera.update(t);
        expect_under(camera, world, tap);
        EXPECT_GE(camera.scale(), last_scale); // zooming in all the way, never overshooting
        last_scale = camera.scale();
    }
    EXPECT_NEAR(camera.scale(), from * 3, 1e-9 * from);
    // Ease in and out: slow at the start, fastest mid-way.
    MapCamera probe = zoomed_camera(2);
    probe.zoom_to(tap.x, tap.y, 3, 0, 300);
    probe.update(30);
    const double early = std::log(probe.scale() / from);
    probe.update(150);
    const double middle = std::log(probe.scale() / from);
    EXPECT_LT(early, 0.1 * middle);
    EXPECT_NEAR(middle, std::log(3.0) / 2, 1e-12);
}

TEST(MapCamera, FlyToEndsExactlyOnItsTarget) {
    MapCamera camera(screen());
    const ProjectedPoint vientiane = equal_earth(102.6331, 17.9757);
    const double target_scale = camera.home_scale() * 12;
    camera.fly_to(vientiane, target_scale, 2000);
    camera.update(2000 + 450);
    EXPECT_TRUE(camera.animating());
    EXPECT_GT(camera.scale(), camera.home_scale());
    EXPECT_LT(camera.scale(), target_scale);
    run(camera, 2450, 16);
    EXPECT_FALSE(camera.animating());
    EXPECT_EQ(camera.centre().x, vientiane.x);
    EXPECT_EQ(camera.centre().y, vientiane.y);
    EXPECT_EQ(camera.scale(), target_scale);
    expect_under(camera, vientiane, {640, 360}, 1e-9);
}

TEST(MapCamera, FlyToRespectsTheLimits) {
    MapCamera camera(screen());
    camera.fly_to({100, -100}, 1e12, 0, 500);
    run(camera, 0, 16);
    const ProjectedBounds world = equal_earth_world_bounds();
    EXPECT_DOUBLE_EQ(camera.scale(), camera.max_scale());
    EXPECT_DOUBLE_EQ(camera.centre().x, world.max_x);
    EXPECT_DOUBLE_EQ(camera.centre().y, world.min_y);
}

TEST(MapCamera, FlyToPassesThroughViewsBetweenTheTwoEnds) {
    MapCamera camera = zoomed_camera(1.5);
    const ProjectedPoint from = camera.centre();
    const ProjectedPoint to{-1.5, -0.7};
    camera.fly_to(to, camera.home_scale() * 30, 0, 900);
    for (Millis t = 0; t <= 900; t += 30) {
        camera.update(t);
        // The centre travels along the straight line between the two centres, never beyond.
        const double along = (camera.centre().x - from.x) / (to.x - from.x);
        EXPECT_GE(along, -1e-12);
        EXPECT_LE(along, 1 + 1e-12);
        EXPECT_NEAR(camera.centre().y, from.y + along * (to.y - from.y), 1e-12);
    }
}

TEST(MapCamera, ResetReturnsHome) {
    MapCamera camera = zoomed_camera(9);
    camera.pan_by(100, 30);
    camera.reset();
    EXPECT_DOUBLE_EQ(camera.scale(), camera.home_scale());
    EXPECT_DOUBLE_EQ(camera.centre().x, camera.home_centre().x);
    EXPECT_DOUBLE_EQ(camera.centre().y, camera.home_centre().y);
}

TEST(MapCamera, ResizingKeepsTheCentreAndTheZoom) {
    MapCamera camera = zoomed_camera(5);
    const ProjectedPoint centre = camera.centre();
    camera.set_viewport(screen(1080, 1920));
    EXPECT_NEAR(camera.zoom(), 5, 1e-12);
    EXPECT_DOUBLE_EQ(camera.centre().x, centre.x);
    EXPECT_DOUBLE_EQ(camera.centre().y, centre.y);
    expect_under(camera, centre, {540, 960});
}

TEST(MapCamera, VisibleWorldIsTheBoxOnScreen) {
    MapCamera camera = zoomed_camera(6);
    const ProjectedBounds seen = camera.visible_world();
    const ScreenPoint top_left = camera.world_to_screen({seen.min_x, seen.max_y});
    const ScreenPoint bottom_right = camera.world_to_screen({seen.max_x, seen.min_y});
    EXPECT_NEAR(top_left.x, 0, 1e-9);
    EXPECT_NEAR(top_left.y, 0, 1e-9);
    EXPECT_NEAR(bottom_right.x, 1280, 1e-9);
    EXPECT_NEAR(bottom_right.y, 720, 1e-9);
}

TEST(MapCamera, IgnoresNonsenseInput) {
    MapCamera camera = zoomed_camera(3);
    const ProjectedPoint centre = camera.centre();
    const double scale = camera.scale();
    camera.pan_by(std::nan(""), 3);
    camera.zoom_about(100, 100, 0);
    camera.zoom_about(100, 100, -2);
    camera.pinch(100, 100, 0, 0, std::nan(""));
    camera.fling(std::nan(""), 1000, 0);
    camera.zoom_to(100, 100, std::nan(""), 0);
    camera.fly_to({std::nan(""), 0}, scale * 2, 0);
    EXPECT_FALSE(camera.animating());
    EXPECT_EQ(camera.centre().x, centre.x);
    EXPECT_EQ(camera.centre().y, centre.y);
    EXPECT_EQ(camera.scale(), scale);
    // A minimised window does not break the camera.
    camera.set_viewport(screen(0, 0));
    EXPECT_TRUE(std::isfinite(camera.scale()));
    EXPECT_GT(camera.scale(), 0);
}

} // namespace
} // namespace pavilion::core
