#pragma once
// The text styles as the screens name them (frame.fonts.body, .heading, ...), each at the size it
// is drawn at, and the Typesetter that lays them out and draws them.

#include "pavilion/screens/text_plan.hpp"

namespace pavilion::screens {

class Typesetter;

// A text style at the size it is drawn at by default: a line box's height, px.
struct Font {
    TextStyle style = TextStyle::body;
    float size = 0;
};

struct Fonts {
    Font body{TextStyle::body};
    Font body_bold{TextStyle::body_bold}; // labels and bylines; **strong** in running text is drawn heavier
    Font heading{TextStyle::heading};
    Font display{TextStyle::display};
    Typesetter* text = nullptr; // the render thread's; null draws and measures nothing
};

// The styles at the typesetter's scale (the UI scale times the visitor's text scale).
Fonts fonts_of(Typesetter& typesetter);

} // namespace pavilion::screens
