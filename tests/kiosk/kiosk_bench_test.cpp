// pavilion-bench --quick end to end: every figure the README quotes is present and plausible.
// (The figures themselves are read by people; this proves the command that makes them works.)

#include "test_support.hpp"

#include <nlohmann/json.hpp>
#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion {
namespace {

TEST(PavilionBench, QuickRunReportsEveryFigure) {
    const auto bench = (std::filesystem::path(PAVILION_KIOSK).parent_path() / "pavilion-bench").string();
    testing::TempDir work;
    const auto run = testing::run_command({bench, "--quick", "--pack", PAVILION_DEFAULT_PACK, "--work-dir", work.path().string(),
                                           "--pack-source", std::string(PAVILION_FIXTURES_DIR) + "/mini-pack",
                                           "--size", "1280x720"});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    // The kiosk's log lines come first on the shared output; the JSON object is the rest.
    const auto start = run.output.rfind("\n{\n");
    ASSERT_NE(start, std::string::npos) << run.output;
    const auto figures = nlohmann::json::parse(run.output.substr(start + 1), nullptr, false);
    ASSERT_FALSE(figures.is_discarded()) << run.output;

    const auto& kiosk = figures.at("kiosk");
    EXPECT_GT(kiosk.at("start_to_first_home_ms").at("median").get<double>(), 0);
    // The first start rasterized the fonts and read the catalog into the bench's own cache; the
    // measured ones used both.
    const auto& cold = kiosk.at("start_to_first_home_cold_cache_ms");
    EXPECT_GT(cold.at("ms").get<double>(), 0);
    EXPECT_FALSE(cold.at("fonts_from_cache").get<bool>());
    EXPECT_TRUE(kiosk.at("fonts_from_cache").get<bool>());
    EXPECT_FALSE(cold.at("catalog_from_cache").get<bool>());
    EXPECT_TRUE(kiosk.at("catalog_from_cache").get<bool>());
    // The platform's floor (separate processes, so no order with start-up is asserted: one run
    // each on a shared machine can land either way).
    EXPECT_GT(kiosk.at("platform_floor_ms").at("median").get<double>(), 0);
    for (const char* screen : {"home", "stories", "map", "figures", "sources"}) {
        ASSERT_TRUE(kiosk.at("screens").contains(screen)) << screen;
        const auto& times = kiosk.at("screens").at(screen);
        EXPECT_GT(times.at("frame_p99_ms").get<double>(), 0) << screen;
        EXPECT_GE(times.at("frame_p99_ms").get<double>(), times.at("frame_p50_ms").get<double>()) << screen;
        // Every screen draws something: its last frame's vertices and draw calls are counted.
        EXPECT_GT(times.at("vertices").get<int>(), 100) << screen;
        EXPECT_GE(times.at("draw_calls").get<int>(), 1) << screen;
    }
    const auto& story_open = kiosk.at("story_open_to_full_image_ms");
    EXPECT_GE(story_open.at("stories").get<int>(), 1);
    EXPECT_GT(story_open.at("max").get<double>(), 0) << "a story's full picture never showed";
    const auto& memory = kiosk.at("memory_mb");
    EXPECT_GT(memory.at("peak_rss").get<double>(), 20);
    EXPECT_GE(memory.at("peak_rss").get<double>(), memory.at("rss").get<double>());
    EXPECT_GT(memory.at("pss").get<double>(), 0);

    EXPECT_GT(figures.at("pack_build").at("seconds_p50").get<double>(), 0);
    EXPECT_GT(figures.at("pack_open_ms").at("p50").get<double>(), 0);
    EXPECT_GT(figures.at("pack_open_ms").at("as_the_kiosk_starts").at("p50").get<double>(), 0);
    for (const char* locale : {"en", "zh"}) {
        EXPECT_GT(figures.at("search_ms").at(locale).at("hits").get<int>(), 0) << "the default pack mentions railways in " << locale;
        EXPECT_GT(figures.at("search_ms").at(locale).at("p50").get<double>(), 0);
    }
    const auto& install = figures.at("install");
    EXPECT_GT(install.at("install_mb_per_s").get<double>(), 0);
    EXPECT_GT(install.at("copy_and_hash_mb_per_s").get<double>(), 0);
    // Its own temporary files are gone: nothing left on the kiosk's disk.
    EXPECT_TRUE(std::filesystem::is_empty(work.path()));
}

// pavilion --bench-operator end to end, on the small fixture pack (deploy/run-operator-bench.sh
// runs it on the 2,000-story pack for the README): the scripted session gets through the hold,
// the PIN and the panel, and reports its frames and the baseline beside them.
TEST(PavilionBench, TheOperatorSessionBenchmarkRunsTheWholeSession) {
    testing::TempDir dir;
    const auto state = dir / "state", work = dir / "work";
    std::filesystem::create_directories(state + "/keys");
    std::filesystem::create_directories(work);
    const auto pack = work + "/mini.pack";
    ASSERT_EQ(testing::run_command({PAVILION_PACK_TOOL, "build", std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", "-o", pack})
                  .exit_code,
              0);
    ASSERT_EQ(testing::run_command({PAVILION_PACK_TOOL, "keygen", "-p", state + "/keys/k.pub", "-s", work + "/k.key"}).exit_code, 0);
    ASSERT_EQ(testing::run_command({PAVILION_PACK_TOOL, "sign", pack, "-s", work + "/k.key"}).exit_code, 0);
    const auto installed = testing::run_command({PAVILION_PACK_TOOL, "install", pack, "--state", state});
    ASSERT_EQ(installed.exit_code, 0) << installed.output;
    testing::write_text(work + "/pin.txt", "2468\n");
    ASSERT_EQ(testing::run_command({"sh", "-c", std::string(PAVILION_KIOSK) + " --state " + state + " --set-pin < " + work + "/pin.txt"})
                  .exit_code,
              0);

    const auto run = testing::run_command({"sh", "-c", std::string(PAVILION_KIOSK) + " --state " + state +
                                                           " --cache none --bench-operator --size 960x540 < " + work +
                                                           "/pin.txt 2>/dev/null"});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto report = nlohmann::json::parse(run.output, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << run.output;
    EXPECT_EQ(report.at("pack").at("id"), "mini-pack");
    EXPECT_GT(report.at("frames").get<int>(), 30);
    EXPECT_GT(report.at("longest_frame_ms").get<double>(), 0);
    EXPECT_GE(report.at("longest_frame_ms").get<double>(), report.at("frame_p50_ms").get<double>());
    EXPECT_EQ(report.at("slowest_frames").size(), 5u);
    EXPECT_GT(report.at("pin_check_ms").get<double>(), 0);
    EXPECT_FALSE(report.at("panel_facts_ready_ms").is_null()) << "the panel never had the installed pack's facts";
    EXPECT_GT(report.at("baseline").at("facts_on_the_render_thread_ms").get<double>(), 0);
}

TEST(PavilionBench, TheOperatorSessionBenchmarkRefusesAWrongPin) {
    testing::TempDir dir;
    testing::write_text(dir / "pin.txt", "0000\n");
    testing::write_text(dir / "right.txt", "2468\n");
    const auto state = dir / "state";
    std::filesystem::create_directories(state);
    ASSERT_EQ(testing::run_command({"sh", "-c", std::string(PAVILION_KIOSK) + " --state " + state + " --set-pin < " +
                                                    dir / "right.txt"})
                  .exit_code,
              0);
    const auto run = testing::run_command({"sh", "-c", std::string(PAVILION_KIOSK) + " --state " + state +
                                                           " --cache none --bench-operator --size 640x360 < " +
                                                           dir / "pin.txt"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.output.find("pavilion: the panel did not open"), std::string::npos) << run.output;
}

} // namespace
} // namespace pavilion
