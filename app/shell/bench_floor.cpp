// pavilion --bench-floor: the platform's share of start-up, for comparison with --bench's
// start_to_first_home_ms. The same binary (so the same libraries to load and relocate) makes the
// same hidden window and GL ES context and finishes one cleared frame, and nothing of Pavilion's
// runs: no pack, no fonts, no ImGui. What start-up takes beyond this is ours to shorten.

#include "bench_floor.hpp"

#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/window.hpp"

#include <GLES3/gl3.h>

#include <cstdio>

namespace pavilion::shell {

double process_age_ms(); // kiosk_bench.cpp

int run_bench_floor(const core::KioskOptions& options) {
    const double main_ms = process_age_ms();
    platform::WindowConfig config;
    config.title = "Pavilion";
    config.mode = platform::WindowMode::hidden;
    config.width = config.height = 64;
    std::string error;
    const auto window = platform::Window::create(config, error);
    if (!window) {
        std::fprintf(stderr, "pavilion: %s\n", error.c_str());
        return 1;
    }
    const double context_ms = process_age_ms();
    platform::OffscreenTarget target(options.screenshot_size.width, options.screenshot_size.height);
    target.bind();
    glClearColor(0.1f, 0.2f, 0.3f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glFinish();
    target.unbind();
    const double frame_ms = process_age_ms();
    std::printf("{\"main_ms\": %.1f, \"window_and_context_ms\": %.1f, \"first_cleared_frame_ms\": %.1f}\n", main_ms,
                context_ms, frame_ms);
    return 0;
}

} // namespace pavilion::shell
