#pragma once
// Everything a screen needs to draw one frame, and where it leaves its tap targets.
//
// Screens use ImGui only to draw (draw lists and fonts). Touch is handled by Pavilion's own
// gesture recognizer: screens register rectangles with what a tap there means, and taps are
// resolved after drawing. So nothing "hovers" after a finger lifts, and hit testing is plain
// geometry. A tap means one of the model's intents, or an action that stays on the screen.

#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/screens/fonts.hpp"
#include "pavilion/screens/mirror.hpp"
#include "pavilion/core/image_source.hpp"
#include "pavilion/core/map_mesh.hpp"
#include "pavilion/model/intent.hpp"
#include "pavilion/screens/theme.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pavilion::screens {

// Taps the screen handles itself; the model never hears of them.
struct SetFilter {
    std::string facet; // a theme or region id of the current list; "" = all
};
struct ResetMapView {};
// The attract loop's (and "Still there?"'s) full-screen target. The model wakes the kiosk from
// the touch itself; the target exists so a tap lands on something (the soak monkey aims at
// targets) and nothing under the overlay reacts.
struct WakeUp {};
// The language sheet, for packs whose languages do not fit the bar as a row of pills: the button
// opens it; a tap beside it closes it (so does any other tap, handled by the Deck).
struct OpenLanguageSheet {};
struct CloseLanguageSheet {};

inline bool operator==(const SetFilter& a, const SetFilter& b) { return a.facet == b.facet; }
inline bool operator==(const ResetMapView&, const ResetMapView&) { return true; }
inline bool operator==(const WakeUp&, const WakeUp&) { return true; }
inline bool operator==(const OpenLanguageSheet&, const OpenLanguageSheet&) { return true; }
inline bool operator==(const CloseLanguageSheet&, const CloseLanguageSheet&) { return true; }

using TapAction = std::variant<model::Intent, SetFilter, ResetMapView, WakeUp, OpenLanguageSheet, CloseLanguageSheet>;

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
        TapAction action;
    };

    void clear() {
        targets_.clear();
        clips_.clear();
    }
    // Only the visible part of a target counts: inside a scroll area, what scrolled out of view
    // must not catch taps.
    void add(ImVec2 min, ImVec2 max, TapAction action);
    void push_clip(ImVec2 min, ImVec2 max) { clips_.push_back({min, max}); }
    void pop_clip() {
        if (!clips_.empty()) clips_.pop_back();
    }
    // The last target added that contains the point: later drawing is on top.
    std::optional<TapAction> hit(ImVec2 point) const;
    // Flips every target about the vertical line x = width / 2 (mirror.hpp).
    void mirror(float width) {
        for (auto& target : targets_) {
            const float left = width - target.max.x, right = width - target.min.x;
            target.min.x = left;
            target.max.x = right;
        }
    }
    // This frame's targets, visible parts only, in drawing order (the soak monkey aims at them).
    const std::vector<Target>& all() const { return targets_; }

private:
    struct Clip {
        ImVec2 min;
        ImVec2 max;
    };
    std::vector<Target> targets_;
    std::vector<Clip> clips_;
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
    // Set while a right-to-left language's screens are drawn (the Deck's); null otherwise.
    Mirror* mirror = nullptr;

    // True while a finger rests on the rectangle (pressed feedback), never after it lifts.
    bool pressed(ImVec2 min, ImVec2 max) const {
        const auto& p = input.pointer;
        return p.down && !p.dragging && p.position.x >= min.x && p.position.x < max.x &&
               p.position.y >= min.y && p.position.y < max.y;
    }
    float dp(float v) const { return theme.dp(v); }
    bool mirrored() const { return mirror && mirror->active(); }
};

// What this frame's taps (gesture kind tap) hit, in order; taps on no target are left out.
std::vector<TapAction> actions_from_taps(const Frame& frame);
// The model's intents among them, in order; screen-local actions are left out.
std::vector<model::Intent> intents_from_taps(const Frame& frame);

} // namespace pavilion::screens
