#pragma once
// The operator panel: a fixed header ("Operator", the auto-leave countdown, Leave), the last
// action's result under it, and cards in a grid that scrolls with the finger (two columns in
// landscape, one in portrait): Content, Settings, Visitors, Diagnostics, Recent log. Drawn from
// the model's OperatorView (and what the shell measured), in English for staff.
//
// Like every operator screen it draws the whole display (clearing the frame's tap targets
// first), and returns the intents of this frame's taps. Only what is scrolled into view catches
// taps. A question (OperatorView::confirmation) is drawn over all of it, and then only its two
// buttons take taps.

#include "pavilion/model/intent.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/scroll_area.hpp"

#include <string>
#include <vector>

namespace pavilion::screens {

// How the kiosk runs, as the shell measures it (the Diagnostics card).
struct Diagnostics {
    double fps = 0, frame_p50_ms = 0, frame_p99_ms = 0, rss_mb = 0, textures_mb = 0;
    std::string gl_renderer;
    int max_texture = 0;
    std::string version;
};

// The words of a question: "Install another pack?", "Install 'expo-2027' v3 over
// 'belt-and-road' v5? This replaces the pack visitors see.", "From expo-2027.pack", "Install".
struct ConfirmationWords {
    std::string title;
    std::string body;
    std::string detail;  // "" = none
    std::string confirm; // the button that does it (the other says Cancel)
};
ConfirmationWords confirmation_words(const model::PendingConfirmation& question);

// A class because it keeps its scroll position between frames.
class OperatorPanel {
public:
    // Intents: InstallCandidate{i} (one per candidate: installed even if not newer, the
    // operator's choice), RollBack (when the previous pack is known and present),
    // AdjustIdleTimeout{-30 / +30} (while within idle_min_s..idle_max_s), SetDefaultLanguage{code}
    // (one per language; the default's pill is filled), ExportStatistics (when a stick is in),
    // LeaveOperatorMode; while a question shows, only Confirm and CancelConfirmation.
    std::vector<model::Intent> draw(Frame& frame, const model::OperatorView& view, const Diagnostics& diagnostics);
    // Scrolling inertia: the next frame differs without input.
    bool animating() const { return scroll_.animating(); }
    // Back to the top (call when operator mode is entered).
    void reset() { scroll_.reset(); }

private:
    ScrollArea scroll_;
};

} // namespace pavilion::screens
