// pavilion --bench-floor: the platform's share of start-up, for comparison with --bench's
// start_to_first_home_ms. The same binary (so the same libraries to load and relocate) makes the
// same hidden window and GL ES context and finishes one cleared frame, and nothing of Pavilion's
// runs: no pack, no fonts, no ImGui. What start-up takes beyond this is ours to shorten.

#include "bench_floor.hpp"

#include "reports.hpp"

#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/process_memory.hpp"
#include "pavilion/platform/render_surface.hpp"
#include "pavilion/platform/window.hpp"

#include <GLES3/gl3.h>

#include <cstdio>
#include <iostream>

namespace pavilion::shell {

int run_bench_floor(const core::KioskOptions& options) {
    const double main_ms = platform::process_age_ms();
    platform::WindowConfig config;
    config.title = "Pavilion";
    config.mode = platform::WindowMode::hidden;
    config.width = config.height = 64;
    const auto window = platform::Window::create(config);
    if (!window) {
        std::fprintf(stderr, "pavilion: %s\n", window.error().message.c_str());
        return 1;
    }
    const double context_ms = platform::process_age_ms();
    platform::OffscreenTarget target(options.screenshot_size.width, options.screenshot_size.height);
    platform::present(target, nullptr, nullptr);
    glFinish(); // the frame counts once the GPU has finished it, as --bench's does
    target.unbind();
    const double frame_ms = platform::process_age_ms();
    const Json report = {{"main_ms", rounded(main_ms)},
                         {"window_and_context_ms", rounded(context_ms)},
                         {"first_cleared_frame_ms", rounded(frame_ms)}};
    std::cout << report.dump() << std::endl;
    return 0;
}

} // namespace pavilion::shell
