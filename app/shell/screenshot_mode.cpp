// pavilion --screenshot OUT.png: one screen, settled (after its entrance animations and
// count-ups, with every picture it needs), drawn off-screen into a PNG.

#include "offscreen_run.hpp"

#include <cstdio>

namespace pavilion::shell {

int run_screenshot(Shell& shell, const core::KioskOptions& options) {
    const auto route = *core::Route::parse(options.screen.empty() ? "home" : options.screen);
    // Time is synthetic: the shot is taken when the screen has settled.
    core::Millis now = 1000;
    if (auto opened = shell.kiosk().start_at(route, now); !opened) return fail(opened.error().message);
    auto target = make_target(options);
    if (!target) return fail(target.error().message);
    auto frame = [&] {
        shell.step(now, {}, **target);
        shell.complete(now, true); // asks for the pictures, waits for them
    };
    frame();
    for (int i = 0; i < 3; ++i) {
        now += route.screen == core::Route::Screen::attract ? 700 : 1500;
        frame();
    }
    if (auto saved = save_png(**target, options.screenshot_path); !saved) return fail(saved.error().message);
    std::fprintf(stderr, "screenshot %s (%dx%d)\n", options.screenshot_path.c_str(), (*target)->width(),
                 (*target)->height());
    return 0;
}

} // namespace pavilion::shell
