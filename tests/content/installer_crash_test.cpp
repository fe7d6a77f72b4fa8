// kill -9 during an install, at every call the installer makes, at random bytes of its writes
// and at random instants: afterwards exactly the old pack or the new one is active (never
// something in between), it opens cleanly, and the store's start-up cleanup empties staging.
//
// Each install runs in a forked child that the fault seam kills with SIGKILL at call N or after
// N bytes written (a torn write), or that the parent kills after a random delay. The parent then
// opens the store as a restarted kiosk would.

#include "faulty_file_system.hpp"
#include "installer_test_support.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

namespace pavilion::content::test {
namespace {

using pavilion::testing::FaultyFileSystem;
using pavilion::testing::read_bytes;

enum class Outcome { old_pack, new_pack };

class KilledInstall : public ::testing::Test {
protected:
    void SetUp() override {
        // The template: version 2 installed, then 3 (previous 2, current 3); 4 on the stick.
        trust(template_, "operator.pub", key_);
        for (const std::int64_t version : {2, 3}) {
            auto store = open_store(template_);
            PackInstaller installer(store);
            const auto name = "old" + std::to_string(version) + ".pack";
            ASSERT_TRUE(installer.install(stick_.put_version(version, key_.secret, name), options_));
        }
        candidate_ = stick_.put_version(4, key_.secret);
        old_bytes_ = read_bytes(mini_pack_v(3));
        new_bytes_ = read_bytes(mini_pack_v(4));
    }

    void reset_state() {
        std::error_code ec;
        fs::remove_all(state_, ec);
        fs::copy(template_, state_, fs::copy_options::recursive);
    }

    // Forks a child that installs through a seam with `plan`; returns its pid.
    pid_t start_child(const FaultyFileSystem::Plan& plan) {
        const pid_t pid = ::fork();
        if (pid != 0) return pid;
        // The child: no gtest, no exit handlers, only the install.
        auto faulty = std::make_shared<FaultyFileSystem>();
        auto store = PackStore::open(state_, faulty);
        if (!store) ::_exit(3);
        faulty->restart();
        faulty->plan = plan;
        PackInstaller installer(*store);
        ::_exit(installer.install(candidate_, options_) ? 0 : 1);
    }

    static int wait_for(pid_t pid) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        return status;
    }

    // What a restarted kiosk finds: one of the two consistent states, and an empty staging.
    Outcome check_state(const std::string& when) {
        auto store = PackStore::open(state_);
        if (!store) {
            ADD_FAILURE() << when << ": the store does not open: " << store.error().message;
            return Outcome::old_pack;
        }
        EXPECT_TRUE(names_in(state_ + "/staging").empty()) << when;
        const auto active = store->active();
        const auto previous = store->previous();
        if (!active || !*active || !previous || !*previous) {
            ADD_FAILURE() << when << ": no active or previous pack";
            return Outcome::old_pack;
        }
        const auto bytes = read_bytes((*active)->path);
        const bool is_new = (*active)->version == 4;
        EXPECT_TRUE(is_new || (*active)->version == 3) << when << ": version " << (*active)->version;
        EXPECT_EQ((*previous)->version, is_new ? 3 : 2) << when;
        EXPECT_TRUE(bytes == (is_new ? new_bytes_ : old_bytes_)) << when << ": the active pack's bytes";
        EXPECT_TRUE(fs::exists((*active)->path + ".minisig")) << when;
        auto reader = PackReader::open((*active)->path);
        EXPECT_TRUE(reader) << when << ": " << (reader ? "" : reader.error().message);
        return is_new ? Outcome::new_pack : Outcome::old_pack;
    }

    // Now and then, prove the store is not wedged: installing 4 works, or says it is there.
    void check_install_still_works(Outcome outcome, const std::string& when) {
        auto store = open_store(state_);
        PackInstaller installer(store);
        auto result = installer.install(candidate_, options_);
        if (outcome == Outcome::old_pack) {
            EXPECT_TRUE(result) << when << ": " << (result ? "" : result.error().message);
        } else {
            ASSERT_FALSE(result) << when;
            EXPECT_EQ(result.error().code, ErrorCode::not_newer) << when << ": " << result.error().message;
        }
    }

    FastTempDir dir_;
    SigningKey key_ = make_key();
    std::string template_ = dir_ / "template";
    std::string state_ = dir_ / "state";
    Stick stick_{dir_ / "stick"};
    Candidate candidate_;
    InstallOptions options_ = [] {
        auto options = quiet_options();
        options.copy_chunk_bytes = 32 * 1024; // more calls, more places to die in
        return options;
    }();
    std::vector<std::uint8_t> old_bytes_;
    std::vector<std::uint8_t> new_bytes_;
};

TEST_F(KilledInstall, AtEveryCallAtRandomBytesAndAtRandomTimes) {
    // A dry run through the seam: how many calls and bytes an install takes, and which call
    // replaces the pointer file (the instant the new pack becomes current).
    reset_state();
    auto faulty = std::make_shared<FaultyFileSystem>();
    auto store = PackStore::open(state_, faulty);
    ASSERT_TRUE(store);
    faulty->restart();
    const auto started = std::chrono::steady_clock::now();
    {
        PackInstaller installer(*store);
        ASSERT_TRUE(installer.install(candidate_, options_));
    }
    const auto install_time = std::chrono::steady_clock::now() - started;
    const long calls = faulty->calls();
    const std::uint64_t written = faulty->written();
    long switch_call = 0;
    for (std::size_t i = 0; i < faulty->log().size(); ++i) {
        if (faulty->log()[i].find("/staging/pointers.new -> ") != std::string::npos) {
            switch_call = static_cast<long>(i) + 1;
        }
    }
    ASSERT_GT(switch_call, 0) << "the dry run never replaced the pointer file";

    std::mt19937 random(7);
    int runs = 0;
    int kills = 0;
    int by_time = 0;
    Outcome last = Outcome::old_pack;
    std::map<Outcome, int> outcomes;
    auto run = [&](const FaultyFileSystem::Plan& plan, bool must_die, std::int64_t delay_us,
                   const std::string& when) {
        reset_state();
        const pid_t pid = start_child(plan);
        ASSERT_GT(pid, 0);
        if (delay_us >= 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
            ::kill(pid, SIGKILL);
        }
        const int status = wait_for(pid);
        const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        if (must_die) {
            ASSERT_TRUE(killed) << when << ": the child was not killed (status " << status << ")";
        } else if (!killed) {
            ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << when;
        }
        kills += killed;
        by_time += delay_us >= 0 && killed;
        last = check_state(when);
        ++outcomes[last];
        if (!killed) {
            EXPECT_EQ(last, Outcome::new_pack) << when;
        }
        if (++runs % 10 == 0) check_install_still_works(last, when);
    };

    // After every step: SIGKILL instead of call n.
    for (long n = 1; n <= calls && !HasFatalFailure(); ++n) {
        FaultyFileSystem::Plan plan;
        plan.kill_at_call = n;
        run(plan, true, -1, "killed at call " + std::to_string(n) + " (" + faulty->log()[n - 1] + ")");
        // Before the pointer's rename the old pack is current; after it, the new one.
        if (n == switch_call || n == switch_call + 1) {
            EXPECT_EQ(last, n == switch_call ? Outcome::old_pack : Outcome::new_pack) << n;
        }
    }
    // Torn writes: SIGKILL in the middle of a write, anywhere in the bytes written.
    std::uniform_int_distribution<std::uint64_t> byte(0, written - 1);
    for (int i = 0; i < 64 && !HasFatalFailure(); ++i) {
        FaultyFileSystem::Plan plan;
        plan.kill_after_written = byte(random);
        run(plan, true, -1, "killed after " + std::to_string(*plan.kill_after_written) + " bytes");
    }
    // Real time: the parent kills whenever it likes, seam or not.
    const auto span_us = std::chrono::duration_cast<std::chrono::microseconds>(install_time).count();
    std::uniform_int_distribution<std::int64_t> delay(0, span_us * 3 / 2 + 2000);
    // Some of these land after the install finished (that is the point of a random clock), so it
    // tries until 48 have killed it mid-way: the count of kills must not depend on the machine's speed.
    for (int i = 0; by_time < 48 && i < 400 && !HasFatalFailure(); ++i) {
        const auto us = delay(random);
        run(FaultyFileSystem::Plan{}, false, us, "killed after " + std::to_string(us) + " us");
    }

    std::printf("[ crash    ] %ld calls and %llu bytes per install; %d kills (%d by the clock); "
                "%d times the old pack, %d times the new\n",
                calls, static_cast<unsigned long long>(written), kills, by_time,
                outcomes[Outcome::old_pack], outcomes[Outcome::new_pack]);
    EXPECT_GE(kills, 200);
    EXPECT_GT(outcomes[Outcome::old_pack], 0);
    EXPECT_GT(outcomes[Outcome::new_pack], 0);
}

} // namespace
} // namespace pavilion::content::test
