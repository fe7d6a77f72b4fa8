#pragma once
// USB and inbox updates for a running kiosk: the media watcher reports signed packs, a worker
// thread installs them (never the render thread, so the visitor's screen keeps moving), and
// the render thread polls for what to show — progress, the outcome — and for a newly installed
// pack to switch to without a restart.

#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_store.hpp"
#include "pavilion/platform/media_watcher.hpp"
#include "pavilion/screens/operator_screens.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace pavilion::shell {

class UpdateService {
public:
    // state_dir: the device's state (PackStore). inboxes: extra folders to watch. wake: called
    // from other threads when something happened (the live loop sleeps until then).
    static std::unique_ptr<UpdateService> start(const std::string& state_dir, const std::vector<std::string>& inboxes,
                                                std::function<void()> wake, std::string& error);
    ~UpdateService(); // cancels a running copy and joins the worker
    UpdateService(const UpdateService&) = delete;
    UpdateService& operator=(const UpdateService&) = delete;

    content::PackStore& store() { return store_; }
    // Render thread, every frame: takes the watcher's news; new candidates are installed
    // automatically (only newer signed packs get in; the installer decides).
    void poll();
    // What to draw over the visitor's screen now: progress, or an outcome for a while after.
    std::optional<screens::UpdateBanner> banner() const;
    // A pack installed since the last call: switch to it. Once per install.
    std::optional<std::string> take_installed();
    // Packs on sticks and in inboxes now, for the operator panel.
    const std::vector<platform::PackCandidate>& candidates() const { return candidates_; }
    // The PAVILION folder of a stick that is in, for exports; "" when none.
    std::string stick_folder() const;
    // The operator's choice: install this one even if it is not newer.
    void install(const platform::PackCandidate& candidate, bool force);
    // Lines worth showing in the operator's log (also printed to stderr as they happen).
    std::vector<std::string> take_log_lines();

private:
    struct Job {
        platform::PackCandidate candidate;
        bool force = false;
    };
    enum class Phase { idle, copying, done, failed };
    using Clock = std::chrono::steady_clock;

    UpdateService(content::PackStore store, std::function<void()> wake);
    void work();
    void run(const Job& job);
    void log(const std::string& line);

    content::PackStore store_;
    std::function<void()> wake_;
    std::unique_ptr<platform::MediaWatcher> watcher_;
    std::vector<platform::PackCandidate> candidates_; // render thread
    std::vector<std::string> sticks_;                 // mount points, render thread

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable work_ready_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    Phase phase_ = Phase::idle;
    std::string current_name_;
    std::uint64_t copied_ = 0, total_ = 0;
    Clock::time_point copy_started_, finished_at_;
    std::string outcome_;
    std::optional<std::string> installed_path_;
    std::vector<std::string> log_lines_;
    std::atomic<bool> cancel_{false};
    std::thread worker_;
};

} // namespace pavilion::shell
