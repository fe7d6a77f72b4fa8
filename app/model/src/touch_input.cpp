#include "pavilion/model/touch_input.hpp"

namespace pavilion::model {
namespace {

using Type = core::PointerEvent::Type;

bool is_lift(const core::PointerEvent& event) { return event.type == Type::up || event.type == Type::cancel; }

bool starts_motion(const core::Gesture& gesture) {
    return gesture.kind == core::Gesture::Kind::drag_begin || gesture.kind == core::Gesture::Kind::pinch_begin;
}

} // namespace

void TouchInput::set_pixels_per_mm(float pixels_per_mm) {
    core::GestureConfig config;
    config.pixels_per_mm = pixels_per_mm;
    recognizer_ = core::GestureRecognizer(config);
    reset();
}

void TouchInput::feed(const std::vector<core::PointerEvent>& events, core::KioskSession& session, bool operating) {
    for (const auto& event : events) {
        const bool press = event.type == Type::down;
        auto& navigator = session.navigator();
        if (navigator.at_attract() && !operating) {
            // The first touch wakes the kiosk; it is not also a tap on Home.
            if (press && navigator.wake()) {
                session.on_touch(event.time);
                swallow_current_touch();
            }
            continue;
        }
        if (session.on_touch(event.time) && press) swallowing_ = true; // it answered "Still there?"
        if (swallowing_) {
            if (is_lift(event)) swallowing_ = false;
            continue;
        }
        pointer_.x = event.x;
        pointer_.y = event.y;
        if (press) pointer_.down = true, pointer_.dragging = false;
        if (is_lift(event)) pointer_.down = false, pointer_.dragging = false;
        collect(recognizer_.feed(event));
    }
}

void TouchInput::tick(core::Millis now) { collect(recognizer_.tick(now)); }

void TouchInput::collect(std::vector<core::Gesture> gestures) {
    for (auto& gesture : gestures) {
        if (starts_motion(gesture)) pointer_.dragging = true;
        pending_.push_back(gesture);
    }
}

void TouchInput::swallow_current_touch() {
    swallowing_ = true;
    recognizer_.reset();
    pending_.clear();
    // Its lift is swallowed too: the pointer must not stay down (and keep frames coming) for ever.
    pointer_ = {};
}

void TouchInput::end_gestures() { recognizer_.reset(); }

void TouchInput::reset() {
    recognizer_.reset();
    pending_.clear();
    pointer_ = {};
    // swallowing_ stays: a finger still down from the last screen must lift before it counts.
}

std::vector<core::Gesture> TouchInput::take_gestures() {
    std::vector<core::Gesture> gestures;
    gestures.swap(pending_);
    return gestures;
}

} // namespace pavilion::model
