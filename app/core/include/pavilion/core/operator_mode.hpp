#pragma once
// Operator mode's state: the hidden way in (a finger held still for five seconds in the screen's
// top-left corner, where no visitor control is), the PIN being typed, and the panel, which
// closes by itself when nobody touches it for a few minutes. What the panel's buttons do is
// the model's business (model/operator_desk.hpp); this only keeps the state and the timing.

#include "pavilion/core/pointer_event.hpp"

#include <string>
#include <vector>

namespace pavilion::core {

class OperatorMode {
public:
    static constexpr Millis kHoldMs = 5000;
    static constexpr Millis kPanelIdleMs = 180000; // the panel closes itself after 3 min
    static constexpr Millis kPinIdleMs = 30000;    // an abandoned keypad closes sooner

    enum class Stage { off, pin, panel };
    Stage stage() const { return stage_; }
    // A finger is resting in the corner: frames must keep coming so the hold can complete.
    bool holding() const { return holding_; }

    // Every pointer event, before anything else sees it. corner_px: the hidden square's side.
    // True when the hold just completed: the keypad opens.
    bool watch(const std::vector<PointerEvent>& events, Millis now, float corner_px);
    // Time passing: the hold completing without a new event, and the panel's own timeout.
    // Returns true when the stage changed.
    bool tick(Millis now);

    void open_pin(Millis now);
    void open_panel(Millis now);
    void leave();
    void touched(Millis now) { last_touch_ = now; }
    Millis idle_ms_left(Millis now) const;

    // The PIN being typed (digits only, never shown).
    std::string& pin() { return pin_; }
    const std::string& pin() const { return pin_; }
    // When the hold in progress completes, if a finger is resting in the corner.
    Millis hold_completes_at() const { return hold_started_ + kHoldMs; }

private:
    Stage stage_ = Stage::off;
    bool holding_ = false;
    Millis hold_started_ = 0;
    float hold_x_ = 0, hold_y_ = 0;
    float corner_px_ = 0;
    Millis last_touch_ = 0;
    std::string pin_;
};

} // namespace pavilion::core
