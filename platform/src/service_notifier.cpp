#include "pavilion/platform/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

namespace pavilion::platform {
namespace {

// A decimal environment variable, or 0 when unset or malformed.
unsigned long long env_number(const char* name) {
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0') return 0;
    errno = 0;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || end == nullptr || *end != '\0') return 0;
    return value;
}

// WATCHDOG_USEC when the watchdog is meant for this process, else 0.
std::uint64_t watchdog_usec() {
    std::uint64_t usec = 0;
    // sd_watchdog_enabled checks WATCHDOG_PID against getpid() (or accepts it unset).
    if (sd_watchdog_enabled(0, &usec) > 0) return usec;
    // Under cage the service's main process is cage, our parent: systemd names it in
    // WATCHDOG_PID, and NotifyAccess=all lets the child's pings through.
    const auto pid = env_number("WATCHDOG_PID");
    if (pid != 0 && pid == static_cast<unsigned long long>(getppid())) return env_number("WATCHDOG_USEC");
    return 0;
}

} // namespace

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    enabled_ = socket != nullptr && *socket != '\0';
    if (enabled_) watchdog_interval_ms_ = static_cast<std::int64_t>(watchdog_usec() / 1000);
}

bool ServiceNotifier::send(const std::string& message) {
    if (!enabled_) return false;
    return sd_notify(0, message.c_str()) > 0;
}

void ServiceNotifier::ready(const std::string& status_text) {
    std::string text = status_text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    send("READY=1\nSTATUS=" + text);
}

bool ServiceNotifier::watchdog_ping(Clock::time_point now) {
    if (!enabled_ || watchdog_interval_ms_ <= 0) return false;
    if (pinged_ && ms_until_next_ping(now) > 0) return false;
    if (!send("WATCHDOG=1")) return false;
    pinged_ = true;
    last_ping_ = now;
    return true;
}

std::int64_t ServiceNotifier::ms_until_next_ping(Clock::time_point now) const {
    if (!enabled_ || watchdog_interval_ms_ <= 0) return -1;
    if (!pinged_) return 0;
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - last_ping_).count();
    return std::max<std::int64_t>(0, watchdog_interval_ms_ / 2 - elapsed);
}

void ServiceNotifier::status(const std::string& text) {
    std::string line = text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    send("STATUS=" + line);
}

void ServiceNotifier::stopping() { send("STOPPING=1"); }

} // namespace pavilion::platform
