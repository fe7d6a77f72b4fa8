#include "pavilion/screens/frame.hpp"

#include <algorithm>

namespace pavilion::screens {

void TapTargets::add(ImVec2 min, ImVec2 max, Intent intent) {
    for (const auto& clip : clips_) {
        min = ImVec2(std::max(min.x, clip.min.x), std::max(min.y, clip.min.y));
        max = ImVec2(std::min(max.x, clip.max.x), std::min(max.y, clip.max.y));
    }
    if (min.x < max.x && min.y < max.y) targets_.push_back({min, max, std::move(intent)});
}

std::optional<Intent> TapTargets::hit(ImVec2 point) const {
    for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
        if (point.x >= it->min.x && point.x < it->max.x && point.y >= it->min.y && point.y < it->max.y)
            return it->intent;
    }
    return std::nullopt;
}

} // namespace pavilion::screens
