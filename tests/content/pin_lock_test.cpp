// The operator PIN: hashing, the failure counter, lock-outs that grow and survive restarts, a
// counter saved before the comparison, fail-safe on a damaged counter, and clock jumps.

#include "pavilion/content/pin_lock.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace pavilion::content {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::TempDir;
using pavilion::testing::write_text;
using Outcome = PinCheck::Outcome;

// A file system that forwards to the real one and can be told to fail or to "die".
class TestFileSystem : public FileSystem {
public:
    int fsync_error = 0;           // > 0: every fsync fails with -fsync_error
    std::string crash_after_rename; // a target path: after renaming onto it, throw Crash

    struct Crash : std::runtime_error {
        Crash() : std::runtime_error("simulated power cut") {}
    };

    int open(int dir_fd, const std::string& path, int flags, unsigned mode) override {
        return real_.open(dir_fd, path, flags, mode);
    }
    int close(int fd) override { return real_.close(fd); }
    long read(int fd, void* buffer, std::size_t size) override { return real_.read(fd, buffer, size); }
    long write(int fd, const void* data, std::size_t size) override { return real_.write(fd, data, size); }
    int fsync(int fd) override { return fsync_error > 0 ? -fsync_error : real_.fsync(fd); }
    int stat(int fd, FileInfo& info) override { return real_.stat(fd, info); }
    int lstat(const std::string& path, FileInfo& info) override { return real_.lstat(path, info); }
    int available_bytes(int fd, std::uint64_t& bytes) override { return real_.available_bytes(fd, bytes); }
    int rename(const std::string& from, const std::string& to) override {
        const int rc = real_.rename(from, to);
        if (rc == 0 && to == crash_after_rename) throw Crash();
        return rc;
    }
    int unlink(const std::string& path) override { return real_.unlink(path); }
    int mkdir(const std::string& path, unsigned mode) override { return real_.mkdir(path, mode); }
    int list(const std::string& directory, std::vector<std::string>& names) override {
        return real_.list(directory, names);
    }
    int try_lock(int fd) override { return real_.try_lock(fd); }

private:
    PosixFileSystem real_;
};

constexpr std::int64_t kNow = 1'700'000'000; // some wall-clock second

PinLock open_lock(const std::string& dir) {
    Expected<PinLock> lock = PinLock::open(dir, PinHashCost::minimum());
    EXPECT_TRUE(lock) << (lock ? "" : lock.error().message);
    return std::move(lock).value();
}

PinLock lock_with_pin(const std::string& dir, const std::string& pin = "2468") {
    PinLock lock = open_lock(dir);
    const Status set = lock.set_pin(pin);
    EXPECT_TRUE(set) << (set ? "" : set.error().message);
    return lock;
}

PinCheck check(PinLock& lock, const std::string& pin, std::int64_t now) {
    Expected<PinCheck> result = lock.check(pin, now);
    EXPECT_TRUE(result) << (result ? "" : result.error().message);
    return result ? *result : PinCheck{};
}

// Three wrong PINs at `now`: the third starts the first lock-out.
void fail_three_times(PinLock& lock, std::int64_t now) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(check(lock, "0000", now).outcome, Outcome::wrong);
}

TEST(PinLockTest, RightPinIsAccepted) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    EXPECT_TRUE(lock.has_pin());
    EXPECT_EQ(check(lock, "2468", kNow).outcome, Outcome::accepted);
    EXPECT_EQ(lock.failures(), 0);
    EXPECT_TRUE(lock.notice().empty());
}

TEST(PinLockTest, WithoutAPinOperatorModeIsRefused) {
    TempDir dir;
    PinLock lock = open_lock(dir / "state"); // created by open()
    EXPECT_FALSE(lock.has_pin());
    EXPECT_EQ(check(lock, "0000", kNow).outcome, Outcome::not_configured);
    EXPECT_EQ(check(lock, "", kNow).outcome, Outcome::not_configured);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "state"));
}

TEST(PinLockTest, OnlyFourToEightDigitsCanBeSet) {
    TempDir dir;
    PinLock lock = open_lock(dir.path().string());
    for (const char* bad : {"", "123", "123456789", "12a4", "12 34", "１２３４"}) {
        const Status set = lock.set_pin(bad);
        ASSERT_FALSE(set) << bad;
        EXPECT_EQ(set.error().code, ErrorCode::invalid_argument);
    }
    EXPECT_FALSE(lock.has_pin());
    EXPECT_TRUE(lock.set_pin("1234"));
    EXPECT_TRUE(lock.set_pin("12345678"));
    EXPECT_EQ(check(lock, "12345678", kNow).outcome, Outcome::accepted);
    EXPECT_EQ(check(lock, "1234", kNow).outcome, Outcome::wrong); // replaced
}

TEST(PinLockTest, TheFileHoldsAnArgon2idHashOnlyTheOwnerCanRead) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string(), "86420135");
    const std::string stored = read_text(dir / "operator-pin");
    EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u) << stored;
    EXPECT_EQ(stored.find("86420135"), std::string::npos);
    struct stat st {};
    ASSERT_EQ(::stat((dir / "operator-pin").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((dir / "operator-pin-attempts").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(std::filesystem::exists(dir / "operator-pin.tmp"));
}

TEST(PinLockTest, TheDefaultCostHashesAndVerifies) {
    TempDir dir;
    Expected<PinLock> lock = PinLock::open(dir.path().string());
    ASSERT_TRUE(lock);
    ASSERT_TRUE(lock->set_pin("97531"));
    // The parameters of INTERACTIVE are in the stored string: 64 MiB, 2 passes.
    EXPECT_NE(read_text(dir / "operator-pin").find("$m=65536,t=2,"), std::string::npos);
    EXPECT_EQ(check(*lock, "97531", kNow).outcome, Outcome::accepted);
}

TEST(PinLockTest, WrongPinsCountDownToALockOut) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    PinCheck first = check(lock, "1111", kNow);
    EXPECT_EQ(first.outcome, Outcome::wrong);
    EXPECT_EQ(first.attempts_left, 2);
    EXPECT_EQ(first.seconds_remaining, 0);
    EXPECT_EQ(check(lock, "abcd", kNow).attempts_left, 1); // not even digits: still a guess
    PinCheck third = check(lock, "3333", kNow);
    EXPECT_EQ(third.outcome, Outcome::wrong);
    EXPECT_EQ(third.attempts_left, 0);
    EXPECT_EQ(third.seconds_remaining, 30);

    // While locked even the right PIN is not compared.
    PinCheck locked = check(lock, "2468", kNow + 10);
    EXPECT_EQ(locked.outcome, Outcome::locked);
    EXPECT_EQ(locked.seconds_remaining, 20);
    EXPECT_EQ(lock.locked_for(kNow + 29), 1);
    EXPECT_EQ(lock.locked_for(kNow + 30), 0);
    EXPECT_EQ(check(lock, "2468", kNow + 30).outcome, Outcome::accepted);
    EXPECT_EQ(lock.failures(), 0);
    EXPECT_EQ(check(lock, "1111", kNow + 31).attempts_left, 2); // a fresh start
}

TEST(PinLockTest, LockOutsDoubleUpToAnHour) {
    EXPECT_EQ(PinLock::lockout_after(0), 0);
    EXPECT_EQ(PinLock::lockout_after(2), 0);
    EXPECT_EQ(PinLock::lockout_after(3), 30);
    EXPECT_EQ(PinLock::lockout_after(4), 60);
    EXPECT_EQ(PinLock::lockout_after(5), 120);
    EXPECT_EQ(PinLock::lockout_after(9), 1920);
    EXPECT_EQ(PinLock::lockout_after(10), 3600);
    EXPECT_EQ(PinLock::lockout_after(1000), 3600);

    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    std::int64_t now = kNow;
    fail_three_times(lock, now);
    for (const std::int64_t expected : {60, 120, 240}) {
        now += lock.locked_for(now); // wait out the lock
        const PinCheck result = check(lock, "9999", now);
        EXPECT_EQ(result.outcome, Outcome::wrong);
        EXPECT_EQ(result.attempts_left, 0);
        EXPECT_EQ(result.seconds_remaining, expected);
    }
}

TEST(PinLockTest, ALockOutSurvivesARestart) {
    TempDir dir;
    {
        PinLock lock = lock_with_pin(dir.path().string());
        fail_three_times(lock, kNow);
    }
    PinLock reopened = open_lock(dir.path().string());
    EXPECT_TRUE(reopened.notice().empty()) << reopened.notice();
    EXPECT_EQ(reopened.failures(), 3);
    const PinCheck result = check(reopened, "2468", kNow + 5);
    EXPECT_EQ(result.outcome, Outcome::locked);
    EXPECT_EQ(result.seconds_remaining, 25);
    // And the next failure after it doubles, as if there had been no restart.
    EXPECT_EQ(check(reopened, "0000", kNow + 30).seconds_remaining, 60);
}

TEST(PinLockTest, TheCounterIsSavedBeforeThePinIsCompared) {
    TempDir dir;
    auto fs = std::make_shared<TestFileSystem>();
    {
        Expected<PinLock> lock = PinLock::open(dir.path().string(), PinHashCost::minimum(), fs);
        ASSERT_TRUE(lock);
        ASSERT_TRUE(lock->set_pin("2468"));
        // The process dies right after the counter reached the disk, before the comparison
        // (or during it): even with the right PIN, the attempt stays counted.
        fs->crash_after_rename = dir / "operator-pin-attempts";
        EXPECT_THROW(static_cast<void>(lock->check("2468", kNow)), TestFileSystem::Crash);
    }
    PinLock restarted = open_lock(dir.path().string());
    EXPECT_EQ(restarted.failures(), 1);
    EXPECT_EQ(check(restarted, "0000", kNow + 1).attempts_left, 1);
}

TEST(PinLockTest, ACounterThatCannotBeSavedRefusesOperatorMode) {
    TempDir dir;
    auto fs = std::make_shared<TestFileSystem>();
    Expected<PinLock> lock = PinLock::open(dir.path().string(), PinHashCost::minimum(), fs);
    ASSERT_TRUE(lock);
    ASSERT_TRUE(lock->set_pin("2468"));
    fs->fsync_error = ENOSPC;
    const Expected<PinCheck> result = lock->check("2468", kNow); // the right PIN
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::io);
    EXPECT_NE(result.error().message.find("cannot be saved"), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find("No space left on device"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "operator-pin-attempts.tmp"));
}

TEST(PinLockTest, AMissingCounterFileLocksAsAPrecaution) {
    TempDir dir;
    lock_with_pin(dir.path().string());
    std::filesystem::remove(dir / "operator-pin-attempts");

    PinLock lock = open_lock(dir.path().string());
    EXPECT_NE(lock.notice().find("missing"), std::string::npos) << lock.notice();
    EXPECT_EQ(lock.locked_for(kNow), 30);
    const PinCheck result = check(lock, "2468", kNow);
    EXPECT_EQ(result.outcome, Outcome::locked);
    EXPECT_EQ(result.seconds_remaining, 30);
    EXPECT_EQ(check(lock, "2468", kNow + 30).outcome, Outcome::accepted);
}

TEST(PinLockTest, ADamagedCounterFileLocksAsAPrecaution) {
    TempDir dir;
    {
        PinLock lock = lock_with_pin(dir.path().string());
        check(lock, "0000", kNow);
        check(lock, "0000", kNow);
    }
    // A bit flipped on the card: two failures would read as none.
    std::string counter = read_text(dir / "operator-pin-attempts");
    const std::size_t at = counter.find("failures 2");
    ASSERT_NE(at, std::string::npos) << counter;
    counter[at + 9] = '0';
    write_text(dir / "operator-pin-attempts", counter);

    PinLock lock = open_lock(dir.path().string());
    EXPECT_NE(lock.notice().find("damaged"), std::string::npos) << lock.notice();
    EXPECT_EQ(check(lock, "2468", kNow + 1).outcome, Outcome::locked);
    // The worst case is assumed: the next wrong PIN after the precaution doubles the delay.
    EXPECT_EQ(check(lock, "0000", kNow + 31).seconds_remaining, 60);

    write_text(dir / "operator-pin-attempts", "\x00\x01garbage");
    EXPECT_EQ(open_lock(dir.path().string()).locked_for(kNow), 30);
}

TEST(PinLockTest, ADamagedPinFileRefusesOperatorMode) {
    TempDir dir;
    lock_with_pin(dir.path().string());
    write_text(dir / "operator-pin", "$argon2id$v=19$m=oops\n");
    PinLock lock = open_lock(dir.path().string());
    EXPECT_FALSE(lock.has_pin());
    EXPECT_NE(lock.notice().find("operator-pin is damaged"), std::string::npos) << lock.notice();
    EXPECT_EQ(check(lock, "2468", kNow).outcome, Outcome::not_configured);
}

TEST(PinLockTest, AnOversizedPinFileIsDamagedAndSaysWhy) {
    TempDir dir;
    lock_with_pin(dir.path().string());
    write_text(dir / "operator-pin", std::string(4096, '$'));
    PinLock lock = open_lock(dir.path().string());
    EXPECT_FALSE(lock.has_pin());
    EXPECT_NE(lock.notice().find("operator-pin is damaged (File too large)"), std::string::npos)
        << lock.notice();
}

TEST(PinLockTest, AClockGoingBackNeitherUnlocksNorExtends) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    fail_three_times(lock, kNow); // locked until kNow + 30
    EXPECT_EQ(check(lock, "2468", kNow + 10).seconds_remaining, 20);

    // The clock jumps back by a day: the 20 s that remained still remain, counted from now.
    const std::int64_t back = kNow - 86400;
    EXPECT_EQ(lock.locked_for(back), 20);
    EXPECT_EQ(check(lock, "2468", back).seconds_remaining, 20);
    EXPECT_EQ(check(lock, "2468", back + 19).seconds_remaining, 1);
    EXPECT_EQ(check(lock, "2468", back + 20).outcome, Outcome::accepted);
}

TEST(PinLockTest, AClockGoingBackAcrossARestartKeepsTheLock) {
    TempDir dir;
    {
        PinLock lock = lock_with_pin(dir.path().string());
        fail_three_times(lock, kNow);
    }
    // A Pi without a real-time clock boots with a stale time.
    PinLock lock = open_lock(dir.path().string());
    const std::int64_t stale = kNow - 3600;
    const PinCheck result = check(lock, "2468", stale);
    EXPECT_EQ(result.outcome, Outcome::locked);
    EXPECT_EQ(result.seconds_remaining, 30);
}

} // namespace
} // namespace pavilion::content
