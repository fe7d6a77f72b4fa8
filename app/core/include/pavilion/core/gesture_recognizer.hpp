#pragma once
// Turns timestamped PointerEvents into the gestures a kiosk needs: tap, double tap, long press,
// drag with fling, swipe and two-finger pinch. Thresholds are physical (millimetres), converted
// with the display's pixels per millimetre, so the same finger behaves the same on any screen.
// Time comes only from the events and from tick(); nothing here reads a clock.
//
// What a consumer sees, per finger story:
//   press and release, short, still (within tap_slop)  -> tap (or double_tap, see below)
//   press and rest for long_press_ms                   -> long_press (from tick() or the next
//                                                         event); the release then gives nothing
//   press and move past tap_slop                       -> drag_begin, drag..., drag_end, then
//                                                         fling if the release was fast and swipe
//                                                         if the whole stroke was a quick line
//   second finger lands                                -> drag_end (zero velocity, no fling) if a
//                                                         drag was running, then pinch_begin,
//                                                         pinch..., pinch_end when either of the
//                                                         two lifts; fingers still down after
//                                                         that produce nothing until all lift
//   cancel (the system took the touch)                 -> drag_end / pinch_end with zero
//                                                         velocity so views can settle; never a
//                                                         tap, fling or swipe
//
// A swipe is always reported after the drag_end (and fling, if any) of the same stroke: lists
// follow drag+fling, carousels listen for swipe alone. Double tap: the first tap is reported at
// once (no waiting), and a second tap that lands within double_tap_ms of the first release and
// double_tap_slop of its position is reported as double_tap instead of tap.
//
// Pinch events follow each finger report: when both fingers move in one frame, that is two
// pinch events whose centroid deltas and scales compose to the frame's net change (apply them
// all before drawing). Scales are ratios to the previously reported distance, so multiplying
// every pinch scale gives exactly total_scale.
//
// Robustness: an event whose time is earlier than the previous one is treated as happening at
// the previous time; events for unknown fingers are ignored; a repeated down for a finger that
// is already down cancels that finger first.

#include "pavilion/core/pointer_event.hpp"

#include <vector>

namespace pavilion::core {

struct GestureConfig {
    float pixels_per_mm = 96.0f / 25.4f; // the display's density; <= 0 falls back to 96 dpi
    float tap_slop_mm = 4;               // movement under this is still a tap (a jittery finger)
    Millis tap_max_ms = 350;             // a longer press is not a tap
    Millis long_press_ms = 600;          // a still finger held this long is a long press
    Millis double_tap_ms = 300;          // max gap from the first release to the second press
    float double_tap_slop_mm = 8;        // max distance between the two presses of a double tap
    float swipe_min_mm = 20;             // a swipe travels at least this far along its axis...
    Millis swipe_max_ms = 400;           // ...within this time from press to release...
    float swipe_axis_ratio = 2;          // ...and at least this many times further than across
    float fling_min_mm_per_s = 60;       // release speed that starts inertia
    Millis velocity_window_ms = 100;     // release velocity is fitted over this much history
    Millis pointer_stopped_ms = 50;      // no movement for this long before release = speed 0
};

struct Gesture {
    enum class Kind {
        tap, double_tap, long_press,
        drag_begin, drag, drag_end, fling, swipe,
        pinch_begin, pinch, pinch_end
    };
    enum class Direction { none, left, right, up, down };

    Kind kind = Kind::tap;
    // tap/double_tap/long_press: where the finger went down. Drag family, fling, swipe: the
    // finger now. Pinch family: the centroid of the two fingers.
    float x = 0;
    float y = 0;
    // drag_begin: movement from the press point (the slop already travelled); drag/drag_end:
    // since the previous drag event. So over one stroke the deltas sum to release - press.
    // pinch/pinch_end: centroid movement since the previous pinch event (pan).
    // swipe: the whole stroke, release - press.
    float dx = 0;
    float dy = 0;
    // drag_end, fling, swipe: release velocity in px/s, a least-squares fit over the last
    // velocity_window_ms of samples. Zero when the finger had stopped or the drag was cut short.
    float velocity_x = 0;
    float velocity_y = 0;
    float scale = 1;       // pinch: finger distance now / at the previous pinch event
    float total_scale = 1; // pinch family: finger distance now / at pinch_begin
    Direction direction = Direction::none; // swipe only
    Millis time = 0;
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureConfig config = {});

    // The gestures this event completes or continues, in order.
    std::vector<Gesture> feed(const PointerEvent& event);
    // Time passing without input: a resting finger becomes a long press here. Call every frame.
    std::vector<Gesture> tick(Millis now);
    // Forget every finger and the pending double tap, emitting nothing (e.g. on screen change).
    void reset();
    int active_pointers() const;

private:
    struct Sample {
        Millis time;
        float x;
        float y;
    };
    struct Pointer {
        int id = 0;
        float down_x = 0;
        float down_y = 0;
        Millis down_time = 0;
        float x = 0;
        float y = 0;
        std::vector<Sample> samples; // recent positions, for the release velocity
    };
    // What the fingers on the glass currently mean.
    enum class Mode { idle, pressed, dragging, long_pressed, pinching, consumed };
    struct Velocity {
        float x = 0;
        float y = 0;
    };

    void on_down(const PointerEvent& event, Millis now, std::vector<Gesture>& out);
    void on_move(const PointerEvent& event, Millis now, std::vector<Gesture>& out);
    void on_up(const PointerEvent& event, Millis now, std::vector<Gesture>& out);
    void on_cancel(int id, Millis now, std::vector<Gesture>& out);
    void follow(const Pointer& finger, Millis now, std::vector<Gesture>& out);

    void check_long_press(Millis now, std::vector<Gesture>& out);
    void begin_pinch(Millis now, std::vector<Gesture>& out);
    void update_pinch(Millis now, std::vector<Gesture>& out);
    void end_pinch(Millis now, std::vector<Gesture>& out);
    void end_drag(const Pointer& finger, Velocity velocity, Millis now, std::vector<Gesture>& out);
    void release_single(const Pointer& finger, Millis now, std::vector<Gesture>& out);
    void finish_tap(const Pointer& finger, Millis now, std::vector<Gesture>& out);
    Gesture::Direction swipe_direction(const Pointer& finger, Millis now) const;

    Pointer* find(int id);
    const Pointer* find(int id) const;
    bool in_pinch(int id) const;
    void move_pointer(Pointer& finger, float x, float y, Millis now);
    void remove_pointer(int id);
    Velocity release_velocity(const Pointer& finger, Millis now) const;
    double pinch_distance() const;
    Gesture make(Gesture::Kind kind, float x, float y, Millis now) const;
    float px(float mm) const;

    GestureConfig config_;
    std::vector<Pointer> pointers_;
    Mode mode_ = Mode::idle;
    Millis last_time_ = 0;
    bool seen_time_ = false;

    // The drag in progress: where the last drag event left the finger.
    float drag_x_ = 0;
    float drag_y_ = 0;

    // The pinch in progress: which two fingers, and what was last reported.
    int pinch_ids_[2] = {0, 0};
    double pinch_start_distance_ = 1;
    double pinch_last_distance_ = 1;
    float pinch_cx_ = 0;
    float pinch_cy_ = 0;

    // The last lone tap, waiting for a second one.
    bool tap_pending_ = false;
    Millis tap_up_time_ = 0;
    float tap_x_ = 0;
    float tap_y_ = 0;
};

} // namespace pavilion::core
