#include "pavilion/core/kiosk_session.hpp"

#include <algorithm>
#include <utility>

namespace pavilion::core {

using Phase = KioskSession::IdleStatus::Phase;

namespace {

// The countdown is shown in whole seconds; next_deadline() wakes the loop when that number changes.
constexpr Millis kCountdownTickMs = 1000;

SessionSettings sanitized(SessionSettings settings) {
    settings.idle_timeout_ms = std::max<Millis>(settings.idle_timeout_ms, 0);
    settings.countdown_ms = std::max<Millis>(settings.countdown_ms, 0);
    return settings;
}

} // namespace

KioskSession::KioskSession(SessionSettings settings)
    : settings_(sanitized(std::move(settings))), locale_(settings_.default_locale) {}

void KioskSession::set_locale(std::string locale) {
    if (!locale.empty()) locale_ = std::move(locale);
}

bool KioskSession::on_touch(Millis now) {
    if (navigator_.at_attract()) return false;
    const bool dismissed = phase_ == Phase::still_there;
    timer_running_ = true;
    last_activity_ = now;
    phase_ = Phase::active;
    return dismissed;
}

KioskSession::IdleStatus KioskSession::update(Millis now) {
    if (navigator_.at_attract()) {
        // Also covers a reset made directly on the navigator: no timer until the next wake.
        timer_running_ = false;
        phase_ = Phase::attract;
        return report(Phase::attract, 0);
    }
    // Woken since the last look (navigator().wake() or open()), or the clock went backwards:
    // count from now, as if the visitor had just touched.
    if (!timer_running_ || now < last_activity_) {
        timer_running_ = true;
        last_activity_ = now;
    }
    const Millis idle = now - last_activity_;
    const Millis ends = settings_.idle_timeout_ms + settings_.countdown_ms;
    if (idle >= ends) {
        end_session();
        return report(Phase::attract, 0);
    }
    if (idle >= settings_.idle_timeout_ms) {
        phase_ = Phase::still_there;
        return report(Phase::still_there, ends - idle);
    }
    phase_ = Phase::active;
    return report(Phase::active, 0);
}

Millis KioskSession::next_deadline(Millis now) const {
    if (navigator_.at_attract()) return kNoDeadline;
    if (!timer_running_ || now < last_activity_) return now;
    const Millis still_there_at = last_activity_ + settings_.idle_timeout_ms;
    const Millis ends_at = still_there_at + settings_.countdown_ms;
    if (now < still_there_at) return still_there_at;
    if (now >= ends_at) return now;
    // Next time the remaining whole seconds (rounded up) drop by one, or the end if sooner.
    const Millis remaining = ends_at - now;
    const Millis to_tick = remaining % kCountdownTickMs == 0 ? kCountdownTickMs
                                                             : remaining % kCountdownTickMs;
    return std::min(now + to_tick, ends_at);
}

void KioskSession::end_session() {
    navigator_.reset_to_attract();
    locale_ = settings_.default_locale;
    larger_text_ = false;
    high_contrast_ = false;
    timer_running_ = false;
    phase_ = Phase::attract;
}

KioskSession::IdleStatus KioskSession::report(Phase phase, Millis remaining_ms) {
    IdleStatus status;
    status.phase = phase;
    status.remaining_ms = remaining_ms;
    status.changed = phase != reported_;
    reported_ = phase;
    return status;
}

} // namespace pavilion::core
