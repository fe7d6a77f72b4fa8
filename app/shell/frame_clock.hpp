#pragma once
// The live loop's recent frames, for the operator panel's diagnostics: how many were drawn in
// the last second (an idle kiosk draws none: that is the point) and how long they took.

#include "pavilion/core/pointer_event.hpp"

#include <deque>

namespace pavilion::shell {

class FrameClock {
public:
    // A frame that began at `start` and took `spent_ms` of the loop's time.
    void record(core::Millis start, double spent_ms);

    double frames_in_last_second(core::Millis now) const;
    double median_ms() const;
    double p99_ms() const;

private:
    static constexpr std::size_t kKept = 600; // ten seconds at 60 Hz
    std::deque<core::Millis> starts_;
    std::deque<double> spent_ms_;
};

} // namespace pavilion::shell
