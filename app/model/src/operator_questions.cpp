// The panel's actions that ask first: installing another pack or an older version, and rolling
// back. The desk holds one question at a time, with the action it stands for; Confirm does it,
// CancelConfirmation drops it, and so does anything that changes the packs it names.

#include "pavilion/model/operator_desk.hpp"

#include "pavilion/core/safe_label.hpp"

namespace pavilion::model {

using Notice = OperatorNotice;
using Kind = OperatorNotice::Kind;
using Question = PendingConfirmation::Kind;
namespace {

std::string file_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string named(const PackRef& pack) {
    return pack.id.empty() ? "an unknown pack" : pack.id + " version " + std::to_string(pack.version);
}

// For the log: what the operator is asked.
std::string describe(const PendingConfirmation& question) {
    switch (question.kind) {
    case Question::install_other_pack:
        return "install " + question.file_name + " (" + named(question.incoming) + ") in place of " +
               named(question.shown);
    case Question::install_older:
        return "install " + question.file_name + " (" + named(question.incoming) + "), older than " +
               named(question.shown);
    case Question::roll_back: return "roll back to " + named(question.incoming) + " from " + named(question.shown);
    }
    return {}; // not reached: every kind is named above (the compiler warns when one is not)
}

} // namespace

void OperatorDesk::ask(PendingConfirmation question, std::function<void()> act) {
    log_.add("operator: asks: " + describe(question) + "?");
    notice_ = {};
    pending_ = Pending{std::move(question), std::move(act)};
}

void OperatorDesk::confirm() {
    if (!pending_) return;
    const Pending answered = std::move(*pending_);
    pending_.reset();
    log_.add("operator: confirmed: " + describe(answered.question));
    answered.act();
}

void OperatorDesk::cancel_confirmation() {
    if (!pending_) return;
    log_.add("operator: cancelled: " + describe(pending_->question));
    pending_.reset();
}

// The packs a question names are not the packs any more (an install or a rollback happened
// meanwhile): a Confirm now would do something else than what was asked, so nothing is done.
void OperatorDesk::withdraw_question() {
    if (!pending_) return;
    say(Notice::plain(Kind::confirmation_withdrawn),
        "operator: withdrawn, the packs changed: " + describe(pending_->question));
    pending_.reset();
}

std::string OperatorDesk::shown(const std::string& foreign) { return core::safe_label(foreign, kForeignTextCodePoints); }

PackRef OperatorDesk::shown_pack() const {
    const auto& meta = context_().pack->catalog().meta;
    return {meta.id, meta.version};
}

// Reads what the pack's signature vouches for, then installs it, or asks first.
void OperatorDesk::install(std::size_t index) {
    if (!updates_ || index >= updates_->candidates().size()) return;
    const auto candidate = updates_->candidates()[index];
    checking_offer_ = true;
    workers_.device.post([this, candidate, generation = visit_generation_] {
        auto offered = read_offer(candidate);
        workers_.results.post([this, candidate, generation, offered = std::move(offered)] {
            if (generation != visit_generation_) return;
            checking_offer_ = false;
            offer_answered(candidate, offered);
        });
    });
}

// On the device worker: a file on the stick and a signature check.
core::Expected<content::OfferedPack> OperatorDesk::read_offer(const content::PackCandidate& found) {
    auto candidate = UpdateService::to_candidate(found);
    if (!candidate) return candidate.error();
    const auto trusted = device_.packs ? device_.packs->trusted_keys() : content::TrustedKeys{};
    return content::read_offered_pack(*candidate, trusted, *device_.sticks);
}

void OperatorDesk::offer_answered(const content::PackCandidate& candidate,
                                  const core::Expected<content::OfferedPack>& offered) {
    if (!offered) // refused before anything is copied: the panel says why, nothing else happens
        return say(Notice::failure(Kind::install_refused, shown(offered.error().message)),
                   "operator: not installed: " + shown(offered.error().message));
    const auto& claim = offered->claim;
    const PackRef shown = shown_pack(), incoming{claim.pack_id, claim.version};
    const std::string file_name = core::safe_label(file_name_of(candidate.pack_path), UpdateService::kLabelCodePoints);
    if (claim.pack_id != shown.id)
        return ask({Question::install_other_pack, incoming, shown, file_name},
                   [this, candidate, claim] { start_install(candidate, claim); });
    if (claim.version < shown.version)
        return ask({Question::install_older, incoming, shown, file_name},
                   [this, candidate, claim] { start_install(candidate, claim); });
    start_install(candidate, claim); // a newer version, or this one again: nothing to regret
}

void OperatorDesk::start_install(const content::PackCandidate& candidate, const content::PackClaim& claim) {
    updates_->install(candidate, true, claim);
    say(Notice::about(Kind::installing, core::safe_label(file_name_of(candidate.pack_path), UpdateService::kLabelCodePoints)),
        "operator: installing " + shown(candidate.pack_path));
}

void OperatorDesk::roll_back() {
    // The switch takes seconds (the pack opened and checked, its fonts built): a second tap
    // meanwhile would swap straight back.
    if (!device_.packs || rolling_back_) return;
    const PackRef shown = current_.present ? PackRef{current_.id, current_.version} : shown_pack();
    const PackRef back = previous_.present ? PackRef{previous_.id, previous_.version} : PackRef{};
    ask({Question::roll_back, back, shown, ""}, [this] { do_roll_back(); });
}

void OperatorDesk::do_roll_back() {
    if (rolling_back_) return;
    rolling_back_ = true;
    say(Notice::plain(Kind::rolling_back), "operator: rolling back");
    workers_.device.post([this] {
        auto rolled = device_.packs->rollback();
        workers_.results.post([this, rolled = std::move(rolled)] {
            if (!rolled) {
                rolling_back_ = false;
                return say(Notice::failure(Kind::rollback_failed, rolled.error().message),
                           "operator: cannot roll back: " + rolled.error().message);
            }
            const auto pack = *rolled;
            show_pack_(pack.path, [this, pack](core::Status shown) {
                rolling_back_ = false;
                if (!shown)
                    return say(Notice::failure(Kind::rolled_back_unshown, shown.error().message),
                               "operator: rolled back, but cannot show it: " + shown.error().message);
                say(Notice::about(Kind::rolled_back, pack.pack_id, pack.version),
                    "operator: rolled back to " + pack.pack_id + " version " + std::to_string(pack.version));
            });
        });
    });
}

} // namespace pavilion::model
