#include "pavilion/screens/operator_notice.hpp"

namespace pavilion::screens {

std::string operator_notice_text(const model::OperatorNotice& notice) {
    using Kind = model::OperatorNotice::Kind;
    switch (notice.kind) {
    case Kind::none: return {};
    case Kind::wrong_pin: return "Wrong PIN. " + std::to_string(notice.count) + " more before a pause";
    case Kind::locked: return "Locked: try again in " + std::to_string(notice.count) + " s";
    case Kind::no_pin_set: return "No operator PIN is set (pavilion --state DIR --set-pin)";
    case Kind::no_pin_store: return "No PIN store on this kiosk (run it with --state)";
    case Kind::pin_unavailable: return notice.detail;
    case Kind::no_token_stick: return "Insert the USB stick with PAVILION/unlock.token first";
    case Kind::token_refused: return "Not unlocked: " + notice.detail;
    case Kind::token_accepted: return "Unlocked by the token (key " + notice.subject + "). Choose a new PIN";
    case Kind::pins_differ: return "The two entries differ: choose the new PIN again";
    case Kind::pin_changed: return "New PIN saved";
    case Kind::pin_not_saved: return "The new PIN cannot be saved: " + notice.detail;
    case Kind::confirmation_withdrawn: return "The packs changed meanwhile, so nothing was done: ask again";
    case Kind::installing: return "Installing " + notice.subject;
    case Kind::install_refused: return "Not installed: " + notice.detail;
    case Kind::rolling_back: return "Rolling back...";
    case Kind::rolled_back:
        return "Rolled back to " + notice.subject + " version " + std::to_string(notice.version);
    case Kind::rollback_failed: return "Cannot roll back: " + notice.detail;
    case Kind::rolled_back_unshown: return "Rolled back, but cannot show it: " + notice.detail;
    case Kind::settings_saved: return "Settings saved";
    case Kind::settings_failed: return notice.detail;
    case Kind::exported: return "Exported to " + notice.subject;
    case Kind::export_failed: return notice.detail;
    case Kind::no_stick: return "No USB stick: insert one to export";
    }
    return {}; // not reached: every kind is handled above (the compiler warns when one is not)
}

} // namespace pavilion::screens
