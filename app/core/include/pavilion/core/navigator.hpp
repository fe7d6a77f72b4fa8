#pragma once
// The kiosk's screen state machine: the current route and a back stack.
//
// Invariants, which keep Back predictable for a visitor who walks up to a kiosk mid-session:
//  - attract and home have an empty back stack; every other screen has home at the bottom of
//    its stack, so Back always ends at Home and never goes below it (attract is reached only by
//    reset_to_attract(), i.e. by the idle policy).
//  - the stack never holds a route twice, and never holds the current route: opening a route
//    that is already in the history unwinds to it instead of pushing, so following related links
//    in a circle cannot grow the stack for ever.
// Every method that changes the current route bumps revision() and returns true, so the UI can
// log exactly one line per screen change.

#include "pavilion/core/route.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pavilion::core {

class Navigator {
public:
    const Route& current() const { return current_; }
    bool at_attract() const { return current_.screen == Route::Screen::attract; }

    // The back stack, bottom (home) first; empty at attract and at home.
    const std::vector<Route>& history() const { return stack_; }

    // How many Back presses lead to Home; 0 at home and at attract.
    std::size_t depth_from_home() const { return stack_.size(); }

    // Counts changes of the current route; starts at 0.
    std::uint64_t revision() const { return revision_; }

    // Attract -> Home. Returns true when it woke the kiosk: the touch that did it must then be
    // dropped, so the first touch is never also taken as a tap on whatever Home shows there.
    // Does nothing (false) on any other screen.
    bool wake();

    // Pushes the current route and goes to `route`. No-op (false) for the current route, for
    // attract (use reset_to_attract) and for invalid routes. Opening home is home(). From
    // attract the kiosk wakes and the stack becomes the route's path from Home (home, then the
    // list for an item), so a --screen start or a deep link still has a sensible Back.
    bool open(const Route& route);

    // Pops to the previous route. False at home (Back never goes below Home) and at attract.
    bool back();

    // Straight to Home, clearing the history. From attract this wakes the kiosk.
    bool home();

    // Swaps the current route without pushing: swiping to the next or previous story keeps Back
    // leading to the list, not through every story swiped past. Same refusals as open(); at
    // home or attract (no list to return to) it behaves as open().
    bool replace(const Route& route);

    // Back to attract with no history: the end of a visitor's session.
    bool reset_to_attract();

private:
    bool go(const Route& route, bool push);
    void start_from_home(const Route& route);
    void changed() { ++revision_; }

    Route current_{Route::Screen::attract, {}};
    std::vector<Route> stack_;
    std::uint64_t revision_ = 0;
};

} // namespace pavilion::core
