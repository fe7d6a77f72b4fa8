#pragma once
// The attract loop: full-screen pictures that slowly pan and zoom and cross-fade, a line about
// each in every language, and "Touch to explore" in every language. Any touch wakes the kiosk.

#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/views.hpp"

namespace pavilion::screens {

constexpr float kAttractSlideSeconds = 8.0f;
constexpr float kAttractFadeSeconds = 1.4f;

void draw_attract(Frame& frame, const AttractView& view);

// "Still there?": a countdown over the current screen; a touch anywhere keeps the visitor's place.
void draw_still_there(Frame& frame, const std::string& question, const std::string& hint,
                      float seconds_left, float countdown_seconds);

} // namespace pavilion::screens
