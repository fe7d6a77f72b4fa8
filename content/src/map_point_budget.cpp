#include "map_point_budget.hpp"

#include "pack_limits.hpp"

#include <algorithm>
#include <cctype>

namespace pavilion::content {
namespace {

// A feature's id as messages may show it: ids the builder writes are short and plain; anything
// else came from a forged pack and is not repeated to the operator.
std::string shown(const std::string& id) {
    const bool plain = !id.empty() && id.size() <= 120 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
    return plain ? "map feature '" + id + "'" : "a map feature";
}

// Adds to a pack's count; true when this addition takes it over `limit` (once: it then stays one past).
bool crosses(std::size_t& total, std::size_t points, std::size_t limit) {
    const bool was_within = total <= limit;
    total = was_within ? total + points : limit + 1;
    return was_within && total > limit;
}

} // namespace

std::optional<std::string> MapPointBudget::add(const std::string& feature_id, FeatureKind kind, std::size_t points) {
    if (points > kMaxFeaturePoints)
        return shown(feature_id) + " has " + std::to_string(points) + " points; a feature may have at most " +
               std::to_string(kMaxFeaturePoints) + " (simplify it)";
    // A place has one point (a forged one with more counts them all).
    if (kind == FeatureKind::point) {
        if (crosses(places_, points, kMaxPackPlaces))
            return shown(feature_id) + " takes the pack past " + std::to_string(kMaxPackPlaces) +
                   " places on the map, the most a pack may have";
        return std::nullopt;
    }
    if (crosses(line_points_, points, kMaxPackLinePoints))
        return shown(feature_id) + " takes the pack's lines and areas past " + std::to_string(kMaxPackLinePoints) +
               " points, the most a pack may have (simplify them)";
    return std::nullopt;
}

} // namespace pavilion::content
