#include "pavilion/core/operator_mode.hpp"

#include <cmath>

namespace pavilion::core {

bool OperatorMode::watch(const std::vector<PointerEvent>& events, Millis now, float corner_px) {
    corner_px_ = corner_px;
    for (const auto& event : events) {
        using Type = PointerEvent::Type;
        if (stage_ != Stage::off) last_touch_ = event.time;
        if (event.type == Type::down && event.id == 0) {
            holding_ = event.x < corner_px && event.y < corner_px;
            hold_started_ = event.time;
            hold_x_ = event.x, hold_y_ = event.y;
        } else if (event.type == Type::move && holding_) {
            // A finger that wanders is not the operator's deliberate hold.
            if (std::hypot(event.x - hold_x_, event.y - hold_y_) > corner_px / 2) holding_ = false;
        } else if (event.type != Type::move) {
            holding_ = false; // lifted, cancelled, or a second finger
        }
    }
    return tick(now) && stage_ == Stage::pin;
}

bool OperatorMode::tick(Millis now) {
    if (stage_ == Stage::off && holding_ && now - hold_started_ >= kHoldMs) {
        holding_ = false;
        open_pin(now);
        return true;
    }
    if (stage_ != Stage::off && idle_ms_left(now) <= 0) {
        leave();
        return true;
    }
    return false;
}

void OperatorMode::open_pin(Millis now) {
    stage_ = Stage::pin;
    pin_.clear();
    last_touch_ = now;
}

void OperatorMode::open_panel(Millis now) {
    stage_ = Stage::panel;
    pin_.assign(pin_.size(), '\0'); // do not keep the PIN around
    pin_.clear();
    last_touch_ = now;
}

void OperatorMode::leave() {
    stage_ = Stage::off;
    pin_.clear();
    holding_ = false;
}

Millis OperatorMode::idle_ms_left(Millis now) const {
    const Millis limit = stage_ == Stage::panel ? kPanelIdleMs : kPinIdleMs;
    return limit - (now - last_touch_);
}

} // namespace pavilion::core
