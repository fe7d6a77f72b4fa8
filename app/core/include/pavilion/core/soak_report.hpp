#pragma once
// What a soak run saw, and the verdict on its memory: the kiosk's monkey mode fills this in and
// prints it as one JSON object (app/shell/reports.hpp). Kept apart from the kiosk so the verdict
// is tested.
//
// "RSS flat after warm-up": warm-up is the first fifth of the run (by then every screen, both
// packs, both languages and both text sizes have been met many times). Of the samples after
// it, the median of the first tenth (the warm-up level) and the median of the last tenth (the
// end level) differ by at most the tolerance. Medians, not single samples, because RSS swings
// by ~100 MB while the run goes on: every reload empties the 96 MB picture cache and the next
// screens refill it. A leak moves the whole level; a swing does not.

#include "pavilion/core/pointer_event.hpp"
#include "pavilion/core/soak_monkey.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pavilion::core {

struct MemorySample {
    long frame = 0;
    double rss_mb = 0;
    double pss_mb = 0;
};

// From two documented soaks (100,000 frames each, default pack and mini-pack, 960x540): after
// warm-up single samples ranged 284-392 MB, while the median of any tenth of them stayed within
// 300-328 MB. 40 MB is well clear of that spread, and a leak of half a kilobyte per frame, or
// 0.3 MB per reload over the run's ~135 reloads, crosses it.
constexpr double kSoakRssToleranceMb = 40;
// Shorter runs (a quick look, a test of determinism) are not judged: their "warm-up" is over
// before the picture cache has filled once.
constexpr long kSoakMinJudgedFrames = 2000;

struct RssVerdict {
    long warm_up_frame = 0; // the first sample after warm-up
    double warm_up_mb = 0;  // median of the first tenth of the samples after warm-up
    double end_mb = 0;      // median of the last tenth
    double max_mb = 0;      // the largest single sample over the whole run
    double growth_mb = 0;   // end - warm-up
    // Least-squares trend of RSS after warm-up, MB per 10,000 frames: a slow leak shows here
    // even when it has not yet crossed the tolerance.
    double trend_mb_per_10k_frames = 0;
    double tolerance_mb = kSoakRssToleranceMb;
    bool flat = false;
    std::string problem; // "" when flat, else one line saying why not
};

// Needs a sample at or after warm_up_frame and a later one; fewer is a failed verdict, never a pass.
RssVerdict judge_rss(const std::vector<MemorySample>& samples, long warm_up_frame,
                     double tolerance_mb = kSoakRssToleranceMb);

struct SoakReport {
    std::uint32_t seed = 0;
    long frames = 0;
    Millis simulated_ms = 0;
    double wall_s = 0;
    std::string size;                                    // "1920x1080"
    std::vector<std::string> packs;                      // the pack ids the reloads alternate between
    std::array<long, MonkeyAction::kKinds> actions{};    // by MonkeyAction::Kind
    std::map<std::string, long> screens;                 // screen kind -> times it was shown
    long reloads = 0;
    long still_there = 0;     // "Still there?" appeared
    long idle_resets = 0;     // the countdown ran out: the attract loop, the next visitor
    std::vector<MemorySample> memory;
    RssVerdict rss;
    bool rss_judged = true; // false: "rss_flat" is null (too few frames to say)

    void count(MonkeyAction::Kind kind) { ++actions[static_cast<int>(kind)]; }
};

} // namespace pavilion::core
