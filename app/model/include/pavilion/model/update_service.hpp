#pragma once
// Packs arriving on USB sticks and in inbox folders (content::MediaEvent, found by the shell's
// media watcher), installed one at a time on the installs worker while visitors keep using the
// screen. Only newer signed packs get in (the installer decides); a stick still holding the pack
// that is already installed is skipped quietly, so a kiosk that boots with it does not flash
// "Update failed". The banner over the visitor's screen shows the copy, then the outcome.
//
// A hostile stick must cost little: installs wait in a short queue (one runs at a time; more
// than kMaxQueued waiting are not started, the operator may still pick them), a stick whose
// packs were refused kMaxRefusalsPerStick times is given up on until it is plugged in again, the
// panel lists at most kMaxCandidates, and what a stick names (its file names) reaches the
// visitor's banner only as a short, sanitized label (core::safe_label).

#include "pavilion/content/media_event.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/model/device.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/update_banner.hpp"
#include "pavilion/model/workers.hpp"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::model {

class UpdateService {
public:
    static constexpr core::Millis kOutcomeShownMs = 12000;
    static constexpr std::size_t kMaxQueued = 8;
    static constexpr int kMaxRefusalsPerStick = 3;
    static constexpr std::size_t kMaxCandidates = 32;
    static constexpr std::size_t kLabelCodePoints = 48;

    UpdateService(PackLibrary& library, Workers& workers, EventLog& log);

    // What the watcher found since the last frame: sticks in and out, packs to install.
    void receive(const std::vector<content::MediaEvent>& events);
    // Queues an install; force: the operator's choice to install even a pack that is not newer.
    // confirmed: what the operator agreed to install (content::InstallOptions::confirmed).
    void install(const content::PackCandidate& candidate, bool force,
                 std::optional<content::PackClaim> confirmed = std::nullopt);
    // What the installer takes: the pack and signature the watcher paired, by folder and names.
    static core::Expected<content::Candidate> to_candidate(const content::PackCandidate& found);
    // Told of every refusal (not the quiet not_newer), e.g. to re-read the version floor.
    void on_refused(std::function<void(core::ErrorCode)> listener) { on_refused_ = std::move(listener); }
    // Asks a running copy to stop (the kiosk is closing); it ends as a cancelled install.
    void cancel() { cancel_->store(true); }

    // What the visitor's screen shows now, if anything.
    std::optional<UpdateBanner> banner(core::Millis now) const;
    // When banner() next changes without news (the outcome's time is up); core::kNoDeadline if never.
    core::Millis next_deadline(core::Millis now) const;

    // A pack installed since the last call, to be shown: once per install.
    std::optional<std::string> take_installed();
    // Packs on sticks and in inboxes now, for the operator panel.
    const std::vector<content::PackCandidate>& candidates() const { return candidates_; }
    // The mount point of a stick that is in (for unlock tokens and exports: content::UsbStick);
    // "" when none.
    std::string stick_mount_point() const;

private:
    struct Progress {
        std::atomic<std::uint64_t> copied{0};
        std::atomic<std::uint64_t> total{0};
    };
    enum class Phase { idle, copying, installed, failed };

    struct Queued {
        content::PackCandidate candidate;
        bool force = false;
        std::optional<content::PackClaim> confirmed; // the operator's install: what was agreed to
    };
    void offer(const content::PackCandidate& candidate);
    void forget_stick(const std::string& mount_point);
    bool given_up(const std::string& mount_point) const;
    void start_next();
    void run(const Queued& job);
    void started(const std::string& file_name);
    void finished(bool force, core::Expected<content::InstallResult> result);
    void record(bool force, core::Expected<content::InstallResult> result, const std::string& mount_point);

    PackLibrary& library_;
    Workers& workers_;
    EventLog& log_;
    std::shared_ptr<Progress> progress_ = std::make_shared<Progress>();
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    std::vector<content::PackCandidate> candidates_;
    std::vector<std::string> sticks_; // mount points
    std::deque<Queued> queue_;        // waiting for the installs worker
    std::optional<Queued> running_;   // on the installs worker now
    std::map<std::string, int> refusals_; // by stick mount point, since it was plugged in
    // Main thread: what the banner says, and since when (the time its results were applied).
    Phase phase_ = Phase::idle;
    UpdateBanner outcome_;
    std::string file_name_;
    core::Millis phase_since_ = 0;
    std::deque<std::string> installed_;
    std::function<void(core::ErrorCode)> on_refused_;
};

} // namespace pavilion::model
