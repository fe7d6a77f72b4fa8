#pragma once
// The soak monkey's brain: what a random visitor does next (`pavilion --monkey SEED`).
//
// Given what is on the screen (its size and where a tap means something), it picks one action by
// weight and expands it into timestamped pointer events, as a finger would make them. Taps aim
// mostly at the screen's tap targets, so the walk reaches every screen instead of tapping empty
// background; gestures land anywhere. Besides touches it asks for time to pass (short waits, and
// jumps past the idle timeout so "Still there?" and the attract loop happen) and for pack reloads.
//
// Deterministic: the same seed and the same screens give the same actions, on any platform (its
// own draws from std::mt19937, whose output the standard fixes; no std::*_distribution, whose
// algorithms it does not). Time is passed in; nothing here reads a clock.

#include "pavilion/core/pointer_event.hpp"

#include <array>
#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace pavilion::core {

struct MonkeyAction {
    enum class Kind {
        tap,           // one finger, short and still, mostly on a tap target
        double_tap,    // two taps on one spot (the map zooms)
        long_press,    // a finger resting ~1 s
        drag,          // a slow stroke that stops before lifting (no inertia)
        fling,         // a fast vertical stroke released moving (lists scroll on)
        swipe,         // a quick horizontal line (detail pages turn)
        pinch,         // two fingers apart or together (the map)
        back,          // the Back button
        home,          // the Home button
        language,      // a language button
        operator_hold, // a finger held 5 s in the top-left corner: the operator keypad
        wait,          // a few seconds with no input: animations and inertia run out
        idle_jump,     // time past the idle timeout: "Still there?", sometimes the attract loop
        reload,        // the kiosk switches to its other pack
    };
    static constexpr int kKinds = 14;

    Kind kind = Kind::wait;
    std::vector<PointerEvent> events; // absolute times, from the `now` given to next()
    Millis end = 0;                   // when the next action may begin (after a settle gap)
};

std::string_view monkey_action_name(MonkeyAction::Kind kind);

// Relative chances of each kind; a kind with nothing to act on (no Back button on Home, no
// idle timer at the attract loop) is left out of that draw.
struct MonkeyWeights {
    std::array<int, MonkeyAction::kKinds> of{};
    int& operator[](MonkeyAction::Kind kind) { return of[static_cast<int>(kind)]; }
    int operator[](MonkeyAction::Kind kind) const { return of[static_cast<int>(kind)]; }
};

// Mostly taps (that is how visitors move), enough strokes to scroll and turn pages, one action
// in ~70 an idle jump and one in ~140 a reload, so a 100,000-frame soak sees both many times.
MonkeyWeights default_monkey_weights();

// A place where a tap means something, and what kind of thing it is.
struct MonkeyTarget {
    enum class Role { content, back, home, language };
    float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    Role role = Role::content;
};

struct MonkeyScreen {
    float width = 0;
    float height = 0;
    std::vector<MonkeyTarget> targets; // in drawing order
    Millis idle_timeout_ms = 90000;    // the session's, so idle jumps land where they should
    Millis countdown_ms = 10000;       // how long "Still there?" waits
    bool can_reload = false;
    bool idle_timer_running = true;    // false at the attract loop, where waiting changes nothing
    float corner_px = 34;              // the operator hold's hidden square
};

class SoakMonkey {
public:
    explicit SoakMonkey(std::uint32_t seed, MonkeyWeights weights = default_monkey_weights());

    // The next action, starting at `now` on this screen.
    MonkeyAction next(const MonkeyScreen& screen, Millis now);

    // The settle gap after a pointer action: longer than the recognizer's 300 ms double-tap window,
    // so two taps in a row stay two taps.
    static constexpr Millis kSettleMinMs = 350;
    static constexpr Millis kSettleMaxMs = 900;
    static constexpr Millis kHoldMs = 5200; // past OperatorMode::kHoldMs

private:
    float unit();                              // [0, 1)
    int below(int n);                          // [0, n)
    float between(float lo, float hi);         // [lo, hi)
    Millis between_ms(Millis lo, Millis hi);   // [lo, hi]
    MonkeyAction::Kind pick_kind(const MonkeyScreen& screen);
    bool available(MonkeyAction::Kind kind, const MonkeyScreen& screen) const;
    // A random point inside a target of this role, or anywhere when `anywhere` wins the draw.
    void aim(const MonkeyScreen& screen, MonkeyTarget::Role role, float& x, float& y);
    // Each action's touches, drawn from the generator in a fixed order (a seed is a walk).
    void press(const MonkeyScreen& screen, MonkeyAction::Kind kind, Millis now, std::vector<PointerEvent>& out);
    void double_press(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void long_press(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void drag(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void fling(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void swipe(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void pinch(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    void hold_corner(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out);
    Millis idle_jump_end(const MonkeyScreen& screen, Millis now);

    std::mt19937 rng_;
    MonkeyWeights weights_;
};

} // namespace pavilion::core
