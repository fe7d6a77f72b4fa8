#include "pavilion/platform/media_watcher.hpp"

#include "media_watcher_folder.hpp"
#include "unique_fd.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace pavilion::platform {

// --- the mount table ---------------------------------------------------------------------------

namespace {

// mountinfo escapes space, tab, newline and backslash in paths as \ooo (three octal digits).
std::string unescape_octal(std::string_view field) {
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        const auto octal = [&](std::size_t at) { return field[at] >= '0' && field[at] <= '7'; };
        if (field[i] == '\\' && i + 3 < field.size() && octal(i + 1) && octal(i + 2) && octal(i + 3)) {
            out += static_cast<char>(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

std::vector<std::string_view> split_spaces(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (at < line.size()) {
        const std::size_t end = std::min(line.find(' ', at), line.size());
        if (end > at) fields.push_back(line.substr(at, end - at));
        at = end + 1;
    }
    return fields;
}

} // namespace

std::vector<MountEntry> parse_mountinfo(std::string_view text) {
    // "36 35 98:0 /root /mnt/point rw,noatime master:1 - ext3 /dev/sda1 rw": id, parent,
    // device, root, mount point, options, optional fields up to "-", type, source, options.
    std::vector<MountEntry> entries;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::vector<std::string_view> fields = split_spaces(text.substr(at, end - at));
        at = end + 1;
        const auto separator = std::find(fields.begin(), fields.end(), std::string_view("-"));
        if (fields.size() < 6 || separator - fields.begin() < 6 || fields.end() - separator < 3) continue;
        MountEntry entry;
        try {
            entry.mount_id = std::stoll(std::string(fields[0]));
        } catch (const std::exception&) {
            continue;
        }
        entry.mount_point = unescape_octal(fields[4]);
        entry.fs_type = unescape_octal(separator[1]);
        entry.source = unescape_octal(separator[2]);
        entries.push_back(std::move(entry));
    }
    return entries;
}

namespace {

std::string error_text(int error) { return std::generic_category().message(error); }

// The whole mount table, read through a fresh descriptor: a test's table replaced by rename is
// seen, and /proc files are generated anew on each open.
core::Expected<std::string> read_mount_table(const std::string& path) {
    const auto failure = [&path](const std::string& why) {
        return core::make_error(core::ErrorCode::io, "cannot read the mount table " + path + ": " + why);
    };
    const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return failure(error_text(errno));
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return failure(error_text(errno));
        if (got == 0) return text;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > 16 * 1024 * 1024) return failure("larger than 16 MB");
    }
}

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

bool at_or_below(const std::string& path, const std::string& prefix) {
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    return path.size() == prefix.size() || prefix == "/" || path[prefix.size()] == '/';
}

// The hand-over from the watcher thread to the UI thread.
class EventQueue {
public:
    explicit EventQueue(std::function<void()> wake) : wake_(std::move(wake)) {}

    void push(std::vector<content::MediaEvent>& events) {
        if (events.empty()) return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            std::move(events.begin(), events.end(), std::back_inserter(events_));
        }
        events.clear();
        if (wake_) wake_(); // outside the lock: the UI thread may be about to drain
    }

    std::vector<content::MediaEvent> drain() {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(events_, {});
    }

private:
    std::mutex mutex_;
    std::vector<content::MediaEvent> events_;
    std::function<void()> wake_;
};

content::MediaEvent problem_event(std::string message) {
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::problem;
    event.message = std::move(message);
    return event;
}

// Reports message once, until a different one (or none) replaces it.
void report_once(std::string& last, std::string message, std::vector<content::MediaEvent>& out) {
    if (message == last) return;
    last = std::move(message);
    if (!last.empty()) out.push_back(problem_event(last));
}

} // namespace

// --- the watcher -------------------------------------------------------------------------------

struct MediaWatcher::Impl {
    using Clock = media::Clock;

    struct Stick {
        std::int64_t mount_id;
        media::PackFolder folder;
    };
    struct Inbox {
        media::PackFolder folder;
        int watch = -1; // inotify watch descriptor; -1 until the folder exists
        std::string last_problem;
    };

    Impl(MediaWatcherOptions opts, Fd stop)
        : options(std::move(opts)), queue(options.wake), stop_fd(std::move(stop)) {
        for (std::string& prefix : options.mount_prefixes) prefix = without_trailing_slash(prefix);
        for (const std::string& dir : options.inbox_dirs)
            inboxes.push_back(Inbox{media::PackFolder(content::PackCandidate::Source::inbox, without_trailing_slash(dir), "", options.max_folder_entries), -1, ""});
    }

    ~Impl() { stop(); }

    void start() { thread = std::thread([this] { run(); }); }

    void stop() {
        if (!thread.joinable()) return;
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t written = ::write(stop_fd.get(), &one, sizeof one);
        thread.join();
    }

    // Nothing may escape a std::thread (std::terminate): a failure becomes the last event.
    void run() noexcept {
        try {
            loop();
        } catch (const std::exception& e) {
            finish_quietly(std::string("media watcher stopped: ") + e.what());
        } catch (...) {
            finish_quietly("media watcher stopped: unknown error");
        }
    }

    void finish_quietly(std::string reason) noexcept {
        try {
            std::vector<content::MediaEvent> out{problem_event(std::move(reason))};
            queue.push(out);
        } catch (...) {
            // Out of memory, or the wake callback threw: nothing left to report with.
        }
    }

    // On the caller's thread, before the watcher thread starts: once start() has returned, a
    // file written into an inbox is seen closing (else it would wait out the settle time).
    void prepare() {
        std::vector<content::MediaEvent> out;
        open_watches(out);
        queue.push(out);
    }

    void loop() {
        std::vector<content::MediaEvent> out;
        Clock::time_point now = Clock::now();
        refresh_mounts(now, out);
        std::optional<Clock::time_point> next_settle = scan_inboxes(now, out);
        queue.push(out);
        Clock::time_point next_rescan = now + options.rescan_interval;

        for (;;) {
            const Clock::time_point deadline = next_settle ? std::min(*next_settle, next_rescan) : next_rescan;
            pollfd fds[3] = {{stop_fd.get(), POLLIN, 0},
                             {inotify_fd.get(), POLLIN, 0},
                             // A mount or unmount raises POLLPRI|POLLERR (proc(5), mountinfo).
                             {mountinfo_fd.get(), POLLPRI, 0}};
            if (::poll(fds, 3, timeout_ms(deadline)) < 0 && errno != EINTR) {
                finish_quietly("media watcher stopped: poll failed: " + error_text(errno));
                return;
            }
            if (fds[0].revents != 0) return; // stop() asked
            if (fds[1].revents & POLLIN) read_inotify();
            now = Clock::now();
            const bool rescan = now >= next_rescan;
            if (rescan) {
                next_rescan = now + options.rescan_interval;
                open_watches(out);
            }
            if (rescan || (fds[2].revents & (POLLPRI | POLLERR))) refresh_mounts(now, out);
            if (rescan) {
                for (auto& [mount_point, stick] : sticks) stick.folder.scan(now, options.settle_time, out);
            }
            next_settle = scan_inboxes(now, out);
            queue.push(out);
        }
    }

    static int timeout_ms(Clock::time_point deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        // +1: poll() rounds down, and waking just before the deadline would spin once more.
        return static_cast<int>(std::clamp<long long>(left + 1, 0, INT_MAX));
    }

    // The inotify instance, the inbox watches and the mount table's descriptor: made on start and
    // retried on every rescan, so an inbox created later is picked up.
    void open_watches(std::vector<content::MediaEvent>& out) {
        if (!mountinfo_fd) {
            mountinfo_fd = Fd(::open(options.mountinfo_path.c_str(), O_RDONLY | O_CLOEXEC));
            // No report here: refresh_mounts() reads the same file and says why it cannot.
        }
        if (!inotify_fd && !inboxes.empty()) {
            inotify_fd = Fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
            report_once(inotify_problem,
                        inotify_fd ? "" : "inotify is unavailable (" + error_text(errno) + "); inboxes are checked every " +
                                              std::to_string(options.rescan_interval.count()) + " ms",
                        out);
        }
        if (!inotify_fd) return;
        const std::uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                   IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
        for (Inbox& inbox : inboxes) {
            if (inbox.watch >= 0) continue;
            inbox.watch = ::inotify_add_watch(inotify_fd.get(), inbox.folder.dir().c_str(), mask);
            report_once(inbox.last_problem,
                        inbox.watch >= 0 ? "" : "cannot watch inbox " + inbox.folder.dir() + ": " + error_text(errno),
                        out);
        }
    }

    // Notes which inbox files were closed after writing; the scan that follows does the rest.
    void read_inotify() {
        alignas(inotify_event) char buffer[16 * 1024];
        for (;;) {
            const ssize_t got = ::read(inotify_fd.get(), buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return; // EAGAIN: drained
            for (ssize_t at = 0; at < got;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
                for (Inbox& inbox : inboxes) {
                    if (inbox.watch != event->wd) continue;
                    if (event->mask & IN_IGNORED) inbox.watch = -1; // folder gone: re-added on a rescan
                    if (event->len > 0 && (event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)))
                        inbox.folder.mark_closed(event->name);
                }
                // IN_Q_OVERFLOW needs nothing: every inbox is listed after every wake-up.
            }
        }
    }

    std::optional<Clock::time_point> scan_inboxes(Clock::time_point now, std::vector<content::MediaEvent>& out) {
        std::optional<Clock::time_point> next;
        for (Inbox& inbox : inboxes) {
            const auto settle = inbox.folder.scan(now, options.settle_time, out);
            if (settle && (!next || *settle < *next)) next = settle;
        }
        return next;
    }

    bool removable(const std::string& mount_point) const {
        return std::any_of(options.mount_prefixes.begin(), options.mount_prefixes.end(),
                           [&](const std::string& prefix) { return at_or_below(mount_point, prefix); });
    }

    // Re-reads the mount table and reports sticks that left or arrived. A stick unmounted and
    // mounted again between two reads gets a new mount id, so it still counts as a new arrival.
    void refresh_mounts(Clock::time_point now, std::vector<content::MediaEvent>& out) {
        const core::Expected<std::string> text = read_mount_table(options.mountinfo_path);
        if (!text) {
            report_once(mount_problem, text.error().message, out);
            return;
        }
        report_once(mount_problem, "", out);
        std::map<std::string, std::int64_t> mounted; // a later mount on the same point hides the earlier
        for (const MountEntry& entry : parse_mountinfo(*text))
            if (removable(entry.mount_point)) mounted[entry.mount_point] = entry.mount_id;

        for (auto it = sticks.begin(); it != sticks.end();) {
            const auto still = mounted.find(it->first);
            if (still != mounted.end() && still->second == it->second.mount_id) {
                ++it;
                continue;
            }
            content::MediaEvent removed;
            removed.type = content::MediaEvent::Type::stick_removed;
            removed.mount_point = it->first;
            out.push_back(std::move(removed));
            it = sticks.erase(it);
        }
        for (const auto& [mount_point, mount_id] : mounted) {
            if (sticks.count(mount_point)) continue;
            content::MediaEvent inserted;
            inserted.type = content::MediaEvent::Type::stick_inserted;
            inserted.mount_point = mount_point;
            out.push_back(std::move(inserted));
            const std::string folder = (mount_point == "/" ? "" : mount_point) + "/" + options.stick_folder;
            Stick& stick = sticks.emplace(mount_point, Stick{mount_id, media::PackFolder(content::PackCandidate::Source::stick, folder, mount_point, options.max_folder_entries)})
                               .first->second;
            stick.folder.scan(now, options.settle_time, out);
        }
    }

    MediaWatcherOptions options;
    EventQueue queue;
    Fd stop_fd;      // an eventfd: written once to end poll() in the thread
    Fd inotify_fd;   // -1 without inboxes
    Fd mountinfo_fd; // held open only for poll(); the table is read through a fresh descriptor
    std::map<std::string, Stick> sticks; // by mount point
    std::vector<Inbox> inboxes;
    std::string mount_problem;
    std::string inotify_problem;
    std::thread thread; // last: started after everything it uses exists, joined in ~Impl
};

core::Expected<std::unique_ptr<MediaWatcher>> MediaWatcher::start(MediaWatcherOptions options) {
    using core::ErrorCode;
    if (options.rescan_interval.count() <= 0 || options.settle_time.count() < 0)
        return core::make_error(ErrorCode::invalid_argument,
                                "media watcher: the rescan interval must be positive and the settle time not negative");
    if (options.max_folder_entries <= 0)
        return core::make_error(ErrorCode::invalid_argument, "media watcher: max_folder_entries must be positive");
    Fd stop(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!stop)
        return core::make_error(ErrorCode::unavailable,
                                "cannot create an eventfd for the media watcher: " + error_text(errno));
    auto impl = std::make_unique<Impl>(std::move(options), std::move(stop));
    impl->prepare();
    try {
        impl->start();
    } catch (const std::system_error& e) {
        return core::make_error(ErrorCode::unavailable, std::string("cannot start the media watcher thread: ") + e.what());
    }
    return std::unique_ptr<MediaWatcher>(new MediaWatcher(std::move(impl)));
}

MediaWatcher::MediaWatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

MediaWatcher::~MediaWatcher() = default; // ~Impl stops and joins the thread

std::vector<content::MediaEvent> MediaWatcher::drain() { return impl_->queue.drain(); }

} // namespace pavilion::platform
