// The keypad's way out of a lock-out: an unlock token on a stick, made for the recovery code the
// keypad shows, and then a new PIN typed twice. The token is read and checked, and the new PIN
// hashed and saved, on the device worker.

#include "pavilion/model/operator_desk.hpp"

#include "operator_secrets.hpp"
#include "pavilion/content/unlock_token.hpp"
#include "pavilion/content/usb_stick.hpp"

namespace pavilion::model {

using Notice = OperatorNotice;
using Kind = OperatorNotice::Kind;
using Purpose = OperatorPinView::Purpose;

bool OperatorDesk::offers_unlock() const {
    return mode_.stage() == core::OperatorMode::Stage::pin && purpose_ == Purpose::enter_pin && !checking_pin_ &&
           !unlocking_ && !recovery_code_.empty() && device_.pins;
}

void OperatorDesk::unlock_with_stick() {
    const auto mount_point = stick_mount_point();
    if (mount_point.empty())
        return say(Notice::plain(Kind::no_token_stick), "operator: Unlock with stick, but no stick is in");
    unlocking_ = true;
    notice_ = {};
    log_.add("operator: reading the unlock token on " + shown(mount_point));
    workers_.device.post([this, mount_point, generation = visit_generation_] {
        auto unlocked = use_unlock_token(mount_point);
        workers_.results.post([this, generation, unlocked = std::move(unlocked)] {
            if (generation != visit_generation_) return;
            unlocking_ = false;
            token_answered(unlocked);
        });
    });
}

// On the device worker: the token from the stick, checked against the trusted keys and the
// recovery code, and the lock-out cleared. The signing key's id, or why not.
core::Expected<std::string> OperatorDesk::use_unlock_token(const std::string& mount_point) {
    auto stick = content::UsbStick::at(mount_point, device_.sticks);
    if (!stick) return stick.error();
    auto token = stick->read_file(content::kUnlockTokenFile, content::kUnlockTokenMaxBytes);
    if (!token) return token.error();
    const auto trusted = device_.packs ? device_.packs->trusted_keys().keys : std::vector<content::minisign::PublicKey>{};
    auto key = device_.pins->unlock_with_token(*token, trusted, wall_clock_s_());
    if (!key) return key.error();
    return content::minisign::key_id_hex(*key);
}

void OperatorDesk::token_answered(const core::Expected<std::string>& key_id) {
    if (!key_id) // the kiosk's words, but a stick's mount point may be in them (its label)
        return say(Notice::failure(Kind::token_refused, shown(key_id.error().message)),
                   "operator: unlock token refused: " + shown(key_id.error().message));
    locked_until_s_ = 0;
    recovery_code_.clear();
    purpose_ = Purpose::choose_new_pin;
    wipe(mode_.pin());
    say(Notice::about(Kind::token_accepted, *key_id),
        "operator: lock-out ended by an unlock token signed by key " + *key_id + "; a new PIN is asked for");
}

// The new PIN: typed once, then again; saved (hashed) only when both agree.
void OperatorDesk::submit_new_pin() {
    auto& pin = mode_.pin();
    if (pin.size() < 4) return;
    if (purpose_ == Purpose::choose_new_pin) {
        new_pin_ = pin;
        wipe(pin);
        purpose_ = Purpose::repeat_new_pin;
        notice_ = {};
        return;
    }
    const bool same = pin == new_pin_;
    std::string chosen = same ? new_pin_ : std::string();
    wipe(pin);
    wipe(new_pin_);
    if (!same) {
        purpose_ = Purpose::choose_new_pin;
        return say(Notice::plain(Kind::pins_differ), "operator: the new PIN was typed differently the second time");
    }
    checking_pin_ = true;
    workers_.device.post([this, chosen, generation = visit_generation_]() mutable {
        auto saved = device_.pins->set_pin(chosen);
        wipe(chosen);
        workers_.results.post([this, generation, saved = std::move(saved)] {
            if (generation == visit_generation_) new_pin_answered(saved);
        });
    });
    wipe(chosen);
}

void OperatorDesk::new_pin_answered(const core::Status& saved) {
    checking_pin_ = false;
    if (!saved) {
        purpose_ = Purpose::choose_new_pin;
        return say(Notice::failure(Kind::pin_not_saved, saved.error().message),
                   "operator: the new PIN cannot be saved: " + saved.error().message);
    }
    purpose_ = Purpose::enter_pin;
    open_panel(workers_.now);
    say(Notice::plain(Kind::pin_changed), "operator: a new PIN is set");
}

} // namespace pavilion::model
