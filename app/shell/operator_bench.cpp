// pavilion --state DIR --bench-operator < pin.txt: the longest main-thread frame (its wall time
// to build and submit) during a scripted operator session, off-screen, frames paced at 60 Hz as
// on a display: the hidden hold,
// the PIN, the panel gathering its facts (the installed packs opened and their whole files
// hashed again, statistics read), the idle timeout changed five times, the statistics browsed
// by scrolling, and Leave. Beside it, in the same run, the baseline: what gathering those facts
// costs when it is done on the render thread, as the kiosk did before the model's workers.
// deploy/run-operator-bench.sh prepares a state directory with the 2,000-story pack installed.

#include "offscreen_run.hpp"
#include "reports.hpp"
#include "startup.hpp"

#include "pavilion/core/quantile.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

namespace pavilion::shell {
namespace {

using Layer = model::FrameModel::Layer;

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class OperatorSession {
public:
    OperatorSession(Shell& shell, platform::OffscreenTarget& target) : shell_(shell), target_(target) {}

    // Frames until `done` or `limit_ms` of real time; input for the first frame only.
    bool frames_until(const std::function<bool()>& done, double limit_ms, FrameInput input = {});
    void frames_for(double ms) { frames_until([] { return false; }, ms); }
    void skip_model_time(core::Millis ms) { skipped_ms_ += ms; }
    core::PointerEvent touch(core::PointerEvent::Type type, float x, float y) const;
    core::Millis now() const { return static_cast<core::Millis>(wall_ms() - start_) + skipped_ms_; }
    const std::vector<double>& frame_ms() const { return frame_ms_; }
    // The frames so far were the warm-up (start-up's pictures and base map going to the GPU):
    // the session's figures start here.
    void start_measuring() {
        frame_ms_.clear();
        frames_.clear();
    }
    struct Frame {
        double at_ms, build_ms, submit_ms;
        model::FrameModel::Layer layer;
    };
    const std::vector<Frame>& frames() const { return frames_; }

private:
    Shell& shell_;
    platform::OffscreenTarget& target_;
    const double start_ = wall_ms();
    core::Millis skipped_ms_ = 0;
    double next_frame_ = wall_ms();
    std::vector<double> frame_ms_;
    std::vector<Frame> frames_;
};

bool OperatorSession::frames_until(const std::function<bool()>& done, double limit_ms, FrameInput input) {
    const double until = wall_ms() + limit_ms;
    while (wall_ms() < until) {
        // Wall time, not CPU time: a frame that waits for the disk spends no CPU but stalls all
        // the same. The GPU's own work (glFinish, after) is not the main thread's to count, as in
        // --bench, but must not pile up.
        const double began = wall_ms();
        shell_.build(now(), std::move(input), {target_.width(), target_.height()});
        const double built = wall_ms();
        shell_.submit(target_);
        frame_ms_.push_back(wall_ms() - began);
        frames_.push_back({began - start_, built - began, wall_ms() - built, shell_.last_frame().layer});
        glFinish();
        input = {};
        if (done()) return true;
        next_frame_ = std::max(next_frame_ + 1000.0 / 60, wall_ms() - 1000.0 / 60);
        if (const double wait = next_frame_ - wall_ms(); wait > 0)
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait));
    }
    return false;
}

core::PointerEvent OperatorSession::touch(core::PointerEvent::Type type, float x, float y) const {
    core::PointerEvent event;
    event.type = type;
    event.x = x;
    event.y = y;
    event.time = now();
    return event;
}

// What the panel's facts cost when gathered on the calling thread: the old kiosk did this on the
// render thread when the panel opened and after every action.
double facts_on_this_thread_ms(const std::string& state_dir, const content::PackReader& shown) {
    const double start = wall_ms();
    auto device = model::open_device(state_dir, built_in_pack());
    const auto& locale = shown.catalog().meta.default_locale;
    if (device.packs) {
        if (auto active = device.packs->active(); active && *active) device.packs->describe(**active, locale);
        if (auto previous = device.packs->previous(); previous && *previous) device.packs->describe(**previous, locale);
    }
    if (device.stats) {
        const auto today = content::local_day(std::time(nullptr));
        device.stats->summary(today, 1);
        device.stats->summary(today, 7);
    }
    return wall_ms() - start;
}

// The five slowest frames: when, which layer, and whether building or submitting took the time.
Json slowest_frames(std::vector<OperatorSession::Frame> frames) {
    std::sort(frames.begin(), frames.end(), [](const auto& a, const auto& b) {
        return a.build_ms + a.submit_ms > b.build_ms + b.submit_ms;
    });
    Json slowest = Json::array();
    const char* const layers[] = {"visitor", "pin", "panel"};
    for (std::size_t i = 0; i < frames.size() && i < 5; ++i)
        slowest.push_back({{"at_ms", rounded(frames[i].at_ms)},
                           {"layer", layers[static_cast<int>(frames[i].layer)]},
                           {"build_ms", rounded(frames[i].build_ms, 2)},
                           {"submit_ms", rounded(frames[i].submit_ms, 2)}});
    return slowest;
}

// With --inbox DIR: the operator installs the first pack there from the panel (forced, so the
// pack already installed is copied, hashed and checked all the same) while frames keep coming:
// the proof that no install work reaches the render thread, so the watchdog never fires.
Json install_from_inbox(OperatorSession& session, Shell& shell, const core::KioskOptions& options) {
    if (options.inboxes.empty()) return nullptr;
    content::MediaEvent found;
    found.type = content::MediaEvent::Type::candidate;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(options.inboxes.front(), ec)) {
        if (entry.path().extension() != ".pack") continue;
        found.candidate.pack_path = entry.path().string();
        found.candidate.signature_path = found.candidate.pack_path + ".minisig";
        found.candidate.source_dir = options.inboxes.front();
        found.candidate.kind = content::PackCandidate::Source::inbox;
        break;
    }
    if (found.candidate.pack_path.empty()) return {{"error", "no .pack in " + options.inboxes.front()}};
    session.frames_until([] { return true; }, 100, {{}, {found}, {}});
    const std::size_t first_frame = session.frame_ms().size();
    const double began = wall_ms();
    shell.kiosk().apply(model::InstallCandidate{shell.last_frame().panel.candidates.size() - 1}, session.now());
    // Another pack than the one shown, or an older version, is asked about first: the operator agrees.
    using Notice = model::OperatorNotice::Kind;
    session.frames_until([&] {
        const auto& panel = shell.last_frame().panel;
        return panel.confirmation || panel.notice.kind == Notice::installing || panel.notice.kind == Notice::install_refused;
    }, 10000);
    if (shell.last_frame().panel.confirmation) shell.kiosk().apply(model::Confirm{}, session.now());
    using State = model::UpdateBanner::State;
    const auto over = [&] {
        const auto& banner = shell.last_frame().banner;
        return banner && (banner->state == State::installed || banner->state == State::failed);
    };
    const bool finished = session.frames_until(over, 600000);
    const std::vector<double> frames(session.frame_ms().begin() + static_cast<std::ptrdiff_t>(first_frame),
                                     session.frame_ms().end());
    const auto& banner = shell.last_frame().banner;
    return {{"pack", found.candidate.pack_path},
            {"ms", rounded(wall_ms() - began)},
            {"outcome", !finished ? "unfinished" : banner->state == State::installed ? "installed" : "refused"},
            {"frames", frames.size()},
            {"longest_frame_ms", frames.empty() ? 0.0 : rounded(core::quantile(frames, 1.0), 2)}};
}

std::string read_pin() {
    std::string pin;
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    return pin;
}

} // namespace

int run_operator_bench(Shell& shell, const core::KioskOptions& options) {
    const auto pin = read_pin();
    // The operator walks up to a kiosk showing Home, its pictures in: what the session costs is
    // measured, not a visitor's screen still loading (--bench measures that).
    if (auto opened = shell.kiosk().start_at({core::Route::Screen::home, {}}, 0); !opened)
        return fail(opened.error().message);
    auto target = make_target(options);
    if (!target) return fail(target.error().message);
    OperatorSession session(shell, **target);
    auto& kiosk = shell.kiosk();
    const auto layer = [&] { return shell.last_frame().layer; };
    const float w = static_cast<float>((*target)->width()), h = static_cast<float>((*target)->height());
    using Type = core::PointerEvent::Type;

    // Warm-up: start-up's pictures and base map go to the GPU first (a cost of start-up, not of
    // the session; --bench measures it).
    session.frames_until([&] { return !shell.loading(); }, 10000);
    session.frames_for(250);
    session.start_measuring();
    // The hidden hold: a finger in the corner, five seconds of the model's time.
    session.frames_until([] { return true; }, 100, {{session.touch(Type::down, 8, 8)}, {}, {}});
    session.skip_model_time(core::OperatorMode::kHoldMs);
    if (!session.frames_until([&] { return layer() == Layer::pin; }, 2000)) return fail("the keypad did not open");
    session.frames_until([] { return true; }, 100, {{session.touch(Type::up, 8, 8)}, {}, {}});

    for (const char digit : pin) kiosk.apply(model::PinDigit{digit - '0'}, session.now());
    kiosk.apply(model::PinSubmit{}, session.now());
    const double submitted = wall_ms();
    const auto refused = [&] {
        const auto& pin_view = shell.last_frame().pin;
        return layer() == Layer::pin && !pin_view.checking && pin_view.notice.is_error();
    };
    session.frames_until([&] { return layer() == Layer::panel || refused(); }, 20000);
    if (layer() != Layer::panel)
        return fail("the panel did not open (is the PIN on standard input the kiosk's?)");
    const double panel_opened = wall_ms();

    // While the panel gathers its facts: the idle timeout five times, then the statistics browsed.
    for (int i = 0; i < 5; ++i) {
        kiosk.apply(model::AdjustIdleTimeout{i % 2 ? -30 : +30}, session.now());
        session.frames_for(200); // an operator's taps, a fifth of a second apart
    }
    session.frames_until([] { return true; }, 100, {{session.touch(Type::down, w / 2, h * 0.8f)}, {}, {}});
    for (int i = 1; i <= 30; ++i)
        session.frames_until([] { return true; }, 100, {{session.touch(Type::move, w / 2, h * (0.8f - 0.5f * i / 30))}, {}, {}});
    session.frames_until([] { return true; }, 100, {{session.touch(Type::up, w / 2, h * 0.3f)}, {}, {}});
    const bool ready = session.frames_until([&] {
        const auto& panel = shell.last_frame().panel;
        return panel.packs_ready && (panel.stats.ready || !kiosk.operating());
    }, 120000);
    const double facts_ready = wall_ms();
    const Json install = install_from_inbox(session, shell, options);
    kiosk.apply(model::LeaveOperatorMode{}, session.now());
    session.frames_for(250);

    const auto& frames = session.frame_ms();
    const double longest = core::quantile(frames, 1.0);
    const auto& pack = *kiosk.pack();
    std::error_code ec;
    const auto pack_bytes = std::filesystem::file_size(pack.path(), ec);
    Json report;
    report["pack"] = {{"id", pack.catalog().meta.id},
                      {"stories", pack.catalog().stories.size()},
                      {"mb", rounded(static_cast<double>(ec ? 0 : pack_bytes) / 1e6)}};
    report["frames"] = frames.size();
    report["longest_frame_ms"] = rounded(longest, 2);
    report["frame_p50_ms"] = rounded(core::quantile(frames, 0.5), 2);
    report["frame_p99_ms"] = rounded(core::quantile(frames, 0.99), 2);
    report["target_ms"] = 16;
    report["within_target"] = longest <= 16;
    report["slowest_frames"] = slowest_frames(session.frames());
    report["pin_check_ms"] = rounded(panel_opened - submitted);
    report["install"] = install;
    report["panel_facts_ready_ms"] = ready ? Json(rounded(facts_ready - panel_opened)) : Json(nullptr);
    // The same facts gathered on the render thread, once; the old kiosk did so when the panel
    // opened and after each of the five changes.
    report["baseline"] = {{"facts_on_the_render_thread_ms", rounded(facts_on_this_thread_ms(options.state_dir, pack))},
                          {"times_per_session", 6}};
    std::cout << report.dump(2) << std::endl;
    return 0;
}

} // namespace pavilion::shell
