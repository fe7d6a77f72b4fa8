#pragma once
// One visitor's session: where they are, their language and accessibility choices, and the idle
// policy that hands the kiosk to the next visitor.
//
// Idle policy: idle_timeout_ms after the last touch the kiosk asks "Still there?" and counts
// down countdown_ms; a touch during the countdown dismisses it and keeps the visitor's place;
// when it runs out the session ends: attract screen, default language, accessibility off, so
// the next visitor does not inherit someone else's Chinese, large-text page deep in a story.
// Time is passed in; nothing here reads a clock.

#include "pavilion/core/navigator.hpp"
#include "pavilion/core/pointer_event.hpp"

#include <limits>
#include <string>

namespace pavilion::core {

struct SessionSettings {
    Millis idle_timeout_ms = 90000; // the pack's idle_timeout_s * 1000; negative counts as 0
    Millis countdown_ms = 10000;    // how long "Still there?" waits; negative counts as 0
    std::string default_locale = "en";
};

// next_deadline() when nothing will happen until the next touch.
constexpr Millis kNoDeadline = std::numeric_limits<Millis>::max();

// text_scale() with larger text on: large enough to matter for low vision at arm's length.
constexpr float kLargerTextScale = 1.4f;

class KioskSession {
public:
    explicit KioskSession(SessionSettings settings);

    const SessionSettings& settings() const { return settings_; }

    Navigator& navigator() { return navigator_; }
    const Navigator& navigator() const { return navigator_; }

    const std::string& locale() const { return locale_; }
    // Changes the language only; the visitor stays on the same screen. Empty is ignored.
    void set_locale(std::string locale);

    bool larger_text() const { return larger_text_; }
    void set_larger_text(bool on) { larger_text_ = on; }
    bool high_contrast() const { return high_contrast_; }
    void set_high_contrast(bool on) { high_contrast_ = on; }

    // 1.0, or kLargerTextScale with larger text.
    float text_scale() const { return larger_text_ ? kLargerTextScale : 1.0f; }

    // Any input. Restarts the idle timer, and during "Still there?" dismisses the countdown
    // keeping the route and language. Returns true when it dismissed the countdown: that touch
    // answered the question and must not also reach the screen beneath. At attract it does
    // nothing (waking is navigator().wake()'s job; the timer starts once the kiosk is awake).
    bool on_touch(Millis now);

    struct IdleStatus {
        enum class Phase { active, still_there, attract };
        Phase phase = Phase::attract;
        Millis remaining_ms = 0; // still_there: countdown left; 0 in the other phases
        bool changed = false;    // phase differs from the previous update()'s: act on it once
    };

    // Applies the idle policy at `now`: active -> still_there at idle_timeout_ms after the last
    // touch, -> attract (end_session()) countdown_ms later. Each transition happens once; at
    // attract the timer stays off until the kiosk is woken. If the clock goes backwards, the
    // timer restarts from the earlier time rather than firing early or never.
    IdleStatus update(Millis now);

    // When update() next needs calling, so the render loop can sleep until then: the timeout,
    // then each whole second of the countdown (so a "Still there? 7" display stays current),
    // then its end. `now` if update() is due already; kNoDeadline at attract.
    Millis next_deadline(Millis now) const;

    // Ends the visit at once: attract, no history, default locale, accessibility off.
    void end_session();

private:
    IdleStatus report(IdleStatus::Phase phase, Millis remaining_ms);

    SessionSettings settings_;
    Navigator navigator_;
    std::string locale_;
    bool larger_text_ = false;
    bool high_contrast_ = false;
    bool timer_running_ = false;  // false at attract, and between waking and the next update/touch
    Millis last_activity_ = 0;    // valid while timer_running_
    IdleStatus::Phase phase_ = IdleStatus::Phase::attract;    // as of the last update/touch
    IdleStatus::Phase reported_ = IdleStatus::Phase::attract; // as last returned by update()
};

} // namespace pavilion::core
