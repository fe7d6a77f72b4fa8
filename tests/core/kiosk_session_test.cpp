#include "pavilion/core/kiosk_session.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace pavilion::core {
namespace {

using Phase = KioskSession::IdleStatus::Phase;
using Screen = Route::Screen;

const Route kStory{Screen::story, "china-laos-railway"};

// Defaults: 90 s to "Still there?", then a 10 s countdown.
// A session woken at `now` and shown a story in Chinese, large text, high contrast.
KioskSession visiting(Millis now, SessionSettings settings = {}) {
    KioskSession session(std::move(settings));
    session.on_touch(now);
    session.navigator().wake();
    session.update(now);
    session.navigator().open(Route{Screen::stories, ""});
    session.navigator().open(kStory);
    session.set_locale("zh");
    session.set_larger_text(true);
    session.set_high_contrast(true);
    session.on_touch(now);
    return session;
}

TEST(KioskSession, StartsAtAttractInTheDefaultLocale) {
    KioskSession session({90000, 10000, "zh"});
    EXPECT_TRUE(session.navigator().at_attract());
    EXPECT_EQ(session.locale(), "zh");
    EXPECT_FALSE(session.larger_text());
    EXPECT_FALSE(session.high_contrast());
    EXPECT_FLOAT_EQ(session.text_scale(), 1.0f);
    const auto status = session.update(0);
    EXPECT_EQ(status.phase, Phase::attract);
    EXPECT_FALSE(status.changed);
}

TEST(KioskSession, LocaleChangesKeepThePlace) {
    auto session = visiting(0);
    const auto revision = session.navigator().revision();
    session.set_locale("en");
    EXPECT_EQ(session.locale(), "en");
    EXPECT_EQ(session.navigator().current(), kStory);
    EXPECT_EQ(session.navigator().revision(), revision);
    session.set_locale(""); // ignored: there is always a language
    EXPECT_EQ(session.locale(), "en");
}

TEST(KioskSession, LargerTextScalesByAtLeastFortyPercent) {
    KioskSession session({});
    session.set_larger_text(true);
    EXPECT_GE(session.text_scale(), 1.4f);
    session.set_larger_text(false);
    EXPECT_FLOAT_EQ(session.text_scale(), 1.0f);
    session.set_high_contrast(true);
    EXPECT_TRUE(session.high_contrast());
    EXPECT_FLOAT_EQ(session.text_scale(), 1.0f); // contrast does not change size
}

TEST(KioskSession, NoTimeoutBeforeTheIdleTimeout) {
    auto session = visiting(1000);
    for (Millis t = 1000; t < 91000; t += 500) {
        const auto status = session.update(t);
        ASSERT_EQ(status.phase, Phase::active) << t;
        EXPECT_FALSE(status.changed);
    }
    EXPECT_EQ(session.update(90999).phase, Phase::active);
    EXPECT_EQ(session.navigator().current(), kStory);
}

TEST(KioskSession, StillThereExactlyAtTheTimeoutWithADecreasingCountdown) {
    auto session = visiting(1000);
    auto status = session.update(91000);
    EXPECT_EQ(status.phase, Phase::still_there);
    EXPECT_TRUE(status.changed); // once: show the question
    EXPECT_EQ(status.remaining_ms, 10000);

    Millis previous = status.remaining_ms;
    for (Millis t = 91250; t < 101000; t += 250) {
        status = session.update(t);
        ASSERT_EQ(status.phase, Phase::still_there) << t;
        EXPECT_FALSE(status.changed);
        EXPECT_LT(status.remaining_ms, previous);
        EXPECT_EQ(status.remaining_ms, 101000 - t);
        previous = status.remaining_ms;
    }
    EXPECT_EQ(session.update(100999).remaining_ms, 1);
    // Still the visitor's session until the countdown ends.
    EXPECT_EQ(session.navigator().current(), kStory);
    EXPECT_EQ(session.locale(), "zh");
}

TEST(KioskSession, TouchDuringTheCountdownDismissesItAndKeepsThePlace) {
    auto session = visiting(0);
    ASSERT_EQ(session.update(95000).phase, Phase::still_there);
    EXPECT_TRUE(session.on_touch(95000)); // consumed: it answered "Still there?"
    const auto status = session.update(95000);
    EXPECT_EQ(status.phase, Phase::active);
    EXPECT_TRUE(status.changed);
    EXPECT_EQ(session.navigator().current(), kStory);
    EXPECT_EQ(session.locale(), "zh");
    EXPECT_TRUE(session.larger_text());
    EXPECT_TRUE(session.high_contrast());
    // The timer restarted from that touch.
    EXPECT_EQ(session.update(184999).phase, Phase::active);
    EXPECT_EQ(session.update(185000).phase, Phase::still_there);
}

TEST(KioskSession, OrdinaryTouchesRestartTheTimerAndAreNotConsumed) {
    auto session = visiting(0);
    EXPECT_FALSE(session.on_touch(60000));
    EXPECT_EQ(session.update(149999).phase, Phase::active);
    EXPECT_EQ(session.update(150000).phase, Phase::still_there);
}

TEST(KioskSession, ExpiryEndsTheSessionOnce) {
    auto session = visiting(0);
    ASSERT_EQ(session.update(90000).phase, Phase::still_there);
    const auto revision = session.navigator().revision();
    const auto status = session.update(100000);
    EXPECT_EQ(status.phase, Phase::attract);
    EXPECT_TRUE(status.changed);
    EXPECT_TRUE(session.navigator().at_attract());
    EXPECT_TRUE(session.navigator().history().empty());
    EXPECT_EQ(session.navigator().revision(), revision + 1); // one log line: screen=attract
    EXPECT_EQ(session.locale(), "en");
    EXPECT_FALSE(session.larger_text());
    EXPECT_FALSE(session.high_contrast());
    EXPECT_FLOAT_EQ(session.text_scale(), 1.0f);

    // It stays ended: no second reset, no second "changed".
    for (Millis t = 100000; t < 1000000; t += 50000) {
        const auto later = session.update(t);
        EXPECT_EQ(later.phase, Phase::attract);
        EXPECT_FALSE(later.changed);
    }
    EXPECT_EQ(session.navigator().revision(), revision + 1);
}

TEST(KioskSession, ALateUpdateGoesStraightToAttract) {
    auto session = visiting(0);
    const auto status = session.update(500000); // the loop slept through the whole countdown
    EXPECT_EQ(status.phase, Phase::attract);
    EXPECT_TRUE(status.changed);
    EXPECT_TRUE(session.navigator().at_attract());
}

TEST(KioskSession, TimeoutComesFromThePackSetting) {
    auto session = visiting(0, {30000, 5000, "en"}); // idle_timeout_s = 30
    EXPECT_EQ(session.update(29999).phase, Phase::active);
    const auto status = session.update(30000);
    EXPECT_EQ(status.phase, Phase::still_there);
    EXPECT_EQ(status.remaining_ms, 5000);
    EXPECT_EQ(session.update(35000).phase, Phase::attract);
}

TEST(KioskSession, DefaultLocaleComesFromThePack) {
    auto session = visiting(0, {90000, 10000, "zh"});
    session.set_locale("en");
    session.update(100000);
    EXPECT_EQ(session.locale(), "zh");
}

TEST(KioskSession, TouchesAtAttractStartNoCountdownUntilWoken) {
    KioskSession session({});
    EXPECT_FALSE(session.on_touch(0)); // not consumed by the session: waking is the navigator's
    EXPECT_FALSE(session.on_touch(5000));
    for (Millis t = 0; t <= 1000000; t += 10000) {
        const auto status = session.update(t);
        ASSERT_EQ(status.phase, Phase::attract) << t;
        EXPECT_FALSE(status.changed);
    }
    EXPECT_EQ(session.next_deadline(1000000), kNoDeadline);

    // Woken much later: the timer counts from the waking, not from the old touches.
    session.on_touch(2000000);
    EXPECT_TRUE(session.navigator().wake());
    const auto woken = session.update(2000000);
    EXPECT_EQ(woken.phase, Phase::active);
    EXPECT_TRUE(woken.changed);
    EXPECT_EQ(session.update(2089999).phase, Phase::active);
    EXPECT_EQ(session.update(2090000).phase, Phase::still_there);
}

TEST(KioskSession, WakingWithoutATouchStartsTheTimerAtTheNextUpdate) {
    KioskSession session({});
    session.on_touch(0); // at attract: ignored
    session.navigator().open(kStory); // e.g. --screen at start-up
    EXPECT_EQ(session.next_deadline(500000), 500000); // due now: the timer is not running yet
    EXPECT_EQ(session.update(500000).phase, Phase::active);
    EXPECT_EQ(session.next_deadline(500000), 590000);
    EXPECT_EQ(session.update(590000).phase, Phase::still_there);
}

TEST(KioskSession, TimeGoingBackwardsIsHarmless) {
    auto session = visiting(100000);
    EXPECT_EQ(session.update(150000).phase, Phase::active);
    // The clock steps back before the last touch: count from there, neither early nor never.
    EXPECT_EQ(session.update(20000).phase, Phase::active);
    EXPECT_EQ(session.update(109999).phase, Phase::active);
    EXPECT_EQ(session.update(110000).phase, Phase::still_there);
    // Backwards during the countdown: the countdown is abandoned, not expired.
    const auto status = session.update(0);
    EXPECT_EQ(status.phase, Phase::active);
    EXPECT_EQ(session.navigator().current(), kStory);
    EXPECT_EQ(session.locale(), "zh");
    EXPECT_GE(session.next_deadline(-5), -5);
    EXPECT_EQ(session.update(-5).phase, Phase::active);
    EXPECT_EQ(session.update(89995).phase, Phase::still_there);
}

TEST(KioskSession, NextDeadlineLetsTheLoopSleep) {
    auto session = visiting(1000);
    EXPECT_EQ(session.next_deadline(1000), 91000);
    EXPECT_EQ(session.next_deadline(50000), 91000);
    session.update(91000);
    // Each whole second of the countdown, so the number shown stays right.
    EXPECT_EQ(session.next_deadline(91000), 92000);
    EXPECT_EQ(session.next_deadline(91300), 92000);
    EXPECT_EQ(session.next_deadline(100500), 101000);
    // Overdue: call now.
    EXPECT_EQ(session.next_deadline(200000), 200000);
    session.update(101000);
    EXPECT_EQ(session.next_deadline(101000), kNoDeadline);
}

TEST(KioskSession, UpdatingAtEachDeadlineWalksThroughEveryPhase) {
    auto session = visiting(0, {30000, 3000, "en"});
    std::vector<Millis> woke_at;
    Millis now = 0;
    while (!session.navigator().at_attract()) {
        now = session.next_deadline(now);
        ASSERT_NE(now, kNoDeadline);
        woke_at.push_back(now);
        session.update(now);
    }
    EXPECT_EQ(woke_at, (std::vector<Millis>{30000, 31000, 32000, 33000}));
}

TEST(KioskSession, EndSessionResetsAtOnce) {
    auto session = visiting(0);
    session.end_session();
    EXPECT_TRUE(session.navigator().at_attract());
    EXPECT_EQ(session.locale(), "en");
    EXPECT_FALSE(session.larger_text());
    EXPECT_FALSE(session.high_contrast());
    EXPECT_EQ(session.update(1).phase, Phase::attract);
}

TEST(KioskSession, ZeroCountdownEndsAtTheTimeout) {
    auto session = visiting(0, {30000, 0, "en"});
    EXPECT_EQ(session.update(29999).phase, Phase::active);
    EXPECT_EQ(session.update(30000).phase, Phase::attract);
}

} // namespace
} // namespace pavilion::core
