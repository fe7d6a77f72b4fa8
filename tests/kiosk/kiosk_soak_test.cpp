// The soak monkey on the real binary, short (the documented soak is deploy/run-soak.sh): random
// touches, idle timeouts and reloads between the default pack and the fixture pack. It must end
// well, reach every kind of screen, and its JSON must agree with the kiosk's own screen log.

#include "test_support.hpp"

#include "pavilion/core/address_sanitizer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <sstream>

namespace pavilion {
namespace {

using testing::run_command;
using testing::TempDir;

// Small frames keep the run quick (software rendering's cost is in the pixels); the seed is one
// whose walk meets every screen kind, reloads and idle resets within these frames.
constexpr const char* kSize = "640x360";
constexpr const char* kSeed = "13";
constexpr int kFrames = 2000;

struct SoakRun {
    int exit_code = -1;
    nlohmann::json report;
    std::vector<std::string> log; // the kiosk's stderr lines
};

SoakRun soak(const std::string& mini_pack, int frames) {
    const auto result = run_command({PAVILION_KIOSK, "--pack", PAVILION_DEFAULT_PACK, "--reload-pack", mini_pack,
                                     "--monkey", kSeed, "--frames", std::to_string(frames), "--size", kSize});
    SoakRun run;
    run.exit_code = result.exit_code;
    // stdout and stderr arrive together: the JSON is one block from "{" to "}" on their own lines.
    const auto begin = result.output.find("{\n  \"seed\"");
    const auto end = result.output.find("\n}\n", begin);
    if (begin != std::string::npos && end != std::string::npos)
        run.report = nlohmann::json::parse(result.output.substr(begin, end + 2 - begin), nullptr, false);
    std::istringstream lines(begin == std::string::npos ? result.output
                                                        : result.output.substr(0, begin) + result.output.substr(end + 3));
    for (std::string line; std::getline(lines, line);) run.log.push_back(line);
    return run;
}

std::string kind_of(const std::string& screen_line) { // "screen=story/x lang=en" -> "story"
    const auto route = screen_line.substr(7, screen_line.find(' ') - 7);
    return route.substr(0, route.find('/'));
}

bool starts(const std::string& line, const char* prefix) { return line.rfind(prefix, 0) == 0; }

TEST(KioskSoak, TheMonkeyReachesEveryScreenAndTheLogAgrees) {
    TempDir dir;
    const auto mini_pack = dir / "mini.pack";
    ASSERT_EQ(run_command({PAVILION_PACK_TOOL, "build", std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", "-o", mini_pack})
                  .exit_code,
              0);
    const auto run = soak(mini_pack, kFrames);
    std::string log_text;
    for (const auto& line : run.log) log_text += line + "\n";
    ASSERT_EQ(run.exit_code, 0) << log_text;
    ASSERT_TRUE(run.report.is_object()) << "no JSON report:\n" << log_text;
    const auto& report = run.report;
    EXPECT_EQ(report["frames"], kFrames);
    EXPECT_EQ(report["seed"], 13);
    if (core::kAddressSanitized) // the kiosk does not judge RSS there; this test has the same flags
        EXPECT_TRUE(report["rss_flat"].is_null());
    else
        EXPECT_EQ(report["rss_flat"], true);

    // Every kind of screen, the operator's keypad, reloads and idle resets happened.
    for (const char* kind : {"attract", "home", "initiatives", "initiative", "stories", "story", "figures", "map",
                             "sources", "operator"})
        EXPECT_GT(report["screens"][kind].get<int>(), 0) << kind << " never shown";
    EXPECT_GE(report["reloads"].get<int>(), 1);
    EXPECT_GE(report["idle_resets"].get<int>(), 1);
    EXPECT_GE(report["still_there"].get<int>(), report["idle_resets"].get<int>()); // no reset without asking
    for (auto& [kind, count] : report["actions"].items()) EXPECT_GT(count.get<int>(), 0) << kind << " never done";

    // The log: well-formed screen lines whose counts are the JSON's; the walk starts at the
    // attract loop; a reload lands on Home in the pack's default language; the attract loop is
    // left only for Home.
    const std::regex screen_line(
        "screen=(attract|home|initiatives|stories|figures|map|sources|(initiative|story|map)/[a-z0-9-]+) lang=(en|zh|ru|ar)");
    std::map<std::string, int> shown;
    int reloads = 0, keypads = 0;
    std::string previous;
    bool after_reload = false;
    for (const auto& line : run.log) {
        EXPECT_FALSE(starts(line, "pavilion:")) << line; // no error of any kind
        if (starts(line, "monkey: reloading")) ++reloads, after_reload = true;
        if (line == "operator: keypad opened") ++keypads;
        if (!starts(line, "screen=")) continue;
        EXPECT_TRUE(std::regex_match(line, screen_line)) << line;
        if (previous.empty()) {
            EXPECT_EQ(line, "screen=attract lang=en");
        }
        if (after_reload) {
            EXPECT_EQ(line, "screen=home lang=en") << "after a reload";
        } else if (starts(previous, "screen=attract")) {
            EXPECT_TRUE(starts(line, "screen=home") || starts(line, "screen=attract")) << line << " after " << previous;
        }
        ++shown[kind_of(line)];
        previous = line;
        after_reload = false;
    }
    for (auto& [kind, count] : report["screens"].items()) {
        if (kind != "operator") {
            EXPECT_EQ(shown[kind], count.get<int>()) << kind;
        }
    }
    EXPECT_EQ(keypads, report["screens"]["operator"].get<int>());
    EXPECT_EQ(reloads, report["reloads"].get<int>());

    // Deterministic: a shorter run of the same seed walks the same way as far as it goes.
    const auto shorter = soak(mini_pack, kFrames / 4);
    ASSERT_EQ(shorter.exit_code, 0);
    EXPECT_TRUE(shorter.report["rss_flat"].is_null()); // too short to judge memory
    std::vector<std::string> walk, short_walk;
    auto is_step = [](const std::string& line) { return starts(line, "screen=") || starts(line, "monkey: reloading"); };
    std::copy_if(run.log.begin(), run.log.end(), std::back_inserter(walk), is_step);
    std::copy_if(shorter.log.begin(), shorter.log.end(), std::back_inserter(short_walk), is_step);
    ASSERT_GT(short_walk.size(), 10u);
    ASSERT_LT(short_walk.size(), walk.size());
    EXPECT_TRUE(std::equal(short_walk.begin(), short_walk.end(), walk.begin()));
}

TEST(KioskSoak, ABadReloadPackIsOneClearLine) {
    TempDir dir;
    testing::write_text(dir / "junk.pack", "not a pack");
    const auto result = run_command({PAVILION_KIOSK, "--monkey", "1", "--frames", "10", "--size", kSize,
                                     "--reload-pack", dir / "junk.pack"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("pavilion: "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("junk.pack"), std::string::npos) << result.output;
}

} // namespace
} // namespace pavilion
