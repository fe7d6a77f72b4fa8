// At start the kiosk trusts nothing on its card (issue 19): the installed pack it shows is checked
// against its signature again, a pack that fails is rolled back (or the built-in one shown), and a
// lost version floor stays on the panel until the operator accepts a rebuilt one.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;

std::shared_ptr<testing::FakePackLibrary::State> installed_pair() {
    auto library = std::make_shared<testing::FakePackLibrary::State>();
    library->active = testing::installed(testing::mini_pack_path(), "mini-pack", 3);
    library->previous = testing::installed(testing::default_pack_path(), "belt-and-road", 2);
    return library;
}

bool has_warning(const model::FrameModel& frame, StoreWarning::Kind kind) {
    for (const auto& warning : frame.panel.store_warnings)
        if (warning.kind == kind) return true;
    return false;
}

model::FrameModel panel_of(KioskHarness& h, core::Millis at) {
    h.open_keypad(at);
    h.type_pin(KioskHarness::kPin, at + 5100);
    return h.settled(at + 5200);
}

TEST(StoreGuard, AnInstalledPackThatPassesItsCheckStays) {
    testing::KioskOptions options;
    options.library = installed_pair();
    KioskHarness h(options);
    h.settled(0);
    EXPECT_EQ(h.kiosk().pack()->path(), testing::mini_pack_path());
    EXPECT_TRUE(panel_of(h, 100).panel.store_warnings.empty());
}

TEST(StoreGuard, APackChangedOnTheCardIsRolledBackAtStartAndCounted) {
    testing::KioskOptions options;
    options.library = installed_pair();
    options.library->failing_check.insert(testing::mini_pack_path());
    KioskHarness h(options);
    h.settled(0);
    EXPECT_EQ(h.kiosk().pack()->path(), testing::default_pack_path());
    EXPECT_TRUE(h.logged("updates: the installed pack failed its check at start: "));
    const auto frame = panel_of(h, 100);
    EXPECT_TRUE(has_warning(frame, StoreWarning::Kind::pack_failed_check));
    EXPECT_TRUE(has_warning(frame, StoreWarning::Kind::rolled_back_at_start));
    {
        std::lock_guard<std::mutex> lock(h.library().mutex);
        ASSERT_TRUE(h.library().active);
        EXPECT_EQ(h.library().active->pack_id, "belt-and-road"); // the store rolled back
    }
    auto stats = content::VisitStats::open(h.state_dir() + "/stats.sqlite");
    ASSERT_TRUE(stats);
    auto week = stats->summary(content::local_day(static_cast<std::time_t>(h.wall_clock())), 7);
    ASSERT_TRUE(week);
    bool counted = false;
    for (const auto& screen : week->screens) counted |= screen.screen == "event:pack-failed-check-at-start";
    EXPECT_TRUE(counted);
}

TEST(StoreGuard, WithNoGoodPackLeftTheBuiltInOneIsShown) {
    testing::KioskOptions options;
    options.library = installed_pair();
    options.library->failing_check = {testing::mini_pack_path(), testing::default_pack_path()};
    options.built_in_pack_path = testing::default_pack_path();
    KioskHarness h(options);
    h.settled(0);
    EXPECT_EQ(h.kiosk().pack()->path(), testing::default_pack_path());
    EXPECT_TRUE(has_warning(panel_of(h, 100), StoreWarning::Kind::built_in_at_start));
    std::lock_guard<std::mutex> lock(h.library().mutex);
    EXPECT_EQ(h.library().active->pack_id, "mini-pack"); // nothing good to roll back to: unchanged
}

TEST(StoreGuard, ALostFloorStaysOnThePanelUntilTheOperatorAcceptsARebuiltOne) {
    testing::KioskOptions options;
    options.library = std::make_shared<testing::FakePackLibrary::State>();
    options.library->floor_error = core::make_error(core::ErrorCode::floor_unknown, "STATE/floor is damaged");
    KioskHarness h(options);
    h.settled(0);
    // Not from the visitor's side, nor from the keypad.
    h.kiosk().apply(AcceptRebuiltFloor{}, 10);
    h.settled(20);
    EXPECT_EQ(h.library().rebuilt_floors, 0);
    auto frame = panel_of(h, 100);
    ASSERT_TRUE(has_warning(frame, StoreWarning::Kind::floor_unknown));
    h.kiosk().apply(AcceptRebuiltFloor{}, 5300);
    frame = h.settled(5400);
    EXPECT_EQ(h.library().rebuilt_floors, 1);
    EXPECT_FALSE(has_warning(frame, StoreWarning::Kind::floor_unknown));
    EXPECT_TRUE(h.logged("accepted a version floor rebuilt from the installed packs"));
}

} // namespace
} // namespace pavilion::model
