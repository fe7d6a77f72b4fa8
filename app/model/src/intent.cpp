#include "pavilion/model/intent.hpp"

namespace pavilion::model {
namespace {

// One overload per alternative: std::visit refuses to compile if an intent is left out.
struct Describe {
    std::string operator()(const OpenRoute& i) const { return "open " + i.route.to_string(); }
    std::string operator()(const SwipeTo& i) const { return "swipe to " + i.route.to_string(); }
    std::string operator()(const GoBack&) const { return "back"; }
    std::string operator()(const GoHome&) const { return "home"; }
    std::string operator()(const ChooseLanguage& i) const { return "language " + i.locale; }
    std::string operator()(const ToggleLargerText&) const { return "larger text"; }
    std::string operator()(const ToggleHighContrast&) const { return "high contrast"; }
    std::string operator()(const PinDigit&) const { return "pin digit"; }
    std::string operator()(const PinBackspace&) const { return "pin backspace"; }
    std::string operator()(const PinSubmit&) const { return "pin submit"; }
    std::string operator()(const UnlockWithStick&) const { return "unlock with stick"; }
    std::string operator()(const LeaveOperatorMode&) const { return "leave operator mode"; }
    std::string operator()(const InstallCandidate& i) const { return "install candidate " + std::to_string(i.index); }
    std::string operator()(const RollBack&) const { return "roll back"; }
    std::string operator()(const AdjustIdleTimeout& i) const {
        return "idle timeout " + std::string(i.delta_s >= 0 ? "+" : "") + std::to_string(i.delta_s) + " s";
    }
    std::string operator()(const SetDefaultLanguage& i) const { return "default language " + i.locale; }
    std::string operator()(const ExportStatistics&) const { return "export statistics"; }
    std::string operator()(const AcceptRebuiltFloor&) const { return "accept rebuilt floor"; }
    std::string operator()(const Confirm&) const { return "confirm"; }
    std::string operator()(const CancelConfirmation&) const { return "cancel confirmation"; }
};

} // namespace

std::string describe(const Intent& intent) { return std::visit(Describe{}, intent); }

} // namespace pavilion::model
