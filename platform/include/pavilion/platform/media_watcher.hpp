#pragma once
// Notices content packs arriving: on USB sticks as they are mounted, and in inbox folders as
// files are copied in. It only finds candidates; the pack installer verifies and installs them.
// What it reports (content::MediaEvent, content::PackCandidate) is plain content data, so the
// model can consume it without linking the platform.
//
// Sticks: the mount table (/proc/self/mountinfo) is watched with poll(): the kernel flags
// POLLPRI|POLLERR on it whenever something is mounted or unmounted, and the table is re-read and
// compared. A new mount at or below one of the mount prefixes (/media, /run/media, /mnt) is a
// stick; its PAVILION/ folder is listed for `*.pack` files with a `*.pack.minisig` beside them.
// A mount that disappears is reported as removed.
//
// Inboxes: folders the kiosk owns (an upload over the network, a systemd path unit's drop
// folder). inotify reports files closed after writing or moved in; a file still being written is
// reported once it has been closed, or once its size and time have not changed for settle_time
// (for writers inotify does not see, and for files already there at start).
//
// Every folder is also re-listed every rescan_interval, so a missed event (an inotify queue
// overflow, a mount table read mid-change, a regular file standing in for the mount table in
// tests) costs seconds, never a pack.
//
// Each candidate is reported once per appearance: again only after its pack or signature file
// was replaced, or after it (or its stick) went away and came back. Listing never follows a
// symbolic link: a symlinked PAVILION folder, pack or signature is skipped (lstat semantics), as
// are names starting with '.' (macOS leaves "._name.pack" resource forks on sticks).
//
// The watcher runs on its own thread and hands events over through a queue; the wake callback
// lets a render loop sleeping in glfwWaitEvents pick them up (glfwPostEmptyEvent).

#include "pavilion/content/media_event.hpp"
#include "pavilion/core/expected.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::platform {

struct MediaWatcherOptions {
    std::string mountinfo_path = "/proc/self/mountinfo";
    // A mount at or below one of these is a removable medium: udisks2 mounts under
    // /media/<user> (Raspberry Pi OS) or /run/media/<user>, and by hand people use /mnt.
    std::vector<std::string> mount_prefixes = {"/media", "/run/media", "/mnt"};
    std::string stick_folder = "PAVILION"; // where packs live on a stick
    std::vector<std::string> inbox_dirs;
    // A file nobody is seen closing counts as complete after this long without a change.
    std::chrono::milliseconds settle_time{1000};
    std::chrono::milliseconds rescan_interval{2000};
    // A folder with more entries than this is not a pack folder someone prepared: the rest is
    // ignored (and said so once) rather than stalling the watcher on a huge listing.
    int max_folder_entries = 10000;
    // Called on the watcher thread after events were queued. Must not block, and must stay
    // callable until the watcher is destroyed.
    std::function<void()> wake;
};

class MediaWatcher {
public:
    // Starts the thread; the sticks already mounted and the packs already in the inboxes are
    // reported as they are found. The inbox watches exist when start() returns, so a file
    // closed after that is reported on its close (one already there waits out settle_time).
    // An error only when the watcher cannot run at all: invalid_argument for unusable timings,
    // unavailable without an eventfd or a thread. An unreadable mount table or a missing inbox
    // is a problem event instead, retried on every rescan.
    static core::Expected<std::unique_ptr<MediaWatcher>> start(MediaWatcherOptions options);

    // Stops and joins the thread.
    ~MediaWatcher();
    MediaWatcher(const MediaWatcher&) = delete;
    MediaWatcher& operator=(const MediaWatcher&) = delete;

    // Everything queued since the last call, oldest first. Call from the UI thread after a wake.
    std::vector<content::MediaEvent> drain();

private:
    struct Impl;
    explicit MediaWatcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// One line of /proc/<pid>/mountinfo, the fields the watcher uses, with the kernel's octal
// escapes (\040 for a space, ...) decoded.
struct MountEntry {
    std::int64_t mount_id = 0;
    std::string mount_point;
    std::string fs_type;
    std::string source; // the device, e.g. /dev/sda1
};

// Malformed lines are skipped.
std::vector<MountEntry> parse_mountinfo(std::string_view text);

} // namespace pavilion::platform
