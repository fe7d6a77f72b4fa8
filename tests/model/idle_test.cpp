// The idle policy as the model applies it: "Still there?" after the pack's timeout, a touch that
// answers it without reaching the screen, and the end of a visit for the next visitor.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Type = core::PointerEvent::Type;
using Phase = core::KioskSession::IdleStatus::Phase;

core::Route route(const std::string& text) { return *core::Route::parse(text); }

TEST(KioskIdle, StillThereThenTheNextVisitor) {
    KioskHarness h; // the mini pack: 60 s idle timeout, 10 s countdown
    h.step(0);
    h.tap(500, 500, 1000);
    h.apply(OpenRoute{route("stories")}, 2000);
    h.apply(ChooseLanguage{"zh"}, 2000);
    h.apply(ToggleLargerText{}, 2000);
    // The last touch was the waking one's lift, at 1050.
    auto frame = h.step(2100);
    EXPECT_EQ(frame.next_change, 1050 + 60000) << "the loop may sleep until the idle question";

    frame = h.step(61050);
    ASSERT_TRUE(frame.look.still_there_seconds);
    EXPECT_FLOAT_EQ(*frame.look.still_there_seconds, 10.0f);
    EXPECT_EQ(frame.next_change, 62050) << "the countdown shows whole seconds";

    // A touch answers the question: the visitor keeps their place and nothing is tapped.
    h.step(65000, {testing::touch(Type::down, 700, 700, 65000)});
    frame = h.step(65050, {testing::touch(Type::up, 700, 700, 65050)});
    EXPECT_FALSE(frame.look.still_there_seconds);
    EXPECT_TRUE(frame.gestures.empty());
    EXPECT_EQ(frame.route, route("stories"));
    EXPECT_EQ(frame.locale, "zh");

    // Left alone again: the question, then the attract loop in the default language.
    h.step(65050 + 60000);
    frame = h.step(65050 + 70000);
    EXPECT_EQ(frame.route.screen, core::Route::Screen::attract);
    EXPECT_EQ(frame.locale, "en");
    EXPECT_FALSE(frame.look.larger_text);
    EXPECT_EQ(h.kiosk().idle().phase, Phase::attract);
    EXPECT_EQ(frame.next_change, core::kNoDeadline) << "nothing happens at attract until a touch";
}

TEST(KioskIdle, TheOperatorsIdleTimeoutOverridesThePacks) {
    testing::KioskOptions options;
    options.settings.idle_timeout_s = 120;
    KioskHarness h(options);
    h.step(0);
    h.tap(500, 500, 0);
    EXPECT_EQ(h.step(100).next_change, 50 + 120000);
    EXPECT_EQ(h.kiosk().session().settings().idle_timeout_ms, 120000);
}

TEST(KioskIdle, TheOperatorsDefaultLanguageIsWhereEveryVisitStarts) {
    testing::KioskOptions options;
    options.settings.default_locale = "zh";
    KioskHarness h(options);
    EXPECT_EQ(h.step(0).locale, "zh");
    h.tap(500, 500, 100);
    h.apply(ChooseLanguage{"en"}, 200);
    h.kiosk().end_visit(300);
    EXPECT_EQ(h.step(300).locale, "zh");
}

TEST(KioskIdle, ADefaultLanguageThePackLacksIsIgnored) {
    testing::KioskOptions options;
    options.settings.default_locale = "fr";
    KioskHarness h(options);
    EXPECT_EQ(h.step(0).locale, "en");
}

} // namespace
} // namespace pavilion::model
