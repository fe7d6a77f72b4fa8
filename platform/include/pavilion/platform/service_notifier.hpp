#pragma once
// Telling systemd how the kiosk is doing (sd_notify): READY=1 once the first frame is on the
// screen, WATCHDOG=1 from the render loop, STATUS=... for `systemctl status`, STOPPING=1.
//
// Without a service manager (NOTIFY_SOCKET unset: a desktop, the tests, --screenshot) every call
// is a cheap no-op. pavilion.service runs the kiosk as a child of cage, with NotifyAccess=all,
// so systemd's WATCHDOG_PID names cage, the kiosk's parent: the watchdog counts as ours when
// WATCHDOG_PID is this process (or unset) or its parent, and the pings come from the render loop
// itself, so a hung frame stops them and systemd restarts the service.
//
// Not thread-safe: call it from the render loop's thread. libsystemd stays out of this header.

#include <chrono>
#include <cstdint>
#include <string>

namespace pavilion::platform {

class ServiceNotifier {
public:
    using Clock = std::chrono::steady_clock;

    // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID once.
    ServiceNotifier();

    // True when a service manager listens (NOTIFY_SOCKET is set).
    bool enabled() const { return enabled_; }

    // READY=1 (and a STATUS line): call once, after the first complete frame was presented.
    void ready(const std::string& status_text = "running");

    // WATCHDOG=1, at most once per half watchdog interval; true when a ping was sent.
    bool watchdog_ping(Clock::time_point now);

    // The watchdog interval systemd set (WatchdogSec=), in ms; 0 when there is no watchdog.
    std::int64_t watchdog_interval_ms() const { return watchdog_interval_ms_; }

    // How long the render loop may sleep before the next ping is due, in ms: 0 when it is due
    // now, -1 when there is no watchdog (sleep as long as you like).
    std::int64_t ms_until_next_ping(Clock::time_point now) const;

    // STATUS=text (one line; newlines become spaces), shown by `systemctl status pavilion`.
    void status(const std::string& text);

    // STOPPING=1: a clean exit is under way.
    void stopping();

private:
    bool send(const std::string& message);

    bool enabled_ = false;
    std::int64_t watchdog_interval_ms_ = 0;
    bool pinged_ = false;
    Clock::time_point last_ping_{};
};

} // namespace pavilion::platform
