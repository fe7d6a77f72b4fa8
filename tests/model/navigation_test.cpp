// A visitor's way through the kiosk, in-process: waking, opening, swiping, going back, the
// language, and links the pack cannot follow. No window: the model alone.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Screen = core::Route::Screen;
using Type = core::PointerEvent::Type;

core::Route route(const std::string& text) { return *core::Route::parse(text); }

int taps_in(const FrameModel& frame) {
    int taps = 0;
    for (const auto& gesture : frame.gestures) taps += gesture.kind == core::Gesture::Kind::tap;
    return taps;
}

TEST(KioskNavigation, TheTouchThatWakesTheKioskIsNotAlsoATapOnHome) {
    KioskHarness h;
    EXPECT_EQ(h.step(0).route.screen, Screen::attract);
    h.step(1000, {testing::touch(Type::down, 960, 540, 1000)});
    const auto woken = h.step(1050, {testing::touch(Type::up, 960, 540, 1050)});
    EXPECT_EQ(woken.route.screen, Screen::home);
    EXPECT_EQ(taps_in(woken), 0) << "the waking touch reached the screen";
    EXPECT_FALSE(woken.pointer.down);
    // The next touch is the visitor's.
    EXPECT_EQ(taps_in(h.tap(960, 540, 2000)), 1);
}

TEST(KioskNavigation, OpenSwipeBackAndHomeKeepTheBackStackShort) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("stories"), 0));
    h.apply(OpenRoute{route("story/china-laos-railway")}, 100);
    EXPECT_EQ(h.step(100).route, route("story/china-laos-railway"));
    h.apply(SwipeTo{route("story/mozura-wind-farm")}, 200);
    EXPECT_EQ(h.step(200).route, route("story/mozura-wind-farm"));
    h.apply(GoBack{}, 300);
    EXPECT_EQ(h.step(300).route, route("stories")) << "a swipe replaces: Back leads to the list";
    h.apply(GoHome{}, 400);
    EXPECT_EQ(h.step(400).route.screen, Screen::home);
}

TEST(KioskNavigation, ALinkToAnItemThePackLacksLeavesTheVisitorWhereTheyWere) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("stories"), 0));
    const auto before = h.step(0).route_revision;
    h.apply(OpenRoute{route("story/no-such-story")}, 100);
    const auto frame = h.step(100);
    EXPECT_EQ(frame.route, route("stories"));
    EXPECT_EQ(frame.route_revision, before);
    EXPECT_TRUE(h.logged("no such screen story/no-such-story"));
    const auto refused = h.kiosk().start_at(route("story/no-such-story"), 200);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "screen 'story/no-such-story' does not exist in this pack");
}

TEST(KioskNavigation, EachChangeOfScreenOrLanguageIsLoggedOnce) {
    KioskHarness h;
    h.step(0);
    h.tap(500, 500, 100); // wakes
    h.apply(ChooseLanguage{"zh"}, 200);
    h.apply(ChooseLanguage{"xx"}, 300); // not in the pack: nothing happens
    h.apply(OpenRoute{route("figures")}, 400);
    h.step(500);
    std::vector<std::string> screens;
    for (const auto& line : h.log())
        if (line.rfind("screen=", 0) == 0) screens.push_back(line);
    EXPECT_EQ(screens, (std::vector<std::string>{"screen=attract lang=en", "screen=home lang=en", "screen=home lang=zh",
                                                 "screen=figures lang=zh"}));
}

TEST(KioskNavigation, AFrameSaysWhenTheScreenOpenedAndHowItLooks) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("home"), 1000));
    h.apply(ToggleLargerText{}, 2000);
    h.apply(ToggleHighContrast{}, 2000);
    h.apply(OpenRoute{route("map")}, 3000);
    const auto frame = h.step(3500);
    EXPECT_EQ(frame.screen_opened_at, 3000);
    EXPECT_TRUE(frame.look.larger_text);
    EXPECT_TRUE(frame.look.high_contrast);
    EXPECT_FLOAT_EQ(frame.look.text_scale, core::kLargerTextScale);
    EXPECT_FALSE(frame.look.still_there_seconds);
    EXPECT_EQ(frame.layer, FrameModel::Layer::visitor);
    ASSERT_NE(frame.catalog, nullptr);
    EXPECT_EQ(frame.catalog->meta.id, "mini-pack");
}

TEST(KioskNavigation, OperatorIntentsMeanNothingToVisitors) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("home"), 0));
    for (const Intent& intent : std::vector<Intent>{PinDigit{1}, PinSubmit{}, RollBack{}, ExportStatistics{},
                                                    AdjustIdleTimeout{30}, InstallCandidate{0}})
        h.apply(intent, 10);
    const auto frame = h.settled(20);
    EXPECT_EQ(frame.layer, FrameModel::Layer::visitor);
    EXPECT_EQ(frame.route.screen, Screen::home);
    EXPECT_TRUE(h.library().installs.empty());
}

} // namespace
} // namespace pavilion::model
