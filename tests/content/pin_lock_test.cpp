// The operator PIN: hashing, the failure counter, lock-outs that grow and survive restarts, a
// counter saved before the comparison, fail-safe on a damaged counter, clock jumps, checks
// during a lock-out that change nothing, and recovery with an unlock token after three lock-outs.

#include "pavilion/content/pin_lock.hpp"
#include "pavilion/content/unlock_token.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
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

// The counter file's check line, as PinLock writes it.
std::string blake2b_128_hex(const std::string& body) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

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

// Checks while locked are not guesses: they neither count, nor restart the pause, nor make the
// next one longer, however many come.
TEST(PinLockTest, ChecksDuringALockOutChangeNothing) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    fail_three_times(lock, kNow); // locked until kNow + 30
    for (std::int64_t t = kNow; t < kNow + 30; ++t) {
        for (int i = 0; i < 10; ++i) {
            const PinCheck result = check(lock, "0000", t);
            ASSERT_EQ(result.outcome, Outcome::locked);
            ASSERT_EQ(result.seconds_remaining, kNow + 30 - t);
        }
    }
    EXPECT_EQ(lock.failures(), 3);
    EXPECT_EQ(check(lock, "0000", kNow + 30).seconds_remaining, 60) << "the next pause is the schedule's, no longer";
}

TEST(PinLockTest, LockOutsNeverExceedAnHour) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    std::int64_t now = kNow;
    for (int failure = 1; failure <= 20; ++failure) {
        now += lock.locked_for(now);
        const PinCheck result = check(lock, "9999", now);
        ASSERT_EQ(result.outcome, Outcome::wrong);
        EXPECT_LE(result.seconds_remaining, PinLock::max_lockout_seconds) << failure;
        EXPECT_EQ(result.seconds_remaining, PinLock::lockout_after(failure)) << failure;
    }
}

// After the first two lock-outs no code; the failure that starts the third brings one, and it
// stays the same through later lock-outs and restarts.
TEST(PinLockTest, TheThirdLockOutOffersARecoveryCode) {
    EXPECT_FALSE(PinLock::offers_recovery(4));
    EXPECT_TRUE(PinLock::offers_recovery(5));
    TempDir dir;
    std::string code;
    {
        PinLock lock = lock_with_pin(dir.path().string());
        std::int64_t now = kNow;
        for (int failure = 1; failure <= 4; ++failure) {
            now += lock.locked_for(now);
            EXPECT_EQ(check(lock, "9999", now).recovery_code, "") << failure;
        }
        EXPECT_EQ(lock.recovery_code(), "");
        now += lock.locked_for(now);
        const PinCheck third = check(lock, "9999", now);
        EXPECT_EQ(third.seconds_remaining, 120);
        code = third.recovery_code;
        ASSERT_EQ(normalize_recovery_code(code), code);
        EXPECT_EQ(check(lock, "2468", now + 1).recovery_code, code) << "a locked check names it too";
        now += lock.locked_for(now);
        EXPECT_EQ(check(lock, "9999", now).recovery_code, code) << "the fourth lock-out keeps the code";
    }
    PinLock reopened = open_lock(dir.path().string());
    EXPECT_TRUE(reopened.notice().empty()) << reopened.notice();
    EXPECT_EQ(reopened.recovery_code(), code) << "kept in the counter file";
    EXPECT_EQ(reopened.status(kNow).recovery_code, code);
}

TEST(PinLockTest, TheRightPinEndsTheRecoveryToo) {
    TempDir dir;
    PinLock lock = lock_with_pin(dir.path().string());
    std::int64_t now = kNow;
    for (int failure = 1; failure <= 5; ++failure) check(lock, "9999", now += lock.locked_for(now));
    ASSERT_FALSE(lock.recovery_code().empty());
    EXPECT_EQ(check(lock, "2468", now += lock.locked_for(now)).outcome, Outcome::accepted);
    EXPECT_EQ(lock.recovery_code(), "");
    EXPECT_EQ(open_lock(dir.path().string()).recovery_code(), "");
}

class PinRecovery : public ::testing::Test {
protected:
    void SetUp() override {
        auto files = minisign::generate_key_pair();
        ASSERT_TRUE(files);
        key_ = *minisign::parse_secret_key(files->secret_key_file);
        trusted_ = {minisign::public_key_of(key_)};
        for (int failure = 1; failure <= 5; ++failure) check(lock_, "9999", now_ += lock_.locked_for(now_));
        ASSERT_EQ(lock_.locked_for(now_), 120);
        code_ = lock_.recovery_code();
        ASSERT_FALSE(code_.empty());
    }
    std::string token_for(const std::string& code) const { return *make_unlock_token(key_, code); }

    TempDir dir_;
    PinLock lock_ = lock_with_pin(dir_.path().string());
    std::int64_t now_ = kNow;
    minisign::SecretKey key_;
    std::vector<minisign::PublicKey> trusted_;
    std::string code_;
};

TEST_F(PinRecovery, ATokenForTheCodeEndsTheLockOutOnce) {
    const auto key = lock_.unlock_with_token(token_for(code_), trusted_, now_ + 1);
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_EQ(*key, key_.key_id);
    EXPECT_EQ(lock_.locked_for(now_ + 1), 0);
    EXPECT_EQ(lock_.failures(), 0);
    EXPECT_EQ(lock_.recovery_code(), "");
    EXPECT_EQ(check(lock_, "2468", now_ + 2).outcome, Outcome::accepted) << "the old PIN still works";
    // The same token again: there is no code to name any more.
    const auto again = lock_.unlock_with_token(token_for(code_), trusted_, now_ + 3);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::invalid_argument);
}

TEST_F(PinRecovery, TheUnlockSurvivesARestart) {
    ASSERT_TRUE(lock_.unlock_with_token(token_for(code_), trusted_, now_ + 1));
    PinLock reopened = open_lock(dir_.path().string());
    EXPECT_EQ(reopened.failures(), 0);
    EXPECT_EQ(reopened.locked_for(now_ + 2), 0);
    EXPECT_EQ(reopened.recovery_code(), "");
}

TEST_F(PinRecovery, ATokenForAnotherCodeOrKeyLeavesTheLockAsItWas) {
    const std::string other = code_ == "0000000000" ? "0000000001" : "0000000000";
    const auto wrong_code = lock_.unlock_with_token(token_for(other), trusted_, now_ + 1);
    ASSERT_FALSE(wrong_code);
    EXPECT_EQ(wrong_code.error().code, ErrorCode::tampered);
    const auto no_keys = lock_.unlock_with_token(token_for(code_), {}, now_ + 1);
    ASSERT_FALSE(no_keys);
    EXPECT_EQ(no_keys.error().code, ErrorCode::untrusted);
    EXPECT_EQ(lock_.locked_for(now_ + 1), 119);
    EXPECT_EQ(lock_.failures(), 5);
    EXPECT_EQ(lock_.recovery_code(), code_);
}

TEST_F(PinRecovery, AnUnlockThatCannotBeSavedClearsNothing) {
    auto fs = std::make_shared<TestFileSystem>();
    Expected<PinLock> opened = PinLock::open(dir_.path().string(), PinHashCost::minimum(), fs);
    ASSERT_TRUE(opened);
    fs->fsync_error = EIO;
    const auto unlocked = opened->unlock_with_token(token_for(code_), trusted_, now_ + 1);
    ASSERT_FALSE(unlocked);
    EXPECT_EQ(unlocked.error().code, ErrorCode::io);
    EXPECT_EQ(opened->locked_for(now_ + 1), 119);
    EXPECT_EQ(opened->recovery_code(), code_) << "the token can be tried again";
}

TEST_F(PinRecovery, ANewPinEndsTheRecovery) {
    ASSERT_TRUE(lock_.set_pin("1357"));
    EXPECT_EQ(lock_.recovery_code(), "");
    EXPECT_FALSE(lock_.unlock_with_token(token_for(code_), trusted_, now_ + 1));
}

// A counter file written before recovery codes existed (format 1) is read as it was; one whose
// recovery line is not a code is damaged.
TEST(PinLockTest, CounterFilesOfFormatOneStillReadAndBadCodesAreDamage) {
    TempDir dir;
    lock_with_pin(dir.path().string());
    const std::string v1 = "pavilion-pin-attempts 1\nfailures 3\nlocked-until 1700000030\nlast-seen 1700000000\n";
    write_text(dir / "operator-pin-attempts", v1 + "check " + blake2b_128_hex(v1) + "\n");
    PinLock old = open_lock(dir.path().string());
    EXPECT_TRUE(old.notice().empty()) << old.notice();
    EXPECT_EQ(old.failures(), 3);
    EXPECT_EQ(old.locked_for(kNow + 10), 20);

    const std::string bad = "pavilion-pin-attempts 2\nfailures 5\nlocked-until 1700000030\nlast-seen "
                            "1700000000\nrecovery ../../x\n";
    write_text(dir / "operator-pin-attempts", bad + "check " + blake2b_128_hex(bad) + "\n");
    EXPECT_NE(open_lock(dir.path().string()).notice().find("damaged"), std::string::npos);
}

// A keypad that counts a lock-out down from status() finds the PIN compared when it ends, also
// after the clock went back and after a damaged counter file: it never waits twice.
TEST(PinLockTest, TheStatusAKeypadCountsDownIsTheWholeWait) {
    TempDir dir;
    {
        PinLock lock = lock_with_pin(dir.path().string());
        fail_three_times(lock, kNow); // locked until kNow + 30
    }
    PinLock lock = open_lock(dir.path().string());
    const std::int64_t back = kNow - 86400;
    EXPECT_EQ(lock.status(back).locked_seconds, 30);
    EXPECT_EQ(check(lock, "2468", back + 30).outcome, Outcome::accepted);

    std::filesystem::remove(dir / "operator-pin-attempts");
    PinLock precaution = open_lock(dir.path().string());
    EXPECT_EQ(precaution.status(kNow).locked_seconds, 30);
    EXPECT_EQ(check(precaution, "2468", kNow + 30).outcome, Outcome::accepted);
}

} // namespace
} // namespace pavilion::content
