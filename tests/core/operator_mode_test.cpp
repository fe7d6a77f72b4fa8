#include "pavilion/core/operator_mode.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

PointerEvent at(PointerEvent::Type type, float x, float y, Millis time, int id = 0) { return {type, id, x, y, time}; }
using Type = PointerEvent::Type;
constexpr float kCorner = 60;

TEST(OperatorMode, AFiveSecondHoldInTheCornerOpensTheKeypad) {
    OperatorMode mode;
    EXPECT_FALSE(mode.watch({at(Type::down, 10, 10, 1000)}, 1000, kCorner));
    EXPECT_FALSE(mode.tick(5999));
    EXPECT_EQ(mode.stage(), OperatorMode::Stage::off);
    EXPECT_TRUE(mode.tick(6000)); // no event needed: time alone completes the hold
    EXPECT_EQ(mode.stage(), OperatorMode::Stage::pin);
}

TEST(OperatorMode, OtherTouchesNeverOpenIt) {
    OperatorMode mode;
    // Outside the corner.
    mode.watch({at(Type::down, 200, 10, 0)}, 0, kCorner);
    EXPECT_FALSE(mode.tick(9000));
    // Lifted early, then held again but too briefly.
    mode.watch({at(Type::down, 10, 10, 10000), at(Type::up, 10, 10, 14000)}, 14000, kCorner);
    EXPECT_FALSE(mode.tick(20000));
    // A finger that wanders away.
    mode.watch({at(Type::down, 10, 10, 30000), at(Type::move, 50, 50, 31000)}, 31000, kCorner);
    EXPECT_FALSE(mode.tick(40000));
    // A second finger lands: a pinch, not a hold.
    mode.watch({at(Type::down, 10, 10, 50000), at(Type::down, 500, 500, 50100, 1)}, 50100, kCorner);
    EXPECT_FALSE(mode.tick(60000));
    EXPECT_EQ(mode.stage(), OperatorMode::Stage::off);
}

TEST(OperatorMode, ThePanelClosesItselfWhenLeftAlone) {
    OperatorMode mode;
    mode.open_pin(0);
    EXPECT_FALSE(mode.tick(OperatorMode::kPinIdleMs - 1));
    EXPECT_TRUE(mode.tick(OperatorMode::kPinIdleMs)); // an abandoned keypad closes
    EXPECT_EQ(mode.stage(), OperatorMode::Stage::off);

    mode.open_panel(1000);
    mode.watch({at(Type::down, 900, 900, 100000), at(Type::up, 900, 900, 100050)}, 100050, kCorner);
    EXPECT_FALSE(mode.tick(100050 + OperatorMode::kPanelIdleMs - 1)); // touches keep it open
    EXPECT_TRUE(mode.tick(100050 + OperatorMode::kPanelIdleMs));
    EXPECT_EQ(mode.stage(), OperatorMode::Stage::off);
}

TEST(OperatorMode, ThePinIsForgottenOnLeaving) {
    OperatorMode mode;
    mode.open_pin(0);
    mode.pin() = "1234";
    mode.open_panel(10);
    EXPECT_TRUE(mode.pin().empty());
    mode.pin() = "99";
    mode.leave();
    EXPECT_TRUE(mode.pin().empty());
}

} // namespace
} // namespace pavilion::core
