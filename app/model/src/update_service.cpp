#include "pavilion/model/update_service.hpp"

#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/safe_label.hpp"

#include <algorithm>

namespace pavilion::model {
namespace {

std::string file_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

UpdateService::UpdateService(PackLibrary& library, Workers& workers, EventLog& log)
    : library_(library), workers_(workers), log_(log) {}

void UpdateService::receive(const std::vector<content::MediaEvent>& events) {
    using Type = content::MediaEvent::Type;
    for (const auto& event : events) {
        switch (event.type) {
        case Type::stick_inserted:
            sticks_.push_back(event.mount_point);
            refusals_.erase(event.mount_point); // plugged in again: a fresh chance
            log_.add("updates: stick at " + event.mount_point);
            break;
        case Type::stick_removed: forget_stick(event.mount_point); break;
        case Type::candidate: offer(event.candidate); break;
        case Type::problem: log_.add("updates: " + event.message); break;
        }
    }
}

void UpdateService::forget_stick(const std::string& mount_point) {
    sticks_.erase(std::remove(sticks_.begin(), sticks_.end(), mount_point), sticks_.end());
    const auto on_stick = [&](const content::PackCandidate& c) { return c.mount_point == mount_point; };
    candidates_.erase(std::remove_if(candidates_.begin(), candidates_.end(), on_stick), candidates_.end());
    queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const Queued& q) { return on_stick(q.candidate); }),
                 queue_.end());
    log_.add("updates: stick removed from " + mount_point);
}

bool UpdateService::given_up(const std::string& mount_point) const {
    const auto it = refusals_.find(mount_point);
    return !mount_point.empty() && it != refusals_.end() && it->second >= kMaxRefusalsPerStick;
}

void UpdateService::offer(const content::PackCandidate& found) {
    const auto same = [&](const content::PackCandidate& c) { return c.pack_path == found.pack_path; };
    candidates_.erase(std::remove_if(candidates_.begin(), candidates_.end(), same), candidates_.end());
    if (candidates_.size() >= kMaxCandidates) {
        log_.add("updates: ignored " + core::safe_label(found.pack_path, 2 * kLabelCodePoints) + ": " +
                 std::to_string(kMaxCandidates) + " packs are on offer already");
        return;
    }
    candidates_.push_back(found);
    log_.add("updates: found " + core::safe_label(found.pack_path, 2 * kLabelCodePoints));
    if (given_up(found.mount_point)) return; // said once, when it gave up
    if (queue_.size() >= kMaxQueued) {
        log_.add("updates: not installing " + core::safe_label(found.pack_path, 2 * kLabelCodePoints) +
                 " by itself: " + std::to_string(kMaxQueued) + " installs are waiting (the operator may pick it)");
        return;
    }
    queue_.push_back({found, false, std::nullopt});
    start_next();
}

std::string UpdateService::stick_mount_point() const {
    for (const auto& candidate : candidates_)
        if (candidate.kind == content::PackCandidate::Source::stick && !candidate.mount_point.empty())
            return candidate.mount_point;
    return sticks_.empty() ? "" : sticks_.back();
}

core::Expected<content::Candidate> UpdateService::to_candidate(const content::PackCandidate& found) {
    auto candidate = content::candidate_from_path(found.pack_path);
    if (!candidate) return candidate;
    // A signature under another name than <pack>.minisig (the watcher pairs them).
    if (const auto signature = file_name_of(found.signature_path); signature != candidate->pack_name + ".minisig")
        candidate->signature_name = signature;
    return candidate;
}

void UpdateService::install(const content::PackCandidate& found, bool force,
                            std::optional<content::PackClaim> confirmed) {
    // The operator's choice goes first and is never given up on.
    queue_.push_front({found, force, std::move(confirmed)});
    start_next();
}

void UpdateService::start_next() {
    if (running_) return;
    while (!queue_.empty()) {
        Queued next = std::move(queue_.front());
        queue_.pop_front();
        if (!next.force && given_up(next.candidate.mount_point)) continue;
        running_ = next;
        run(next);
        return;
    }
}

void UpdateService::run(const Queued& job) {
    workers_.installs.post([this, found = job.candidate, force = job.force, confirmed = job.confirmed,
                            progress = progress_, cancel = cancel_] {
        // Reset before "started" is posted: the first frame of this copy must not show the
        // last one's bytes.
        progress->copied = 0;
        progress->total = 0;
        workers_.results.post([this, name = file_name_of(found.pack_path)] { started(name); });
        auto candidate = to_candidate(found);
        if (!candidate) {
            workers_.results.post([this, force, error = candidate.error()] { finished(force, error); });
            return;
        }
        content::InstallOptions options;
        options.force = force;
        options.confirmed = confirmed;
        options.cancel = cancel.get();
        options.on_progress = [progress](std::uint64_t copied, std::uint64_t total) {
            progress->copied = copied;
            progress->total = total;
        };
        options.on_warning = [this](const std::string& line) {
            workers_.results.post([this, line] { log_.add("updates: " + line); });
        };
        auto result = library_.install(*candidate, options);
        workers_.results.post([this, force, result = std::move(result)]() mutable { finished(force, std::move(result)); });
    });
}

void UpdateService::started(const std::string& file_name) {
    phase_ = Phase::copying;
    file_name_ = core::safe_label(file_name, kLabelCodePoints);
    phase_since_ = workers_.now;
}

void UpdateService::finished(bool force, core::Expected<content::InstallResult> result) {
    const std::string mount_point = running_ ? running_->candidate.mount_point : std::string();
    running_.reset();
    record(force, std::move(result), mount_point);
    start_next();
}

void UpdateService::record(bool force, core::Expected<content::InstallResult> result, const std::string& mount_point) {
    if (!result && !force && result.error().code == core::ErrorCode::not_newer) {
        // What is on the stick is in already (the report beside it says so): nothing to tell,
        // and another install's outcome, if one is showing, stays.
        if (phase_ == Phase::copying) phase_ = Phase::idle;
        log_.add("updates: skipped: " + result.error().message);
        return;
    }
    phase_since_ = workers_.now;
    outcome_ = UpdateBanner{};
    outcome_.file_name = file_name_;
    if (result) {
        phase_ = Phase::installed;
        outcome_.state = UpdateBanner::State::installed;
        outcome_.pack_id = result->claim.pack_id;
        outcome_.version = result->claim.version;
        if (!result->unchanged) installed_.push_back(result->installed.path);
        log_.add("updates: installed " + result->installed.path + " (key " + result->key_id + ")");
        return;
    }
    phase_ = Phase::failed;
    outcome_.state = UpdateBanner::State::failed;
    outcome_.problem = result.error().code;
    // The installer's line names files and claims from the stick: the journal and the operator's
    // log have it in full, the visitor's banner says what kind of refusal it was (the screens'
    // words), with the short label above it.
    log_.add("updates: refused: " + result.error().message);
    if (on_refused_) on_refused_(result.error().code);
    if (!mount_point.empty() && ++refusals_[mount_point] == kMaxRefusalsPerStick)
        log_.add("updates: " + std::to_string(kMaxRefusalsPerStick) + " packs on " + mount_point +
                 " were refused; its other packs are ignored until it is plugged in again");
}

std::optional<UpdateBanner> UpdateService::banner(core::Millis now) const {
    switch (phase_) {
    case Phase::idle: return std::nullopt;
    case Phase::installed:
    case Phase::failed:
        if (now - phase_since_ > kOutcomeShownMs) return std::nullopt;
        return outcome_;
    case Phase::copying: break;
    }
    UpdateBanner banner;
    banner.file_name = file_name_;
    banner.copied_bytes = progress_->copied;
    banner.total_bytes = progress_->total;
    const double elapsed_s = static_cast<double>(now - phase_since_) / 1000.0;
    const auto copied = banner.copied_bytes, total = banner.total_bytes;
    if (copied > 0 && total > copied && elapsed_s > 0.3)
        banner.seconds_left = elapsed_s * static_cast<double>(total - copied) / static_cast<double>(copied);
    banner.state = total > 0 && copied >= total ? UpdateBanner::State::verifying : UpdateBanner::State::copying;
    return banner;
}

core::Millis UpdateService::next_deadline(core::Millis now) const {
    if (phase_ == Phase::installed || phase_ == Phase::failed) {
        const core::Millis ends = phase_since_ + kOutcomeShownMs + 1;
        return ends > now ? ends : core::kNoDeadline;
    }
    return core::kNoDeadline;
}

std::optional<std::string> UpdateService::take_installed() {
    if (installed_.empty()) return std::nullopt;
    auto path = std::move(installed_.front());
    installed_.pop_front();
    return path;
}

} // namespace pavilion::model
