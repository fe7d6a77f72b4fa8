#pragma once
// Everything a screen needs to draw one frame, and where it leaves its tap targets.
//
// Screens use ImGui only to draw (draw lists and fonts). Touch is handled by Pavilion's own
// gesture recognizer: screens register rectangles with the intent a tap there means, and taps
// are resolved after drawing. So nothing "hovers" after a finger lifts, and hit testing is
// plain geometry.

#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/screens/font_atlas.hpp"
#include "pavilion/core/image_source.hpp"
#include "pavilion/core/map_mesh.hpp"
#include "pavilion/screens/intent.hpp"
#include "pavilion/screens/theme.hpp"

#include <imgui.h>

#include <optional>
#include <vector>

namespace pavilion::screens {

struct PointerState {
    bool down = false;
    bool dragging = false; // a drag began: no press highlight, no tap
    ImVec2 position{-1, -1};
};

struct FrameInput {
    std::vector<core::Gesture> gestures; // recognized since the last frame
    PointerState pointer;
    float wheel_steps = 0; // mouse wheel notches since the last frame (up is positive); desktops only
    ImVec2 wheel_at{-1, -1};
};

class TapTargets {
public:
    struct Target {
        ImVec2 min;
        ImVec2 max;
        Intent intent;
    };

    void clear() {
        targets_.clear();
        clips_.clear();
    }
    // Only the visible part of a target counts: inside a scroll area, what scrolled out of view
    // must not catch taps.
    void add(ImVec2 min, ImVec2 max, Intent intent);
    void push_clip(ImVec2 min, ImVec2 max) { clips_.push_back({min, max, {}}); }
    void pop_clip() {
        if (!clips_.empty()) clips_.pop_back();
    }
    // The last target added that contains the point: later drawing is on top.
    std::optional<Intent> hit(ImVec2 point) const;
    // This frame's targets, visible parts only, in drawing order (the soak monkey aims at them).
    const std::vector<Target>& all() const { return targets_; }

private:
    std::vector<Target> targets_;
    std::vector<Target> clips_;
};

struct Frame {
    const Theme& theme;
    const Fonts& fonts;
    core::ImageSource& images;
    ImDrawList* draw;
    ImVec2 size;           // the whole display, pixels
    core::Millis now;
    float screen_age_s;    // seconds since the current screen opened (entrance animations)
    const FrameInput& input;
    TapTargets& targets;
    // Draws the base map on the GPU; null when there is none (no GPU in tests, or not loaded yet).
    core::MapRenderer* map_renderer = nullptr;

    // True while a finger rests on the rectangle (pressed feedback), never after it lifts.
    bool pressed(ImVec2 min, ImVec2 max) const {
        const auto& p = input.pointer;
        return p.down && !p.dragging && p.position.x >= min.x && p.position.x < max.x &&
               p.position.y >= min.y && p.position.y < max.y;
    }
    float dp(float v) const { return theme.dp(v); }
};

} // namespace pavilion::screens
