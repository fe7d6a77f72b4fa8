// pavilion --bench: the figures the README promises, measured on this machine.
//
// - start_to_first_home_ms: from the kernel's record of the process start to the first Home
//   frame drawn with all its pictures and finished by the GPU (the off-screen path, so no
//   compositor is involved).
// - per screen, p50 and p99 of the main thread's CPU time to build a frame (our layout and
//   ImGui's draw lists) and to submit it (the GL calls), over 300 frames (--frames) after a warm-up, with
//   time advancing 16 ms per frame so animations run; and the map once more while it is dragged
//   (a still map's base map is copied from the frame before, a dragged one is drawn again).
// - story_open_to_full_image_ms: stories opened with their pictures not yet decoded, until their
//   full hero image is on screen (frames paced at 60 Hz, decoding on the workers as live).
// - memory: the process's peak and final RSS, and PSS, after every screen has been shown.

#include "kiosk.hpp"

#include "pavilion/platform/process_memory.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace pavilion::shell {
namespace {

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

// Milliseconds since this process started, from /proc (clock-tick resolution, 10 ms).
double process_age_ms() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')'); // the command name may contain spaces
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    const double start_ticks = std::stod(field); // field 22: starttime in clock ticks since boot
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double now_ms = static_cast<double>(boot.tv_sec) * 1000.0 + static_cast<double>(boot.tv_nsec) / 1e6;
    return now_ms - start_ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// A finger held on the map's centre and moved 6 px a frame, turning back every second.
core::PointerEvent drag_event(int frame, core::Millis now, ImVec2 display) {
    constexpr int kTurn = 60;
    const int phase = frame % (2 * kTurn);
    const float along = static_cast<float>(phase < kTurn ? phase : 2 * kTurn - phase) * 6.0f;
    core::PointerEvent event;
    event.type = frame == 0 ? core::PointerEvent::Type::down : core::PointerEvent::Type::move;
    event.x = display.x * 0.3f + along;
    event.y = display.y * 0.5f + along * 0.25f;
    event.time = now;
    return event;
}

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

Kiosk::StoryOpen Kiosk::bench_story_open(const content::Item& story, platform::OffscreenTarget& target, ImVec2 display) {
    session_.end_session();
    open_start_screen("stories");
    StoryOpen result;
    const double start = wall_ms();
    session_.navigator().open(*core::Route::parse(story.ref)); // as a tap on its card does
    constexpr double kFrameMs = 1000.0 / 60;
    for (int frame = 0; frame < 600; ++frame) { // 10 s: a picture that never comes is reported as such
        const bool shows_full = textures_->resident(story.image, false);
        const double cpu_start = thread_cpu_ms();
        render_off_screen(target, static_cast<core::Millis>(wall_ms() - start), display);
        glFinish();
        result.slowest_frame_ms = std::max(result.slowest_frame_ms, thread_cpu_ms() - cpu_start);
        result.frames = frame + 1;
        if (shows_full) {
            result.to_full_image_ms = wall_ms() - start;
            return result;
        }
        const double next_frame = start + kFrameMs * (frame + 1);
        if (const double wait = next_frame - wall_ms(); wait > 0)
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait));
    }
    result.to_full_image_ms = -1;
    return result;
}

int Kiosk::run_bench() {
    const auto size = options_.screenshot_size;
    open_start_screen("home");
    std::string error;
    if (!start_graphics(size.width, size.height, false, error)) return fail(error);
    const double fonts_ready_ms = process_age_ms(); // atlas on the GPU, first pictures decoding
    platform::OffscreenTarget target(size.width, size.height);
    if (!target.complete()) return fail("cannot create an off-screen framebuffer");
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));

    core::Millis now = 0;
    render_off_screen(target, now, display);
    glFinish();
    const double first_frame_ms = process_age_ms(); // Home drawn, pictures still decoding
    textures_->finish_pending();
    render_off_screen(target, now, display);
    glFinish();
    const double first_home_ms = process_age_ms();

    // Opening the map: cold (the base map loaded, projected and uploaded on demand) and as a
    // visitor meets it (loaded in the background after start-up, as the live loop does).
    auto open_map_ms = [&] {
        const double start = wall_ms();
        session_.end_session();
        open_start_screen("map");
        render_off_screen(target, now, display);
        glFinish();
        return wall_ms() - start;
    };
    wait_for_map_ = true;
    const double map_cold_ms = open_map_ms();
    const double map_warm_ms = open_map_ms();

    const auto& catalog = pack_.catalog();
    // Stories other than the first (which the per-screen figures open), none yet decoded.
    std::vector<double> story_open_ms;
    double story_open_slowest_frame_ms = 0;
    int story_open_frames = 0;
    for (std::size_t i = 1; i < catalog.stories.size() && story_open_ms.size() < 5; ++i) {
        const auto& story = catalog.stories[i];
        if (story.image.empty() || textures_->resident(story.image, false)) continue;
        const auto open = bench_story_open(story, target, display);
        story_open_ms.push_back(open.to_full_image_ms);
        story_open_slowest_frame_ms = std::max(story_open_slowest_frame_ms, open.slowest_frame_ms);
        story_open_frames = std::max(story_open_frames, open.frames);
    }

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

    std::printf("{\n  \"size\": \"%dx%d\",\n  \"renderer\": \"%s\",\n  \"start_to_first_home_ms\": %.1f,\n"
                "  \"start_phases_ms\": {\"content\": %.1f, \"graphics\": %.1f, \"fonts_on_gpu\": %.1f, "
                "\"first_frame\": %.1f, \"pictures\": %.1f},\n"
                "  \"content_parts_ms\": {\"pack\": %.1f, \"fonts\": %.1f, \"first_pictures\": %.1f},\n"
                "  \"fonts_from_cache\": %s,\n  \"catalog_from_cache\": %s,\n"
                "  \"map_open_to_first_frame_ms\": {\"cold\": %.1f, \"preloaded\": %.1f},\n"
                "  \"story_open_to_full_image_ms\": {\"stories\": %zu, \"median\": %.1f, \"max\": %.1f, "
                "\"most_frames\": %d, \"slowest_frame_cpu_ms\": %.2f},\n  \"screens\": {",
                size.width, size.height, platform::query_gl_info().renderer.c_str(), first_home_ms,
                start_times_.content_ready, start_times_.graphics_ready, fonts_ready_ms, first_frame_ms, first_home_ms,
                start_times_.content.pack, start_times_.content.fonts, start_times_.content.pictures,
                start_times_.content.fonts_cached ? "true" : "false",
                start_times_.content.catalog_cached ? "true" : "false", map_cold_ms, map_warm_ms, story_open_ms.size(), percentile(story_open_ms, 0.5),
                percentile(story_open_ms, 1.0), story_open_frames, story_open_slowest_frame_ms);
    // The map again while a finger drags it to and fro: every frame a new view, so none of its
    // pixels can be kept from the frame before.
    const std::string dragged_map = "map (dragged)";
    routes.push_back(dragged_map);
    constexpr int kWarmUp = 64; // 1 s: screens open with their own animations
    const int frames = static_cast<int>(options_.bench_frames);
    for (std::size_t r = 0; r < routes.size(); ++r) {
        const bool drag = routes[r] == dragged_map;
        session_.end_session();
        open_start_screen(drag ? "map" : routes[r]);
        std::vector<double> build, submit;
        int vertices = 0, draw_calls = 0; // of the last frame: what the screen asks the GPU to draw
        for (int frame = 0; frame < kWarmUp + frames; ++frame) {
            now += 16;
            if (drag) take_input(now, {drag_event(frame, now, display)});
            backend_->new_frame();
            const double start = thread_cpu_ms();
            draw(now, display);
            const double built = thread_cpu_ms();
            target.bind();
            glClearColor(0, 0, 0, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImDrawData* drawn = ImGui::GetDrawData();
            backend_->render(drawn);
            textures_->end_frame();
            const double submitted = thread_cpu_ms();
            if (frame == 0) textures_->finish_pending(); // measure the screen as it looks, pictures in
            glFinish(); // the GPU's own time is not ours to count, but it must not pile up
            vertices = drawn->TotalVtxCount;
            draw_calls = 0;
            for (int list = 0; list < drawn->CmdListsCount; ++list) draw_calls += drawn->CmdLists[list]->CmdBuffer.Size;
            if (frame < kWarmUp) continue;
            build.push_back(built - start);
            submit.push_back(submitted - built);
        }
        std::vector<double> total(build.size());
        for (std::size_t i = 0; i < total.size(); ++i) total[i] = build[i] + submit[i];
        std::printf("%s\n    \"%s\": {\"build_p50_ms\": %.3f, \"build_p99_ms\": %.3f, \"submit_p50_ms\": %.3f, "
                    "\"submit_p99_ms\": %.3f, \"frame_p50_ms\": %.3f, \"frame_p99_ms\": %.3f, \"vertices\": %d, "
                    "\"draw_calls\": %d}",
                    r ? "," : "", routes[r].c_str(), percentile(build, 0.5), percentile(build, 0.99),
                    percentile(submit, 0.5), percentile(submit, 0.99), percentile(total, 0.5), percentile(total, 0.99),
                    vertices, draw_calls);
    }
    const auto memory = platform::read_process_memory();
    std::printf("\n  },\n  \"textures_resident_mb\": %.1f,\n  \"textures_cap_mb\": %.1f,\n"
                "  \"memory_mb\": {\"peak_rss\": %.1f, \"rss\": %.1f, \"pss\": %.1f}\n}\n",
                static_cast<double>(textures_->resident_bytes()) / (1 << 20),
                static_cast<double>(platform::TextureCacheConfig{}.budget_bytes) / (1 << 20), memory.peak_rss_mb,
                memory.rss_mb, memory.pss_mb);
    return 0;
}

} // namespace pavilion::shell
