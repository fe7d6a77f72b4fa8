// The panel's questions: installing another pack or an older version, and rolling back, wait for
// the operator's Confirm; Cancel, Leave and a change of the packs drop them; nothing else on the
// panel acts while one waits; and what the signature of a pack on a stick claims is checked
// against the trusted keys before the operator is asked anything.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Kind = OperatorNotice::Kind;
using Question = PendingConfirmation::Kind;

content::MediaEvent found(const std::string& mount, const std::string& name) {
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::candidate;
    event.mount_point = mount;
    event.candidate.source_dir = mount + "/PAVILION";
    event.candidate.pack_path = event.candidate.source_dir + "/" + name;
    event.candidate.signature_path = event.candidate.pack_path + ".minisig";
    event.candidate.mount_point = mount;
    return event;
}

// The mini pack (mini-pack version 3) is shown; a stick offers `name`, signed as id/version; the
// automatic install refuses it as the real installer would; the operator is in the panel.
struct Offered {
    KioskHarness h;
    std::string mount;

    Offered(const std::string& name, const std::string& id, std::int64_t version, bool trusted = true) {
        mount = h.make_stick("usb");
        h.offer_signed(mount + "/PAVILION", name, id, version, trusted);
        h.library().outcomes.push_back(core::make_error(core::ErrorCode::other_pack, "another pack"));
        h.step(0, {}, {KioskHarness::stick_inserted(mount), found(mount, name)});
        h.settled(10);
        h.open_keypad(100);
        h.type_pin(KioskHarness::kPin, 5200);
    }
    std::size_t installs() { return h.library().installs.size(); }
};

TEST(KioskQuestions, AnotherPackAsksFirstAndCancelInstallsNothing) {
    Offered o("expo-2027.pack", "expo-2027", 3);
    o.h.apply(InstallCandidate{0}, 6000);
    auto frame = o.h.settled(6100);
    ASSERT_TRUE(frame.panel.confirmation);
    const auto& question = *frame.panel.confirmation;
    EXPECT_EQ(question.kind, Question::install_other_pack);
    EXPECT_EQ(question.incoming.id, "expo-2027");
    EXPECT_EQ(question.incoming.version, 3);
    EXPECT_EQ(question.shown.id, "mini-pack");
    EXPECT_EQ(question.shown.version, 3);
    EXPECT_EQ(question.file_name, "expo-2027.pack");
    EXPECT_EQ(o.installs(), 1u) << "only the automatic attempt: nothing before Confirm";
    EXPECT_TRUE(o.h.logged("operator: asks: install expo-2027.pack (expo-2027 version 3) in place of mini-pack version 3?"));

    o.h.apply(CancelConfirmation{}, 6200);
    frame = o.h.settled(6300);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(o.installs(), 1u);
    EXPECT_EQ(frame.catalog->meta.id, "mini-pack");
    EXPECT_TRUE(o.h.logged("operator: cancelled: install expo-2027.pack"));
    o.h.apply(Confirm{}, 6400); // nothing waits any more
    EXPECT_EQ(o.h.settled(6500).catalog->meta.id, "mini-pack");
    EXPECT_EQ(o.installs(), 1u);
}

TEST(KioskQuestions, ConfirmInstallsWhatWasAskedAbout) {
    Offered o("expo-2027.pack", "expo-2027", 3);
    o.h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 1));
    o.h.apply(InstallCandidate{0}, 6000);
    o.h.settled(6100);
    o.h.apply(Confirm{}, 6200);
    const auto frame = o.h.settled(6300);
    EXPECT_FALSE(frame.panel.confirmation);
    ASSERT_EQ(o.installs(), 2u);
    EXPECT_EQ(o.h.library().installs[1], std::make_pair(std::string("expo-2027.pack"), true));
    ASSERT_TRUE(o.h.library().confirmed) << "the installer is told what the operator agreed to";
    EXPECT_EQ(o.h.library().confirmed->pack_id, "expo-2027");
    EXPECT_EQ(o.h.library().confirmed->version, 3);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(frame.panel.notice.kind, Kind::installing);
}

TEST(KioskQuestions, AnOlderVersionAsksAndANewerOneDoesNot) {
    {
        Offered o("old.pack", "mini-pack", 2);
        o.h.apply(InstallCandidate{0}, 6000);
        const auto frame = o.h.settled(6100);
        ASSERT_TRUE(frame.panel.confirmation);
        EXPECT_EQ(frame.panel.confirmation->kind, Question::install_older);
        EXPECT_EQ(frame.panel.confirmation->incoming.version, 2);
        EXPECT_EQ(o.installs(), 1u);
    }
    Offered o("new.pack", "mini-pack", 4);
    o.h.library().outcomes.push_back(testing::install_of(testing::mini_pack_path(), "mini-pack", 4));
    o.h.apply(InstallCandidate{0}, 6000);
    const auto frame = o.h.settled(6100);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(o.installs(), 2u) << "a newer version of the pack shown installs at once";
}

TEST(KioskQuestions, WhileAQuestionWaitsThePanelTakesNothingElse) {
    Offered o("expo-2027.pack", "expo-2027", 3);
    o.h.library().previous = testing::installed(testing::default_pack_path(), "belt-and-road", 1);
    o.h.apply(InstallCandidate{0}, 6000);
    auto frame = o.h.settled(6100);
    ASSERT_TRUE(frame.panel.confirmation);
    const int idle_before = frame.panel.idle_timeout_s;
    for (const Intent& intent : std::vector<Intent>{AdjustIdleTimeout{+30}, SetDefaultLanguage{"zh"}, RollBack{},
                                                    InstallCandidate{0}, ExportStatistics{}})
        o.h.apply(intent, 6200);
    frame = o.h.settled(6300);
    ASSERT_TRUE(frame.panel.confirmation);
    EXPECT_EQ(frame.panel.confirmation->kind, Question::install_other_pack) << "the first question stands";
    EXPECT_EQ(frame.panel.idle_timeout_s, idle_before);
    EXPECT_EQ(frame.panel.default_locale, "en");
    EXPECT_EQ(frame.panel.notice.kind, Kind::none);

    o.h.apply(LeaveOperatorMode{}, 6400); // Leave always works, and drops the question
    o.h.open_keypad(10000);
    frame = o.h.type_pin(KioskHarness::kPin, 16000);
    ASSERT_EQ(frame.layer, FrameModel::Layer::panel);
    EXPECT_FALSE(frame.panel.confirmation);
    o.h.apply(Confirm{}, 16100);
    o.h.settled(16200);
    EXPECT_EQ(o.installs(), 1u);
}

// The question names packs; when the packs change under it (an install from another stick), a
// Confirm would do something else than what was asked, so it is withdrawn.
TEST(KioskQuestions, APackChangeWithdrawsTheQuestion) {
    KioskHarness h;
    h.library().active = testing::installed(testing::mini_pack_path(), "mini-pack", 3);
    h.library().previous = testing::installed(testing::default_pack_path(), "belt-and-road", 1);
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 5200);
    h.settled(5300);
    h.apply(RollBack{}, 6000);
    ASSERT_TRUE(h.settled(6100).panel.confirmation);
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "mini-pack", 4));
    h.input(6200, {}, {found("/media/other", "newer.pack")}); // the automatic install of a newer pack
    auto frame = h.settled(6300);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(frame.panel.notice.kind, Kind::confirmation_withdrawn);
    EXPECT_TRUE(frame.panel.notice.is_error());
    h.apply(Confirm{}, 6400);
    frame = h.settled(6500);
    EXPECT_NE(frame.panel.notice.kind, Kind::rolled_back) << "nothing was rolled back";
    EXPECT_EQ(h.library().active->version, 4);
}

// Leaving while the offer is read drops its answer, and the next visit's panel acts as usual.
TEST(KioskQuestions, LeavingWhileTheOfferIsReadLeavesNothingBehind) {
    Offered o("expo-2027.pack", "expo-2027", 3);
    o.h.apply(InstallCandidate{0}, 6000);
    o.h.apply(LeaveOperatorMode{}, 6000); // before the device worker answered
    o.h.settled(6100);
    o.h.open_keypad(7000);
    auto frame = o.h.type_pin(KioskHarness::kPin, 13000);
    ASSERT_EQ(frame.layer, FrameModel::Layer::panel);
    EXPECT_FALSE(frame.panel.confirmation) << "the question of a visit that ended is not asked";
    const int before = frame.panel.idle_timeout_s;
    o.h.apply(AdjustIdleTimeout{+30}, 13100);
    EXPECT_EQ(o.h.settled(13200).panel.idle_timeout_s, before + 30) << "the panel takes actions again";
}

TEST(KioskQuestions, APackSignedByAnUntrustedKeyIsRefusedBeforeAnyQuestion) {
    Offered o("expo-2027.pack", "expo-2027", 3, false);
    o.h.apply(InstallCandidate{0}, 6000);
    const auto frame = o.h.settled(6100);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(frame.panel.notice.kind, Kind::install_refused);
    EXPECT_NE(frame.panel.notice.detail.find("PAVILION/expo-2027.pack.minisig: signed by key"), std::string::npos)
        << frame.panel.notice.detail;
    EXPECT_NE(frame.panel.notice.detail.find("which is not a trusted key"), std::string::npos);
    EXPECT_EQ(o.installs(), 1u);
}

TEST(KioskQuestions, AForgedClaimIsRefusedBeforeAnyQuestion) {
    Offered o("expo-2027.pack", "expo-2027", 3);
    const auto signature = o.mount + "/PAVILION/expo-2027.pack.minisig";
    auto text = testing::read_text(signature);
    const auto at = text.find("version:3");
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, 9, "version:9"); // the stick's maker edits the claim
    testing::write_text(signature, text);
    o.h.apply(InstallCandidate{0}, 6000);
    const auto frame = o.h.settled(6100);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(frame.panel.notice.kind, Kind::install_refused);
    EXPECT_NE(frame.panel.notice.detail.find("trusted comment was altered"), std::string::npos)
        << frame.panel.notice.detail;
}

} // namespace
} // namespace pavilion::model
