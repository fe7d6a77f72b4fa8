// The JSON the run modes print: every figure present, text escaped, a short run unjudged.

#include "reports.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pavilion::shell {
namespace {

std::vector<core::MemorySample> samples(long frames, double start, double per_frame, double wobble = 0) {
    std::vector<core::MemorySample> out;
    for (long f = 0; f < frames; f += 100) {
        const double w = (f / 100) % 2 ? wobble : -wobble;
        out.push_back({f, start + per_frame * static_cast<double>(f) + w, (start + w) * 0.8});
    }
    return out;
}

TEST(SoakReportJson, HasEveryFigureAndEscapesText) {
    core::SoakReport report;
    report.seed = 7;
    report.frames = 100000;
    report.simulated_ms = 90 * 60000 + 30000;
    report.wall_s = 612.34;
    report.size = "1920x1080";
    report.packs = {"default", "mini \"pack\""};
    report.count(core::MonkeyAction::Kind::tap);
    report.count(core::MonkeyAction::Kind::tap);
    report.count(core::MonkeyAction::Kind::reload);
    report.screens = {{"attract", 3}, {"home", 9}, {"operator", 0}};
    report.reloads = 1;
    report.still_there = 4;
    report.idle_resets = 2;
    report.memory = samples(100000, 180, 0, 2);
    report.rss = core::judge_rss(report.memory, 20000);

    const auto json = nlohmann::json::parse(soak_report_json(report).dump()); // valid JSON, quotes escaped
    EXPECT_EQ(json["seed"], 7);
    EXPECT_EQ(json["frames"], 100000);
    EXPECT_DOUBLE_EQ(json["simulated_minutes"].get<double>(), 90.5);
    EXPECT_EQ(json["packs"][1], "mini \"pack\"");
    EXPECT_EQ(json["actions"]["tap"], 2);
    EXPECT_EQ(json["actions"]["reload"], 1);
    EXPECT_EQ(json["actions"]["pinch"], 0);
    EXPECT_EQ(json["actions"].size(), static_cast<std::size_t>(core::MonkeyAction::kKinds));
    EXPECT_EQ(json["screens"]["home"], 9);
    EXPECT_EQ(json["reloads"], 1);
    EXPECT_EQ(json["still_there"], 4);
    EXPECT_EQ(json["idle_resets"], 2);
    EXPECT_EQ(json["memory_samples"], report.memory.size());
    EXPECT_DOUBLE_EQ(json["rss_mb"]["warm_up"].get<double>(), 180.0);
    EXPECT_DOUBLE_EQ(json["rss_mb"]["tolerance"].get<double>(), core::kSoakRssToleranceMb);
    EXPECT_DOUBLE_EQ(json["pss_mb"]["max"].get<double>(), 145.6);
    EXPECT_EQ(json["rss_flat"], true);

    report.rss_judged = false; // a short run: no verdict, not a pass
    EXPECT_TRUE(nlohmann::json::parse(soak_report_json(report).dump())["rss_flat"].is_null());
}

TEST(ScreenFiguresJson, PercentilesOfBuildSubmitAndTheirSum) {
    ScreenFigures figures;
    figures.route = "home";
    for (int i = 1; i <= 100; ++i) {
        figures.build_ms.push_back(i * 0.01);
        figures.submit_ms.push_back(0.5);
    }
    figures.vertices = 1234;
    figures.draw_calls = 17;
    const auto json = screen_figures_json(figures);
    EXPECT_DOUBLE_EQ(json["build_p50_ms"].get<double>(), 0.505); // the mean of the 50th and 51st
    EXPECT_DOUBLE_EQ(json["build_p99_ms"].get<double>(), 0.99);   // 0.9901, to a thousandth
    EXPECT_DOUBLE_EQ(json["submit_p50_ms"].get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(json["frame_p50_ms"].get<double>(), 1.005);
    EXPECT_EQ(json["vertices"], 1234);
    EXPECT_EQ(json["draw_calls"], 17);
    EXPECT_EQ(json.begin().key(), "build_p50_ms") << "keys keep their order";
}

} // namespace
} // namespace pavilion::shell
