#pragma once
// "Still there?": a countdown over the current screen; a touch anywhere keeps the visitor's
// place (the overlay is one WakeUp target, so nothing under it reacts to that touch).

#include "pavilion/screens/frame.hpp"

#include <string>

namespace pavilion::screens {

void draw_still_there(Frame& frame, const std::string& question, const std::string& hint, float seconds_left,
                      float countdown_seconds);

} // namespace pavilion::screens
