#pragma once
// Pavilion's look: a calm palette and metrics in density-independent units (dp).

#include <imgui.h>

namespace pavilion::ui {

struct Palette {
    ImU32 background_top = IM_COL32(11, 31, 51, 255);     // deep navy
    ImU32 background_bottom = IM_COL32(16, 52, 72, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 18);          // cards on the background
    ImU32 surface_pressed = IM_COL32(255, 255, 255, 40);
    ImU32 outline = IM_COL32(255, 255, 255, 30);
    ImU32 text = IM_COL32(244, 239, 230, 255);            // warm white
    ImU32 text_muted = IM_COL32(244, 239, 230, 160);
    ImU32 accent = IM_COL32(224, 164, 88, 255);           // gold
    ImU32 accent_soft = IM_COL32(31, 122, 122, 255);      // teal
    ImU32 on_accent = IM_COL32(11, 31, 51, 255);
};

struct Metrics {
    float margin = 64;        // screen edge to content
    float gutter = 24;        // between cards
    float card_radius = 18;
    float card_padding = 24;
    float min_touch = 72;     // about 9 mm on a 21-inch 1080p panel
    float tile_height = 132;
};

struct Theme {
    Palette palette;
    Metrics metrics;
    float scale = 1; // pixels per dp

    float dp(float value) const { return value * scale; }
};

} // namespace pavilion::ui
