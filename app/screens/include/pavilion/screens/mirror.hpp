#pragma once
// Right-to-left layout by mirroring: the screens lay out as for a left-to-right language, and
// the frame's geometry is flipped about the display's vertical centre afterwards (the Back arrow
// points right and sits at the right, cards and chips read from the right, a picture beside the
// text moves to its other side). Input is mirrored on the way in, so taps and swipes match what
// the screens drew. What must not be flipped is drawn already in place and kept: text (drawn
// in its mirrored box, aligned to the right), pictures and the map (geography has no direction).

#include <imgui.h>

#include <utility>
#include <vector>

namespace pavilion::screens {

class Mirror {
public:
    explicit Mirror(float display_width) : width_(display_width) {}

    // Off inside a suspended stretch: its drawing is already where it belongs on the screen.
    bool active() const { return suspended_ == 0; }
    float width() const { return width_; }
    // The screen's x of a logical x (and back: mirroring is its own inverse).
    float x(float logical_x) const { return width_ - logical_x; }
    // The screen's left edge of a logical box [left, left + box_width).
    float left_of(float left, float box_width) const { return width_ - left - box_width; }

    // Vertices [begin, end) of the draw list are in place already: apply() leaves them.
    void keep(int begin, int end) {
        if (end > begin) kept_.emplace_back(begin, end);
    }
    void suspend() { ++suspended_; }
    void resume() { --suspended_; }

    // Drawing that must read as on the screen (a map sketch) but was drawn in a logical box
    // [left, right), with its clip rectangles: its vertices from first_vertex on are flipped
    // within the box now, so apply() only moves them to the mirrored box.
    void flip_within(ImDrawList& draw, int first_vertex, float left, float right) const;

    // Flips every vertex from first_vertex on that was not kept, and every command's clip
    // rectangle from first_command on.
    void apply(ImDrawList& draw, int first_vertex, int first_command);

private:
    float width_;
    int suspended_ = 0;
    std::vector<std::pair<int, int>> kept_;
};

struct FrameInput;
class TapTargets;

// The input as the mirrored screens see it: every x mirrored, horizontal movement and swipe
// directions reversed (a swipe to the left is a swipe to the right in their layout).
FrameInput mirrored(const FrameInput& input, const Mirror& mirror);
// The targets the mirrored screens registered, moved to where they are on the screen (for
// whoever aims at them from outside: the soak monkey, the tests).
void mirror_targets(TapTargets& targets, const Mirror& mirror);

} // namespace pavilion::screens
