// The kiosk's run modes: the live loop, a screenshot of any screen, and scripted replays.

#include "kiosk.hpp"

#include "pavilion/core/input_script.hpp"
#include "pavilion/platform/service_notifier.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <chrono>

namespace pavilion::shell {

int Kiosk::run_script() {
    std::ifstream in(options_.script_path, std::ios::binary);
    if (!in) return fail(options_.script_path + ": cannot read the script");
    std::ostringstream text;
    text << in.rdbuf();
    const auto script = core::parse_input_script(text.str(), options_.script_path, 0);
    if (!script.error.empty()) return fail(script.error);

    const auto size = options_.screenshot_size;
    if (!options_.screen.empty()) open_start_screen(options_.screen);
    std::string error;
    const auto target = start_off_screen(size, error);
    if (!target) return fail(error);
    start_device_services();
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));
    auto render = [&](core::Millis now) { render_off_screen(*target, now, display); };
    // Time belongs to the script. Every step is delivered at its own time; between steps, frames
    // come every 100 ms while something moves (animations are functions of time and inertia is
    // frame-rate independent, so sparser frames give the same pictures), otherwise time jumps to
    // the next step or idle deadline, as the real loop would sleep until then.
    constexpr core::Millis kFrameMs = 100;
    core::Millis now = 0;
    std::size_t next = 0;
    while (true) {
        std::vector<core::PointerEvent> events;
        while (next < script.steps.size() && script.steps[next].at <= now) {
            const auto& step = script.steps[next++];
            if (step.kind == core::ScriptStep::Kind::pointer) events.push_back(step.event);
            if (step.kind == core::ScriptStep::Kind::key && (step.key == "escape" || step.key == "back"))
                session_.navigator().back();
            if (step.kind == core::ScriptStep::Kind::screenshot) {
                take_input(now, events);
                events.clear();
                render(now);
                textures_->finish_pending(); // a shot shows the screen with its pictures
                render(now);
                const auto problem = platform::write_png(step.screenshot, size.width, size.height, target->read_pixels());
                if (!problem.empty()) return fail(problem);
                std::fprintf(stderr, "shot=%s screen=%s lang=%s\n", step.screenshot.c_str(),
                             session_.navigator().current().to_string().c_str(), session_.locale().c_str());
            }
        }
        take_input(now, events);
        render(now);
        if (next >= script.steps.size() && now >= script.end_time) break;
        core::Millis upcoming = next < script.steps.size() ? script.steps[next].at : script.end_time;
        upcoming = std::min(upcoming, session_.next_deadline(now));
        const bool moving = animating(now) || pointer_.down;
        now = moving ? std::min(now + kFrameMs, std::max(now + 1, upcoming)) : std::max(now + 1, upcoming);
    }
    target->unbind();
    return 0;
}


int Kiosk::run_screenshot() {
    const auto size = options_.screenshot_size;
    auto& nav = session_.navigator();
    const auto route = core::Route::parse(options_.screen.empty() ? "home" : options_.screen);
    open_start_screen(options_.screen);
    std::string error;
    const auto target = start_off_screen(size, error);
    if (!target) return fail(error);
    // Time is synthetic: the shot shows the screen settled, after its entrance animations and
    // count-ups, with every picture it needs decoded.
    core::Millis now = 1000;
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));
    auto render = [&] { render_off_screen(*target, now, display); };
    render(); // asks for the pictures
    textures_->finish_pending();
    for (int frame = 0; frame < 3; ++frame) {
        now += route->screen == core::Route::Screen::attract ? 700 : 1500;
        render();
        textures_->finish_pending();
    }
    if (nav.current() != *route) return fail("screen '" + route->to_string() + "' does not exist in this pack");
    const auto pixels = target->read_pixels();
    target->unbind();
    if (auto problem = platform::write_png(options_.screenshot_path, size.width, size.height, pixels); !problem.empty())
        return fail(problem);
    std::fprintf(stderr, "screenshot %s (%dx%d)\n", options_.screenshot_path.c_str(), size.width, size.height);
    return 0;
}

// Pinch needs every finger, which only the kernel reports (X gives one pointer). Without a
// touchscreen (a desktop, or --touch-device none) the pointer is the input.

void Kiosk::open_touchscreen(int width, int height) {
    if (options_.touch_device == "none") return;
    platform::TouchReaderOptions touch;
    touch.device_path = options_.touch_device;
    touch.screen_width = width;
    touch.screen_height = height;
    touch.rotation = options_.touch_rotation == 90    ? platform::Rotation::cw90
                     : options_.touch_rotation == 180 ? platform::Rotation::cw180
                     : options_.touch_rotation == 270 ? platform::Rotation::cw270
                                                      : platform::Rotation::none;
    touch.wake = platform::Window::post_wake;
    std::string error;
    touch_ = platform::EvdevTouchReader::open(touch, error);
    if (touch_) std::fprintf(stderr, "touch: %s (%s)\n", touch_->device_name().c_str(), touch_->device_path().c_str());
    else std::fprintf(stderr, "touch: %s; using the pointer\n", error.c_str());
}

std::vector<core::PointerEvent> Kiosk::collect_input() {
    auto pointer = window_->take_pointer_events();
    if (!touch_) return pointer;
    // X also turns each touch into pointer events; with the panel read directly they are echoes.
    auto touches = touch_->drain();
    if (auto failure = touch_->take_failure(); !failure.empty()) {
        std::fprintf(stderr, "touch: %s; using the pointer\n", failure.c_str());
        touch_.reset();
    }
    return touches;
}

constexpr core::Millis kFrameBudgetMs = 16;

int Kiosk::run_interactive() {
    int width = 0, height = 0;
    window_->framebuffer_size(width, height);
    if (!options_.screen.empty()) open_start_screen(options_.screen);
    std::string error;
    if (!start_graphics(width, height, true, error)) return fail(error);
    start_device_services();
    open_touchscreen(width, height);
    // Under systemd (deploy/systemd/pavilion.service): READY after the first frame, and a
    // watchdog ping from this loop, so a hung kiosk is restarted.
    platform::ServiceNotifier service;
    bool announced = false;
    bool redraw = true;
    while (!window_->should_close()) {
        const core::Millis now = window_->now_ms();
        if (!redraw) {
            // Nothing moves: sleep in the kernel until input, a decoded picture, or the idle timer.
            const auto deadline = session_.next_deadline(now);
            double wait_s = deadline == core::kNoDeadline ? 5.0 : std::clamp((deadline - now) / 1000.0, 0.0, 5.0);
            if (const auto ping_ms = service.ms_until_next_ping(std::chrono::steady_clock::now()); ping_ms >= 0)
                wait_s = std::min(wait_s, static_cast<double>(ping_ms) / 1000.0);
            window_->wait_events(wait_s);
        } else {
            window_->poll_events();
        }
        const bool activity = window_->take_activity();
        const core::Millis frame_time = window_->now_ms();
        poll_updates();
        take_input(frame_time, collect_input());
        wheel_ = window_->take_wheel();
        window_->framebuffer_size(width, height);
        backend_->new_frame();
        draw(frame_time, ImVec2(static_cast<float>(width), static_cast<float>(height)));
        glViewport(0, 0, width, height);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
        window_->swap_buffers();
        service.watchdog_ping(std::chrono::steady_clock::now()); // only a loop that still draws pings
        if (!announced) service.ready("showing " + pack_.catalog().meta.id), announced = true;
        // Vsync paces frames on a real panel; where there is none (Xvfb, some compositors) this
        // cap keeps an animating screen at 60 Hz instead of as fast as the CPU allows.
        // The attract loop's slow pan looks the same at 30 Hz and costs half the GPU (or CPU).
        const core::Millis budget = session_.navigator().at_attract() ? 2 * kFrameBudgetMs : kFrameBudgetMs;
        const core::Millis spent = window_->now_ms() - frame_time;
        frame_ms_.push_back(static_cast<double>(spent));
        frame_starts_.push_back(frame_time);
        if (frame_starts_.size() > 120) frame_starts_.pop_front();
        if (frame_ms_.size() > 600) frame_ms_.erase(frame_ms_.begin(), frame_ms_.begin() + 300);
        if (spent < budget) std::this_thread::sleep_for(std::chrono::milliseconds(budget - spent));
        const bool uploaded = textures_->end_frame();
        redraw = activity || uploaded || animating(frame_time) || idle_.changed;
    }
    service.stopping();
    return 0;
}


} // namespace pavilion::shell
