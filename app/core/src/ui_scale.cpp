#include "pavilion/core/ui_scale.hpp"

#include <algorithm>

namespace pavilion::core {

float ui_scale_for(int width, int height) {
    const int short_side = std::max(1, std::min(width, height));
    // Below half scale text gets unreadable on small panels; above 3 the font atlas would not fit.
    return std::clamp(static_cast<float>(short_side) / kReferenceShortSide, 0.5f, 3.0f);
}

} // namespace pavilion::core
