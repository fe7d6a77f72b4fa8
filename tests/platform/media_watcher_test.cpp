// The media watcher on a fake mount table and real folders: sticks mounted and removed, their
// PAVILION/ packs (symlinks skipped), and inbox files reported once, when complete.

#include "pavilion/platform/media_watcher.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace pavilion::platform {
namespace {

namespace fs = std::filesystem;
using content::MediaEvent;
using content::PackCandidate;
using pavilion::testing::TempDir;
using pavilion::testing::write_text;
using Type = MediaEvent::Type;
using namespace std::chrono_literals;

// Gathers events as the watcher's wake callback announces them. Declared before the watcher, so
// it outlives the thread that calls wake().
class Collector {
public:
    std::function<void()> wake() {
        return [this] {
            std::lock_guard<std::mutex> lock(mutex_);
            ++wakes_;
            woken_.notify_all();
        };
    }

    // Drains until `done` holds for everything collected so far, or the timeout passes.
    bool wait_until(MediaWatcher& watcher, const std::function<bool(const std::vector<MediaEvent>&)>& done,
                    std::chrono::milliseconds timeout = 5s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            std::unique_lock<std::mutex> lock(mutex_);
            const int seen = wakes_;
            lock.unlock();
            for (MediaEvent& event : watcher.drain()) events.push_back(std::move(event));
            if (done(events)) return true;
            lock.lock();
            if (!woken_.wait_until(lock, deadline, [&] { return wakes_ != seen; })) {
                lock.unlock();
                for (MediaEvent& event : watcher.drain()) events.push_back(std::move(event));
                return done(events);
            }
        }
    }

    std::vector<MediaEvent> events;

private:
    std::mutex mutex_;
    std::condition_variable woken_;
    int wakes_ = 0;
};

std::function<bool(const std::vector<MediaEvent>&)> has(Type type, const std::string& needle) {
    return [type, needle](const std::vector<MediaEvent>& events) {
        return std::any_of(events.begin(), events.end(), [&](const MediaEvent& event) {
            const std::string& text = type == Type::candidate ? event.candidate.pack_path
                                      : type == Type::problem ? event.message
                                                              : event.mount_point;
            return event.type == type && text.find(needle) != std::string::npos;
        });
    };
}

int count(const std::vector<MediaEvent>& events, Type type, const std::string& needle = "") {
    return static_cast<int>(std::count_if(events.begin(), events.end(), [&](const MediaEvent& event) {
        const std::string& text = type == Type::candidate ? event.candidate.pack_path : event.mount_point;
        return event.type == type && text.find(needle) != std::string::npos;
    }));
}

// A mountinfo line as the kernel writes it: spaces in paths become \040.
std::string mount_line(int id, const std::string& mount_point) {
    std::string escaped;
    for (const char c : mount_point) escaped += c == ' ' ? std::string("\\040") : std::string(1, c);
    return std::to_string(id) + " 1 8:1 / " + escaped + " rw,nosuid,nodev,relatime shared:50 - vfat /dev/sda1 rw,uid=1000\n";
}

const std::string kRoot = "22 1 179:2 / / rw,noatime shared:1 - ext4 /dev/mmcblk0p2 rw\n";

// Replaced by rename, as the kernel's table changes: a reader never sees half a file.
void write_mountinfo(const std::string& path, const std::string& text) {
    write_text(path + ".new", text);
    fs::rename(path + ".new", path);
}

// A pack and its signature, each written and closed.
void put_pack(const fs::path& dir, const std::string& name) {
    write_text((dir / (name + ".pack.minisig")).string(), "untrusted comment: signature\n");
    write_text((dir / (name + ".pack")).string(), "SQLite format 3 pretend pack " + name);
}

struct Fixture {
    TempDir temp;
    fs::path media = temp.path() / "media";
    std::string mountinfo = temp / "mountinfo";

    MediaWatcherOptions options(Collector& collector) {
        fs::create_directories(media);
        MediaWatcherOptions options;
        options.mountinfo_path = mountinfo;
        options.mount_prefixes = {media.string()};
        options.rescan_interval = 25ms;
        options.settle_time = 100ms;
        options.wake = collector.wake();
        return options;
    }
};

std::unique_ptr<MediaWatcher> start(MediaWatcherOptions options) {
    auto watcher = MediaWatcher::start(std::move(options));
    EXPECT_TRUE(watcher) << watcher.error().message;
    return watcher ? std::move(watcher).value() : nullptr;
}

TEST(MediaWatcherTest, UnusableTimingsAreRefusedWithOneLine) {
    Fixture f;
    Collector collector;
    MediaWatcherOptions no_rescan = f.options(collector);
    no_rescan.rescan_interval = 0ms;
    const auto refused = MediaWatcher::start(std::move(no_rescan));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
    EXPECT_NE(refused.error().message.find("rescan interval must be positive"), std::string::npos)
        << refused.error().message;

    MediaWatcherOptions negative_settle = f.options(collector);
    negative_settle.settle_time = -1ms;
    const auto also_refused = MediaWatcher::start(std::move(negative_settle));
    ASSERT_FALSE(also_refused);
    EXPECT_EQ(also_refused.error().code, core::ErrorCode::invalid_argument);

    MediaWatcherOptions no_entries = f.options(collector);
    no_entries.max_folder_entries = 0;
    const auto nothing_listed = MediaWatcher::start(std::move(no_entries));
    ASSERT_FALSE(nothing_listed);
    EXPECT_EQ(nothing_listed.error().code, core::ErrorCode::invalid_argument);
}

TEST(MediaWatcherTest, ParsesTheKernelsMountTable) {
    const std::vector<MountEntry> entries = parse_mountinfo(
        kRoot + "not a mount line\n" +
        "95 22 8:1 / /media/pi/MY\\040STICK rw,relatime shared:50 master:3 - vfat /dev/sda1 rw\n" +
        "96 22 0:5 / /run/weird\\134name rw - tmpfs tmpfs rw\n");
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].mount_point, "/");
    EXPECT_EQ(entries[1].mount_id, 95);
    EXPECT_EQ(entries[1].mount_point, "/media/pi/MY STICK");
    EXPECT_EQ(entries[1].fs_type, "vfat");
    EXPECT_EQ(entries[1].source, "/dev/sda1");
    EXPECT_EQ(entries[2].mount_point, "/run/weird\\name");
}

TEST(MediaWatcherTest, AStickMountedLaterIsReportedWithItsSignedPacks) {
    Fixture f;
    Collector collector;
    write_mountinfo(f.mountinfo, kRoot);
    auto watcher = start(f.options(collector));
    ASSERT_TRUE(watcher);

    // The stick's files, before the mount shows up in the table.
    const fs::path stick = f.media / "pi" / "MY STICK";
    const fs::path packs = stick / "PAVILION";
    fs::create_directories(packs);
    put_pack(packs, "expo-2024");
    write_text((packs / "unsigned.pack").string(), "no signature beside it");
    put_pack(f.temp.path(), "outside"); // symlinked from the stick: never followed
    fs::create_symlink(f.temp.path() / "outside.pack", packs / "link.pack");
    write_text((packs / "link.pack.minisig").string(), "signature");
    write_text((packs / "sig-link.pack").string(), "pack");
    fs::create_symlink(f.temp.path() / "outside.pack.minisig", packs / "sig-link.pack.minisig");
    put_pack(packs, "._expo-2024"); // a macOS resource fork
    write_mountinfo(f.mountinfo, kRoot + mount_line(95, stick.string()));

    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "expo-2024.pack")));
    // The stick and its candidates arrive in one batch, so nothing else can be on its way.
    const std::vector<MediaEvent>& events = collector.events;
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].type, Type::stick_inserted);
    EXPECT_EQ(events[0].mount_point, stick.string());
    const PackCandidate& candidate = events[1].candidate;
    EXPECT_EQ(candidate.pack_path, (packs / "expo-2024.pack").string());
    EXPECT_EQ(candidate.signature_path, (packs / "expo-2024.pack.minisig").string());
    EXPECT_EQ(candidate.source_dir, packs.string());
    EXPECT_EQ(candidate.kind, PackCandidate::Source::stick);
    EXPECT_EQ(candidate.mount_point, stick.string());

    // Unmounted: reported, once.
    write_mountinfo(f.mountinfo, kRoot);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::stick_removed, "MY STICK")));
    EXPECT_EQ(count(collector.events, Type::stick_removed), 1);

    // Plugged in again (a new mount id): a new appearance, so the pack is offered again.
    write_mountinfo(f.mountinfo, kRoot + mount_line(97, stick.string()));
    ASSERT_TRUE(collector.wait_until(*watcher, [](const std::vector<MediaEvent>& all) {
        return count(all, Type::candidate, "expo-2024") == 2;
    }));
    EXPECT_EQ(count(collector.events, Type::stick_inserted), 2);
    EXPECT_EQ(count(collector.events, Type::candidate), 2);
}

TEST(MediaWatcherTest, AStickAlreadyMountedAtStartIsReported) {
    Fixture f;
    Collector collector;
    const fs::path stick = f.media / "USB";
    fs::create_directories(stick / "PAVILION");
    put_pack(stick / "PAVILION", "default");
    write_mountinfo(f.mountinfo, kRoot + mount_line(40, stick.string()));
    auto watcher = start(f.options(collector));
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "default.pack")));
    EXPECT_EQ(count(collector.events, Type::stick_inserted, "USB"), 1);
}

TEST(MediaWatcherTest, ASymlinkedPavilionFolderIsSkipped) {
    Fixture f;
    Collector collector;
    const fs::path elsewhere = f.temp.path() / "elsewhere";
    fs::create_directories(elsewhere);
    put_pack(elsewhere, "planted");
    const fs::path stick = f.media / "TRICK";
    fs::create_directories(stick);
    fs::create_directory_symlink(elsewhere, stick / "PAVILION");
    write_mountinfo(f.mountinfo, kRoot + mount_line(41, stick.string()));
    auto watcher = start(f.options(collector));
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::problem, "symbolic link")));
    EXPECT_EQ(count(collector.events, Type::stick_inserted), 1);
    EXPECT_EQ(count(collector.events, Type::candidate), 0);
}

TEST(MediaWatcherTest, AnInboxFileIsReportedOnceWhenClosed) {
    Fixture f;
    Collector collector;
    const fs::path inbox = f.temp.path() / "inbox";
    fs::create_directories(inbox);
    MediaWatcherOptions options = f.options(collector);
    options.inbox_dirs = {inbox.string()};
    options.settle_time = 60s; // only a close may report a file in this test
    auto watcher = start(std::move(options));
    ASSERT_TRUE(watcher);

    // A pack still being written: its signature is complete, the pack is open.
    write_text((inbox / "big.pack.minisig").string(), "signature");
    const int fd = ::open((inbox / "big.pack").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::write(fd, "first half ", 11), 11);

    // Another pack copied in whole; by the time it is reported the open one was looked at too.
    put_pack(inbox, "small");
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "small.pack")));
    EXPECT_EQ(count(collector.events, Type::candidate, "big.pack"), 0);

    ASSERT_EQ(::write(fd, "second half", 11), 11);
    ASSERT_EQ(::close(fd), 0);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "big.pack")));
    const auto big = std::find_if(collector.events.begin(), collector.events.end(), [](const MediaEvent& e) {
        return e.candidate.pack_path.find("big.pack") != std::string::npos;
    });
    EXPECT_EQ(big->candidate.kind, PackCandidate::Source::inbox);
    EXPECT_EQ(big->candidate.source_dir, inbox.string());
    EXPECT_EQ(big->candidate.mount_point, "");

    // Moved in (rsync, scp to a temp name): reported on IN_MOVED_TO. Meanwhile many rescans
    // have listed the inbox, and nothing came twice.
    put_pack(f.temp.path(), "moved");
    fs::rename(f.temp.path() / "moved.pack.minisig", inbox / "moved.pack.minisig");
    fs::rename(f.temp.path() / "moved.pack", inbox / "moved.pack");
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "moved.pack")));
    EXPECT_EQ(count(collector.events, Type::candidate, "small.pack"), 1);
    EXPECT_EQ(count(collector.events, Type::candidate, "big.pack"), 1);

    // Replaced by a new version: a new appearance.
    write_text((inbox / "small.pack").string(), "a newer, longer pretend pack");
    ASSERT_TRUE(collector.wait_until(*watcher, [](const std::vector<MediaEvent>& all) {
        return count(all, Type::candidate, "small.pack") == 2;
    }));
}

TEST(MediaWatcherTest, FilesNobodyIsSeenClosingCountOnceTheyStopChanging) {
    Fixture f;
    Collector collector;
    const fs::path inbox = f.temp.path() / "inbox";
    fs::create_directories(inbox);
    put_pack(inbox, "waiting"); // there before the watcher: no inotify event will come
    MediaWatcherOptions options = f.options(collector);
    options.inbox_dirs = {inbox.string()};
    options.settle_time = 200ms;
    const auto started = std::chrono::steady_clock::now();
    auto watcher = start(std::move(options));
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "waiting.pack")));
    EXPECT_GE(std::chrono::steady_clock::now() - started, 200ms);
    EXPECT_EQ(count(collector.events, Type::candidate), 1);
}

TEST(MediaWatcherTest, AnInboxCreatedLaterIsWatchedFromThen) {
    Fixture f;
    Collector collector;
    const fs::path inbox = f.temp.path() / "later";
    MediaWatcherOptions options = f.options(collector);
    options.inbox_dirs = {inbox.string()};
    auto watcher = start(std::move(options));
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::problem, "cannot watch inbox")));
    fs::create_directories(inbox);
    put_pack(inbox, "late");
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "late.pack")));
}

TEST(MediaWatcherTest, AHugeFolderIsListedOnlyInPartAndSaysSo) {
    Fixture f;
    Collector collector;
    const fs::path inbox = f.temp.path() / "crowded";
    fs::create_directories(inbox);
    for (int i = 0; i < 30; ++i) write_text((inbox / ("note-" + std::to_string(i))).string(), "");
    MediaWatcherOptions options = f.options(collector);
    options.inbox_dirs = {inbox.string()};
    options.max_folder_entries = 20;
    auto watcher = start(std::move(options));
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::problem, "holds more than 20 entries")));
    EXPECT_TRUE(has(Type::problem, inbox.string())(collector.events)) << "the problem names the folder";
}

TEST(MediaWatcherTest, AnUnreadableMountTableIsAProblemNotAFailure) {
    Fixture f;
    Collector collector;
    auto watcher = start(f.options(collector)); // no mountinfo file yet
    ASSERT_TRUE(watcher);
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::problem, "cannot read the mount table")));
    const fs::path stick = f.media / "LATE";
    fs::create_directories(stick / "PAVILION");
    put_pack(stick / "PAVILION", "p");
    write_mountinfo(f.mountinfo, kRoot + mount_line(50, stick.string()));
    ASSERT_TRUE(collector.wait_until(*watcher, has(Type::candidate, "p.pack")));
}

} // namespace
} // namespace pavilion::platform
