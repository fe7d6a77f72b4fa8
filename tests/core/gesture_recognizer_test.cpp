#include "pavilion/core/gesture_recognizer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace pavilion::core {
namespace {

using Kind = Gesture::Kind;
using Kinds = std::vector<Kind>;

constexpr float kPxPerMm = 96.0f / 25.4f; // the default config's density

PointerEvent event(PointerEvent::Type type, float x, float y, Millis time, int id = 0) {
    PointerEvent e;
    e.type = type;
    e.id = id;
    e.x = x;
    e.y = y;
    e.time = time;
    return e;
}
PointerEvent down(float x, float y, Millis t, int id = 0) {
    return event(PointerEvent::Type::down, x, y, t, id);
}
PointerEvent move(float x, float y, Millis t, int id = 0) {
    return event(PointerEvent::Type::move, x, y, t, id);
}
PointerEvent up(float x, float y, Millis t, int id = 0) {
    return event(PointerEvent::Type::up, x, y, t, id);
}
PointerEvent cancel(int id, Millis t) {
    return event(PointerEvent::Type::cancel, 0, 0, t, id);
}

// Plays a recorded trace as the kiosk would: every event, plus a tick() per 60 Hz frame in
// the gaps between them, so long presses fire the way they do on the real screen.
std::vector<Gesture> play(GestureRecognizer& recognizer, const std::vector<PointerEvent>& trace) {
    std::vector<Gesture> all;
    Millis frame = trace.empty() ? 0 : trace.front().time;
    for (const PointerEvent& e : trace) {
        for (; frame < e.time; frame += 16)
            for (const Gesture& g : recognizer.tick(frame)) all.push_back(g);
        for (const Gesture& g : recognizer.feed(e)) all.push_back(g);
    }
    return all;
}

std::vector<Gesture> play(const std::vector<PointerEvent>& trace, GestureConfig config = {}) {
    GestureRecognizer recognizer(config);
    return play(recognizer, trace);
}

Kinds kinds(const std::vector<Gesture>& gestures) {
    Kinds out;
    for (const Gesture& g : gestures) out.push_back(g.kind);
    return out;
}

// A copy, so it may outlive the list (often a temporary) it was found in.
std::optional<Gesture> first(const std::vector<Gesture>& gestures, Kind kind) {
    for (const Gesture& g : gestures)
        if (g.kind == kind) return g;
    return std::nullopt;
}

int index_of(const std::vector<Gesture>& gestures, Kind kind) {
    for (std::size_t i = 0; i < gestures.size(); ++i)
        if (gestures[i].kind == kind) return static_cast<int>(i);
    return -1;
}

// One finger moving in a straight line at constant velocity (px/s), sampled at hz, as moves
// stamped in whole milliseconds like a real driver's; the finger is already down at start.
void stroke(std::vector<PointerEvent>& trace, float x0, float y0, float vx, float vy, Millis start,
            Millis duration, int hz, int id = 0) {
    const int frames = static_cast<int>(duration * hz / 1000);
    for (int i = 1; i <= frames; ++i) {
        const double t_ms = i * 1000.0 / hz;
        const auto x = static_cast<float>(x0 + vx * t_ms / 1000.0);
        const auto y = static_cast<float>(y0 + vy * t_ms / 1000.0);
        trace.push_back(move(x, y, start + static_cast<Millis>(std::lround(t_ms)), id));
    }
}

// A fast stroke released at speed: down, constant-velocity moves, up where the last move was.
std::vector<PointerEvent> flick(float x0, float y0, float vx, float vy, Millis duration,
                                int hz = 120) {
    std::vector<PointerEvent> trace{down(x0, y0, 1000)};
    stroke(trace, x0, y0, vx, vy, 1000, duration, hz);
    const PointerEvent& last = trace.back();
    trace.push_back(up(last.x, last.y, last.time)); // the release repeats the final sample
    return trace;
}

bool all_finite(const std::vector<Gesture>& gestures) {
    for (const Gesture& g : gestures) {
        for (float v : {g.x, g.y, g.dx, g.dy, g.velocity_x, g.velocity_y, g.scale, g.total_scale})
            if (!std::isfinite(v)) return false;
    }
    return true;
}

// --- taps -------------------------------------------------------------------------------------

TEST(GestureRecognizer, CleanTapIsOneTapWherePressed) {
    const auto gestures = play({down(500, 400, 1000), up(500, 400, 1090)});
    ASSERT_EQ(kinds(gestures), Kinds{Kind::tap});
    EXPECT_FLOAT_EQ(gestures[0].x, 500);
    EXPECT_FLOAT_EQ(gestures[0].y, 400);
    EXPECT_EQ(gestures[0].time, 1090);
}

TEST(GestureRecognizer, JitteryFingerWithinSlopIsStillATap) {
    // A finger wobbling +-1.5 mm on both axes at 120 Hz for 200 ms.
    const float j = 1.5f * kPxPerMm;
    std::vector<PointerEvent> trace{down(300, 300, 0)};
    for (int i = 1; i <= 24; ++i) {
        const float sign = i % 2 ? 1.0f : -1.0f;
        trace.push_back(move(300 + sign * j, 300 - sign * j * 0.5f, i * 8));
    }
    trace.push_back(up(300 + j, 300, 200));
    const auto gestures = play(trace);
    ASSERT_EQ(kinds(gestures), Kinds{Kind::tap});
    EXPECT_FLOAT_EQ(gestures[0].x, 300); // where it landed, not where it wobbled off
}

// The same wobble in pixels, traced once: 26 px is 3.5 mm on a 2x-density screen (a tap) but
// 7 mm on a standard one (a drag). Thresholds follow the glass, not the pixel grid.
std::vector<PointerEvent> wobble_of(float amplitude_px) {
    std::vector<PointerEvent> trace{down(300, 300, 0)};
    for (int i = 1; i <= 12; ++i) trace.push_back(move(300 + (i % 2 ? amplitude_px : -amplitude_px), 300, i * 16));
    trace.push_back(up(300, 300, 200));
    return trace;
}

TEST(GestureRecognizer, TapSlopScalesWithDensity) {
    const float amplitude_px = 3.5f * kPxPerMm * 2;
    GestureConfig retina;
    retina.pixels_per_mm = 2 * kPxPerMm;
    EXPECT_EQ(kinds(play(wobble_of(amplitude_px), retina)), Kinds{Kind::tap});

    const Kinds standard = kinds(play(wobble_of(amplitude_px)));
    ASSERT_FALSE(standard.empty());
    EXPECT_EQ(standard.front(), Kind::drag_begin);
    EXPECT_FALSE(first(play(wobble_of(amplitude_px)), Kind::tap));
}

TEST(GestureRecognizer, PressHeldPastTapTimeButShortOfLongPressGivesNothing) {
    EXPECT_TRUE(play({down(10, 10, 0), up(10, 10, 450)}).empty());
}

TEST(GestureRecognizer, DoubleTap) {
    const auto gestures = play({down(200, 200, 0), up(200, 200, 80),
                                down(205, 203, 250), up(205, 203, 320)});
    ASSERT_EQ(kinds(gestures), (Kinds{Kind::tap, Kind::double_tap}));
    EXPECT_FLOAT_EQ(gestures[1].x, 205);
}

TEST(GestureRecognizer, TapsTooFarApartInTimeOrSpaceAreTwoTaps) {
    EXPECT_EQ(kinds(play({down(200, 200, 0), up(200, 200, 80), down(200, 200, 420), up(200, 200, 480)})),
              (Kinds{Kind::tap, Kind::tap}));
    const float far = 20 * kPxPerMm;
    EXPECT_EQ(kinds(play({down(200, 200, 0), up(200, 200, 80), down(200 + far, 200, 200),
                          up(200 + far, 200, 260)})),
              (Kinds{Kind::tap, Kind::tap}));
}

TEST(GestureRecognizer, ThirdQuickTapStartsANewPair) {
    EXPECT_EQ(kinds(play({down(50, 50, 0), up(50, 50, 60), down(50, 50, 160), up(50, 50, 220),
                          down(50, 50, 320), up(50, 50, 380)})),
              (Kinds{Kind::tap, Kind::double_tap, Kind::tap}));
}

// --- long press -------------------------------------------------------------------------------

TEST(GestureRecognizer, RestingFingerBecomesLongPressOnTickAndReleaseIsNotATap) {
    GestureRecognizer recognizer{GestureConfig{}};
    EXPECT_TRUE(recognizer.feed(down(120, 80, 1000)).empty());
    EXPECT_TRUE(recognizer.feed(move(121, 80, 1200)).empty()); // within slop
    EXPECT_TRUE(recognizer.tick(1590).empty());
    const auto fired = recognizer.tick(1600);
    ASSERT_EQ(kinds(fired), Kinds{Kind::long_press});
    EXPECT_FLOAT_EQ(fired[0].x, 120);
    EXPECT_EQ(fired[0].time, 1600);
    EXPECT_TRUE(recognizer.tick(1700).empty()); // once only
    EXPECT_TRUE(recognizer.feed(move(150, 80, 1750)).empty()); // the finger is spent
    EXPECT_TRUE(recognizer.feed(up(150, 80, 1800)).empty());
    EXPECT_EQ(recognizer.active_pointers(), 0);
}

TEST(GestureRecognizer, LongPressFiresFromTheNextEventWithoutTicks) {
    GestureRecognizer recognizer{GestureConfig{}};
    recognizer.feed(down(10, 10, 0));
    EXPECT_EQ(kinds(recognizer.feed(up(10, 10, 700))), Kinds{Kind::long_press});
}

TEST(GestureRecognizer, MovingFingerNeverBecomesLongPress) {
    std::vector<PointerEvent> trace{down(100, 100, 0)};
    stroke(trace, 100, 100, 100, 0, 0, 900, 60); // slow drag for 900 ms
    trace.push_back(up(trace.back().x, 100, 900));
    EXPECT_FALSE(first(play(trace), Kind::long_press));
}

// --- drag, fling, swipe -----------------------------------------------------------------------

TEST(GestureRecognizer, DragBeginsPastSlopAndDeltasSumToTheStroke) {
    std::vector<PointerEvent> trace{down(100, 500, 0)};
    stroke(trace, 100, 500, 200, -50, 0, 1000, 60);
    trace.push_back(up(trace.back().x, trace.back().y, 1010));
    const auto gestures = play(trace);

    ASSERT_GE(gestures.size(), 3u);
    EXPECT_EQ(gestures.front().kind, Kind::drag_begin);
    const float slop = 4 * kPxPerMm;
    EXPECT_GE(std::hypot(gestures.front().dx, gestures.front().dy), slop);
    EXPECT_LT(std::hypot(gestures.front().dx, gestures.front().dy), slop + 5);

    float sum_x = 0, sum_y = 0;
    int begins = 0, ends = 0;
    for (const Gesture& g : gestures) {
        if (g.kind == Kind::drag_begin) ++begins;
        if (g.kind == Kind::drag_end) ++ends;
        if (g.kind == Kind::drag_begin || g.kind == Kind::drag || g.kind == Kind::drag_end) {
            sum_x += g.dx;
            sum_y += g.dy;
        }
    }
    EXPECT_EQ(begins, 1);
    EXPECT_EQ(ends, 1);
    EXPECT_NEAR(sum_x, trace.back().x - 100, 1e-3);
    EXPECT_NEAR(sum_y, trace.back().y - 500, 1e-3);
    EXPECT_FALSE(first(gestures, Kind::tap));

    const auto end = first(gestures, Kind::drag_end);
    ASSERT_TRUE(end);
    EXPECT_NEAR(end->velocity_x, 200, 200 * 0.15);
    EXPECT_NEAR(end->velocity_y, -50, 50 * 0.15);
    EXPECT_EQ(end->x, trace.back().x);
}

TEST(GestureRecognizer, FastReleaseFlingsAtTheRealSpeed) {
    const auto gestures = play(flick(800, 400, -1500, 0, 150));
    const Kinds k = kinds(gestures);
    ASSERT_GE(k.size(), 3u);
    const auto end = first(gestures, Kind::drag_end);
    const auto fling = first(gestures, Kind::fling);
    ASSERT_TRUE(end);
    ASSERT_TRUE(fling);
    EXPECT_LT(index_of(gestures, Kind::drag_end), index_of(gestures, Kind::fling)); // then fling
    EXPECT_NEAR(fling->velocity_x, -1500, 1500 * 0.15);
    EXPECT_NEAR(fling->velocity_y, 0, 10);
    EXPECT_EQ(end->velocity_x, fling->velocity_x);
}

TEST(GestureRecognizer, FlingSpeedIsRobustToTheSamplingRateAndAStutteredLastSample) {
    for (int hz : {60, 90, 120}) {
        auto trace = flick(100, 900, 300, -1200, 200, hz);
        // The driver repeats the final sample, then the release comes a frame later.
        const PointerEvent last = trace[trace.size() - 2];
        trace.insert(trace.end() - 1, move(last.x, last.y, last.time));
        trace.back().time = last.time + 8;
        const auto fling = first(play(trace), Kind::fling);
        ASSERT_TRUE(fling) << hz << " Hz";
        EXPECT_NEAR(fling->velocity_x, 300, 1237 * 0.15) << hz << " Hz";
        EXPECT_NEAR(fling->velocity_y, -1200, 1200 * 0.15) << hz << " Hz";
    }
}

TEST(GestureRecognizer, ReleaseAfterRestingHasNoFling) {
    auto trace = flick(100, 100, 1500, 0, 150);
    // The finger stops, rests 150 ms without reports, then lifts.
    trace.back().time += 150;
    const auto gestures = play(trace);
    const auto end = first(gestures, Kind::drag_end);
    ASSERT_TRUE(end);
    EXPECT_EQ(end->velocity_x, 0);
    EXPECT_FALSE(first(gestures, Kind::fling));
}

TEST(GestureRecognizer, SlowReleaseHasNoFling) {
    // 40 px/s is about 10 mm/s, well under the 60 mm/s fling threshold.
    std::vector<PointerEvent> trace{down(100, 100, 0)};
    stroke(trace, 100, 100, 0, 40, 0, 1500, 60);
    trace.push_back(up(100, trace.back().y, trace.back().time));
    const auto gestures = play(trace);
    const auto end = first(gestures, Kind::drag_end);
    ASSERT_TRUE(end);
    EXPECT_NEAR(end->velocity_y, 40, 40 * 0.15);
    EXPECT_FALSE(first(gestures, Kind::fling));
    EXPECT_FALSE(first(gestures, Kind::swipe));
}

TEST(GestureRecognizer, QuickHorizontalStrokesAreSwipesAfterTheDragAndFling) {
    // 40 mm in 150 ms, slightly off the horizontal.
    const float speed = 40 * kPxPerMm / 0.15f;
    const auto left = play(flick(900, 500, -speed, speed * 0.1f, 150));
    EXPECT_EQ(kinds(left).back(), Kind::swipe);
    const auto swipe = first(left, Kind::swipe);
    ASSERT_TRUE(swipe);
    EXPECT_EQ(swipe->direction, Gesture::Direction::left);
    EXPECT_NEAR(swipe->dx, -speed * 0.15f, 1);
    EXPECT_LT(swipe->velocity_x, 0);
    ASSERT_TRUE(first(left, Kind::fling));

    const auto right = first(play(flick(100, 500, speed, 0, 150)), Kind::swipe);
    ASSERT_TRUE(right);
    EXPECT_EQ(right->direction, Gesture::Direction::right);
}

TEST(GestureRecognizer, QuickVerticalStrokesSwipeUpAndDown) {
    const float speed = 30 * kPxPerMm / 0.2f;
    const auto up_swipe = first(play(flick(500, 900, 0, -speed, 200)), Kind::swipe);
    ASSERT_TRUE(up_swipe);
    EXPECT_EQ(up_swipe->direction, Gesture::Direction::up);
    const auto down_swipe = first(play(flick(500, 100, 0, speed, 200)), Kind::swipe);
    ASSERT_TRUE(down_swipe);
    EXPECT_EQ(down_swipe->direction, Gesture::Direction::down);
}

TEST(GestureRecognizer, ShortDiagonalOrSlowStrokesAreNotSwipes) {
    const float mm = kPxPerMm;
    EXPECT_FALSE(first(play(flick(500, 500, 10 * mm / 0.1f, 0, 100)), Kind::swipe)); // 10 mm
    EXPECT_FALSE(first(play(flick(500, 500, 200 * mm, 200 * mm, 200)), Kind::swipe)); // 45 deg
    EXPECT_FALSE(first(play(flick(500, 500, 50 * mm, 0, 800)), Kind::swipe)); // 800 ms
}

// --- pinch ------------------------------------------------------------------------------------

TEST(GestureRecognizer, SecondFingerEndsTheDragAndPinches) {
    GestureRecognizer recognizer{GestureConfig{}};
    std::vector<PointerEvent> trace{down(400, 500, 0)};
    stroke(trace, 400, 500, 600, 0, 0, 100, 60); // finger 0 starts a drag at speed
    auto gestures = play(recognizer, trace);
    ASSERT_EQ(gestures.front().kind, Kind::drag_begin);

    const auto landed = recognizer.feed(down(700, 500, 110, 1));
    ASSERT_EQ(kinds(landed), (Kinds{Kind::drag_end, Kind::pinch_begin}));
    EXPECT_EQ(landed[0].velocity_x, 0); // cut short, so no inertia...
    EXPECT_EQ(recognizer.active_pointers(), 2);
    const float x0 = trace.back().x;
    EXPECT_FLOAT_EQ(landed[1].x, (x0 + 700) / 2);
    EXPECT_FLOAT_EQ(landed[1].scale, 1);

    // Spread and pan together for 300 ms at 60 Hz.
    std::vector<PointerEvent> spread;
    for (int i = 1; i <= 18; ++i) {
        const Millis t = 110 + i * 17;
        spread.push_back(move(x0 - 8.0f * i, 500 + 3.0f * i, t, 0));
        spread.push_back(move(700 + 12.0f * i, 500 + 3.0f * i, t, 1));
    }
    const float final_a = x0 - 8.0f * 19, final_b = 700 + 12.0f * 19;
    spread.push_back(move(final_a, 560, 430, 0));
    spread.push_back(up(final_b, 560, 430, 1)); // lifting one finger ends the pinch
    gestures = play(recognizer, spread);
    ASSERT_EQ(gestures.back().kind, Kind::pinch_end);
    EXPECT_FALSE(first(gestures, Kind::fling)); // ...ever

    double product = 1;
    float pan_x = 0, pan_y = 0;
    for (const Gesture& g : gestures) {
        if (g.kind != Kind::pinch && g.kind != Kind::pinch_end) continue;
        if (g.kind == Kind::pinch) product *= g.scale;
        pan_x += g.dx;
        pan_y += g.dy;
    }
    const double initial = 700 - x0, final_distance = std::hypot(final_b - final_a, 0.0f);
    EXPECT_NEAR(product, final_distance / initial, 1e-4);
    EXPECT_NEAR(gestures.back().total_scale, final_distance / initial, 1e-4);
    EXPECT_NEAR(pan_x, (final_a + final_b) / 2 - (x0 + 700) / 2, 1e-3);
    EXPECT_NEAR(pan_y, 60, 1e-3);

    // The finger left behind wanders and lifts: no tap, no drag, nothing.
    EXPECT_EQ(recognizer.active_pointers(), 1);
    EXPECT_TRUE(recognizer.feed(move(final_a + 40, 560, 450, 0)).empty());
    EXPECT_TRUE(recognizer.feed(up(final_a + 40, 560, 470, 0)).empty());
    EXPECT_EQ(recognizer.active_pointers(), 0);

    // And the next touch is an ordinary tap again.
    EXPECT_EQ(kinds(play(recognizer, {down(10, 10, 1000), up(10, 10, 1050)})), Kinds{Kind::tap});
}

TEST(GestureRecognizer, TwoQuickFingersPinchWithoutATapOrLongPress) {
    std::vector<PointerEvent> trace{down(300, 300, 0, 4), down(500, 300, 20, 9)};
    for (int i = 1; i <= 40; ++i) { // closing slowly past the long-press time
        trace.push_back(move(300 + 2.0f * i, 300, 20 + i * 16, 4));
        trace.push_back(move(500 - 2.0f * i, 300, 20 + i * 16, 9));
    }
    trace.push_back(up(380, 300, 700, 4));
    trace.push_back(up(420, 300, 710, 9));
    const auto gestures = play(trace);
    EXPECT_EQ(gestures.front().kind, Kind::pinch_begin);
    EXPECT_EQ(kinds(gestures).back(), Kind::pinch_end);
    EXPECT_FALSE(first(gestures, Kind::tap));
    EXPECT_FALSE(first(gestures, Kind::long_press));
    EXPECT_NEAR(gestures.back().total_scale, 40.0 / 200.0, 1e-4);
}

TEST(GestureRecognizer, ThirdFingerDoesNotDisturbThePinch) {
    GestureRecognizer recognizer{GestureConfig{}};
    play(recognizer, {down(100, 100, 0, 0), down(300, 100, 10, 1)});
    EXPECT_TRUE(recognizer.feed(down(200, 400, 20, 2)).empty());
    EXPECT_EQ(recognizer.active_pointers(), 3);
    EXPECT_TRUE(recognizer.feed(move(250, 450, 30, 2)).empty());
    EXPECT_TRUE(recognizer.feed(up(250, 450, 40, 2)).empty());
    const auto moved = recognizer.feed(move(500, 100, 50, 1));
    ASSERT_EQ(kinds(moved), Kinds{Kind::pinch});
    EXPECT_FLOAT_EQ(moved[0].scale, 2);
}

TEST(GestureRecognizer, FingersOnOnePointKeepScalesFinite) {
    const auto gestures = play({down(100, 100, 0, 0), down(100, 100, 0, 1), move(100, 100, 16, 0),
                                move(150, 100, 32, 1), move(100, 100, 48, 1), up(100, 100, 60, 1)});
    EXPECT_TRUE(all_finite(gestures));
    EXPECT_EQ(kinds(gestures).back(), Kind::pinch_end);
}

// --- cancel, reset, bad input -----------------------------------------------------------------

TEST(GestureRecognizer, CancelEndsADragWithoutFling) {
    auto trace = flick(100, 100, 2000, 0, 100);
    trace.back() = cancel(0, trace.back().time);
    const auto gestures = play(trace);
    EXPECT_EQ(kinds(gestures).back(), Kind::drag_end);
    EXPECT_EQ(gestures.back().velocity_x, 0);
    EXPECT_FALSE(first(gestures, Kind::fling));
    EXPECT_FALSE(first(gestures, Kind::swipe));
}

TEST(GestureRecognizer, CancelledPressIsNeverATap) {
    GestureRecognizer recognizer{GestureConfig{}};
    EXPECT_TRUE(play(recognizer, {down(10, 10, 0), cancel(0, 50), up(10, 10, 80)}).empty());
    EXPECT_EQ(recognizer.active_pointers(), 0);
    // The cancel also forgets the pending half of a double tap.
    EXPECT_EQ(kinds(play(recognizer, {down(10, 10, 100), up(10, 10, 150), down(10, 10, 200),
                                      cancel(0, 220), down(10, 10, 240), up(10, 10, 280)})),
              (Kinds{Kind::tap, Kind::tap}));
}

TEST(GestureRecognizer, CancelDuringPinchEndsIt) {
    const auto gestures = play({down(0, 0, 0, 0), down(100, 0, 5, 1), move(120, 0, 20, 1),
                                cancel(1, 30), move(50, 50, 40, 0), up(50, 50, 50, 0)});
    EXPECT_EQ(kinds(gestures), (Kinds{Kind::pinch_begin, Kind::pinch, Kind::pinch_end}));
}

TEST(GestureRecognizer, ResetForgetsFingersAndPendingTaps) {
    GestureRecognizer recognizer{GestureConfig{}};
    play(recognizer, {down(10, 10, 0), up(10, 10, 50), down(400, 400, 100), move(480, 400, 116)});
    EXPECT_EQ(recognizer.active_pointers(), 1);
    recognizer.reset();
    EXPECT_EQ(recognizer.active_pointers(), 0);
    EXPECT_TRUE(recognizer.feed(move(500, 400, 132)).empty());
    EXPECT_TRUE(recognizer.feed(up(500, 400, 140)).empty());
    // The tap before the reset does not pair with one after it.
    EXPECT_EQ(kinds(play(recognizer, {down(10, 10, 200), up(10, 10, 240)})), Kinds{Kind::tap});
}

TEST(GestureRecognizer, OutOfOrderAndDuplicateTimestampsStayFinite) {
    const auto gestures = play({down(100, 100, 500), move(130, 100, 500), move(160, 100, 500),
                                move(200, 100, 480), move(260, 100, 490), move(300, 100, 490),
                                up(300, 100, 470)});
    EXPECT_TRUE(all_finite(gestures));
    EXPECT_EQ(gestures.front().kind, Kind::drag_begin);
    EXPECT_TRUE(first(gestures, Kind::drag_end));
    for (const Gesture& g : gestures) EXPECT_GE(g.time, 500); // time never ran backwards

    // Everything at one instant: no speed can be inferred, and none is invented.
    const auto instant = play({down(0, 0, 7), move(100, 0, 7), up(200, 0, 7)});
    const auto end = first(instant, Kind::drag_end);
    ASSERT_TRUE(end);
    EXPECT_EQ(end->velocity_x, 0);
    EXPECT_TRUE(all_finite(instant));
}

TEST(GestureRecognizer, StaleTickIsIgnored) {
    GestureRecognizer recognizer{GestureConfig{}};
    recognizer.feed(down(10, 10, 1000));
    EXPECT_TRUE(recognizer.tick(0).empty());
    EXPECT_EQ(kinds(recognizer.tick(1600)), Kinds{Kind::long_press});
}

TEST(GestureRecognizer, UnknownFingersRepeatedDownsAndNonFiniteInputAreHarmless) {
    GestureRecognizer recognizer{GestureConfig{}};
    EXPECT_TRUE(recognizer.feed(move(10, 10, 0, 5)).empty());
    EXPECT_TRUE(recognizer.feed(up(10, 10, 0, 5)).empty());
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_TRUE(recognizer.feed(down(nan, 10, 0)).empty());
    EXPECT_EQ(recognizer.active_pointers(), 0);

    recognizer.feed(down(10, 10, 10));
    EXPECT_TRUE(recognizer.feed(move(nan, nan, 20)).empty());
    // A lost up: the second down restarts the finger instead of dragging it across the screen.
    EXPECT_TRUE(recognizer.feed(down(800, 600, 30)).empty());
    EXPECT_EQ(recognizer.active_pointers(), 1);
    EXPECT_EQ(kinds(recognizer.feed(up(nan, 600, 60))), Kinds{Kind::tap});
}

TEST(GestureRecognizer, BrokenDensityFallsBackToStandard) {
    GestureConfig broken;
    broken.pixels_per_mm = 0;
    EXPECT_EQ(kinds(play({down(5, 5, 0), move(7, 6, 16), up(7, 6, 40)}, broken)), Kinds{Kind::tap});
}

} // namespace
} // namespace pavilion::core
