#pragma once
// The frame around every screen but the attract loop: Back and Home on the left, the screen's
// title, and on the right the accessibility switches and the language switch, so each is one
// tap away everywhere.

#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

struct ChromeState {
    bool show_navigation = true; // false on Home: Back and Home lead nowhere
    bool larger_text = false;
    bool high_contrast = false;
};

// Draws the bar; returns its height in pixels (content starts below).
float draw_chrome(Frame& frame, const ChromeText& text, const std::string& title, const ChromeState& state);

} // namespace pavilion::screens
