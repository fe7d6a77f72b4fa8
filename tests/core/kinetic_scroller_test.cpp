#include "pavilion/core/kinetic_scroller.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pavilion::core {
namespace {

// Simulated frames: update() every step_ms from `from` (exclusive) until the animation ends
// or `limit_ms` have passed. Returns the time it came to rest (or the limit).
Millis run(KineticScroller& s, Millis from, Millis step_ms, Millis limit_ms = 10000) {
    Millis t = from;
    while (s.animating() && t - from < limit_ms) {
        t += step_ms;
        s.update(t);
    }
    return t;
}

// A scroller over a long list, resting at offset.
KineticScroller list_at(float offset, float content = 10000, float viewport = 1000) {
    KineticScroller s;
    s.set_limits(content, viewport);
    s.jump_to(offset);
    return s;
}

// Released at `velocity` (finger px/s) from `offset`, at time 1000.
KineticScroller flung(float offset, float velocity, float content = 10000) {
    KineticScroller s = list_at(offset, content);
    s.drag_begin(1000);
    s.release(velocity, 1000);
    return s;
}

TEST(KineticScroller, DragMovesContentOneToOneInsideLimits) {
    KineticScroller s = list_at(500);
    s.drag_begin(0);
    s.drag_by(-100, 16); // finger up: content scrolls on
    EXPECT_FLOAT_EQ(s.offset(), 600);
    s.drag_by(30, 32);
    EXPECT_FLOAT_EQ(s.offset(), 570);
    EXPECT_TRUE(s.dragging());
    EXPECT_FALSE(s.animating());
}

TEST(KineticScroller, DragPastTheTopIsDampedAndBounded) {
    KineticScroller s = list_at(0);
    s.drag_begin(0);
    s.drag_by(50, 16);
    const float small = s.offset();
    EXPECT_LT(small, 0);
    EXPECT_GT(small, -50); // less than 1:1
    s.drag_by(5000, 32);
    EXPECT_LT(s.offset(), small); // further still...
    EXPECT_GT(s.offset(), -KineticScroller::Config{}.overscroll_max_px); // ...but never past the band
    // Dragging back is exact: the band remembers where the finger really is.
    s.drag_by(-5050, 48);
    EXPECT_NEAR(s.offset(), 0, 1e-3);
}

TEST(KineticScroller, OverscrollSpringsBackWithinASecond) {
    KineticScroller s = list_at(0);
    s.drag_begin(0);
    s.drag_by(300, 100);
    ASSERT_LT(s.offset(), -50);
    s.release(0, 100);
    EXPECT_TRUE(s.animating());
    Millis t = 100;
    while (std::abs(s.offset()) > 0.5f && t < 100 + 1000) s.update(t += 16);
    EXPECT_LT(t - 100, 1000);
    run(s, t, 16);
    EXPECT_FALSE(s.animating());
    EXPECT_EQ(s.offset(), 0);
}

TEST(KineticScroller, ReleaseWhileOverscrolledOutwardsStaysBoundedAndReturns) {
    KineticScroller s = list_at(9000); // the end of the list
    s.drag_begin(0);
    s.drag_by(-200, 50);
    ASSERT_GT(s.offset(), 9000);
    s.release(-8000, 50); // a hard flick further out
    float furthest = s.offset();
    Millis t = 50;
    while (s.animating() && t < 5050) {
        s.update(t += 16);
        furthest = std::max(furthest, s.offset());
    }
    EXPECT_FALSE(s.animating());
    EXPECT_EQ(s.offset(), 9000);
    EXPECT_LT(furthest, 9000 + 2 * KineticScroller::Config{}.overscroll_max_px);
}

TEST(KineticScroller, FlingDistanceIsProportionalToVelocityAndStops) {
    KineticScroller slow = flung(5000, -1000);
    KineticScroller fast = flung(5000, -2000);
    ASSERT_TRUE(slow.animating());
    EXPECT_LT(run(slow, 1000, 16) - 1000, 3000);
    EXPECT_LT(run(fast, 1000, 16) - 1000, 3000);
    EXPECT_FALSE(fast.animating());

    const float near = slow.offset() - 5000, far = fast.offset() - 5000;
    EXPECT_GT(near, 0); // finger up: content scrolls towards its end
    EXPECT_NEAR(far / near, 2.0, 0.2);
    // v / friction, less the tail cut off below min_velocity: about 400 px for 1000 px/s.
    EXPECT_NEAR(near, 1000 / KineticScroller::Config{}.friction_per_s, 40);
}

TEST(KineticScroller, FlingTowardsTheEndSpringsBackToTheEnd) {
    KineticScroller s = flung(2600, -4000, 3600); // max offset 2600, already at the end
    float furthest = s.offset();
    Millis t = 1000;
    while (s.animating() && t < 6000) {
        s.update(t += 16);
        furthest = std::max(furthest, s.offset());
    }
    EXPECT_FALSE(s.animating());
    EXPECT_EQ(s.offset(), 2600);
    EXPECT_GT(furthest, 2600); // it did bounce...
    EXPECT_LE(furthest, 2600 + KineticScroller::Config{}.overscroll_max_px + 1); // ...softly

    KineticScroller from_afar = flung(1800, -6000, 3600);
    run(from_afar, 1000, 16);
    EXPECT_EQ(from_afar.offset(), 2600);
}

TEST(KineticScroller, FlingTowardsTheStartStopsAtTheStart) {
    KineticScroller s = flung(300, 5000);
    run(s, 1000, 16);
    EXPECT_FALSE(s.animating());
    EXPECT_EQ(s.offset(), 0);
}

TEST(KineticScroller, AnimationIsFrameRateIndependent) {
    for (float start : {5000.0f, 8800.0f}) { // mid-list stop, and a bounce off the end
        KineticScroller a = flung(start, -3000), b = flung(start, -3000), c = flung(start, -3000);
        run(a, 1000, 8);
        run(b, 1000, 33);
        run(c, 1000, 16);
        EXPECT_NEAR(a.offset(), b.offset(), 1.0) << start;
        EXPECT_NEAR(a.offset(), c.offset(), 1.0) << start;
    }
    // Mid-flight too: at 264 ms (a multiple of 8 and 33) both have the same offset.
    KineticScroller a = flung(8800, -3000), b = flung(8800, -3000);
    for (Millis t = 1008; t <= 1264; t += 8) a.update(t);
    for (Millis t = 1033; t <= 1264; t += 33) b.update(t);
    EXPECT_NEAR(a.offset(), b.offset(), 1.0);
}

TEST(KineticScroller, ContentShorterThanTheViewportNeverScrolls) {
    KineticScroller s;
    s.set_limits(500, 800);
    EXPECT_EQ(s.max_offset(), 0);
    s.drag_begin(0);
    s.drag_by(-300, 16);
    EXPECT_EQ(s.offset(), 0);
    s.drag_by(600, 32);
    EXPECT_EQ(s.offset(), 0);
    s.release(-5000, 48);
    EXPECT_FALSE(s.animating());
    s.update(100);
    EXPECT_EQ(s.offset(), 0);
    s.jump_to(200);
    EXPECT_EQ(s.offset(), 0);
}

TEST(KineticScroller, SameOrEarlierUpdateIsANoOp) {
    KineticScroller s = flung(5000, -2000);
    s.update(1100);
    const float at = s.offset();
    s.update(1100);
    EXPECT_EQ(s.offset(), at);
    s.update(900);
    EXPECT_EQ(s.offset(), at);
    EXPECT_TRUE(s.animating());
    EXPECT_TRUE(std::isfinite(s.offset()));

    KineticScroller fresh;
    fresh.update(0);
    fresh.update(0);
    fresh.update(-50);
    EXPECT_EQ(fresh.offset(), 0);
}

TEST(KineticScroller, NonFiniteInputIsIgnored) {
    KineticScroller s = list_at(100);
    s.drag_by(std::numeric_limits<float>::quiet_NaN(), 0);
    EXPECT_EQ(s.offset(), 100);
    s.release(std::numeric_limits<float>::infinity(), 10);
    EXPECT_FALSE(s.animating());
    s.jump_to(std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(s.offset(), 0);
}

TEST(KineticScroller, TouchCatchesAMovingList) {
    KineticScroller s = flung(5000, -3000);
    s.update(1200);
    const float caught = s.offset();
    s.drag_begin(1200);
    EXPECT_FALSE(s.animating());
    s.update(1500);
    EXPECT_EQ(s.offset(), caught);
    s.drag_by(-10, 1516);
    EXPECT_FLOAT_EQ(s.offset(), caught + 10);
}

TEST(KineticScroller, FlickBackFromOverscrollGlidesIntoTheContent) {
    KineticScroller s = list_at(0);
    s.drag_begin(0);
    s.drag_by(150, 100); // pulled down past the top
    s.release(-2500, 100); // then flicked hard upwards
    run(s, 100, 16);
    EXPECT_FALSE(s.animating());
    EXPECT_GT(s.offset(), 200); // carried on past the edge into the list
}

TEST(KineticScroller, NewLimitsClampButAFlingCarriesOn) {
    KineticScroller s = flung(5000, -2000);
    s.update(1100);
    s.set_limits(10000, 1000); // the per-frame call, unchanged
    EXPECT_TRUE(s.animating());
    s.set_limits(20000, 1000); // more content arrived: the fling continues
    EXPECT_TRUE(s.animating());
    s.set_limits(3000, 1000); // the list shrank under the offset
    EXPECT_EQ(s.offset(), 2000);
    run(s, 1100, 16);
    EXPECT_EQ(s.offset(), 2000);
    s.jump_to(5000);
    EXPECT_EQ(s.offset(), 2000);
    s.jump_to(-5);
    EXPECT_EQ(s.offset(), 0);
}

} // namespace
} // namespace pavilion::core
