#include "frame_clock.hpp"

#include "pavilion/core/quantile.hpp"

#include <algorithm>
#include <vector>

namespace pavilion::shell {

void FrameClock::record(core::Millis start, double spent_ms) {
    starts_.push_back(start);
    spent_ms_.push_back(spent_ms);
    if (starts_.size() > kKept) starts_.pop_front(), spent_ms_.pop_front();
}

double FrameClock::frames_in_last_second(core::Millis now) const {
    return static_cast<double>(std::count_if(starts_.begin(), starts_.end(), [&](core::Millis t) { return now - t <= 1000; }));
}

double FrameClock::median_ms() const { return core::quantile({spent_ms_.begin(), spent_ms_.end()}, 0.5); }

double FrameClock::p99_ms() const { return core::quantile({spent_ms_.begin(), spent_ms_.end()}, 0.99); }

} // namespace pavilion::shell
