#include "pavilion/core/soak_report.hpp"

#include "pavilion/core/quantile.hpp"

#include <algorithm>
#include <cstdio>

namespace pavilion::core {
namespace {

std::string number(double value, int decimals = 1) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Slope of rss over frames (least squares), per 10,000 frames.
double trend_per_10k(const std::vector<MemorySample>& samples) {
    if (samples.size() < 2) return 0;
    double mean_x = 0, mean_y = 0;
    for (const auto& s : samples) mean_x += static_cast<double>(s.frame), mean_y += s.rss_mb;
    mean_x /= static_cast<double>(samples.size());
    mean_y /= static_cast<double>(samples.size());
    double sxy = 0, sxx = 0;
    for (const auto& s : samples) {
        const double dx = static_cast<double>(s.frame) - mean_x;
        sxy += dx * (s.rss_mb - mean_y);
        sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx * 10000 : 0;
}

} // namespace

RssVerdict judge_rss(const std::vector<MemorySample>& samples, long warm_up_frame, double tolerance_mb) {
    RssVerdict verdict;
    verdict.tolerance_mb = tolerance_mb;
    for (const auto& s : samples) verdict.max_mb = std::max(verdict.max_mb, s.rss_mb);
    const auto warm = std::find_if(samples.begin(), samples.end(),
                                   [&](const MemorySample& s) { return s.frame >= warm_up_frame; });
    if (warm == samples.end() || warm + 1 == samples.end()) {
        verdict.problem = "too few memory samples after warm-up (frame " + std::to_string(warm_up_frame) +
                          ") to judge RSS";
        return verdict;
    }
    const std::vector<MemorySample> after(warm, samples.end());
    const auto window = static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, after.size() / 10));
    auto median_rss = [](auto begin, auto end) {
        std::vector<double> rss;
        for (auto it = begin; it != end; ++it) rss.push_back(it->rss_mb);
        return quantile(rss, 0.5);
    };
    verdict.warm_up_frame = warm->frame;
    verdict.warm_up_mb = median_rss(after.begin(), after.begin() + window);
    verdict.end_mb = median_rss(after.end() - window, after.end());
    verdict.growth_mb = verdict.end_mb - verdict.warm_up_mb;
    verdict.trend_mb_per_10k_frames = trend_per_10k(after);
    verdict.flat = verdict.growth_mb <= tolerance_mb;
    if (!verdict.flat)
        verdict.problem = "RSS grew " + number(verdict.growth_mb) + " MB after warm-up (median " +
                          number(verdict.warm_up_mb) + " MB from frame " + std::to_string(verdict.warm_up_frame) +
                          ", " + number(verdict.end_mb) + " MB at the end; allowed " + number(tolerance_mb) + " MB)";
    return verdict;
}

} // namespace pavilion::core
