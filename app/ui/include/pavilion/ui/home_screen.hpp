#pragma once
// The first screen: the pack's title, a language switch, and every item as a touch-sized tile.
// Draws from a HomeView and returns what the visitor asked for; it never reads the pack itself.

#include "pavilion/ui/font_atlas.hpp"
#include "pavilion/ui/home_view.hpp"
#include "pavilion/ui/theme.hpp"

#include <optional>
#include <string>

namespace pavilion::ui {

struct Intent {
    enum class Kind { open_item, switch_language };
    Kind kind;
    std::string value; // item ref or locale code
};

class HomeScreen {
public:
    // Draws one frame into the current ImGui frame, filling the display.
    std::optional<Intent> draw(const HomeView& view, const Theme& theme, const Fonts& fonts);
};

} // namespace pavilion::ui
