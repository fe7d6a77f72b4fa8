// The soak run's memory verdict and its JSON report.

#include "pavilion/core/soak_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

TEST(SoakReport, JsonHasEveryFigure) {
    SoakReport report;
    report.seed = 7;
    report.frames = 100000;
    report.simulated_ms = 90 * 60000 + 30000;
    report.wall_s = 612.34;
    report.size = "1920x1080";
    report.packs = {"default", "mini \"pack\""};
    report.count(MonkeyAction::Kind::tap);
    report.count(MonkeyAction::Kind::tap);
    report.count(MonkeyAction::Kind::reload);
    report.screens = {{"attract", 3}, {"home", 9}, {"operator", 0}};
    report.reloads = 1;
    report.still_there = 4;
    report.idle_resets = 2;
    report.memory = samples(100000, 180, 0, 2);
    report.rss = judge_rss(report.memory, 20000);

    const auto json = nlohmann::json::parse(soak_report_json(report)); // valid JSON, quotes escaped
    EXPECT_EQ(json["seed"], 7);
    EXPECT_EQ(json["frames"], 100000);
    EXPECT_DOUBLE_EQ(json["simulated_minutes"].get<double>(), 90.5);
    EXPECT_EQ(json["packs"][1], "mini \"pack\"");
    EXPECT_EQ(json["actions"]["tap"], 2);
    EXPECT_EQ(json["actions"]["reload"], 1);
    EXPECT_EQ(json["actions"]["pinch"], 0);
    EXPECT_EQ(json["actions"].size(), static_cast<std::size_t>(MonkeyAction::kKinds));
    EXPECT_EQ(json["screens"]["home"], 9);
    EXPECT_EQ(json["reloads"], 1);
    EXPECT_EQ(json["still_there"], 4);
    EXPECT_EQ(json["idle_resets"], 2);
    EXPECT_EQ(json["memory_samples"], report.memory.size());
    EXPECT_DOUBLE_EQ(json["rss_mb"]["warm_up"].get<double>(), 180.0);
    EXPECT_DOUBLE_EQ(json["rss_mb"]["tolerance"].get<double>(), kSoakRssToleranceMb);
    EXPECT_DOUBLE_EQ(json["pss_mb"]["max"].get<double>(), 145.6);
    EXPECT_EQ(json["rss_flat"], true);

    report.rss_judged = false; // a short run: no verdict, not a pass
    EXPECT_TRUE(nlohmann::json::parse(soak_report_json(report))["rss_flat"].is_null());
}

} // namespace
} // namespace pavilion::core
