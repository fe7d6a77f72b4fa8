#include "pavilion/screens/frame.hpp"

#include <algorithm>

namespace pavilion::screens {

void TapTargets::add(ImVec2 min, ImVec2 max, TapAction action) {
    for (const auto& clip : clips_) {
        min = ImVec2(std::max(min.x, clip.min.x), std::max(min.y, clip.min.y));
        max = ImVec2(std::min(max.x, clip.max.x), std::min(max.y, clip.max.y));
    }
    if (min.x < max.x && min.y < max.y) targets_.push_back({min, max, std::move(action)});
}

std::optional<TapAction> TapTargets::hit(ImVec2 point) const {
    for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
        if (point.x >= it->min.x && point.x < it->max.x && point.y >= it->min.y && point.y < it->max.y)
            return it->action;
    }
    return std::nullopt;
}

std::vector<TapAction> actions_from_taps(const Frame& frame) {
    std::vector<TapAction> actions;
    for (const auto& gesture : frame.input.gestures) {
        if (gesture.kind != core::Gesture::Kind::tap) continue;
        if (auto action = frame.targets.hit(ImVec2(gesture.x, gesture.y))) actions.push_back(std::move(*action));
    }
    return actions;
}

std::vector<model::Intent> intents_from_taps(const Frame& frame) {
    std::vector<model::Intent> intents;
    for (auto& action : actions_from_taps(frame)) {
        if (auto* intent = std::get_if<model::Intent>(&action)) intents.push_back(std::move(*intent));
    }
    return intents;
}

} // namespace pavilion::screens
