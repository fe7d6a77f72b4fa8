#pragma once
// Order statistics of measurements (a median, a tail), with one rank rule for every figure
// Pavilion reports: benchmarks, the operator's frame times, the soak run's memory levels.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace pavilion::core {

// The value at fraction p (0 = smallest, 0.5 = median, 1 = largest) of the samples, by nearest
// rank: the sample at round(p * (n - 1)) in sorted order, so it is always a value that was
// measured. 0 when there are none.
inline double quantile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    p = std::clamp(p, 0.0, 1.0);
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
    const auto at = samples.begin() + static_cast<std::ptrdiff_t>(std::min(rank, samples.size() - 1));
    std::nth_element(samples.begin(), at, samples.end());
    return *at;
}

} // namespace pavilion::core
