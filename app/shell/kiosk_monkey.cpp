// pavilion --monkey SEED: the soak run. A random visitor (core::SoakMonkey) drives the real kiosk
// off-screen through every screen, with idle timeouts and pack reloads mixed in, for a number of
// frames; time is simulated, as in --script, so an hour at the stand takes minutes. Every few
// frames the process's memory is sampled; at the end one JSON object goes to stdout, and the
// run fails if RSS did not stay flat after warm-up (core/soak_report.hpp says what that means).
//
// Pictures decode on the worker threads and arrive when they arrive, as in the live loop: what
// a frame draws may differ between runs, but where the tap targets are does not (pictures are
// drawn into fixed boxes), so a seed always gives the same actions and the same screens.

#include "kiosk.hpp"

#include "pavilion/core/address_sanitizer.hpp"
#include "pavilion/core/soak_monkey.hpp"
#include "pavilion/core/soak_report.hpp"
#include "pavilion/platform/process_memory.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>

namespace pavilion::shell {
namespace {

// Frames while something moves and no touch is due, as --script does: animations are functions
// of time and inertia is frame-rate independent, so sparser frames give the same screens.
constexpr core::Millis kFrameMs = 100;
// Memory samples per run (about): enough for a trend, few enough that reading smaps costs nothing.
constexpr long kMemorySamples = 200;

core::MonkeyTarget::Role role_of(const screens::Intent& intent) {
    switch (intent.kind) {
    case screens::Intent::Kind::back: return core::MonkeyTarget::Role::back;
    case screens::Intent::Kind::home: return core::MonkeyTarget::Role::home;
    case screens::Intent::Kind::language: return core::MonkeyTarget::Role::language;
    default: return core::MonkeyTarget::Role::content;
    }
}

core::MonkeyScreen monkey_screen(const screens::TapTargets& targets, ImVec2 size, const core::SessionSettings& session,
                                 bool can_reload, bool at_attract, float corner_px) {
    core::MonkeyScreen screen;
    screen.width = size.x;
    screen.height = size.y;
    for (const auto& target : targets.all())
        screen.targets.push_back({target.min.x, target.min.y, target.max.x, target.max.y, role_of(target.intent)});
    screen.idle_timeout_ms = session.idle_timeout_ms;
    screen.countdown_ms = session.countdown_ms;
    screen.can_reload = can_reload;
    screen.idle_timer_running = !at_attract;
    screen.corner_px = corner_px;
    return screen;
}

} // namespace

int Kiosk::run_monkey() {
    const auto started = std::chrono::steady_clock::now();
    const auto size = options_.screenshot_size;
    const long frames = options_.monkey_frames;
    // The reloads alternate between the pack shown first and --reload-pack (or the same again).
    const std::string packs[2] = {pack_.path(),
                                  options_.reload_pack_path.empty() ? pack_.path() : options_.reload_pack_path};
    core::SoakReport report;
    report.seed = *options_.monkey_seed;
    report.size = std::to_string(size.width) + "x" + std::to_string(size.height);
    report.packs.push_back(pack_.catalog().meta.id);
    if (!options_.reload_pack_path.empty()) {
        auto other = content::PackReader::open(options_.reload_pack_path);
        if (!other) return fail(other.error().message);
        report.packs.push_back(other->catalog().meta.id);
    }
    for (int s = 0; s <= static_cast<int>(core::Route::Screen::sources); ++s)
        report.screens[std::string(core::screen_name(static_cast<core::Route::Screen>(s)))] = 0;
    report.screens["operator"] = 0;

    std::string error;
    const auto off_screen = start_off_screen(size, error);
    if (!off_screen) return fail(error);
    auto& target = *off_screen;
    start_device_services();
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));

    core::SoakMonkey monkey(report.seed);
    std::deque<core::PointerEvent> touches; // of the action under way, not yet delivered
    core::Millis now = 0;
    core::Millis action_end = 1; // the first frame shows the start screen before any touch
    int shown_pack = 0;
    const long memory_every = std::clamp(frames / kMemorySamples, 1L, 500L);
    for (long frame = 0; frame < frames; ++frame) {
        if (touches.empty() && now >= action_end) {
            const auto screen = monkey_screen(tap_targets_, display, session_.settings(), true,
                                              session_.navigator().at_attract(), theme_.touch());
            auto action = monkey.next(screen, now);
            report.count(action.kind);
            if (action.kind == core::MonkeyAction::Kind::reload) {
                shown_pack = 1 - shown_pack;
                if (!reload(packs[shown_pack], error)) return fail("reloading " + packs[shown_pack] + ": " + error);
                ++report.reloads;
                std::fprintf(stderr, "monkey: reloaded %s\n", packs[shown_pack].c_str());
            }
            touches.assign(action.events.begin(), action.events.end());
            action_end = action.end;
        }
        std::vector<core::PointerEvent> due;
        for (; !touches.empty() && touches.front().time <= now; touches.pop_front()) due.push_back(touches.front());

        const bool was_operating = operator_.stage() != core::OperatorMode::Stage::off;
        const auto was_phase = idle_.phase;
        take_input(now, due);
        if (!was_operating && operator_.stage() != core::OperatorMode::Stage::off) ++report.screens["operator"];
        if (idle_.changed && idle_.phase == core::KioskSession::IdleStatus::Phase::still_there) ++report.still_there;
        if (idle_.changed && idle_.phase == core::KioskSession::IdleStatus::Phase::attract &&
            was_phase == core::KioskSession::IdleStatus::Phase::still_there)
            ++report.idle_resets;

        // sync_screen() logs one "screen=" line whenever the route or the language changed: count
        // the same changes, so the log and the JSON agree.
        const auto logged_revision = shown_revision_;
        const auto logged_locale = shown_locale_;
        render_off_screen(target, now, display);
        if (shown_revision_ != logged_revision || shown_locale_ != logged_locale)
            ++report.screens[std::string(core::screen_name(session_.navigator().current().screen))];

        if (frame % memory_every == 0 || frame == frames - 1) {
            const auto memory = platform::read_process_memory();
            report.memory.push_back({frame, memory.rss_mb, memory.pss_mb});
            std::fprintf(stderr, "monkey: frame %ld rss %.1f MB pss %.1f MB\n", frame, memory.rss_mb, memory.pss_mb);
        }

        // The next frame: the next touch, the end of this action or the session's next deadline,
        // whichever is first, as the live loop would sleep until then; every 100 ms while
        // something moves.
        core::Millis upcoming = touches.empty() ? action_end : touches.front().time;
        upcoming = std::min(upcoming, session_.next_deadline(now));
        const bool moving = animating(now) || pointer_.down;
        now = moving ? std::min(now + kFrameMs, std::max(now + 1, upcoming)) : std::max(now + 1, upcoming);
    }
    target.unbind();

    report.frames = frames;
    report.simulated_ms = now;
    report.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.rss = core::judge_rss(report.memory, frames / 5);
    report.rss_judged = frames >= core::kSoakMinJudgedFrames && !core::kAddressSanitized;
    if (core::kAddressSanitized) // its quarantine keeps freed memory: RSS says nothing
        std::fputs("monkey: RSS not judged: AddressSanitizer's quarantine keeps freed memory\n", stderr);
    else if (!report.rss_judged)
        std::fprintf(stderr, "monkey: RSS not judged: %ld frames are fewer than %ld\n", frames, core::kSoakMinJudgedFrames);
    std::fputs(core::soak_report_json(report).c_str(), stdout);
    std::fflush(stdout);
    if (report.rss_judged && !report.rss.flat) return fail("soak failed: " + report.rss.problem);
    return 0;
}

} // namespace pavilion::shell
