// The live loop: a window on a display, touches from the kernel (or the pointer), packs from
// sticks and inboxes, systemd's watchdog. It draws only when something moves and otherwise
// sleeps in the kernel until input, a background result or the model's next deadline.

#include "run_modes.hpp"

#include "pavilion/platform/evdev_touch_reader.hpp"
#include "pavilion/platform/media_watcher.hpp"
#include "pavilion/platform/service_notifier.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace pavilion::shell {
namespace {

// Vsync paces frames on a real panel; where there is none (Xvfb, some compositors) this cap
// keeps an animating screen at 60 Hz instead of as fast as the CPU allows. The attract loop's
// slow pan looks the same at 30 Hz and costs half the GPU (or CPU).
constexpr core::Millis kFrameBudgetMs = 16;
constexpr double kLongestSleepS = 5;

platform::Rotation rotation_of(int degrees) {
    switch (degrees) {
    case 90: return platform::Rotation::cw90;
    case 180: return platform::Rotation::cw180;
    case 270: return platform::Rotation::cw270;
    default: return platform::Rotation::none;
    }
}

// Pinch needs every finger, which only the kernel reports (X gives one pointer). Without a
// touchscreen (a desktop, or --touch-device none) the pointer is the input.
std::unique_ptr<platform::EvdevTouchReader> open_touchscreen(const core::KioskOptions& options, Shell& shell) {
    if (options.touch_device == "none") return nullptr;
    platform::TouchReaderOptions touch;
    touch.device_path = options.touch_device;
    shell.graphics().window().framebuffer_size(touch.screen_width, touch.screen_height);
    touch.rotation = rotation_of(options.touch_rotation);
    touch.wake = platform::Window::post_wake;
    auto reader = platform::EvdevTouchReader::open(touch);
    if (!reader) {
        shell.kiosk().report("touch: " + reader.error().message + "; using the pointer");
        return nullptr;
    }
    shell.kiosk().journal("touch: " + (*reader)->device_name() + " (" + (*reader)->device_path() + ")");
    return std::move(reader).value();
}

// USB sticks and inbox folders, for a kiosk with a state directory.
std::unique_ptr<platform::MediaWatcher> watch_media(const core::KioskOptions& options, Shell& shell) {
    if (options.state_dir.empty()) return nullptr;
    platform::MediaWatcherOptions watch;
    watch.inbox_dirs = options.inboxes;
    watch.wake = platform::Window::post_wake;
    auto watcher = platform::MediaWatcher::start(watch);
    if (!watcher) {
        shell.kiosk().report("updates: cannot watch for sticks: " + watcher.error().message);
        return nullptr;
    }
    return std::move(watcher).value();
}

class LiveInput {
public:
    LiveInput(const core::KioskOptions& options, Shell& shell)
        : shell_(shell), touch_(open_touchscreen(options, shell)), media_(watch_media(options, shell)) {}
    // Input and media the loop has not handed to the shell yet.
    FrameInput take() {
        FrameInput input;
        auto& window = shell_.graphics().window();
        input.touches = window.take_pointer_events();
        input.wheel = window.take_wheel();
        if (touch_) {
            // X also turns each touch into pointer events; with the panel read directly they are echoes.
            input.touches = touch_->drain();
            if (auto failure = touch_->take_failure()) {
                shell_.kiosk().report("touch: " + failure->message + "; using the pointer");
                touch_.reset();
            }
        }
        if (media_) input.media = media_->drain();
        return input;
    }

private:
    Shell& shell_;
    std::unique_ptr<platform::EvdevTouchReader> touch_; // its thread wakes GLFW: it goes first
    std::unique_ptr<platform::MediaWatcher> media_;
};

double seconds_until(core::Millis deadline, core::Millis now) {
    if (deadline == core::kNoDeadline) return kLongestSleepS;
    return std::clamp(static_cast<double>(deadline - now) / 1000.0, 0.0, kLongestSleepS);
}

} // namespace

int run_live(Shell& shell, const core::KioskOptions& options) {
    auto& window = shell.graphics().window();
    if (!options.screen.empty())
        if (auto opened = shell.kiosk().start_at(*core::Route::parse(options.screen), window.now_ms()); !opened)
            return fail(opened.error().message);
    LiveInput input(options, shell);
    // Under systemd (deploy/systemd/pavilion.service): READY after the first frame, and a
    // watchdog ping from this loop, so a hung kiosk is restarted.
    platform::ServiceNotifier service;
    bool announced = false;
    bool redraw = true;
    while (!window.should_close()) {
        const core::Millis now = window.now_ms();
        if (!redraw) {
            // Nothing moves: sleep in the kernel until input, a result, or the model's deadline.
            double wait_s = seconds_until(shell.next_change(), now);
            if (const auto ping_ms = service.ms_until_next_ping(std::chrono::steady_clock::now()); ping_ms >= 0)
                wait_s = std::min(wait_s, static_cast<double>(ping_ms) / 1000.0);
            window.wait_events(wait_s);
        } else {
            window.poll_events();
        }
        const bool activity = window.take_activity();
        const core::Millis frame_start = window.now_ms();
        const bool uploaded = shell.step(frame_start, input.take(), window);
        service.watchdog_ping(std::chrono::steady_clock::now()); // only a loop that still draws pings
        if (!announced) service.ready("showing " + shell.kiosk().pack()->catalog().meta.id), announced = true;
        const bool attract = shell.last_frame().route.screen == core::Route::Screen::attract;
        const core::Millis budget = attract ? 2 * kFrameBudgetMs : kFrameBudgetMs;
        const core::Millis spent = window.now_ms() - frame_start;
        shell.frame_clock().record(frame_start, static_cast<double>(spent));
        if (spent < budget) std::this_thread::sleep_for(std::chrono::milliseconds(budget - spent));
        redraw = activity || uploaded || shell.animating(frame_start) || shell.next_change() <= window.now_ms();
    }
    service.stopping();
    return 0;
}

} // namespace pavilion::shell
