#pragma once
// Operator mode: the hidden way in (a finger held still in the top-left corner for five
// seconds), the PIN pad, and the panel's actions: install a pack from a stick even if it is not
// newer, roll back, the idle timeout and default language, statistics onto the stick.
//
// After a few lock-outs the keypad offers recovery: an unlock token for the code it shows, on
// a stick, ends the lock-out, and the keypad then asks for a new PIN, twice.
//
// Actions that change what visitors see in a way that is easy to regret (installing another
// pack or an older version, rolling back) ask first: the desk holds one PendingConfirmation
// with the action it stands for, and Confirm does it. A new kind of question is a new
// PendingConfirmation::Kind, its words in the screens, and one call to ask().
//
// Everything slow runs on the device worker: the PIN's Argon2id check, re-verifying the
// installed packs (their whole files hashed), statistics queries, saving settings, exports. The
// panel is drawn at once with what is known and fills in as the answers arrive, so a frame never
// waits for the disk (on a Pi, hashing a 500 MB pack takes seconds: longer than the watchdog).

#include "pavilion/content/offered_pack.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/operator_mode.hpp"
#include "pavilion/model/device.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/intent.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/model/update_service.hpp"
#include "pavilion/model/workers.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::model {

// What the desk needs to know of the kiosk around it, at the moment it acts or draws.
struct DeskContext {
    std::shared_ptr<const content::PackReader> pack; // the pack shown
    core::SessionSettings session;                   // in force: the pack's, or the operator's
};

class OperatorDesk {
public:
    // Shows an installed pack after a rollback; `done` reports whether it could be shown.
    using ShowPack = std::function<void(const std::string& path, std::function<void(core::Status)> done)>;
    // The kiosk as it is at the moment of asking (never a copy kept across a background job:
    // a pack may have been switched meanwhile).
    using ContextSource = std::function<DeskContext()>;

    // What time or a touch did to operator mode.
    enum class Change { none, keypad_opened, closed_by_itself };

    static constexpr int kIdleMinS = 30;
    static constexpr int kIdleMaxS = 600;
    // The panel counts down to closing itself for this long (OperatorView::seconds_until_auto_leave).
    static constexpr core::Millis kAutoLeaveShownMs = 30000;

    OperatorDesk(Device& device, UpdateService* updates, Workers& workers, EventLog& log,
                 std::function<std::int64_t()> wall_clock_s, ShowPack show_pack, ContextSource context);

    core::OperatorMode::Stage stage() const { return mode_.stage(); }
    bool active() const { return mode_.stage() != core::OperatorMode::Stage::off; }
    // A finger rests in the corner: frames must keep coming until the hold completes.
    bool holding() const { return mode_.holding(); }

    // Every pointer event, before the visitor's screen sees it; keypad_opened when the hold
    // just completed (that finger is then no visitor's touch).
    Change watch(const std::vector<core::PointerEvent>& events, core::Millis now, float corner_px);
    // Time passing: a hold completing without a new event, or operator mode closing by itself.
    Change tick(core::Millis now);

    // An operator's intent (visitor intents mean nothing here). True when the operator left.
    bool apply(const Intent& intent, core::Millis now);

    OperatorPinView pin_view() const;
    OperatorView panel_view(core::Millis now, std::vector<std::string> log_lines) const;
    // When the desk changes by itself next: the hold completing, the keypad's lock running out, the
    // panel's auto-leave; core::kNoDeadline if nothing is due.
    core::Millis next_deadline(core::Millis now) const;

    // The packs changed (an install, a rollback): re-read what the panel says of them.
    void packs_changed();

private:
    struct Apply; // the visitor over model::Intent (operator_desk.cpp)
    // Messages that carry a stick's names (its label in a mount point, its file names) reach the
    // panel only as a short safe label (core::safe_label): they cannot pass for the kiosk's words.
    static constexpr std::size_t kForeignTextCodePoints = 160;
    static std::string shown(const std::string& foreign);
    // A question and the action it stands for.
    struct Pending {
        PendingConfirmation question;
        std::function<void()> act;
    };

    Change keypad_opened();
    void leave();
    void end_visit();
    void type_digit(int digit);
    void erase_digit();
    void submit_pin();
    void pin_refused(const core::Expected<content::PinCheck>& check);
    bool keypad_takes_input() const;
    bool panel_open() const { return mode_.stage() == core::OperatorMode::Stage::panel; }
    // The panel takes an action: it is open and no question waits for an answer.
    bool panel_free() const { return panel_open() && !pending_ && !checking_offer_; }
    std::string stick_mount_point() const;
    // Recovery (operator_recovery.cpp): the unlock token, then the new PIN typed twice.
    bool offers_unlock() const;
    void unlock_with_stick();
    core::Expected<std::string> use_unlock_token(const std::string& mount_point);
    void token_answered(const core::Expected<std::string>& key_id);
    void submit_new_pin();
    void new_pin_answered(const core::Status& saved);
    // Questions (operator_questions.cpp).
    void ask(PendingConfirmation question, std::function<void()> act);
    void confirm();
    void cancel_confirmation();
    void withdraw_question();
    PackRef shown_pack() const;
    core::Expected<content::OfferedPack> read_offer(const content::PackCandidate& found);
    void offer_answered(const content::PackCandidate& candidate, const core::Expected<content::OfferedPack>& offered);
    void start_install(const content::PackCandidate& candidate, const content::PackClaim& claim);
    void do_roll_back();
    void open_panel(core::Millis now);
    void refresh_visitor_numbers();
    void install(std::size_t index);
    void roll_back();
    void adjust_idle_timeout(int delta_s);
    void set_default_locale(const std::string& locale);
    void save_settings();
    void export_statistics();
    core::Expected<std::string> write_export(const std::string& mount_point, const std::string& file_name,
                                             const content::PackReader& shown);
    void say(OperatorNotice notice, const std::string& log_line);
    std::int64_t locked_seconds() const;

    Device& device_;
    UpdateService* updates_;
    Workers& workers_;
    EventLog& log_;
    std::function<std::int64_t()> wall_clock_s_;
    ShowPack show_pack_;
    ContextSource context_;

    core::OperatorMode mode_;
    bool checking_pin_ = false;
    bool rolling_back_ = false; // a rollback is under way: Roll back again would undo it
    std::int64_t locked_until_s_ = 0; // wall clock: the keypad takes no PIN before this
    // The keypad's recovery: the code an unlock token must name ("" = none offered), a token
    // being checked, what the keypad asks for, and a new PIN typed once (until it is repeated).
    std::string recovery_code_;
    bool unlocking_ = false;
    OperatorPinView::Purpose purpose_ = OperatorPinView::Purpose::enter_pin;
    std::string new_pin_;
    // The panel's question, if one waits; an install's offer being read before it is asked.
    std::optional<Pending> pending_;
    bool checking_offer_ = false;
    OperatorNotice notice_;
    // Answers from the device worker carry the generation they were asked in: one that arrives
    // after the operator left (visit) or after the packs changed again (packs) is dropped.
    std::uint64_t visit_generation_ = 0;
    std::uint64_t packs_generation_ = 0;
    // What the panel shows of the packs and the visitors, as last read on the device worker.
    bool packs_ready_ = false;
    OperatorPackInfo current_, previous_;
    VisitorNumbers numbers_;
};

} // namespace pavilion::model
