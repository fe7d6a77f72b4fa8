// pavilion --script FILE: a scripted visitor, off-screen, with time driven by the script. Every
// step is delivered at its own time; between steps, frames come every 100 ms while something
// moves (animations are functions of time and inertia is frame-rate independent, so sparser
// frames give the same pictures), otherwise time jumps to the next step or the model's next
// deadline, as the live loop would sleep until then.

#include "offscreen_run.hpp"

#include "pavilion/core/input_script.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace pavilion::shell {
namespace {

constexpr core::Millis kFrameMs = 100;

core::Expected<core::InputScript> read_script(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::make_error(core::ErrorCode::io, path + ": cannot read the script");
    std::ostringstream text;
    text << in.rdbuf();
    return core::parse_input_script(text.str(), path, 0);
}

// A shot shows the screen as it is now, with its pictures.
core::Status take_shot(Shell& shell, platform::OffscreenTarget& target, core::Millis now, FrameInput input,
                       const std::string& path) {
    shell.step(now, std::move(input), target);
    shell.complete(now, true);
    shell.step(now, {}, target);
    if (auto saved = save_png(target, path); !saved) return saved;
    const auto& frame = shell.last_frame();
    std::fprintf(stderr, "shot=%s screen=%s lang=%s\n", path.c_str(), frame.route.to_string().c_str(),
                 frame.locale.c_str());
    return core::ok();
}

} // namespace

int run_script(Shell& shell, const core::KioskOptions& options) {
    const auto script = read_script(options.script_path);
    if (!script) return fail(script.error().message);
    if (!options.screen.empty())
        if (auto opened = shell.kiosk().start_at(*core::Route::parse(options.screen), 0); !opened)
            return fail(opened.error().message);
    auto target = make_target(options);
    if (!target) return fail(target.error().message);
    const auto& steps = script->steps;
    core::Millis now = 0;
    std::size_t next = 0;
    while (true) {
        FrameInput input;
        for (; next < steps.size() && steps[next].at <= now; ++next) {
            const auto& step = steps[next];
            if (step.kind == core::ScriptStep::Kind::pointer) input.touches.push_back(step.event);
            if (step.kind == core::ScriptStep::Kind::key && (step.key == "escape" || step.key == "back"))
                shell.kiosk().apply(model::GoBack{}, now);
            if (step.kind == core::ScriptStep::Kind::screenshot) {
                if (auto shot = take_shot(shell, **target, now, std::move(input), step.screenshot); !shot)
                    return fail(shot.error().message);
                input = {};
            }
        }
        shell.step(now, std::move(input), **target);
        if (next >= steps.size() && now >= script->end_time) break;
        const core::Millis upcoming =
            std::min(next < steps.size() ? steps[next].at : script->end_time, shell.next_change());
        const bool moving = shell.animating(now);
        now = moving ? std::min(now + kFrameMs, std::max(now + 1, upcoming)) : std::max(now + 1, upcoming);
    }
    return 0;
}

} // namespace pavilion::shell
