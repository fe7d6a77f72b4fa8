// pavilion --monkey SEED: the soak run. A random visitor (core::SoakMonkey) drives the real kiosk
// off-screen through every screen, with idle timeouts and pack reloads mixed in, for a number of
// frames; time is simulated, as in --script, so an hour at the stand takes minutes. Every few
// frames the process's memory is sampled; at the end one JSON object goes to stdout, and the
// run fails if RSS did not stay flat after warm-up (core/soak_report.hpp says what that means).
//
// Pictures decode on the worker threads and arrive when they arrive, as in the live loop: what
// a frame draws may differ between runs, but where the tap targets are does not (pictures are
// drawn into fixed boxes, and every frame has its fonts, texts and map), so a seed always gives
// the same actions and the same screens.

#include "offscreen_run.hpp"
#include "reports.hpp"

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/address_sanitizer.hpp"
#include "pavilion/core/soak_monkey.hpp"
#include "pavilion/core/soak_report.hpp"
#include "pavilion/platform/process_memory.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <iostream>

namespace pavilion::shell {
namespace {

// Frames while something moves and no touch is due, as --script does.
constexpr core::Millis kFrameMs = 100;
// Memory samples per run (about): enough for a trend, few enough that reading smaps costs nothing.
constexpr long kMemorySamples = 200;

core::MonkeyTarget::Role role_of(const screens::TapAction& action) {
    const auto* intent = std::get_if<model::Intent>(&action);
    if (!intent) return core::MonkeyTarget::Role::content;
    if (std::holds_alternative<model::GoBack>(*intent)) return core::MonkeyTarget::Role::back;
    if (std::holds_alternative<model::GoHome>(*intent)) return core::MonkeyTarget::Role::home;
    if (std::holds_alternative<model::ChooseLanguage>(*intent)) return core::MonkeyTarget::Role::language;
    return core::MonkeyTarget::Role::content;
}

core::MonkeyScreen monkey_screen(Shell& shell, const platform::OffscreenTarget& target) {
    core::MonkeyScreen screen;
    screen.width = static_cast<float>(target.width());
    screen.height = static_cast<float>(target.height());
    for (const auto& t : shell.tap_targets().all())
        screen.targets.push_back({t.min.x, t.min.y, t.max.x, t.max.y, role_of(t.action)});
    const auto& session = shell.kiosk().session();
    screen.idle_timeout_ms = session.settings().idle_timeout_ms;
    screen.countdown_ms = session.settings().countdown_ms;
    screen.can_reload = true;
    screen.idle_timer_running = !session.navigator().at_attract();
    screen.corner_px = shell.theme().touch();
    return screen;
}

core::SoakReport new_report(const core::KioskOptions& options, const std::string& first_pack_id) {
    core::SoakReport report;
    report.seed = *options.monkey_seed;
    report.size = std::to_string(options.screenshot_size.width) + "x" + std::to_string(options.screenshot_size.height);
    report.packs.push_back(first_pack_id);
    for (int s = 0; s <= static_cast<int>(core::Route::Screen::sources); ++s)
        report.screens[std::string(core::screen_name(static_cast<core::Route::Screen>(s)))] = 0;
    report.screens["operator"] = 0;
    return report;
}

// Shows the other pack, and waits until it is on screen.
core::Status reload(Shell& shell, const std::string& path, core::Millis now) {
    core::Status shown = core::ok();
    shell.kiosk().show_pack(path, [&](core::Status status) { shown = std::move(status); });
    shell.complete(now, false);
    return shown;
}

// What a frame changed that the report counts.
void count_frame(core::SoakReport& report, Shell& shell, bool was_operating, const model::FrameModel& before) {
    if (!was_operating && shell.kiosk().operating()) ++report.screens["operator"];
    const auto& idle = shell.kiosk().idle();
    using Phase = core::KioskSession::IdleStatus::Phase;
    if (idle.changed && idle.phase == Phase::still_there) ++report.still_there;
    if (idle.changed && idle.phase == Phase::attract && before.look.still_there_seconds) ++report.idle_resets;
    // One "screen=" line is logged whenever the route or the language changed: count the same
    // changes, so the log and the JSON agree.
    const auto& after = shell.last_frame();
    if (after.route_revision != before.route_revision || after.locale != before.locale)
        ++report.screens[std::string(core::screen_name(after.route.screen))];
}

} // namespace

int run_monkey(Shell& shell, const core::KioskOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const long frames = options.monkey_frames;
    // The reloads alternate between the pack shown first and --reload-pack (or the same again).
    const std::string packs[2] = {shell.kiosk().pack()->path(),
                                  options.reload_pack_path.empty() ? shell.kiosk().pack()->path() : options.reload_pack_path};
    auto report = new_report(options, shell.kiosk().pack()->catalog().meta.id);
    if (!options.reload_pack_path.empty()) {
        auto other = content::PackReader::open(options.reload_pack_path);
        if (!other) return fail(other.error().message);
        report.packs.push_back(other->catalog().meta.id);
    }
    auto target = make_target(options);
    if (!target) return fail(target.error().message);

    core::SoakMonkey monkey(report.seed);
    std::deque<core::PointerEvent> touches; // of the action under way, not yet delivered
    core::Millis now = 0;
    core::Millis action_end = 1; // the first frame shows the start screen before any touch
    int shown_pack = 0;
    const long memory_every = std::clamp(frames / kMemorySamples, 1L, 500L);
    for (long frame = 0; frame < frames; ++frame) {
        if (touches.empty() && now >= action_end) {
            auto action = monkey.next(monkey_screen(shell, **target), now);
            report.count(action.kind);
            if (action.kind == core::MonkeyAction::Kind::reload) {
                shown_pack = 1 - shown_pack;
                // Said first: the switch logs the screen it lands on (Home) as it happens.
                std::fprintf(stderr, "monkey: reloading %s\n", packs[shown_pack].c_str());
                if (auto shown = reload(shell, packs[shown_pack], now); !shown)
                    return fail("reloading " + packs[shown_pack] + ": " + shown.error().message);
                ++report.reloads;
            }
            touches.assign(action.events.begin(), action.events.end());
            action_end = action.end;
        }
        FrameInput input;
        for (; !touches.empty() && touches.front().time <= now; touches.pop_front()) input.touches.push_back(touches.front());

        const bool was_operating = shell.kiosk().operating();
        const auto before = shell.last_frame();
        shell.step(now, std::move(input), **target);
        count_frame(report, shell, was_operating, before);

        if (frame % memory_every == 0 || frame == frames - 1) {
            const auto memory = platform::read_process_memory();
            report.memory.push_back({frame, memory.rss_mb, memory.pss_mb});
            std::fprintf(stderr, "monkey: frame %ld rss %.1f MB pss %.1f MB\n", frame, memory.rss_mb, memory.pss_mb);
        }
        // The next frame: the next touch, the end of this action or the model's next deadline,
        // whichever is first, as the live loop would sleep until then; every 100 ms while
        // something moves.
        core::Millis upcoming = touches.empty() ? action_end : touches.front().time;
        upcoming = std::min(upcoming, shell.next_change());
        now = shell.animating(now) ? std::min(now + kFrameMs, std::max(now + 1, upcoming)) : std::max(now + 1, upcoming);
    }

    report.frames = frames;
    report.simulated_ms = now;
    report.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.rss = core::judge_rss(report.memory, frames / 5);
    report.rss_judged = frames >= core::kSoakMinJudgedFrames && !core::kAddressSanitized;
    if (core::kAddressSanitized) // its quarantine keeps freed memory: RSS says nothing
        std::fputs("monkey: RSS not judged: AddressSanitizer's quarantine keeps freed memory\n", stderr);
    else if (!report.rss_judged)
        std::fprintf(stderr, "monkey: RSS not judged: %ld frames are fewer than %ld\n", frames, core::kSoakMinJudgedFrames);
    std::cout << soak_report_json(report).dump(2) << std::endl;
    if (report.rss_judged && !report.rss.flat) return fail("soak failed: " + report.rss.problem);
    return 0;
}

} // namespace pavilion::shell
