// The soak run's memory verdict and its JSON report.

#include "pavilion/core/soak_report.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

// RSS at every 100th frame: `start` MB, rising by `per_frame` MB per frame, plus a wobble.
std::vector<MemorySample> samples(long frames, double start, double per_frame, double wobble = 0) {
    std::vector<MemorySample> out;
    for (long f = 0; f < frames; f += 100) {
        const double w = (f / 100) % 2 ? wobble : -wobble;
        out.push_back({f, start + per_frame * static_cast<double>(f) + w, (start + w) * 0.8});
    }
    return out;
}

TEST(SoakReport, FlatMemoryPasses) {
    const auto verdict = judge_rss(samples(100000, 180, 0, 8), 20000, 40);
    EXPECT_TRUE(verdict.flat) << verdict.problem;
    EXPECT_EQ(verdict.warm_up_frame, 20000);
    EXPECT_NEAR(verdict.warm_up_mb, 180, 1e-9); // the median of a wobble is its middle
    EXPECT_NEAR(verdict.end_mb, 180, 1e-9);
    EXPECT_NEAR(verdict.max_mb, 188, 1e-9);
    EXPECT_NEAR(verdict.trend_mb_per_10k_frames, 0, 0.05);
    EXPECT_TRUE(verdict.problem.empty());
}

TEST(SoakReport, ALeakFailsWithOneClearLine) {
    // 0.5 MB per 1,000 frames. 801 samples after warm-up: the first 80 have their median at frame
    // 23,950 (192.0 MB), the last 80 at frame 96,050 (228.0 MB).
    const auto verdict = judge_rss(samples(100001, 180, 0.0005), 20000, 30);
    EXPECT_FALSE(verdict.flat);
    EXPECT_NEAR(verdict.warm_up_mb, 191.975, 1e-6);
    EXPECT_NEAR(verdict.end_mb, 228.025, 1e-6);
    EXPECT_NEAR(verdict.growth_mb, 36.05, 1e-6);
    EXPECT_NEAR(verdict.trend_mb_per_10k_frames, 5, 1e-6);
    EXPECT_EQ(verdict.problem, "RSS grew 36.1 MB after warm-up (median 192.0 MB from frame 20000, 228.0 MB at the end; "
                               "allowed 30.0 MB)");
}

TEST(SoakReport, ASwingIsNotALeak) {
    // A reload just before the end refills the picture cache: the last samples spike, the level does not move.
    auto memory = samples(100000, 300, 0);
    for (std::size_t i = memory.size() - 5; i < memory.size(); ++i) memory[i].rss_mb = 392;
    const auto verdict = judge_rss(memory, 20000, 40);
    EXPECT_TRUE(verdict.flat) << verdict.problem;
    EXPECT_NEAR(verdict.end_mb, 300, 1e-9);
    EXPECT_NEAR(verdict.max_mb, 392, 1e-9);
}

TEST(SoakReport, GrowthDuringWarmUpIsNotALeak) {
    auto memory = samples(20000, 100, 0.004); // the caches fill: 100 -> 180 MB
    for (const auto& s : samples(100000, 180, 0)) // then flat
        if (s.frame >= 20000) memory.push_back(s);
    EXPECT_TRUE(judge_rss(memory, 20000, 10).flat);
}

TEST(SoakReport, TooFewSamplesIsNoPass) {
    const auto none = judge_rss({}, 0, 40);
    EXPECT_FALSE(none.flat);
    EXPECT_NE(none.problem.find("too few memory samples"), std::string::npos);
    const auto one_after = judge_rss(samples(1000, 100, 0), 900, 40); // only frame 900
    EXPECT_FALSE(one_after.flat);
}

} // namespace
} // namespace pavilion::core
