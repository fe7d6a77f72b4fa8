#pragma once
// What the visitor asked for: screens return intents, main acts on them.

#include <string>

namespace pavilion::screens {

struct Intent {
    enum class Kind {
        open,                 // value: route, e.g. "story/china-laos-railway"
        replace,              // value: route; swipe to a sibling without growing the back stack
        back,
        home,
        language,             // value: locale code
        toggle_larger_text,
        toggle_high_contrast,
        wake,                 // the first touch on the attract loop
        filter,               // value: facet id ("" = all) of the current list
        map_reset,            // the map's "Reset view" button
        operator_action,      // value: what an operator tapped on the PIN pad or the operator panel,
                              // e.g. "digit:7", "submit", "install:0", "idle:+30" (operator_screens.hpp)
    };
    Kind kind = Kind::home;
    std::string value;

    friend bool operator==(const Intent& a, const Intent& b) {
        return a.kind == b.kind && a.value == b.value;
    }
};

} // namespace pavilion::screens
