// The systemd notifier against a real socket: the test binds a unix datagram socket, points
// NOTIFY_SOCKET at it as systemd does, sets WATCHDOG_USEC/WATCHDOG_PID, and reads what
// sd_notify sent.

#include "pavilion/platform/service_notifier.hpp"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::platform {
namespace {

using namespace std::chrono_literals;

// Saves and restores the variables systemd hands a service, so tests cannot leak into each other.
class EnvironmentGuard {
public:
    EnvironmentGuard() {
        for (const char* name : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"}) {
            const char* value = std::getenv(name);
            saved_.push_back({name, value ? std::optional<std::string>(value) : std::nullopt});
            unsetenv(name);
        }
    }
    ~EnvironmentGuard() {
        for (const auto& [name, value] : saved_) {
            if (value) setenv(name.c_str(), value->c_str(), 1);
            else unsetenv(name.c_str());
        }
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// A bound unix datagram socket in a fresh temporary directory: systemd's side of NOTIFY_SOCKET.
class NotifySocket {
public:
    NotifySocket() {
        char pattern[] = "/tmp/pavilion-notify-XXXXXX";
        const char* dir = mkdtemp(pattern);
        if (dir == nullptr) return;
        dir_ = dir;
        path_ = dir_ + "/notify";
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path_.c_str(), sizeof(address.sun_path) - 1);
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
            close_socket();
        }
    }
    ~NotifySocket() {
        close_socket();
        if (!path_.empty()) unlink(path_.c_str());
        if (!dir_.empty()) rmdir(dir_.c_str());
    }
    bool ok() const { return fd_ >= 0; }
    const std::string& path() const { return path_; }

    // The next message, or "" when none is waiting (sd_notify has returned, so a sent datagram
    // is already queued: no waiting needed).
    std::string receive() {
        char buffer[4096];
        const ssize_t n = recv(fd_, buffer, sizeof(buffer), MSG_DONTWAIT);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }

private:
    void close_socket() {
        if (fd_ >= 0) close(fd_);
        fd_ = -1;
    }

    std::string dir_;
    std::string path_;
    int fd_ = -1;
};

TEST(ServiceNotifier, WithoutServiceManagerEverythingIsANoOp) {
    EnvironmentGuard guard;
    ServiceNotifier notifier;
    EXPECT_FALSE(notifier.enabled());
    EXPECT_EQ(notifier.watchdog_interval_ms(), 0);
    EXPECT_EQ(notifier.ms_until_next_ping(ServiceNotifier::Clock::now()), -1);
    EXPECT_FALSE(notifier.watchdog_ping(ServiceNotifier::Clock::now()));
    notifier.ready();
    notifier.status("idle");
    notifier.stopping();
}

TEST(ServiceNotifier, SendsReadyStatusAndStoppingToTheNotifySocket) {
    EnvironmentGuard guard;
    NotifySocket socket;
    ASSERT_TRUE(socket.ok());
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);

    ServiceNotifier notifier;
    ASSERT_TRUE(notifier.enabled());
    EXPECT_EQ(notifier.watchdog_interval_ms(), 0); // no WatchdogSec=

    notifier.ready("home, pack default 4");
    EXPECT_EQ(socket.receive(), "READY=1\nSTATUS=home, pack default 4");
    notifier.status("pack update\nfrom USB");
    EXPECT_EQ(socket.receive(), "STATUS=pack update from USB");
    notifier.stopping();
    EXPECT_EQ(socket.receive(), "STOPPING=1");
    EXPECT_EQ(socket.receive(), "");

    // No watchdog: pings are not sent at all.
    EXPECT_FALSE(notifier.watchdog_ping(ServiceNotifier::Clock::now()));
    EXPECT_EQ(socket.receive(), "");
}

TEST(ServiceNotifier, WatchdogPingsAreRateLimitedToHalfTheInterval) {
    EnvironmentGuard guard;
    NotifySocket socket;
    ASSERT_TRUE(socket.ok());
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    setenv("WATCHDOG_USEC", "10000000", 1); // WatchdogSec=10
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);

    ServiceNotifier notifier;
    EXPECT_EQ(notifier.watchdog_interval_ms(), 10000);

    const auto t0 = ServiceNotifier::Clock::time_point{} + 1000s;
    EXPECT_EQ(notifier.ms_until_next_ping(t0), 0); // the first ping is due at once
    EXPECT_TRUE(notifier.watchdog_ping(t0));
    EXPECT_EQ(socket.receive(), "WATCHDOG=1");

    // A render loop at 60 Hz calls it every frame: only one ping per 5 s goes out.
    for (auto t = t0 + 16ms; t < t0 + 5s; t += 16ms) {
        ASSERT_FALSE(notifier.watchdog_ping(t));
    }
    EXPECT_EQ(socket.receive(), "");
    EXPECT_EQ(notifier.ms_until_next_ping(t0 + 3s), 2000);
    EXPECT_EQ(notifier.ms_until_next_ping(t0 + 6s), 0);

    EXPECT_TRUE(notifier.watchdog_ping(t0 + 5s));
    EXPECT_EQ(socket.receive(), "WATCHDOG=1");
    EXPECT_FALSE(notifier.watchdog_ping(t0 + 7s));
    EXPECT_TRUE(notifier.watchdog_ping(t0 + 12s)); // late, but still sent
    EXPECT_EQ(socket.receive(), "WATCHDOG=1");
    EXPECT_EQ(socket.receive(), "");
}

TEST(ServiceNotifier, WatchdogForTheParentCountsBecauseCageIsTheMainProcess) {
    EnvironmentGuard guard;
    NotifySocket socket;
    ASSERT_TRUE(socket.ok());
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    setenv("WATCHDOG_USEC", "4000000", 1);
    setenv("WATCHDOG_PID", std::to_string(getppid()).c_str(), 1);

    ServiceNotifier notifier;
    EXPECT_EQ(notifier.watchdog_interval_ms(), 4000);
    EXPECT_TRUE(notifier.watchdog_ping(ServiceNotifier::Clock::now()));
    EXPECT_EQ(socket.receive(), "WATCHDOG=1");
}

TEST(ServiceNotifier, WatchdogMeantForAnotherProcessIsIgnored) {
    EnvironmentGuard guard;
    NotifySocket socket;
    ASSERT_TRUE(socket.ok());
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    setenv("WATCHDOG_USEC", "4000000", 1);
    // A pid that is neither this process nor its parent.
    pid_t other = 1;
    while (other == getpid() || other == getppid()) ++other;
    setenv("WATCHDOG_PID", std::to_string(other).c_str(), 1);

    ServiceNotifier notifier;
    EXPECT_EQ(notifier.watchdog_interval_ms(), 0);
    EXPECT_FALSE(notifier.watchdog_ping(ServiceNotifier::Clock::now()));
    EXPECT_EQ(socket.receive(), "");
}

TEST(ServiceNotifier, MalformedWatchdogIntervalMeansNoWatchdog) {
    EnvironmentGuard guard;
    NotifySocket socket;
    ASSERT_TRUE(socket.ok());
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    setenv("WATCHDOG_USEC", "ten seconds", 1);
    setenv("WATCHDOG_PID", std::to_string(getppid()).c_str(), 1);

    ServiceNotifier notifier;
    EXPECT_EQ(notifier.watchdog_interval_ms(), 0);
    EXPECT_EQ(notifier.ms_until_next_ping(ServiceNotifier::Clock::now()), -1);
}

} // namespace
} // namespace pavilion::platform
