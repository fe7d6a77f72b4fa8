#include "update_service.hpp"

#include <algorithm>
#include <cstdio>

namespace pavilion::shell {
namespace {

constexpr auto kOutcomeShownFor = std::chrono::seconds(12);

std::string file_name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

std::unique_ptr<UpdateService> UpdateService::start(const std::string& state_dir,
                                                    const std::vector<std::string>& inboxes,
                                                    std::function<void()> wake, std::string& error) {
    auto store = content::PackStore::open(state_dir);
    if (!store) {
        error = store.error().message;
        return nullptr;
    }
    std::unique_ptr<UpdateService> service(new UpdateService(std::move(store).value(), std::move(wake)));
    for (const auto& line : service->store_.open_messages()) service->log(line);
    platform::MediaWatcherOptions options;
    options.inbox_dirs = inboxes;
    options.wake = service->wake_;
    std::string watch_error;
    service->watcher_ = platform::MediaWatcher::start(options, watch_error);
    if (!service->watcher_) service->log("updates: cannot watch for sticks: " + watch_error);
    service->worker_ = std::thread([raw = service.get()] { raw->work(); });
    return service;
}

UpdateService::UpdateService(content::PackStore store, std::function<void()> wake)
    : store_(std::move(store)), wake_(std::move(wake)) {}

UpdateService::~UpdateService() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cancel_ = true;
    work_ready_.notify_all();
    if (worker_.joinable()) worker_.join();
    watcher_.reset();
}

void UpdateService::log(const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
    std::lock_guard<std::mutex> lock(mutex_);
    log_lines_.push_back(line);
}

std::vector<std::string> UpdateService::take_log_lines() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> lines;
    lines.swap(log_lines_);
    return lines;
}

void UpdateService::poll() {
    if (!watcher_) return;
    for (auto& event : watcher_->drain()) {
        using Type = platform::MediaEvent::Type;
        switch (event.type) {
        case Type::stick_inserted:
            sticks_.push_back(event.mount_point);
            log("updates: stick at " + event.mount_point);
            break;
        case Type::stick_removed:
            sticks_.erase(std::remove(sticks_.begin(), sticks_.end(), event.mount_point), sticks_.end());
            candidates_.erase(std::remove_if(candidates_.begin(), candidates_.end(),
                                             [&](const auto& c) { return c.mount_point == event.mount_point; }),
                              candidates_.end());
            log("updates: stick removed from " + event.mount_point);
            break;
        case Type::candidate:
            candidates_.erase(std::remove_if(candidates_.begin(), candidates_.end(),
                                             [&](const auto& c) { return c.pack_path == event.candidate.pack_path; }),
                              candidates_.end());
            candidates_.push_back(event.candidate);
            log("updates: found " + event.candidate.pack_path);
            install(event.candidate, false);
            break;
        case Type::problem: log("updates: " + event.message); break;
        }
    }
}

std::string UpdateService::stick_folder() const {
    for (const auto& candidate : candidates_)
        if (candidate.kind == platform::PackCandidate::Source::stick) return candidate.source_dir;
    return sticks_.empty() ? "" : sticks_.back() + "/PAVILION";
}

void UpdateService::install(const platform::PackCandidate& candidate, bool force) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back({candidate, force});
    }
    work_ready_.notify_one();
}

void UpdateService::work() {
    while (true) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            phase_ = Phase::copying;
            current_name_ = file_name(job.candidate.pack_path);
            copied_ = total_ = 0;
            copy_started_ = Clock::now();
        }
        run(job);
        if (wake_) wake_();
    }
}

void UpdateService::run(const Job& job) {
    auto candidate = content::candidate_from_path(job.candidate.pack_path);
    content::InstallOptions options;
    options.force = job.force;
    options.cancel = &cancel_;
    options.on_progress = [this](std::uint64_t copied, std::uint64_t total) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            copied_ = copied;
            total_ = total;
        }
        if (wake_) wake_(); // the progress bar moves
    };
    options.on_warning = [this](const std::string& line) { log("updates: " + line); };
    if (candidate) {
        const auto signature = file_name(job.candidate.signature_path);
        if (signature != candidate->pack_name + ".minisig") candidate->signature_name = signature;
    }
    content::PackInstaller installer(store_);
    auto result = candidate ? installer.install(*candidate, options) : content::Expected<content::InstallResult>(candidate.error());
    std::lock_guard<std::mutex> lock(mutex_);
    finished_at_ = Clock::now();
    if (result) {
        phase_ = Phase::done;
        outcome_ = "Now showing " + result->claim.pack_id + ", version " + std::to_string(result->claim.version);
        if (!result->unchanged) installed_path_ = result->installed.path;
        log_lines_.push_back("updates: installed " + result->installed.path + " (key " + result->key_id + ")");
    } else if (!job.force && result.error().code == content::ErrorCode::invalid_argument &&
               (result.error().message.find("installed already") != std::string::npos ||
                result.error().message.find("is older than") != std::string::npos)) {
        // A stick or inbox still holding a pack that is already in: nothing to tell visitors
        // (the report file beside it says so), or every boot would flash "Update failed".
        phase_ = Phase::idle;
        log_lines_.push_back("updates: skipped: " + result.error().message);
    } else {
        phase_ = Phase::failed;
        outcome_ = result.error().message;
        log_lines_.push_back("updates: refused: " + outcome_);
    }
    std::fprintf(stderr, "%s\n", log_lines_.back().c_str());
}

std::optional<screens::UpdateBanner> UpdateService::banner() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (phase_ == Phase::idle) return std::nullopt;
    screens::UpdateBanner banner;
    banner.title = current_name_;
    const auto now = Clock::now();
    if (phase_ == Phase::copying) {
        banner.copied_mb = static_cast<double>(copied_) / 1e6;
        banner.total_mb = static_cast<double>(total_) / 1e6;
        const double elapsed = std::chrono::duration<double>(now - copy_started_).count();
        if (copied_ > 0 && total_ > copied_ && elapsed > 0.3)
            banner.seconds_left = elapsed * static_cast<double>(total_ - copied_) / static_cast<double>(copied_);
        banner.state = total_ > 0 && copied_ >= total_ ? screens::UpdateBanner::State::verifying
                                                      : screens::UpdateBanner::State::copying;
        return banner;
    }
    if (now - finished_at_ > kOutcomeShownFor) return std::nullopt;
    banner.state = phase_ == Phase::done ? screens::UpdateBanner::State::installed : screens::UpdateBanner::State::failed;
    banner.message = outcome_;
    return banner;
}

std::optional<std::string> UpdateService::take_installed() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto path = std::move(installed_path_);
    installed_path_.reset();
    return path;
}

} // namespace pavilion::shell
