// The way out of a PIN lock-out: after three lock-outs the keypad shows a recovery code; an
// unlock token for it on a stick ends the lock-out once, and the keypad then asks for a new
// PIN twice. A real PIN lock (cheapest hash cost), a real token check, tokens written by the
// test with the key the fake pack library trusts.

#include "model_fixture.hpp"

#include "pavilion/content/pin_lock.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Kind = OperatorNotice::Kind;
using Layer = FrameModel::Layer;
using Purpose = OperatorPinView::Purpose;

// Wrong PINs, each after the last lock-out has run out (on the wall clock), until `lockouts`
// lock-outs have begun. Returns the frame after the last one; `now` moves on.
FrameModel lock_out(KioskHarness& h, int lockouts, core::Millis& now) {
    FrameModel frame;
    for (int i = 0; i < content::PinLock::free_attempts - 1 + lockouts; ++i) {
        h.set_wall_clock(h.wall_clock() + h.step(now += 100).pin.locked_seconds);
        frame = h.type_pin("1111", now += 100);
    }
    return frame;
}

TEST(KioskRecovery, NoRecoveryIsOfferedBeforeTheThirdLockOut) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    auto frame = lock_out(h, 2, now);
    EXPECT_TRUE(frame.pin.locked);
    EXPECT_EQ(frame.pin.locked_seconds, 60);
    EXPECT_EQ(frame.pin.recovery_code, "");
    const auto mount = h.make_stick("usb");
    h.step(now, {}, {KioskHarness::stick_inserted(mount)});
    h.apply(UnlockWithStick{}, now);
    frame = h.settled(now + 100);
    EXPECT_FALSE(frame.pin.unlocking);
    EXPECT_EQ(frame.pin.notice.kind, Kind::locked) << "the intent means nothing yet";
}

TEST(KioskRecovery, ATokenForTheShownCodeEndsTheLockOutAndANewPinIsChosen) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    auto frame = lock_out(h, 3, now);
    ASSERT_TRUE(frame.pin.locked);
    EXPECT_EQ(frame.pin.locked_seconds, 120);
    const std::string code = frame.pin.recovery_code;
    ASSERT_EQ(code.size(), 11u) << code;
    EXPECT_EQ(code[5], '-');
    EXPECT_FALSE(frame.pin.stick_present);

    const auto mount = h.make_stick("usb");
    h.put_unlock_token(mount, code);
    frame = h.step(now, {}, {KioskHarness::stick_inserted(mount)});
    EXPECT_TRUE(frame.pin.stick_present);
    h.apply(UnlockWithStick{}, now);
    EXPECT_TRUE(h.step(now).pin.unlocking);
    frame = h.settled(now + 100);
    EXPECT_FALSE(frame.pin.locked) << "the lock-out is over, long before its 120 s";
    EXPECT_EQ(frame.pin.purpose, Purpose::choose_new_pin);
    EXPECT_EQ(frame.pin.notice.kind, Kind::token_accepted);
    EXPECT_EQ(frame.pin.notice.subject.size(), 16u) << "the signing key's id";
    EXPECT_EQ(frame.pin.recovery_code, "");
    EXPECT_TRUE(h.logged("operator: lock-out ended by an unlock token signed by key " + frame.pin.notice.subject));

    frame = h.type_pin("1357", now + 200);
    EXPECT_EQ(frame.pin.purpose, Purpose::repeat_new_pin);
    frame = h.type_pin("1357", now + 300);
    ASSERT_EQ(frame.layer, Layer::panel);
    EXPECT_EQ(frame.panel.notice.kind, Kind::pin_changed);

    // The new PIN opens the panel from now on; the old one is a wrong PIN.
    h.apply(LeaveOperatorMode{}, now + 400);
    h.open_keypad(now + 1000);
    EXPECT_EQ(h.type_pin(KioskHarness::kPin, now + 7000).pin.notice.kind, Kind::wrong_pin);
    EXPECT_EQ(h.type_pin("1357", now + 7100).layer, Layer::panel);
}

TEST(KioskRecovery, TheNewPinTypedDifferentlyIsAskedForAgain) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    const auto code = lock_out(h, 3, now).pin.recovery_code;
    const auto mount = h.make_stick("usb");
    h.put_unlock_token(mount, code);
    h.step(now, {}, {KioskHarness::stick_inserted(mount)});
    h.apply(UnlockWithStick{}, now);
    h.settled(now + 100);
    h.type_pin("1357", now + 200);
    auto frame = h.type_pin("1358", now + 300);
    EXPECT_EQ(frame.layer, Layer::pin);
    EXPECT_EQ(frame.pin.purpose, Purpose::choose_new_pin);
    EXPECT_EQ(frame.pin.notice.kind, Kind::pins_differ);
    h.type_pin("24680", now + 400);
    EXPECT_EQ(h.type_pin("24680", now + 500).layer, Layer::panel);
}

TEST(KioskRecovery, ATokenForAnotherCodeOrByAnotherKeyIsRefusedAndTheLockHolds) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    const auto code = lock_out(h, 3, now).pin.recovery_code;
    const auto mount = h.make_stick("usb");
    h.step(now, {}, {KioskHarness::stick_inserted(mount)});

    h.apply(UnlockWithStick{}, now); // no token on the stick yet
    auto frame = h.settled(now + 10);
    EXPECT_EQ(frame.pin.notice.kind, Kind::token_refused);
    EXPECT_EQ(frame.pin.notice.detail, "the USB stick has no PAVILION/unlock.token");

    h.put_unlock_token(mount, code == "00000-00000" ? "00000-00001" : "00000-00000");
    h.apply(UnlockWithStick{}, now + 20);
    frame = h.settled(now + 30);
    EXPECT_EQ(frame.pin.notice.kind, Kind::token_refused);
    EXPECT_NE(frame.pin.notice.detail.find("made for another code"), std::string::npos) << frame.pin.notice.detail;
    EXPECT_TRUE(frame.pin.locked);

    h.put_unlock_token(mount, code, false);
    h.apply(UnlockWithStick{}, now + 40);
    frame = h.settled(now + 50);
    EXPECT_EQ(frame.pin.notice.kind, Kind::token_refused);
    EXPECT_NE(frame.pin.notice.detail.find("a key this kiosk does not trust"), std::string::npos)
        << frame.pin.notice.detail;
    EXPECT_TRUE(frame.pin.locked);
    EXPECT_EQ(frame.pin.purpose, Purpose::enter_pin);
    EXPECT_EQ(frame.pin.recovery_code, code) << "the same code stands until the lock-out ends";
}

TEST(KioskRecovery, WithoutAStickTheKeypadSaysWhatToInsert) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    lock_out(h, 3, now);
    h.apply(UnlockWithStick{}, now);
    const auto frame = h.settled(now + 10);
    EXPECT_EQ(frame.pin.notice.kind, Kind::no_token_stick);
    EXPECT_TRUE(frame.pin.locked);
}

// A stick's label is its maker's text: on the keypad it is only a safe label (no character that
// reorders or hides text), whatever the message it is part of.
TEST(KioskRecovery, AStickNamedToDeceiveIsShownOnlyAsASafeLabel) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    lock_out(h, 3, now);
    const std::string mount = h.dir() / "STICK\u202E.exe"; // a right-to-left override in its name
    std::filesystem::create_directories(mount + "/PAVILION");  // a folder, never mounted
    h.step(now, {}, {KioskHarness::stick_inserted(mount)});
    h.apply(UnlockWithStick{}, now);
    const auto frame = h.settled(now + 10);
    ASSERT_EQ(frame.pin.notice.kind, Kind::token_refused);
    EXPECT_NE(frame.pin.notice.detail.find("it is not mounted"), std::string::npos) << frame.pin.notice.detail;
    EXPECT_EQ(frame.pin.notice.detail.find("\u202E"), std::string::npos);
    EXPECT_NE(frame.pin.notice.detail.find("\uFFFD"), std::string::npos) << frame.pin.notice.detail;
}

// A token opens the lock-out it was made for, once: the next lock-out has a new code.
TEST(KioskRecovery, ATokenWorksOnce) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    const auto first = lock_out(h, 3, now).pin.recovery_code;
    const auto mount = h.make_stick("usb");
    h.put_unlock_token(mount, first);
    h.step(now, {}, {KioskHarness::stick_inserted(mount)});
    h.apply(UnlockWithStick{}, now);
    ASSERT_EQ(h.settled(now + 10).pin.notice.kind, Kind::token_accepted);
    h.apply(LeaveOperatorMode{}, now + 20); // no new PIN chosen: the old one stays

    h.open_keypad(now + 1000);
    now += 7000;
    const auto second = lock_out(h, 3, now).pin.recovery_code;
    ASSERT_FALSE(second.empty());
    EXPECT_NE(second, first);
    h.apply(UnlockWithStick{}, now); // the first token is still on the stick
    const auto frame = h.settled(now + 10);
    EXPECT_EQ(frame.pin.notice.kind, Kind::token_refused);
    EXPECT_TRUE(frame.pin.locked);
}

// The keypad that opens during a lock-out learns the code too (it lives in the counter file).
TEST(KioskRecovery, TheCodeIsShownWhenTheKeypadOpensAgain) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    const auto code = lock_out(h, 3, now).pin.recovery_code;
    h.apply(LeaveOperatorMode{}, now);
    h.open_keypad(now + 1000);
    const auto frame = h.settled(now + 6200);
    EXPECT_TRUE(frame.pin.locked);
    EXPECT_EQ(frame.pin.recovery_code, code);
}

// Taps on a locked keypad change nothing: the lock-out ends when its time is up, not later.
TEST(KioskRecovery, TapsDuringALockOutNeitherExtendNorRestartIt) {
    KioskHarness h;
    core::Millis now = 0;
    h.open_keypad(now);
    now = 6000;
    auto frame = lock_out(h, 3, now);
    ASSERT_EQ(frame.pin.locked_seconds, 120);
    for (int second = 1; second <= 119; ++second) {
        h.set_wall_clock(h.wall_clock() + 1);
        for (int digit = 0; digit < 8; ++digit) h.apply(PinDigit{digit}, now);
        h.apply(PinSubmit{}, now);
        frame = h.settled(now += 100);
        ASSERT_EQ(frame.pin.locked_seconds, 120 - second) << "after " << second << " s of tapping";
        ASSERT_EQ(frame.pin.digits_entered, 0);
    }
    h.set_wall_clock(h.wall_clock() + 1);
    EXPECT_FALSE(h.step(now += 100).pin.locked);
    EXPECT_EQ(h.type_pin(KioskHarness::kPin, now += 100).layer, Layer::panel);
}

} // namespace
} // namespace pavilion::model
