#pragma once
// The ways the kiosk runs, each a small loop over Shell's one frame step (shell.hpp):
//   live        a window on a display, input from the touchscreen or the pointer (live_mode.cpp)
//   screenshot  one screen, settled, into a PNG (screenshot_mode.cpp)
//   script      a scripted visitor with scripted time, screenshots along the way (script_mode.cpp)
//   bench       the README's figures: start-up, frame times per screen, memory (bench_mode.cpp)
//   monkey      the soak run: a random visitor for many frames, memory judged (monkey_mode.cpp)
//   operator bench  the longest main-thread stall of a scripted operator session (operator_bench.cpp)

#include "shell.hpp"

#include "pavilion/core/kiosk_options.hpp"

namespace pavilion::shell {

// Start-up milestones, as process ages in ms (--bench reports them).
struct StartTimes {
    double content_ready = 0;  // pack open and font atlas built (worker thread)
    double graphics_ready = 0; // window, GL context, shaders compiled and warmed up
    LoadedContent::Timings content; // the worker's parts: pack, fonts, first pictures
};

int run_live(Shell& shell, const core::KioskOptions& options);
int run_screenshot(Shell& shell, const core::KioskOptions& options);
int run_script(Shell& shell, const core::KioskOptions& options);
int run_bench(Shell& shell, const core::KioskOptions& options, const StartTimes& times);
int run_monkey(Shell& shell, const core::KioskOptions& options);
int run_operator_bench(Shell& shell, const core::KioskOptions& options);

// "pavilion: message" on stderr; the exit code 1.
int fail(const std::string& message);

} // namespace pavilion::shell
