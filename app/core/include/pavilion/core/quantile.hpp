#pragma once
// Order statistics of measurements (a median, a tail), with one rule for every figure Pavilion
// reports: benchmarks, the operator's frame times, the soak run's memory levels.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace pavilion::core {

// The value at fraction p (0 = smallest, 0.5 = median, 1 = largest) of the samples, by linear
// interpolation between the two nearest ranks (position p * (n - 1) in sorted order: the rule
// of numpy's and R's default, and Excel's PERCENTILE.INC). The median of an even count is the
// mean of the middle two. 0 when there are none.
inline double quantile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const double position = std::clamp(p, 0.0, 1.0) * static_cast<double>(samples.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, samples.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return samples[below] + (samples[above] - samples[below]) * fraction;
}

} // namespace pavilion::core
