#pragma once
// Counts a pack's map points against kMaxFeaturePoints, kMaxPackLinePoints and kMaxPackPlaces
// (pack_limits.hpp), for the builder (map.toml), the reader (the map_feature table) and the
// catalog snapshot alike, so all three refuse the same packs with the same words.

#include "pavilion/content/model.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace pavilion::content {

class MapPointBudget {
public:
    // Counts one feature's points. Returns what is wrong, in one line naming the feature, when
    // the feature alone or the pack's features of its kind so far are over their limit (said
    // once, by the feature that crosses it); nullopt otherwise.
    std::optional<std::string> add(const std::string& feature_id, FeatureKind kind, std::size_t points);

private:
    // Each stops one past its limit, so counting can never wrap whatever a forged pack claims.
    std::size_t line_points_ = 0;
    std::size_t places_ = 0;
};

} // namespace pavilion::content
