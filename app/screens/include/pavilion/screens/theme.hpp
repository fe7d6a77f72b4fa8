#pragma once
// Pavilion's look: a calm palette (and a high-contrast one), metrics in density-independent
// units (dp), and motion timings.

#include <imgui.h>

#include <algorithm>

namespace pavilion::screens {

struct Palette {
    ImU32 background_top;
    ImU32 background_bottom;
    ImU32 surface;          // cards on the background
    ImU32 surface_pressed;
    ImU32 outline;
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent;           // gold: current choices, headings
    ImU32 accent_soft;      // teal: routes, secondary marks
    ImU32 on_accent;        // text on accent
    ImU32 scrim;            // darkening over images under text
};

inline Palette calm_palette() {
    return {IM_COL32(11, 31, 51, 255),    IM_COL32(16, 52, 72, 255),    IM_COL32(255, 255, 255, 18),
            IM_COL32(255, 255, 255, 44),  IM_COL32(255, 255, 255, 34),  IM_COL32(244, 239, 230, 255),
            IM_COL32(244, 239, 230, 170), IM_COL32(224, 164, 88, 255),  IM_COL32(46, 150, 146, 255),
            IM_COL32(11, 31, 51, 255),    IM_COL32(6, 18, 30, 200)};
}

// Pure black and white with a yellow accent: WCAG AAA contrast for every text.
inline Palette high_contrast_palette() {
    return {IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 255),       IM_COL32(255, 255, 255, 28),
            IM_COL32(255, 255, 255, 70),  IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255),
            IM_COL32(255, 255, 255, 255), IM_COL32(255, 221, 0, 255),   IM_COL32(0, 200, 255, 255),
            IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 230)};
}

// The colour with its opacity scaled by `opacity` (0..1): 0.5 makes a colour half as opaque as it
// was. Palette colours are opaque, so with_alpha(p.accent, 70 / 255.0f) is alpha 70 exactly.
inline ImU32 with_alpha(ImU32 color, float opacity) {
    const auto alpha = static_cast<ImU32>(((color >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(opacity, 0.0f, 1.0f));
    return (color & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

struct Metrics {
    float margin = 56;        // screen edge to content
    float gutter = 24;        // between cards
    float radius = 20;
    float padding = 28;
    float min_touch = 76;     // about 9 mm on a 21.5-inch 1080p panel (102 dpi)
    float bar_height = 112;   // the top bar of every screen
};

struct Theme {
    Palette palette = calm_palette();
    Metrics metrics;
    float scale = 1;      // pixels per dp
    float pixels_per_mm = 96.0f / 25.4f; // the panel's real density, when the monitor tells it

    float dp(float value) const { return value * scale; }
    // The side of a touch target: the design size, but never under 9 mm on the glass (small
    // panels shrink the design; fingers stay the same size).
    float touch() const {
        const float design = dp(metrics.min_touch);
        const float floor = 9.0f * pixels_per_mm;
        return design > floor ? design : floor;
    }
};

} // namespace pavilion::screens
