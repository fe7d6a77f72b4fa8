#pragma once
// Order statistics of repeated measurements (median and tail), nothing fancier: with a few dozen
// samples on a shared machine, the median and the worst case are what can be trusted.

#include <algorithm>
#include <vector>

namespace pavilion::bench {

// The value at fraction p (0 = smallest, 1 = largest) of the samples, nearest rank; 0 if none.
inline double quantile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(rank, samples.size() - 1)];
}

} // namespace pavilion::bench
