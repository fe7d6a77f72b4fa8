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
    bool language_sheet_open = false;
};

// How the bar offers the pack's languages: a row of pills, each language named in its own words,
// while they fit beside the screen's title; otherwise one button with the current language that
// opens a sheet of them all. Beyond three languages always the sheet: a row of four pills is a
// row of small targets.
enum class LanguageSwitch { none, pills, sheet };
LanguageSwitch choose_language_switch(std::size_t languages, float pills_width, float title_width,
                                      float room_for_title_and_pills);

// Draws the bar; returns its height in pixels (content starts below).
float draw_chrome(Frame& frame, const ChromeText& text, const std::string& title, const ChromeState& state);

} // namespace pavilion::screens
