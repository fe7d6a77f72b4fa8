#pragma once
// What a person asked the kiosk to do. Screens turn taps into intents and hand them to the
// model (model::Kiosk::apply), which alone decides what they change. A closed set of typed
// alternatives: a new one makes every std::visit over Intent fail to compile until it is handled.

#include "pavilion/core/route.hpp"

#include <cstddef>
#include <string>
#include <variant>

namespace pavilion::model {

// ---- visitors ----

// A door on Home, a card, a related item, a place on the map: goes there, Back returns.
struct OpenRoute {
    core::Route route;
};
// A swipe to the next or previous item: replaces the page, so Back still leads to the list.
struct SwipeTo {
    core::Route route;
};
struct GoBack {};
struct GoHome {};
struct ChooseLanguage {
    std::string locale;
};
struct ToggleLargerText {};
struct ToggleHighContrast {};

// ---- operators: the PIN pad ----

struct PinDigit {
    int digit = 0; // 0..9
};
struct PinBackspace {};
struct PinSubmit {};
// After a few lock-outs: the unlock token in the PAVILION folder of the stick that is in
// (made by pavilion-pack unlock-token for the code the keypad shows). It clears the lock-out,
// and the keypad then asks for a new PIN, twice.
struct UnlockWithStick {};

// ---- operators: the panel (and Leave, on the pad too) ----

struct LeaveOperatorMode {};
// A pack found on a stick or in an inbox, by its place in OperatorView::candidates: installed
// even if it is not newer (the operator's explicit choice; never without a trusted signature).
struct InstallCandidate {
    std::size_t index = 0;
};
struct RollBack {};
struct AdjustIdleTimeout {
    int delta_s = 0; // -30 or +30; the result stays within the panel's limits
};
struct SetDefaultLanguage {
    std::string locale;
};
// The visitor statistics as CSV onto the stick that is in.
struct ExportStatistics {};
// After the panel warned that the version floor is lost: accept one rebuilt from the installed
// packs, so that installs may go on (StoreGuard).
struct AcceptRebuiltFloor {};

// ---- operators: the question an action asks first (OperatorView::confirmation) ----

// Does what the question asked about.
struct Confirm {};
// Does nothing, and closes the question.
struct CancelConfirmation {};

using Intent = std::variant<OpenRoute, SwipeTo, GoBack, GoHome, ChooseLanguage, ToggleLargerText, ToggleHighContrast,
                            PinDigit, PinBackspace, PinSubmit, UnlockWithStick, LeaveOperatorMode, InstallCandidate,
                            RollBack, AdjustIdleTimeout, SetDefaultLanguage, ExportStatistics, AcceptRebuiltFloor,
                            Confirm, CancelConfirmation>;

// Equality, so tests can say which intent a tap target carries.
inline bool operator==(const OpenRoute& a, const OpenRoute& b) { return a.route == b.route; }
inline bool operator==(const SwipeTo& a, const SwipeTo& b) { return a.route == b.route; }
inline bool operator==(const GoBack&, const GoBack&) { return true; }
inline bool operator==(const GoHome&, const GoHome&) { return true; }
inline bool operator==(const ChooseLanguage& a, const ChooseLanguage& b) { return a.locale == b.locale; }
inline bool operator==(const ToggleLargerText&, const ToggleLargerText&) { return true; }
inline bool operator==(const ToggleHighContrast&, const ToggleHighContrast&) { return true; }
inline bool operator==(const PinDigit& a, const PinDigit& b) { return a.digit == b.digit; }
inline bool operator==(const PinBackspace&, const PinBackspace&) { return true; }
inline bool operator==(const PinSubmit&, const PinSubmit&) { return true; }
inline bool operator==(const UnlockWithStick&, const UnlockWithStick&) { return true; }
inline bool operator==(const LeaveOperatorMode&, const LeaveOperatorMode&) { return true; }
inline bool operator==(const InstallCandidate& a, const InstallCandidate& b) { return a.index == b.index; }
inline bool operator==(const RollBack&, const RollBack&) { return true; }
inline bool operator==(const AdjustIdleTimeout& a, const AdjustIdleTimeout& b) { return a.delta_s == b.delta_s; }
inline bool operator==(const SetDefaultLanguage& a, const SetDefaultLanguage& b) { return a.locale == b.locale; }
inline bool operator==(const ExportStatistics&, const ExportStatistics&) { return true; }
inline bool operator==(const AcceptRebuiltFloor&, const AcceptRebuiltFloor&) { return true; }
inline bool operator==(const Confirm&, const Confirm&) { return true; }
inline bool operator==(const CancelConfirmation&, const CancelConfirmation&) { return true; }

// One short English phrase for logs and test messages ("open story/china-laos-railway",
// "pin digit", "install candidate 0"). PIN digits are never named.
std::string describe(const Intent& intent);

} // namespace pavilion::model
