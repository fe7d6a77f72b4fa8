// Packs arriving on sticks and in inboxes, as the model handles them: installs on a worker with a
// banner for the visitors, typed outcomes (a pack already in is skipped quietly), the switch to
// the new pack, and the operator's forced install and rollback.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using State = UpdateBanner::State;
using Kind = OperatorNotice::Kind;

content::MediaEvent stick(const std::string& mount) {
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::stick_inserted;
    event.mount_point = mount;
    return event;
}

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

content::MediaEvent removed(const std::string& mount) {
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::stick_removed;
    event.mount_point = mount;
    return event;
}

TEST(KioskUpdates, ANewerPackFromAStickIsInstalledAndShownAtHome) {
    KioskHarness h;
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 7));
    ASSERT_TRUE(h.kiosk().start_at(*core::Route::parse("story/china-laos-railway"), 0)); // a visitor reads
    const auto before = h.step(0);
    h.input(100, {}, {stick("/media/usb"), found("/media/usb", "expo.pack")});
    const auto frame = h.settled(200); // the outcome is applied at 200
    ASSERT_EQ(h.library().installs.size(), 1u);
    EXPECT_EQ(h.library().installs[0], std::make_pair(std::string("expo.pack"), false)) << "never forced by itself";
    ASSERT_TRUE(frame.banner);
    EXPECT_EQ(frame.banner->state, State::installed);
    EXPECT_EQ(frame.banner->pack_id, "belt-and-road");
    EXPECT_EQ(frame.banner->version, 7);
    EXPECT_EQ(frame.banner->file_name, "expo.pack");
    EXPECT_NE(frame.pack_generation, before.pack_generation);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(h.kiosk().pack()->path(), testing::default_pack_path());
    EXPECT_EQ(frame.route.screen, core::Route::Screen::home);
    EXPECT_TRUE(h.logged("updates: now showing " + testing::default_pack_path()));
    // The outcome stays a while, then goes by itself.
    EXPECT_EQ(frame.next_change, 200 + UpdateService::kOutcomeShownMs + 1);
    EXPECT_FALSE(h.step(200 + UpdateService::kOutcomeShownMs + 1).banner);
}

TEST(KioskUpdates, APackThatIsNotNewerIsSkippedWithoutABanner) {
    KioskHarness h;
    h.library().outcomes.push_back(core::make_error(core::ErrorCode::not_newer, "expo.pack: version 3 is installed already"));
    const auto before = h.step(0);
    h.step(100, {}, {found("/media/usb", "expo.pack")});
    const auto frame = h.settled(200);
    EXPECT_FALSE(frame.banner);
    EXPECT_EQ(frame.pack_generation, before.pack_generation);
    EXPECT_TRUE(h.logged("updates: skipped: expo.pack: version 3 is installed already"));
}

TEST(KioskUpdates, ARefusedPackSaysWhyAndTheContentStays) {
    KioskHarness h;
    h.library().outcomes.push_back(core::make_error(core::ErrorCode::tampered, "PAVILION/expo.pack: signature does not match"));
    const auto before = h.step(0);
    h.step(100, {}, {found("/media/usb", "expo.pack")});
    const auto frame = h.settled(200);
    ASSERT_TRUE(frame.banner);
    EXPECT_EQ(frame.banner->state, State::failed);
    EXPECT_EQ(frame.banner->problem, core::ErrorCode::tampered);
    EXPECT_EQ(frame.pack_generation, before.pack_generation);
    EXPECT_TRUE(h.logged("updates: refused: PAVILION/expo.pack: signature does not match"));
}

TEST(KioskUpdates, TheBannerFollowsTheCopyWhileTheScreenKeepsMoving) {
    KioskHarness h;
    std::mutex mutex;
    std::condition_variable changed;
    int stage = 0; // 0: copying half, 1: the test looked, 2: go on
    h.library().during_install = [&](const content::InstallOptions& options) {
        options.on_progress(50'000'000, 100'000'000);
        std::unique_lock<std::mutex> lock(mutex);
        stage = 1;
        changed.notify_all();
        changed.wait(lock, [&] { return stage == 2; });
        options.on_progress(100'000'000, 100'000'000);
    };
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 7));
    h.input(0, {}, {found("/media/usb", "big.pack")});
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stage == 1; });
    }
    h.step(1000); // the "started" answer arrives: the copy began at 1000 on the model's clock
    const auto frame = h.step(3000);
    ASSERT_TRUE(frame.banner);
    EXPECT_EQ(frame.banner->state, State::copying);
    EXPECT_EQ(frame.banner->file_name, "big.pack");
    EXPECT_EQ(frame.banner->copied_bytes, 50'000'000u);
    EXPECT_EQ(frame.banner->total_bytes, 100'000'000u);
    EXPECT_NEAR(frame.banner->seconds_left, 2.0, 1e-9); // half in 2 s: 2 s to go
    EXPECT_TRUE(frame.animating);
    {
        std::lock_guard<std::mutex> lock(mutex);
        stage = 2;
    }
    changed.notify_all();
    EXPECT_EQ(h.settled(4000).banner->state, State::installed);
}

TEST(KioskUpdates, AStickTakenOutTakesItsPacksWithIt) {
    KioskHarness h;
    h.library().outcomes.push_back(core::make_error(core::ErrorCode::not_newer, "not newer"));
    h.step(0, {}, {stick("/media/usb"), found("/media/usb", "expo.pack")});
    h.settled(10);
    h.open_keypad(100);
    h.type_pin(KioskHarness::kPin, 5200);
    auto frame = h.step(5300);
    ASSERT_EQ(frame.panel.candidates.size(), 1u);
    EXPECT_EQ(frame.panel.candidates[0].file_name, "expo.pack");
    EXPECT_EQ(frame.panel.candidates[0].source, OperatorCandidate::Source::stick);
    EXPECT_EQ(frame.panel.candidates[0].location, "/media/usb");
    EXPECT_TRUE(frame.panel.stick_present);
    frame = h.step(5400, {}, {removed("/media/usb")});
    EXPECT_TRUE(frame.panel.candidates.empty());
    EXPECT_FALSE(frame.panel.stick_present);
}

TEST(KioskUpdates, TheOperatorForcesAnInstallOfAPackThatIsNotNewer) {
    KioskHarness h;
    const auto mount = h.make_stick("usb");
    h.offer_signed(mount + "/PAVILION", "again.pack", "mini-pack", 3); // the version shown
    h.library().outcomes.push_back(core::make_error(core::ErrorCode::not_newer, "not newer"));
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 1));
    h.step(0, {}, {stick(mount), found(mount, "again.pack")});
    h.settled(10);
    h.open_keypad(100);
    h.type_pin(KioskHarness::kPin, 5200);
    h.apply(InstallCandidate{0}, 5300);
    h.apply(InstallCandidate{7}, 5301); // no such candidate: nothing
    auto frame = h.settled(5400);
    EXPECT_FALSE(frame.panel.confirmation) << "the same version again asks nothing";
    ASSERT_EQ(h.library().installs.size(), 2u);
    EXPECT_EQ(h.library().installs[1], std::make_pair(std::string("again.pack"), true));
    ASSERT_TRUE(h.library().confirmed);
    EXPECT_EQ(h.library().confirmed->pack_id, "mini-pack") << "the installer expects what the panel read";
    EXPECT_EQ(h.library().confirmed->version, 3);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(frame.layer, FrameModel::Layer::panel) << "the operator stays in the panel";
    EXPECT_TRUE(h.logged("operator: installing " + mount + "/PAVILION/again.pack"));
}

TEST(KioskUpdates, RollBackShowsThePreviousPackAndSaysSo) {
    KioskHarness h;
    h.library().active = testing::installed(testing::mini_pack_path(), "mini-pack", 3);
    h.library().previous = testing::installed(testing::default_pack_path(), "belt-and-road", 1);
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 5200);
    auto frame = h.settled(5300);
    EXPECT_TRUE(frame.panel.packs_ready);
    EXPECT_EQ(frame.panel.current.title, "Installed mini-pack") << "the shown pack is the store's active one";
    EXPECT_EQ(frame.panel.previous.id, "belt-and-road");
    h.apply(RollBack{}, 6000);
    frame = h.settled(6050);
    ASSERT_TRUE(frame.panel.confirmation) << "a rollback asks first";
    EXPECT_EQ(frame.panel.confirmation->kind, PendingConfirmation::Kind::roll_back);
    EXPECT_EQ(frame.panel.confirmation->incoming.id, "belt-and-road");
    EXPECT_EQ(frame.panel.confirmation->incoming.version, 1);
    EXPECT_EQ(frame.panel.confirmation->shown.id, "mini-pack");
    EXPECT_EQ(frame.catalog->meta.id, "mini-pack") << "nothing happens before Confirm";
    h.apply(Confirm{}, 6060);
    frame = h.settled(6100);
    EXPECT_FALSE(frame.panel.confirmation);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(frame.panel.notice.kind, Kind::rolled_back);
    EXPECT_EQ(frame.panel.notice.subject, "belt-and-road");
    EXPECT_EQ(frame.panel.previous.id, "mini-pack") << "the panel re-reads the packs after the switch";
    EXPECT_TRUE(h.logged("operator: rolled back to belt-and-road version 1"));
}

TEST(KioskUpdates, ARollbackThatCannotBeDoneOrShownSaysWhy) {
    KioskHarness h;
    h.library().rollback_error = core::Error{core::ErrorCode::io, "STATE/pointers: cannot be read"};
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 5200);
    h.apply(RollBack{}, 6000);
    h.apply(Confirm{}, 6000);
    auto frame = h.settled(6100);
    EXPECT_EQ(frame.panel.notice.kind, Kind::rollback_failed);
    EXPECT_EQ(frame.panel.notice.detail, "STATE/pointers: cannot be read");

    h.library().rollback_error.reset();
    h.library().active = testing::installed(testing::mini_pack_path(), "mini-pack", 3);
    h.library().previous = testing::installed(h.dir() / "gone.pack", "gone", 2);
    h.apply(RollBack{}, 7000);
    h.apply(Confirm{}, 7000);
    frame = h.settled(7100);
    EXPECT_EQ(frame.panel.notice.kind, Kind::rolled_back_unshown);
    EXPECT_NE(frame.panel.notice.detail.find("gone.pack"), std::string::npos) << frame.panel.notice.detail;
    EXPECT_EQ(frame.catalog->meta.id, "mini-pack") << "the content on screen stays";
}

TEST(KioskUpdates, APackTheShellCannotPrepareIsNotShown) {
    testing::KioskOptions options;
    options.prepare_pack = [](const content::PackReader&) -> core::Status {
        return core::make_error(core::ErrorCode::unavailable, "no font covers this pack");
    };
    KioskHarness h(options);
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 7));
    const auto before = h.step(0);
    h.step(100, {}, {found("/media/usb", "expo.pack")});
    const auto frame = h.settled(200);
    EXPECT_EQ(frame.pack_generation, before.pack_generation);
    EXPECT_EQ(frame.catalog->meta.id, "mini-pack");
    EXPECT_TRUE(h.logged("updates: cannot show the new pack: no font covers this pack"));
}

TEST(KioskUpdates, APackArrivingAtAnEmptyKioskKeepsTheAttractLoopAndCountsNoVisit) {
    KioskHarness h;
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 7));
    h.step(0);
    h.input(100, {}, {found("/media/usb", "expo.pack")});
    auto frame = h.settled(200);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(frame.route.screen, core::Route::Screen::attract) << "nobody is there to wake it for";
    EXPECT_EQ(frame.next_change, 200 + UpdateService::kOutcomeShownMs + 1) << "no idle question for an empty room";
    // The operator's numbers count no visit.
    h.step(20000);
    h.open_keypad(30000);
    frame = h.type_pin(KioskHarness::kPin, 36000);
    EXPECT_EQ(frame.panel.stats.sessions_today, 0);
}

TEST(KioskUpdates, ThePanelOpenedDuringASwitchDescribesTheNewPack) {
    KioskHarness h;
    h.library().outcomes.push_back(testing::install_of(testing::default_pack_path(), "belt-and-road", 7));
    h.open_keypad(0);
    // The PIN is checked on the device worker while the install is applied: the panel must open
    // on the pack shown then, not on the one shown when the PIN was sent.
    for (const char digit : std::string(KioskHarness::kPin)) h.apply(PinDigit{digit - '0'}, 5200);
    h.apply(PinSubmit{}, 5200);
    h.input(5200, {}, {found("/media/usb", "expo.pack")});
    const auto frame = h.settled(5300);
    ASSERT_EQ(frame.layer, FrameModel::Layer::panel);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road");
    EXPECT_EQ(frame.panel.current.id, "belt-and-road");
}

TEST(KioskUpdates, RollBackTwiceInARowRollsBackOnce) {
    KioskHarness h;
    h.library().active = testing::installed(testing::mini_pack_path(), "mini-pack", 3);
    h.library().previous = testing::installed(testing::default_pack_path(), "belt-and-road", 1);
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 5200);
    h.apply(RollBack{}, 6000);
    h.apply(Confirm{}, 6000);
    EXPECT_EQ(h.step(6000).panel.notice.kind, Kind::rolling_back);
    h.apply(RollBack{}, 6001); // the second tap, before the first has switched
    h.apply(Confirm{}, 6001);
    const auto frame = h.settled(6100);
    EXPECT_EQ(frame.catalog->meta.id, "belt-and-road") << "a second rollback would have swapped back";
    EXPECT_EQ(frame.panel.notice.kind, Kind::rolled_back);
}

} // namespace
} // namespace pavilion::model

namespace pavilion::model {
namespace {

// A hostile stick (issue 19): many packs, all refused, with names made to deceive.
std::vector<content::MediaEvent> stick_with(const std::string& mount, int packs) {
    std::vector<content::MediaEvent> events = {stick(mount)};
    for (int i = 0; i < packs; ++i) events.push_back(found(mount, "forged-" + std::to_string(i) + ".pack"));
    return events;
}

std::size_t installs_tried(KioskHarness& h) {
    std::lock_guard<std::mutex> lock(h.library().mutex);
    return h.library().installs.size();
}

TEST(KioskUpdates, AStickOfRefusedPacksIsGivenUpOnUntilItIsPluggedInAgain) {
    KioskHarness h;
    h.step(0, {}, stick_with("/media/usb", 10000)); // every install refused (io: no outcome scripted)
    h.settled(100);
    EXPECT_EQ(installs_tried(h), static_cast<std::size_t>(UpdateService::kMaxRefusalsPerStick));
    EXPECT_TRUE(h.logged("updates: 3 packs on /media/usb were refused; its other packs are ignored until it is "
                         "plugged in again"));
    // The panel lists a bounded number of them.
    h.open_keypad(200);
    h.type_pin(KioskHarness::kPin, 5300);
    EXPECT_EQ(h.step(5400).panel.candidates.size(), UpdateService::kMaxCandidates);
    // Out and in again: a fresh chance, and again only a few.
    h.step(5500, {}, {removed("/media/usb")});
    h.step(5600, {}, stick_with("/media/usb", 5));
    h.settled(5700);
    EXPECT_EQ(installs_tried(h), static_cast<std::size_t>(2 * UpdateService::kMaxRefusalsPerStick));
}

TEST(KioskUpdates, OnlyAFewInstallsWaitAtOnce) {
    KioskHarness h;
    std::mutex mutex;
    std::condition_variable released;
    bool go = false;
    h.library().during_install = [&](const content::InstallOptions&) {
        std::unique_lock<std::mutex> lock(mutex);
        released.wait(lock, [&] { return go; });
    };
    // Two inboxes' worth of packs arrive while the first install is held (an inbox has no
    // stick to give up on).
    std::vector<content::MediaEvent> many;
    for (int i = 0; i < 50; ++i) {
        auto event = found("", "inbox-" + std::to_string(i) + ".pack");
        event.candidate.kind = content::PackCandidate::Source::inbox;
        many.push_back(event);
    }
    h.step(0, {}, many);
    {
        std::lock_guard<std::mutex> lock(mutex);
        go = true;
    }
    released.notify_all();
    h.settled(100);
    EXPECT_EQ(installs_tried(h), 1 + UpdateService::kMaxQueued);
    EXPECT_TRUE(h.logged("installs are waiting (the operator may pick it)"));
}

TEST(KioskUpdates, TheBannerShowsAStickFileNameOnlyAsAShortSafeLabel) {
    KioskHarness h;
    const std::string name = "Update\xE2\x80\xAE" "kcap.\nOFFICIAL NOTICE: call 555-0100 " + std::string(200, 'x') + ".pack";
    h.step(0, {}, {found("/media/usb", name)});
    const auto frame = h.settled(100);
    ASSERT_TRUE(frame.banner);
    EXPECT_EQ(frame.banner->state, State::failed); // such a name is refused before any file is read
    EXPECT_EQ(frame.banner->file_name.find('\n'), std::string::npos);
    EXPECT_EQ(frame.banner->file_name.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_LT(frame.banner->file_name.size(), 60u);
    EXPECT_EQ(frame.banner->file_name.rfind("Update\xEF\xBF\xBDkcap.\xEF\xBF\xBDOFFICIAL", 0), 0u) << frame.banner->file_name;
}

} // namespace
} // namespace pavilion::model
