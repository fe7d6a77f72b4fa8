#include "pavilion/screens/mirror.hpp"

#include "pavilion/screens/frame.hpp"

#include <algorithm>

namespace pavilion::screens {

void Mirror::apply(ImDrawList& draw, int first_vertex, int first_command) {
    std::sort(kept_.begin(), kept_.end());
    auto kept = kept_.begin();
    for (int v = first_vertex; v < draw.VtxBuffer.Size; ++v) {
        while (kept != kept_.end() && kept->second <= v) ++kept;
        if (kept != kept_.end() && kept->first <= v) {
            v = kept->second - 1; // the whole kept stretch is skipped
            continue;
        }
        draw.VtxBuffer[v].pos.x = width_ - draw.VtxBuffer[v].pos.x;
    }
    for (int c = first_command; c < draw.CmdBuffer.Size; ++c) {
        auto& clip = draw.CmdBuffer[c].ClipRect;
        const float left = width_ - clip.z, right = width_ - clip.x;
        clip.x = left;
        clip.z = right;
    }
    kept_.clear();
}

void Mirror::flip_within(ImDrawList& draw, int first_vertex, float left, float right) const {
    for (int v = first_vertex; v < draw.VtxBuffer.Size; ++v) draw.VtxBuffer[v].pos.x = left + right - draw.VtxBuffer[v].pos.x;
}

FrameInput mirrored(const FrameInput& input, const Mirror& mirror) {
    using Direction = core::Gesture::Direction;
    FrameInput out = input;
    for (auto& g : out.gestures) {
        g.x = mirror.x(g.x);
        g.dx = -g.dx;
        g.velocity_x = -g.velocity_x;
        if (g.direction == Direction::left) g.direction = Direction::right;
        else if (g.direction == Direction::right) g.direction = Direction::left;
    }
    if (out.pointer.position.x >= 0) out.pointer.position.x = mirror.x(out.pointer.position.x);
    if (out.wheel_at.x >= 0) out.wheel_at.x = mirror.x(out.wheel_at.x);
    return out;
}

void mirror_targets(TapTargets& targets, const Mirror& mirror) { targets.mirror(mirror.width()); }

} // namespace pavilion::screens
