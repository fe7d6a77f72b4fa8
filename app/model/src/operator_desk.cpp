// Operator mode's way in and its PIN pad. The keypad's recovery: operator_recovery.cpp; the
// panel's facts and actions: operator_panel.cpp; its questions: operator_questions.cpp.

#include "pavilion/model/operator_desk.hpp"

#include "pavilion/content/unlock_token.hpp"
#include "operator_secrets.hpp"

#include <algorithm>

namespace pavilion::model {

using Notice = OperatorNotice;
using Kind = OperatorNotice::Kind;

OperatorDesk::OperatorDesk(Device& device, UpdateService* updates, Workers& workers, EventLog& log,
                           std::function<std::int64_t()> wall_clock_s, ShowPack show_pack, ContextSource context)
    : device_(device), updates_(updates), workers_(workers), log_(log), wall_clock_s_(std::move(wall_clock_s)),
      show_pack_(std::move(show_pack)), context_(std::move(context)) {}

OperatorDesk::Change OperatorDesk::watch(const std::vector<core::PointerEvent>& events, core::Millis now,
                                         float corner_px) {
    return mode_.watch(events, now, corner_px) ? keypad_opened() : Change::none;
}

OperatorDesk::Change OperatorDesk::tick(core::Millis now) {
    const bool was_active = active();
    if (!mode_.tick(now)) return Change::none;
    if (!was_active && mode_.stage() == core::OperatorMode::Stage::pin) return keypad_opened();
    if (!was_active || active()) return Change::none;
    end_visit();
    log_.add("operator: closed by itself, left untouched");
    return Change::closed_by_itself;
}

// Whatever one visit to operator mode left behind, forgotten; answers still on their way from
// the workers are dropped by the new generation (so nothing waits for them either).
void OperatorDesk::end_visit() {
    ++visit_generation_;
    notice_ = {};
    pending_.reset();
    checking_offer_ = false;
    checking_pin_ = false;
    unlocking_ = false;
    purpose_ = OperatorPinView::Purpose::enter_pin;
    wipe(new_pin_);
}

// The one way the keypad opens, whether the hold completed with a touch or with time.
OperatorDesk::Change OperatorDesk::keypad_opened() {
    end_visit();
    recovery_code_.clear();
    const auto generation = visit_generation_;
    log_.add("operator: keypad opened");
    // Whether an earlier lock-out still holds (the keypad shows its countdown at once), and
    // whether it offers recovery.
    if (device_.pins) {
        workers_.device.post([this, generation] {
            auto status = device_.pins->status(wall_clock_s_());
            workers_.results.post([this, generation, status = std::move(status)] {
                if (generation != visit_generation_) return;
                if (status.locked_seconds > 0) locked_until_s_ = wall_clock_s_() + status.locked_seconds;
                recovery_code_ = status.recovery_code;
            });
        });
    }
    return Change::keypad_opened;
}

std::int64_t OperatorDesk::locked_seconds() const { return std::max<std::int64_t>(0, locked_until_s_ - wall_clock_s_()); }

bool OperatorDesk::keypad_takes_input() const {
    return mode_.stage() == core::OperatorMode::Stage::pin && !checking_pin_ && !unlocking_ && locked_seconds() == 0;
}

std::string OperatorDesk::stick_mount_point() const { return updates_ ? updates_->stick_mount_point() : std::string(); }

// Every intent named, so a new one does not compile until it is decided here; visitors' mean
// nothing in operator mode (the visitor's screen is hidden under it).
struct OperatorDesk::Apply {
    OperatorDesk& desk;
    bool left = false;

    void operator()(const PinDigit& i) { desk.type_digit(i.digit); }
    void operator()(const PinBackspace&) { desk.erase_digit(); }
    void operator()(const PinSubmit&) {
        if (desk.keypad_takes_input()) desk.submit_pin();
    }
    void operator()(const UnlockWithStick&) {
        if (desk.offers_unlock()) desk.unlock_with_stick();
    }
    void operator()(const LeaveOperatorMode&) {
        desk.leave();
        left = true;
    }
    // While a question waits, the panel under it takes nothing but its answer (and Leave).
    void operator()(const InstallCandidate& i) {
        if (desk.panel_free()) desk.install(i.index);
    }
    void operator()(const RollBack&) {
        if (desk.panel_free()) desk.roll_back();
    }
    void operator()(const AdjustIdleTimeout& i) {
        if (desk.panel_free()) desk.adjust_idle_timeout(i.delta_s);
    }
    void operator()(const SetDefaultLanguage& i) {
        if (desk.panel_free()) desk.set_default_locale(i.locale);
    }
    void operator()(const ExportStatistics&) {
        if (desk.panel_free()) desk.export_statistics();
    }
    void operator()(const Confirm&) {
        if (desk.panel_open()) desk.confirm();
    }
    void operator()(const CancelConfirmation&) {
        if (desk.panel_open()) desk.cancel_confirmation();
    }
    void operator()(const AcceptRebuiltFloor&) {} // the kiosk's StoreGuard answers it
    void operator()(const OpenRoute&) {}
    void operator()(const SwipeTo&) {}
    void operator()(const GoBack&) {}
    void operator()(const GoHome&) {}
    void operator()(const ChooseLanguage&) {}
    void operator()(const ToggleLargerText&) {}
    void operator()(const ToggleHighContrast&) {}
};

bool OperatorDesk::apply(const Intent& intent, core::Millis now) {
    if (!active()) return false;
    mode_.touched(now);
    Apply apply{*this};
    std::visit(apply, intent);
    return apply.left;
}

void OperatorDesk::type_digit(int digit) {
    auto& pin = mode_.pin();
    if (keypad_takes_input() && pin.size() < 8 && digit >= 0 && digit <= 9) pin += static_cast<char>('0' + digit);
}

void OperatorDesk::erase_digit() {
    auto& pin = mode_.pin();
    if (keypad_takes_input() && !pin.empty()) pin.pop_back();
}

void OperatorDesk::leave() {
    mode_.leave();
    end_visit();
    log_.add("operator: left");
}

void OperatorDesk::submit_pin() {
    if (purpose_ != OperatorPinView::Purpose::enter_pin) return submit_new_pin();
    auto& pin = mode_.pin();
    if (!device_.pins) {
        pin.clear();
        return say(Notice::plain(Kind::no_pin_store), "operator: no PIN store on this kiosk (run it with --state)");
    }
    if (pin.size() < 4) return;
    checking_pin_ = true;
    notice_ = {};
    // Checking costs a deliberate fraction of a second (Argon2id): the keypad waits, the frames do not.
    workers_.device.post([this, pin, generation = visit_generation_] {
        auto check = device_.pins->check(pin, wall_clock_s_());
        workers_.results.post([this, check = std::move(check), generation] {
            if (generation != visit_generation_ || mode_.stage() != core::OperatorMode::Stage::pin) return;
            checking_pin_ = false;
            if (check && check->outcome == content::PinCheck::Outcome::accepted) open_panel(workers_.now);
            else pin_refused(check);
        });
    });
    wipe(pin); // the PIN lives on only in the worker's copy
}

void OperatorDesk::pin_refused(const core::Expected<content::PinCheck>& check) {
    using Outcome = content::PinCheck::Outcome;
    if (!check) return say(Notice::failure(Kind::pin_unavailable, check.error().message),
                           "operator: " + check.error().message);
    if (check->seconds_remaining > 0) locked_until_s_ = wall_clock_s_() + check->seconds_remaining;
    if (check->outcome != Outcome::not_configured) recovery_code_ = check->recovery_code;
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
    view.purpose = purpose_;
    view.digits_entered = static_cast<int>(mode_.pin().size());
    view.checking = checking_pin_;
    view.locked_seconds = purpose_ == OperatorPinView::Purpose::enter_pin ? locked_seconds() : 0;
    view.locked = view.locked_seconds > 0;
    view.notice = notice_;
    // A refused token says why even while the countdown runs; otherwise the countdown is the news.
    if (view.locked && notice_.kind != Kind::token_refused && notice_.kind != Kind::no_token_stick)
        view.notice = Notice::counted(Kind::locked, view.locked_seconds);
    // Shown while a PIN is checked too, so the keypad does not jump; offers_unlock() decides.
    if (purpose_ == OperatorPinView::Purpose::enter_pin && !recovery_code_.empty())
        view.recovery_code = content::display_recovery_code(recovery_code_);
    view.stick_present = !stick_mount_point().empty();
    view.unlocking = unlocking_;
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
