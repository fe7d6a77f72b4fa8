#include "pavilion/screens/scroll_area.hpp"

namespace pavilion::screens {

float ScrollArea::begin(Frame& frame, ImVec2 min, ImVec2 max) {
    min_ = min;
    max_ = max;
    // A drag belongs to the area where the finger pressed: drag_begin reports the position after
    // the slop, and its dx/dy the way travelled since the press.
    const auto pressed_inside = [&](const core::Gesture& g) {
        const float x = g.x - g.dx, y = g.y - g.dy;
        return x >= min.x && x < max.x && y >= min.y && y < max.y;
    };
    using Kind = core::Gesture::Kind;
    for (const auto& gesture : frame.input.gestures) {
        switch (gesture.kind) {
        case Kind::drag_begin:
            if (!pressed_inside(gesture)) break;
            dragging_ = true;
            scroller_.drag_begin(gesture.time);
            scroller_.drag_by(gesture.dy, gesture.time);
            break;
        case Kind::drag:
            if (dragging_) scroller_.drag_by(gesture.dy, gesture.time);
            break;
        case Kind::drag_end:
            if (dragging_) scroller_.release(gesture.velocity_y, gesture.time);
            dragging_ = false;
            break;
        default: break;
        }
    }
    scroller_.update(frame.now);
    frame.draw->PushClipRect(min, max, true);
    frame.targets.push_clip(min, max);
    return scroller_.offset();
}

void ScrollArea::end(Frame& frame, float content_height) {
    frame.targets.pop_clip();
    frame.draw->PopClipRect();
    scroller_.set_limits(content_height, max_.y - min_.y);
}

} // namespace pavilion::screens
