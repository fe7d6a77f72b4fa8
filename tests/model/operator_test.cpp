// Operator mode in-process: the hidden hold, the PIN pad with its lock-out (a real PIN lock at
// the cheapest hash cost), the panel's settings and its closing by itself.

#include "model_fixture.hpp"

#include "pavilion/core/operator_mode.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Type = core::PointerEvent::Type;
using Layer = FrameModel::Layer;
using Kind = OperatorNotice::Kind;

TEST(KioskOperator, AFiveSecondHoldInTheCornerOpensTheKeypadAndIsNoVisitorTouch) {
    KioskHarness h;
    h.step(0);
    h.tap(500, 500, 100); // a visitor woke the kiosk
    h.step(1000, {testing::touch(Type::down, 10, 10, 1000)});
    auto frame = h.step(5999);
    EXPECT_EQ(frame.layer, Layer::visitor);
    EXPECT_TRUE(frame.animating) << "frames must come while the hold is under way";
    EXPECT_EQ(frame.next_change, 6000);
    frame = h.step(6000);
    EXPECT_EQ(frame.layer, Layer::pin);
    frame = h.step(6100, {testing::touch(Type::up, 10, 10, 6100)});
    EXPECT_TRUE(frame.gestures.empty()) << "the holding finger is not a key press";
    EXPECT_TRUE(h.logged("operator: keypad opened"));
}

TEST(KioskOperator, AHoldCompletedByTimeAloneOpensTheKeypadTheSameWay) {
    KioskHarness h;
    h.step(0);
    h.tap(500, 500, 100);
    h.input(1000, {testing::touch(Type::down, 10, 10, 1000)});
    h.kiosk().poll(6000); // no input at 6000: the hold completes in poll()
    auto frame = h.kiosk().frame(6000);
    EXPECT_EQ(frame.layer, Layer::pin);
    EXPECT_TRUE(h.logged("operator: keypad opened"));
    frame = h.step(6100, {testing::touch(Type::up, 10, 10, 6100)});
    EXPECT_TRUE(frame.gestures.empty()) << "the holding finger is no visitor's touch";
    EXPECT_FALSE(frame.pointer.down);
}

TEST(KioskOperator, AHoldElsewhereOrTooShortOpensNothing) {
    KioskHarness h;
    h.step(0);
    h.tap(500, 500, 100);
    h.step(1000, {testing::touch(Type::down, 300, 10, 1000)});
    EXPECT_EQ(h.step(9000, {testing::touch(Type::up, 300, 10, 9000)}).layer, Layer::visitor);
    h.step(10000, {testing::touch(Type::down, 10, 10, 10000)});
    EXPECT_EQ(h.step(13000, {testing::touch(Type::up, 10, 10, 13000)}).layer, Layer::visitor);
}

TEST(KioskOperator, TheRightPinOpensThePanel) {
    KioskHarness h;
    h.open_keypad(0);
    h.apply(PinDigit{2}, 6000);
    h.apply(PinDigit{4}, 6000);
    EXPECT_EQ(h.step(6000).pin.digits_entered, 2);
    h.apply(PinBackspace{}, 6000);
    EXPECT_EQ(h.step(6000).pin.digits_entered, 1);
    h.apply(PinBackspace{}, 6000);
    const auto frame = h.type_pin(KioskHarness::kPin, 7000);
    EXPECT_EQ(frame.layer, Layer::panel);
    EXPECT_EQ(frame.panel.notice.kind, Kind::none);
    EXPECT_TRUE(h.logged("operator: panel opened"));
}

TEST(KioskOperator, WrongPinsCountDownThenLockTheKeypadEvenForTheRightOne) {
    KioskHarness h;
    h.open_keypad(0);
    auto frame = h.type_pin("1111", 6000);
    EXPECT_EQ(frame.layer, Layer::pin);
    EXPECT_EQ(frame.pin.notice.kind, Kind::wrong_pin);
    EXPECT_EQ(frame.pin.notice.count, 2);
    EXPECT_TRUE(frame.pin.notice.is_error());
    h.type_pin("2222", 6100);
    frame = h.type_pin("3333", 6200);
    EXPECT_TRUE(frame.pin.locked);
    EXPECT_EQ(frame.pin.locked_seconds, content::PinLock::first_lockout_seconds);
    EXPECT_EQ(frame.pin.notice.kind, Kind::locked);
    // While locked the keypad takes no digits, so even the right PIN cannot be tried.
    frame = h.type_pin(KioskHarness::kPin, 6300);
    EXPECT_EQ(frame.layer, Layer::pin);
    EXPECT_EQ(frame.pin.digits_entered, 0);
    // The lock-out is wall-clock time: once it has passed, the right PIN opens the panel.
    h.set_wall_clock(h.wall_clock() + content::PinLock::first_lockout_seconds);
    EXPECT_FALSE(h.step(6400).pin.locked);
    EXPECT_EQ(h.type_pin(KioskHarness::kPin, 6500).layer, Layer::panel);
}

TEST(KioskOperator, ALockOutSurvivesLeavingAndComingBack) {
    KioskHarness h;
    h.open_keypad(0);
    for (int i = 0; i < 3; ++i) h.type_pin("1111", 6000 + i);
    h.apply(LeaveOperatorMode{}, 6100);
    EXPECT_EQ(h.step(6100).layer, Layer::visitor);
    h.open_keypad(10000);
    const auto frame = h.settled(15200);
    EXPECT_TRUE(frame.pin.locked) << "the keypad asks the PIN lock when it opens";
}

TEST(KioskOperator, WithoutAStateDirectoryThereIsNoPinToCheck) {
    testing::KioskOptions options;
    options.with_device = false;
    KioskHarness h(options);
    h.open_keypad(0);
    const auto frame = h.type_pin(KioskHarness::kPin, 6000);
    EXPECT_EQ(frame.layer, Layer::pin);
    EXPECT_EQ(frame.pin.notice.kind, Kind::no_pin_store);
}

TEST(KioskOperator, NoPinSetMeansNoOperatorMode) {
    testing::KioskOptions options;
    options.with_pin = false;
    KioskHarness h(options);
    h.open_keypad(0);
    EXPECT_EQ(h.type_pin("1234", 6000).pin.notice.kind, Kind::no_pin_set);
}

TEST(KioskOperator, TheIdleTimeoutStepsWithinItsLimitsIsSavedAndRulesTheNextVisit) {
    KioskHarness h;
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 6000);
    auto frame = h.step(6100);
    EXPECT_EQ(frame.panel.idle_timeout_s, 60); // the pack's
    for (int i = 0; i < 20; ++i) h.apply(AdjustIdleTimeout{+30}, 7000 + i);
    frame = h.settled(8000);
    EXPECT_EQ(frame.panel.idle_timeout_s, OperatorDesk::kIdleMaxS);
    EXPECT_EQ(frame.panel.notice.kind, Kind::settings_saved);
    EXPECT_EQ(load_settings(h.state_dir()).idle_timeout_s, OperatorDesk::kIdleMaxS);
    for (int i = 0; i < 30; ++i) h.apply(AdjustIdleTimeout{-30}, 9000 + i);
    EXPECT_EQ(h.settled(9100).panel.idle_timeout_s, OperatorDesk::kIdleMinS);

    h.apply(SetDefaultLanguage{"zh"}, 9200);
    EXPECT_EQ(h.settled(9300).panel.default_locale, "zh");
    EXPECT_EQ(load_settings(h.state_dir()).default_locale, "zh");

    h.apply(LeaveOperatorMode{}, 10000);
    frame = h.step(10000);
    EXPECT_EQ(frame.layer, Layer::visitor);
    EXPECT_EQ(frame.route.screen, core::Route::Screen::attract) << "the visitors start afresh";
    EXPECT_EQ(frame.locale, "zh");
    EXPECT_EQ(h.kiosk().session().settings().idle_timeout_ms, OperatorDesk::kIdleMinS * 1000);
}

TEST(KioskOperator, AFailedSaveSaysWhy) {
    KioskHarness h;
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 6000);
    std::filesystem::create_directory(h.state_dir() + "/settings.new"); // the temporary file cannot be made
    h.apply(AdjustIdleTimeout{+30}, 7000);
    const auto frame = h.settled(7100);
    EXPECT_EQ(frame.panel.notice.kind, Kind::settings_failed);
    EXPECT_NE(frame.panel.notice.detail.find("cannot save the settings"), std::string::npos) << frame.panel.notice.detail;
}

TEST(KioskOperator, ThePanelClosesItselfAfterThreeMinutesUntouched) {
    KioskHarness h;
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 6000);
    auto frame = h.step(6001);
    ASSERT_EQ(frame.layer, Layer::panel);
    const core::Millis opened = 6001;
    EXPECT_EQ(frame.next_change, opened + core::OperatorMode::kPanelIdleMs - OperatorDesk::kAutoLeaveShownMs);
    frame = h.step(opened + core::OperatorMode::kPanelIdleMs - 10000);
    EXPECT_NEAR(frame.panel.seconds_until_auto_leave, 10.0f, 0.01f);
    frame = h.step(opened + core::OperatorMode::kPanelIdleMs);
    EXPECT_EQ(frame.layer, Layer::visitor);
    EXPECT_EQ(frame.route.screen, core::Route::Screen::attract);
}

} // namespace
} // namespace pavilion::model
