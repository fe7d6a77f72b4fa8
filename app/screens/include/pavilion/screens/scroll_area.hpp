#pragma once
// A vertically scrolling region driven by drag gestures, with inertia and elastic edges
// (core::KineticScroller). Content drawn between begin() and end() is clipped to the region,
// and so are its tap targets.

#include "pavilion/core/kinetic_scroller.hpp"
#include "pavilion/screens/frame.hpp"

namespace pavilion::screens {

class ScrollArea {
public:
    // Applies this frame's drags inside the region, advances inertia, starts clipping.
    // Returns the scroll offset to subtract from content positions.
    float begin(Frame& frame, ImVec2 min, ImVec2 max);
    // content_height: the height of everything drawn, so the limits are right next frame.
    void end(Frame& frame, float content_height);
    bool animating() const { return scroller_.animating() || dragging_; }
    void reset() {
        scroller_ = core::KineticScroller();
        dragging_ = false;
    }

private:
    core::KineticScroller scroller_;
    ImVec2 min_{0, 0};
    ImVec2 max_{0, 0};
    bool dragging_ = false;
};

} // namespace pavilion::screens
