#pragma once
// What operator mode shows, as plain data made by the model (model::Kiosk::frame) and drawn by
// the operator screens. No words: the screens say things in their own language (English for
// staff); the model says what happened, with the details a sentence needs.

#include "pavilion/core/expected.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::model {

// The result of the last operator action, or why the keypad refuses.
struct OperatorNotice {
    enum class Kind {
        none,
        wrong_pin,           // count: wrong PINs still allowed before a pause
        locked,              // count: seconds until the keypad takes a PIN again
        no_pin_set,          // the device has no operator PIN (pavilion --state DIR --set-pin)
        no_pin_store,        // the kiosk runs without --state: no operator mode
        pin_unavailable,     // the PIN could not be checked (detail says why); refused
        no_token_stick,      // Unlock with stick, but no stick is in
        token_refused,       // the unlock token was not accepted; detail says why
        token_accepted,      // the lock-out is over (subject: the signing key): choose a new PIN
        pins_differ,         // the new PIN typed twice differently: choose it again
        pin_changed,         // the new PIN is saved (the panel's notice)
        pin_not_saved,       // the new PIN could not be saved; detail
        confirmation_withdrawn, // the packs changed under a question: nothing done, ask again
        installing,          // subject: the pack's file name
        install_refused,     // the pack's signature does not vouch for it (detail); nothing copied
        rolling_back,        // a rollback is under way (the switch takes seconds)
        rolled_back,         // subject: pack id, version
        rollback_failed,     // detail
        rolled_back_unshown, // the rollback happened but the pack cannot be shown; detail
        settings_saved,
        settings_failed,     // detail
        exported,            // subject: the CSV file written
        export_failed,       // detail
        no_stick,            // export asked for without a stick (detail: why, when one was expected)
    };
    Kind kind = Kind::none;
    std::int64_t count = 0;   // wrong_pin: attempts left; locked: seconds
    std::string subject;      // a file name, a pack id, a path (see Kind)
    std::int64_t version = 0; // rolled_back
    std::string detail;       // failures: the error's one line, what and where

    static OperatorNotice plain(Kind kind) {
        OperatorNotice notice;
        notice.kind = kind;
        return notice;
    }
    static OperatorNotice counted(Kind kind, std::int64_t count) {
        auto notice = plain(kind);
        notice.count = count;
        return notice;
    }
    static OperatorNotice about(Kind kind, std::string subject, std::int64_t version = 0) {
        auto notice = plain(kind);
        notice.subject = std::move(subject);
        notice.version = version;
        return notice;
    }
    static OperatorNotice failure(Kind kind, std::string detail) {
        auto notice = plain(kind);
        notice.detail = std::move(detail);
        return notice;
    }

    bool is_error() const {
        switch (kind) {
        case Kind::wrong_pin:
        case Kind::locked:
        case Kind::no_pin_set:
        case Kind::no_pin_store:
        case Kind::pin_unavailable:
        case Kind::no_token_stick:
        case Kind::token_refused:
        case Kind::pins_differ:
        case Kind::pin_not_saved:
        case Kind::confirmation_withdrawn:
        case Kind::install_refused:
        case Kind::rollback_failed:
        case Kind::rolled_back_unshown:
        case Kind::settings_failed:
        case Kind::export_failed:
        case Kind::no_stick: return true;
        default: return false;
        }
    }
};

struct OperatorPinView {
    // What the keypad asks for: the PIN, or after an unlock token a new one, typed twice.
    enum class Purpose { enter_pin, choose_new_pin, repeat_new_pin };
    Purpose purpose = Purpose::enter_pin;
    int digits_entered = 0; // shown as dots, never the digits
    int max_digits = 8;
    int min_digits = 4;
    bool locked = false;    // the keypad takes no PIN until locked_seconds have passed
    std::int64_t locked_seconds = 0;
    bool checking = false;  // a PIN is being checked (it takes a deliberate fraction of a second)
    OperatorNotice notice;  // the last attempt's result
    // After a few lock-outs: the code an unlock token must name (UnlockWithStick), as the
    // operator reads it out ("7K2QD-M9XAT"); "" while none is offered.
    std::string recovery_code;
    bool stick_present = false; // UnlockWithStick needs a stick
    bool unlocking = false;     // a token is being read and checked
};

// A pack named in a question: its id and version.
struct PackRef {
    std::string id;
    std::int64_t version = 0;
};

// An action that waits for the operator's Confirm (or CancelConfirmation), because it changes
// what visitors see in a way that is easy to regret. The kind says what would happen; the
// screens word the question and its buttons per kind.
struct PendingConfirmation {
    enum class Kind {
        install_other_pack, // incoming, from file_name, is another pack than the one shown
        install_older,      // incoming, from file_name, is an older version of the pack shown
        roll_back,          // incoming is the previous pack, shown goes back to being previous
    };
    Kind kind = Kind::install_other_pack;
    PackRef incoming;      // what visitors would see after it
    PackRef shown;         // what they see now
    std::string file_name; // the installs: the pack's file on the stick or in the inbox
};

// Whether a pack's signature was checked again, and by which key.
struct PackSignature {
    enum class State { checking, built_in, verified, not_verified };
    State state = State::checking;
    std::string key_id;  // verified: the minisign key id, hex
    std::string problem; // not_verified: why, one line
};

struct OperatorPackInfo {
    bool present = false;
    std::string title; // in the pack's default language; "" when it cannot be opened
    std::string id;
    std::int64_t version = 0;
    std::string created;
    std::string problem; // the pack cannot be opened: why
    PackSignature signature;
};

struct OperatorCandidate {
    enum class Source { stick, inbox };
    std::string file_name; // "expo-2027.pack"
    Source source = Source::stick;
    std::string location;  // the stick's mount point or the inbox folder
};

struct VisitorNumbers {
    bool ready = false; // false while they are being read (and when the kiosk keeps none)
    int sessions_today = 0;
    int sessions_week = 0;
    std::vector<std::pair<std::string, int>> top_items; // title, opens in 7 days, most first
    std::vector<std::pair<std::string, int>> languages; // locale code, sessions in 7 days
};

// Something wrong with the kiosk's own state that stays on the panel until it is dealt with
// (model/store_guard.hpp).
struct StoreWarning {
    enum class Kind {
        floor_unknown,       // installs are refused until the operator accepts a rebuilt floor
        pack_failed_check,   // the installed pack did not match its signature at start: detail
        rolled_back_at_start, // ...and the previous pack was shown instead (subject: its path)
        built_in_at_start,    // ...and with no good pack left, the built-in one
    };
    Kind kind = Kind::floor_unknown;
    std::string detail; // one line: what and where
    bool operator==(const StoreWarning& other) const { return kind == other.kind && detail == other.detail; }
};

struct OperatorView {
    OperatorPackInfo current, previous;
    bool packs_ready = false; // false while the installed packs are being opened and re-verified
    std::vector<OperatorCandidate> candidates; // InstallCandidate{i} installs candidates[i]
    int idle_timeout_s = 90;
    int idle_min_s = 30; // AdjustIdleTimeout is not offered below or above these
    int idle_max_s = 600;
    std::string default_locale;
    std::vector<std::pair<std::string, std::string>> locales; // code, the language's own name
    VisitorNumbers stats;
    std::vector<std::string> log_lines; // recent, newest last
    OperatorNotice notice;              // the last action's result
    std::optional<PendingConfirmation> confirmation; // a question over the panel: only Confirm,
                                                     // CancelConfirmation and Leave act until it is answered
    bool stick_present = false;         // export needs a stick
    float seconds_until_auto_leave = 0; // the panel closes itself when this reaches 0
    std::vector<StoreWarning> store_warnings; // AcceptRebuiltFloor answers floor_unknown
};

} // namespace pavilion::model
