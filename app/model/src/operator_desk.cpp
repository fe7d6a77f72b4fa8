// Operator mode's way in and its PIN pad. The panel's facts and actions: operator_panel.cpp.

#include "pavilion/model/operator_desk.hpp"

#include <algorithm>

namespace pavilion::model {

using Notice = OperatorNotice;
using Kind = OperatorNotice::Kind;

OperatorDesk::OperatorDesk(Device& device, UpdateService* updates, Workers& workers, EventLog& log,
                           std::function<std::int64_t()> wall_clock_s, ShowPack show_pack)
    : device_(device), updates_(updates), workers_(workers), log_(log), wall_clock_s_(std::move(wall_clock_s)),
      show_pack_(std::move(show_pack)) {}

bool OperatorDesk::watch(const std::vector<core::PointerEvent>& events, core::Millis now, float corner_px) {
    if (!mode_.watch(events, now, corner_px)) return false;
    notice_ = {};
    checking_pin_ = false;
    const auto generation = ++visit_generation_;
    log_.add("operator: keypad opened");
    // Whether an earlier lock-out still holds: the keypad shows its countdown at once.
    if (device_.pins) {
        workers_.device.post([this, generation] {
            const auto seconds = device_.pins->locked_for(wall_clock_s_());
            workers_.results.post([this, generation, seconds] {
                if (generation == visit_generation_ && seconds > 0) locked_until_s_ = wall_clock_s_() + seconds;
            });
        });
    }
    return true;
}

bool OperatorDesk::tick(core::Millis now) {
    const bool was_active = active();
    if (!mode_.tick(now) || !was_active || active()) return false;
    log_.add("operator: closed after " + std::to_string(core::OperatorMode::kPanelIdleMs / 60000) +
             " min untouched");
    return true;
}

std::int64_t OperatorDesk::locked_seconds() const { return std::max<std::int64_t>(0, locked_until_s_ - wall_clock_s_()); }

bool OperatorDesk::apply(const Intent& intent, core::Millis now, const DeskContext& context) {
    if (!active()) return false;
    mode_.touched(now);
    auto& pin = mode_.pin();
    const bool keypad_open = mode_.stage() == core::OperatorMode::Stage::pin && !checking_pin_ && locked_seconds() == 0;
    if (const auto* digit = std::get_if<PinDigit>(&intent)) {
        if (keypad_open && pin.size() < 8 && digit->digit >= 0 && digit->digit <= 9)
            pin += static_cast<char>('0' + digit->digit);
    } else if (std::holds_alternative<PinBackspace>(intent)) {
        if (keypad_open && !pin.empty()) pin.pop_back();
    } else if (std::holds_alternative<PinSubmit>(intent)) {
        if (keypad_open) submit_pin(context);
    } else if (std::holds_alternative<LeaveOperatorMode>(intent)) {
        mode_.leave();
        ++visit_generation_;
        notice_ = {};
        log_.add("operator: left");
        return true;
    } else if (mode_.stage() == core::OperatorMode::Stage::panel) {
        if (const auto* install_intent = std::get_if<InstallCandidate>(&intent)) install(install_intent->index);
        else if (std::holds_alternative<RollBack>(intent)) roll_back();
        else if (const auto* idle = std::get_if<AdjustIdleTimeout>(&intent)) adjust_idle_timeout(idle->delta_s, context);
        else if (const auto* locale = std::get_if<SetDefaultLanguage>(&intent)) set_default_locale(locale->locale);
        else if (std::holds_alternative<ExportStatistics>(intent)) export_statistics(context);
    }
    return false;
}

void OperatorDesk::submit_pin(const DeskContext& context) {
    auto& pin = mode_.pin();
    if (!device_.pins) {
        pin.clear();
        return say(Notice::plain(Kind::no_pin_store), "operator: no PIN store on this kiosk (run it with --state)");
    }
    if (pin.size() < 4) return;
    checking_pin_ = true;
    notice_ = {};
    // Checking costs a deliberate fraction of a second (Argon2id): the keypad waits, the frames do not.
    workers_.device.post([this, pin, context, generation = visit_generation_] {
        auto check = device_.pins->check(pin, wall_clock_s_());
        workers_.results.post([this, check = std::move(check), context, generation] {
            if (generation != visit_generation_ || mode_.stage() != core::OperatorMode::Stage::pin) return;
            checking_pin_ = false;
            if (check && check->outcome == content::PinCheck::Outcome::accepted) open_panel(workers_.now, context);
            else pin_refused(check);
        });
    });
    pin.assign(pin.size(), '\0'); // the PIN lives on only in the worker's copy
    pin.clear();
}

void OperatorDesk::pin_refused(const core::Expected<content::PinCheck>& check) {
    using Outcome = content::PinCheck::Outcome;
    if (!check) return say(Notice::failure(Kind::pin_unavailable, check.error().message),
                           "operator: " + check.error().message);
    if (check->seconds_remaining > 0) locked_until_s_ = wall_clock_s_() + check->seconds_remaining;
    switch (check->outcome) {
    case Outcome::wrong:
        if (check->seconds_remaining > 0)
            return say(Notice::counted(Kind::locked, check->seconds_remaining),
                       "operator: wrong PIN; locked for " + std::to_string(check->seconds_remaining) + " s");
        return say(Notice::counted(Kind::wrong_pin, check->attempts_left),
                   "operator: wrong PIN; " + std::to_string(check->attempts_left) + " more before a pause");
    case Outcome::locked:
        return say(Notice::counted(Kind::locked, check->seconds_remaining),
                   "operator: locked for " + std::to_string(check->seconds_remaining) + " s");
    case Outcome::not_configured:
        return say(Notice::plain(Kind::no_pin_set), "operator: no operator PIN is set");
    case Outcome::accepted: break; // handled by the caller
    }
}

void OperatorDesk::say(OperatorNotice notice, const std::string& log_line) {
    notice_ = std::move(notice);
    log_.add(log_line);
}

OperatorPinView OperatorDesk::pin_view() const {
    OperatorPinView view;
    view.digits_entered = static_cast<int>(mode_.pin().size());
    view.checking = checking_pin_;
    view.locked_seconds = locked_seconds();
    view.locked = view.locked_seconds > 0;
    view.notice = notice_;
    if (view.locked) view.notice = Notice::counted(Kind::locked, view.locked_seconds);
    return view;
}

core::Millis OperatorDesk::next_deadline(core::Millis now) const {
    if (mode_.holding()) return mode_.hold_completes_at();
    if (!active()) return core::kNoDeadline;
    const core::Millis left = std::max<core::Millis>(mode_.idle_ms_left(now), 0);
    if (mode_.stage() == core::OperatorMode::Stage::pin) {
        // The keypad's lock-out counts down in whole seconds; an abandoned keypad closes.
        return locked_seconds() > 0 ? now + std::min<core::Millis>(left, 1000) : now + left;
    }
    // The panel says "Leaving in N s" for its last half minute: a frame each second then.
    if (left > kAutoLeaveShownMs) return now + left - kAutoLeaveShownMs;
    return now + std::min<core::Millis>(left, 1000);
}

} // namespace pavilion::model
