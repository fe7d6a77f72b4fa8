#pragma once
// One-axis drag-to-scroll with inertia and elastic edges, which Dear ImGui does not have.
//
// The offset is how far the content is scrolled: 0 shows its start, max_offset() its end.
// Fingers move content, so drag_by(+10) (finger moving down/right) lowers the offset by 10.
// Velocities passed to release() are finger velocities too (as the gesture recognizer reports
// them); a finger flung upwards (negative) scrolls towards the end.
//
// Motion after release is computed in closed form from the moment each phase began, never by
// summing per-frame steps, so the result at a given time is the same whether update() runs at
// 120, 60 or 30 Hz:
//   fling:  offset velocity decays as v0 * exp(-friction * t); it stops where the speed falls
//           below min_velocity_px_s, or reaches an edge and hands over to the spring;
//   spring: a critically damped spring pulls an overscrolled offset back onto the edge; a
//           release pointing back into the content crosses the edge and becomes a fling.
// While dragging past an edge the content follows the finger less and less (a rubber band that
// never exceeds overscroll_max_px). Content that fits the viewport does not scroll or stretch.

#include "pavilion/core/pointer_event.hpp"

namespace pavilion::core {

class KineticScroller {
public:
    struct Config {
        float friction_per_s = 2.5f;          // fling speed decays as exp(-friction * seconds)
        float overscroll_max_px = 120;        // the rubber band never stretches further
        float overscroll_resistance = 0.55f;  // rubber band slope at the edge (1 = no damping)
        float spring_per_s = 12;              // spring-back rate: ~0.6 s from full stretch
        float min_velocity_px_s = 20;         // slower than this the content is at rest
    };

    KineticScroller();
    explicit KineticScroller(Config config);

    // The scrollable range becomes [0, max(0, content - viewport)]. Unchanged limits (the usual
    // per-frame call) do nothing; new ones clamp the offset and let a running fling carry on.
    void set_limits(float content_px, float viewport_px);
    // A finger lands: any animation stops where it is (catching a moving list).
    void drag_begin(Millis now);
    // The finger moved by delta_px; starts a drag if none is running.
    void drag_by(float delta_px, Millis now);
    // The finger lifted with this velocity (px/s, finger direction).
    void release(float velocity_px_s, Millis now);
    // Advance the animation to now; a time not after the last one seen is ignored.
    void update(Millis now);
    // Put the content at offset (clamped to the limits) and stop all motion.
    void jump_to(float offset);

    float offset() const { return offset_; }
    float max_offset() const { return max_offset_; }
    bool animating() const { return phase_ == Phase::fling || phase_ == Phase::spring; }
    bool dragging() const { return phase_ == Phase::dragging; }

private:
    enum class Phase { idle, dragging, fling, spring };
    struct Motion {
        double offset = 0;
        double velocity = 0; // offset px per second
    };
    // A change of phase between frames, at an exact (fractional) millisecond.
    struct Transition {
        enum What { none, stop, hit_edge, cross_edge } what = none;
        double at_ms = 0;
        double edge = 0;
    };

    bool scrollable() const { return max_offset_ > 0; }
    Millis advance_clock(Millis now);
    void start_motion(double at_ms, Motion motion);
    void start_spring(double at_ms, double edge, Motion motion);
    Motion motion_at(double at_ms) const;
    Transition next_transition() const;
    void apply(const Transition& transition);
    void settle_if_spent(double at_ms);
    double stretch(double overshoot) const;
    double unstretch(double stretched) const;
    double rubber_band(double raw) const;
    double raw_for(double shown) const;

    Config config_;
    float max_offset_ = 0;
    float offset_ = 0;
    Phase phase_ = Phase::idle;
    Millis now_ = 0;          // the latest time seen; never goes backwards
    bool seen_time_ = false;

    double raw_offset_ = 0;   // dragging: where the content would be without the rubber band

    // The running fling or spring, as it was when the phase began.
    double phase_start_ms_ = 0;
    Motion phase_motion_;
    double spring_edge_ = 0;
};

} // namespace pavilion::core
