#pragma once
// What the fingers mean before any screen sees them. The touch that wakes the attract loop, or
// that answers "Still there?", is taken whole (down to its lift) and reaches no screen: a
// visitor's first touch never also presses a button that happens to be under it. Everything
// else becomes gestures for the screens (core::GestureRecognizer, thresholds in millimetres) and
// a pointer for the pressed look of buttons.

#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/pointer_event.hpp"

#include <vector>

namespace pavilion::model {

// Where a finger rests now, for pressed feedback; never hovering after it lifts.
struct Pointer {
    bool down = false;
    bool dragging = false; // a drag or pinch began: no press highlight, no tap
    float x = -1;
    float y = -1;
};

class TouchInput {
public:
    // The display's density: gesture thresholds are physical.
    void set_pixels_per_mm(float pixels_per_mm);

    // The frame's events, through the session's rules. operating: operator mode is on, so there
    // is no attract loop to wake and no idle question to answer.
    void feed(const std::vector<core::PointerEvent>& events, core::KioskSession& session, bool operating);
    // Time passing: a long press completes while the finger rests.
    void tick(core::Millis now);

    // The finger now down is not for the screens (the operator's hold opened the keypad).
    void swallow_current_touch();
    // A new screen: no gesture continues onto it (the finger's pointer stays).
    void end_gestures();
    // A new pack or the end of a visit: nothing continues, and no finger is down.
    void reset();

    // The gestures recognised since the last call, oldest first.
    std::vector<core::Gesture> take_gestures();
    const Pointer& pointer() const { return pointer_; }

private:
    void collect(std::vector<core::Gesture> gestures);

    core::GestureRecognizer recognizer_;
    std::vector<core::Gesture> pending_;
    Pointer pointer_;
    bool swallowing_ = false;
};

} // namespace pavilion::model
