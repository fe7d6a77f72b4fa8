// pavilion --bench: the figures the README promises, measured on this machine.
//
// - start_to_first_home_ms: from the kernel's record of the process start to the first Home
//   frame drawn with all its pictures and finished by the GPU (the off-screen path, so no
//   compositor is involved).
// - per screen, p50 and p99 of the main thread's CPU time to build a frame (the model, our
//   layout and ImGui's draw lists) and to submit it (the GL calls), over 300 frames (--frames)
//   after a warm-up, with time advancing 16 ms per frame so animations run; and the map once
//   more while it is dragged (a still map's base map is copied from the frame before, a dragged
//   one is drawn again).
// - story_open_to_full_image_ms: stories opened with their pictures not yet decoded, until their
//   full hero image is on screen (frames paced at 60 Hz, decoding on the workers as live).
// - memory: the process's peak and final RSS, and PSS, after every screen has been shown.

#include "offscreen_run.hpp"
#include "reports.hpp"

#include "pavilion/core/quantile.hpp"
#include "pavilion/platform/process_memory.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

namespace pavilion::shell {
namespace {

constexpr int kWarmUpFrames = 64; // 1 s: screens open with their own animations
const char* const kDraggedMap = "map (dragged)";

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A finger held on the map's centre and moved 6 px a frame, turning back every second.
core::PointerEvent drag_event(int frame, core::Millis now, const platform::OffscreenTarget& target) {
    constexpr int kTurn = 60;
    const int phase = frame % (2 * kTurn);
    const float along = static_cast<float>(phase < kTurn ? phase : 2 * kTurn - phase) * 6.0f;
    core::PointerEvent event;
    event.type = frame == 0 ? core::PointerEvent::Type::down : core::PointerEvent::Type::move;
    event.x = static_cast<float>(target.width()) * 0.3f + along;
    event.y = static_cast<float>(target.height()) * 0.5f + along * 0.25f;
    event.time = now;
    return event;
}

class Bench {
public:
    Bench(Shell& shell, const core::KioskOptions& options, platform::OffscreenTarget& target)
        : shell_(shell), options_(options), target_(target) {}

    Json start_up(const StartTimes& times);
    Json map_open();
    Json story_opens();
    Json screens();
    Json memory();

private:
    void open(const std::string& route);
    void frame() {
        shell_.step(now_, {}, target_);
        glFinish();
    }
    struct StoryOpen {
        double to_full_image_ms = -1;
        double slowest_frame_ms = 0;
        int frames = 0;
    };
    StoryOpen open_story(const content::Item& story);
    ScreenFigures measure(const std::string& route);

    Shell& shell_;
    const core::KioskOptions& options_;
    platform::OffscreenTarget& target_;
    core::Millis now_ = 0;
};

void Bench::open(const std::string& route) {
    shell_.kiosk().end_visit(now_);
    shell_.kiosk().start_at(*core::Route::parse(route), now_);
}

Json Bench::start_up(const StartTimes& times) {
    const double fonts_ready_ms = platform::process_age_ms(); // atlas on the GPU, first pictures decoding
    frame();
    const double first_frame_ms = platform::process_age_ms(); // Home drawn, pictures still decoding
    shell_.complete(now_, true);
    frame();
    const double first_home_ms = platform::process_age_ms();
    return {{"start_to_first_home_ms", rounded(first_home_ms)},
            {"start_phases_ms",
             {{"content", rounded(times.content_ready)}, {"graphics", rounded(times.graphics_ready)},
              {"fonts_on_gpu", rounded(fonts_ready_ms)}, {"first_frame", rounded(first_frame_ms)},
              {"pictures", rounded(first_home_ms)}}},
            {"content_parts_ms",
             {{"pack", rounded(times.content.pack)}, {"fonts", rounded(times.content.fonts)},
              {"first_pictures", rounded(times.content.pictures)}}},
            {"fonts_from_cache", times.content.fonts_cached},
            {"catalog_from_cache", times.content.catalog_cached}};
}

// Opening the map: cold (the base map loaded, projected and uploaded on demand) and as a visitor
// meets it (loaded in the background after start-up, as the live loop does). Its frame waits
// for the map, as a visitor's eye does.
Json Bench::map_open() {
    shell_.set_complete_frames(true);
    auto open_map_ms = [&] {
        const double start = wall_ms();
        open("map");
        frame();
        return wall_ms() - start;
    };
    const double cold = open_map_ms();
    const double warm = open_map_ms();
    shell_.set_complete_frames(false);
    return {{"cold", rounded(cold)}, {"preloaded", rounded(warm)}};
}

// Wall ms from tapping a story (its pictures not yet decoded) until the frame that shows its
// full hero image, frames paced at 60 Hz as on a display; the slowest frame's CPU ms on the way
// shows the wait never stalled a frame.
Bench::StoryOpen Bench::open_story(const content::Item& story) {
    open("stories");
    StoryOpen result;
    const double start = wall_ms();
    shell_.kiosk().apply(model::OpenRoute{*core::Route::parse(story.ref)}, now_); // as a tap on its card does
    constexpr double kFrameMs = 1000.0 / 60;
    for (int i = 0; i < 600; ++i) { // 10 s: a picture that never comes is reported as such
        const bool shows_full = shell_.textures().resident(story.image, false);
        const double cpu_start = thread_cpu_ms();
        now_ = static_cast<core::Millis>(wall_ms() - start);
        frame();
        result.slowest_frame_ms = std::max(result.slowest_frame_ms, thread_cpu_ms() - cpu_start);
        result.frames = i + 1;
        if (shows_full) {
            result.to_full_image_ms = wall_ms() - start;
            return result;
        }
        if (const double wait = start + kFrameMs * (i + 1) - wall_ms(); wait > 0)
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait));
    }
    return result;
}

Json Bench::story_opens() {
    // Stories other than the first (which the per-screen figures open), none yet decoded.
    const auto& stories = shell_.kiosk().pack()->catalog().stories;
    std::vector<double> times;
    double slowest = 0;
    int most_frames = 0;
    for (std::size_t i = 1; i < stories.size() && times.size() < 5; ++i) {
        if (stories[i].image.empty() || shell_.textures().resident(stories[i].image, false)) continue;
        const auto opened = open_story(stories[i]);
        times.push_back(opened.to_full_image_ms);
        slowest = std::max(slowest, opened.slowest_frame_ms);
        most_frames = std::max(most_frames, opened.frames);
    }
    return {{"stories", times.size()},
            {"median", rounded(core::quantile(times, 0.5))},
            {"max", rounded(core::quantile(times, 1.0))},
            {"most_frames", most_frames},
            {"slowest_frame_cpu_ms", rounded(slowest, 2)}};
}

ScreenFigures Bench::measure(const std::string& route) {
    const bool drag = route == kDraggedMap;
    open(drag ? "map" : route);
    ScreenFigures figures;
    figures.route = route;
    const long frames = options_.bench_frames;
    for (int i = 0; i < kWarmUpFrames + frames; ++i) {
        now_ += 16;
        FrameInput input;
        if (drag) input.touches.push_back(drag_event(i, now_, target_));
        const double start = thread_cpu_ms();
        shell_.build(now_, std::move(input), {target_.width(), target_.height()});
        const double built = thread_cpu_ms();
        shell_.submit(target_);
        const double submitted = thread_cpu_ms();
        if (i == 0) shell_.complete(now_, true); // measure the screen as it looks, pictures in
        glFinish(); // the GPU's own time is not ours to count, but it must not pile up
        const ImDrawData* drawn = ImGui::GetDrawData();
        figures.vertices = drawn->TotalVtxCount;
        figures.draw_calls = 0;
        for (int list = 0; list < drawn->CmdListsCount; ++list) figures.draw_calls += drawn->CmdLists[list]->CmdBuffer.Size;
        if (i < kWarmUpFrames) continue;
        figures.build_ms.push_back(built - start);
        figures.submit_ms.push_back(submitted - built);
    }
    return figures;
}

std::vector<std::string> bench_routes(const content::Catalog& catalog) {
    std::vector<std::string> routes{"attract", "home", "initiatives", "stories"};
    if (!catalog.stories.empty()) routes.push_back(catalog.stories.front().ref);
    if (!catalog.initiatives.empty()) routes.push_back(catalog.initiatives.front().ref);
    for (const char* route : {"figures", "sources", "map"}) routes.emplace_back(route);
    // The map flown to a place (4x the home view): the detailed 50m level of the base map.
    for (const auto& feature : catalog.features) {
        if (feature.role != "story") continue;
        routes.push_back("map/" + feature.id);
        break;
    }
    routes.emplace_back(kDraggedMap);
    return routes;
}

Json Bench::screens() {
    Json screens = Json::object();
    for (const auto& route : bench_routes(shell_.kiosk().pack()->catalog()))
        screens[route] = screen_figures_json(measure(route));
    return screens;
}

Json Bench::memory() {
    const auto memory = platform::read_process_memory();
    return {{"peak_rss", rounded(memory.peak_rss_mb)}, {"rss", rounded(memory.rss_mb)}, {"pss", rounded(memory.pss_mb)}};
}

} // namespace

int run_bench(Shell& shell, const core::KioskOptions& options, const StartTimes& times) {
    if (auto opened = shell.kiosk().start_at({core::Route::Screen::home, {}}, 0); !opened)
        return fail(opened.error().message);
    auto target = make_target(options);
    if (!target) return fail(target.error().message);
    Bench bench(shell, options, **target);
    Json report;
    report["size"] = std::to_string(options.screenshot_size.width) + "x" + std::to_string(options.screenshot_size.height);
    report["renderer"] = platform::query_gl_info().renderer;
    report.update(bench.start_up(times));
    report["map_open_to_first_frame_ms"] = bench.map_open();
    report["story_open_to_full_image_ms"] = bench.story_opens();
    report["screens"] = bench.screens();
    report["textures_resident_mb"] = rounded(static_cast<double>(shell.textures().resident_bytes()) / (1 << 20));
    report["textures_cap_mb"] = rounded(static_cast<double>(platform::TextureCacheConfig{}.budget_bytes) / (1 << 20));
    report["memory_mb"] = bench.memory();
    std::cout << report.dump(2) << std::endl;
    return 0;
}

} // namespace pavilion::shell
