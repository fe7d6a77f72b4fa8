#include "pavilion/core/input_script.hpp"
#include "pavilion/core/gesture_recognizer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace pavilion::core {
namespace {

using Kind = ScriptStep::Kind;
using Type = PointerEvent::Type;

// A script that must be accepted.
InputScript parse(std::string_view text, Millis start = 0) {
    auto parsed = parse_input_script(text, "script.txt", start);
    EXPECT_TRUE(parsed) << parsed.error().message;
    return parsed ? std::move(parsed).value() : InputScript{};
}

std::vector<ScriptStep> pointer_steps(const InputScript& result) {
    std::vector<ScriptStep> out;
    for (const ScriptStep& step : result.steps)
        if (step.kind == Kind::pointer) out.push_back(step);
    return out;
}

// The message of a script that must be refused, as invalid_argument.
std::string error_of(std::string_view text) {
    const auto parsed = parse_input_script(text, "script.txt");
    if (parsed) return "(accepted)";
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_argument) << parsed.error().message;
    return parsed.error().message;
}

// Feeds a script's pointer events to a recognizer: the script is meant to drive the kiosk.
std::vector<Gesture::Kind> recognized(const InputScript& result) {
    GestureRecognizer recognizer{GestureConfig{}};
    std::vector<Gesture::Kind> kinds;
    for (const ScriptStep& step : result.steps) {
        if (step.kind != Kind::pointer) continue;
        for (const Gesture& g : recognizer.feed(step.event)) kinds.push_back(g.kind);
    }
    return kinds;
}

TEST(InputScript, TapIsDownThenUpSixtyMillisecondsLater) {
    const auto result = parse("tap 100 200.5\n", 1000);
    ASSERT_EQ(result.steps.size(), 2u);
    const PointerEvent& d = result.steps[0].event;
    const PointerEvent& u = result.steps[1].event;
    EXPECT_EQ(d.type, Type::down);
    EXPECT_EQ(u.type, Type::up);
    EXPECT_EQ(d.id, 0);
    EXPECT_FLOAT_EQ(d.x, 100);
    EXPECT_FLOAT_EQ(d.y, 200.5f);
    EXPECT_FLOAT_EQ(u.x, 100);
    EXPECT_EQ(d.time, 1000);
    EXPECT_EQ(u.time, 1000 + kScriptTapHoldMs);
    EXPECT_EQ(result.steps[0].at, d.time);
    EXPECT_EQ(result.steps[1].at, u.time);
    EXPECT_EQ(result.steps[0].line, 1);
    EXPECT_EQ(result.end_time, 1000 + kScriptTapHoldMs + kScriptSettleMs);
}

TEST(InputScript, DragMovesInFrameStepsAndEndsExactlyOnTheEndPoint) {
    const auto result = parse("drag 10 20 310.25 -40 250");
    const auto steps = pointer_steps(result);
    ASSERT_GE(steps.size(), 3u);
    EXPECT_EQ(steps.front().event.type, Type::down);
    EXPECT_FLOAT_EQ(steps.front().event.x, 10);
    EXPECT_EQ(steps.back().event.type, Type::up);
    EXPECT_EQ(steps.back().event.time, 250);
    EXPECT_EQ(steps.back().event.x, 310.25f);
    EXPECT_EQ(steps.back().event.y, -40.0f);

    const ScriptStep& last_move = steps[steps.size() - 2];
    EXPECT_EQ(last_move.event.type, Type::move);
    EXPECT_EQ(last_move.event.x, 310.25f);
    EXPECT_EQ(last_move.event.y, -40.0f);
    EXPECT_EQ(last_move.event.time, 250);

    // Moves strictly later each time, about 16 ms apart; the release shares the last move's time.
    for (std::size_t i = 1; i + 1 < steps.size(); ++i) {
        EXPECT_EQ(steps[i].event.type, Type::move);
        const Millis gap = steps[i].event.time - steps[i - 1].event.time;
        EXPECT_GT(gap, 0);
        EXPECT_LE(gap, kScriptMoveStepMs);
    }
    EXPECT_EQ(steps.size(), 2u + (250 + kScriptMoveStepMs - 1) / kScriptMoveStepMs);
    for (std::size_t i = 1; i < steps.size(); ++i)
        EXPECT_GE(steps[i].at, steps[i - 1].at);
}

TEST(InputScript, ZeroLengthDragStillReachesTheEnd) {
    const auto steps = pointer_steps(parse("drag 0 0 50 50 0"));
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[1].event.type, Type::move);
    EXPECT_EQ(steps[1].event.x, 50.0f);
    EXPECT_EQ(steps[2].event.time, 0);
}

TEST(InputScript, PinchUsesTwoFingersWhoseDistanceEndsAtScale) {
    const auto result = parse("pinch 500 400 1.75 300");
    const auto steps = pointer_steps(result);
    std::map<int, PointerEvent> first, last;
    for (const ScriptStep& step : steps) {
        first.emplace(step.event.id, step.event);
        last[step.event.id] = step.event;
    }
    ASSERT_EQ(first.size(), 2u);
    ASSERT_TRUE(first.count(0) && first.count(1));
    EXPECT_EQ(first[0].type, Type::down);
    EXPECT_EQ(first[1].type, Type::down);
    EXPECT_EQ(last[0].type, Type::up);
    EXPECT_EQ(last[1].type, Type::up);
    EXPECT_FLOAT_EQ(first[0].x, 500 - kScriptPinchHalfSpanPx);
    EXPECT_FLOAT_EQ(first[1].x, 500 + kScriptPinchHalfSpanPx);
    EXPECT_FLOAT_EQ(first[0].y, 400);

    const double start = std::hypot(first[1].x - first[0].x, first[1].y - first[0].y);
    const double end = std::hypot(last[1].x - last[0].x, last[1].y - last[0].y);
    EXPECT_NEAR(end / start, 1.75, 1e-5);
    EXPECT_FLOAT_EQ((last[0].x + last[1].x) / 2, 500); // the centre stays put
    EXPECT_EQ(last[0].time, 300);
    for (std::size_t i = 1; i < steps.size(); ++i)
        EXPECT_GE(steps[i].event.time, steps[i - 1].event.time);
}

TEST(InputScript, PinchDrivesTheRecognizerToTheSameScale) {
    const auto result = parse("pinch 500 400 0.5 200");
    GestureRecognizer recognizer{GestureConfig{}};
    float total = 1;
    for (const ScriptStep& step : pointer_steps(result))
        for (const Gesture& g : recognizer.feed(step.event))
            if (g.kind == Gesture::Kind::pinch_end) total = g.total_scale;
    EXPECT_NEAR(total, 0.5, 1e-4);
}

TEST(InputScript, WaitShotAndKeyAreStepsAtTheirTimes) {
    const auto result = parse("wait 250\nshot home.png\nkey escape\nwait 50\nshot after.png\n", 100);
    ASSERT_EQ(result.steps.size(), 5u);
    EXPECT_EQ(result.steps[0].kind, Kind::wait);
    EXPECT_EQ(result.steps[0].wait_ms, 250);
    EXPECT_EQ(result.steps[0].at, 100);
    EXPECT_EQ(result.steps[1].kind, Kind::screenshot);
    EXPECT_EQ(result.steps[1].screenshot, "home.png");
    EXPECT_EQ(result.steps[1].at, 350);
    EXPECT_EQ(result.steps[2].kind, Kind::key);
    EXPECT_EQ(result.steps[2].key, "escape");
    EXPECT_EQ(result.steps[2].at, 350);
    EXPECT_EQ(result.steps[4].at, 400);
    EXPECT_EQ(result.steps[4].line, 5);
    EXPECT_EQ(result.end_time, 400);
}

TEST(InputScript, PointerCommandsSettleBeforeTheNextUnlessAWaitSaysOtherwise) {
    const auto result = parse("tap 10 10\ntap 10 10\nshot a.png\ndrag 0 0 100 0 100\nwait 30\ntap 5 5\n");
    const auto& s = result.steps;
    ASSERT_EQ(s.size(), 2u + 2u + 1u + 9u + 1u + 2u);
    EXPECT_EQ(s[2].at, 60 + kScriptSettleMs);                 // second tap
    EXPECT_EQ(s[4].kind, Kind::screenshot);
    EXPECT_EQ(s[4].at, s[3].at + kScriptSettleMs);            // after the UI settled
    EXPECT_EQ(s[5].at, s[4].at);                              // shots take no time
    EXPECT_EQ(s[13].event.type, Type::up);
    EXPECT_EQ(s[14].kind, Kind::wait);
    EXPECT_EQ(s[14].at, s[13].at);                            // the wait replaces the gap
    EXPECT_EQ(s[15].at, s[13].at + 30);
}

TEST(InputScript, TwoTapsAreTwoTapsButAShortWaitMakesADoubleTap) {
    using G = Gesture::Kind;
    EXPECT_EQ(recognized(parse("tap 300 300\ntap 300 300\n")), (std::vector<G>{G::tap, G::tap}));
    EXPECT_EQ(recognized(parse("tap 300 300\nwait 100\ntap 300 300\n")),
              (std::vector<G>{G::tap, G::double_tap}));
}

TEST(InputScript, FastDragIsRecognizedAsAFling) {
    const auto kinds = recognized(parse("drag 900 500 300 500 150"));
    ASSERT_FALSE(kinds.empty());
    EXPECT_EQ(kinds.front(), Gesture::Kind::drag_begin);
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), Gesture::Kind::fling), kinds.end());
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), Gesture::Kind::swipe), kinds.end());
}

TEST(InputScript, CommentsBlankLinesAndCrlfAreFine) {
    const auto result = parse("# a demo\r\n\r\n   \t\r\ntap 1 2   # tap the logo\r\nwait 10\r\n# end");
    ASSERT_EQ(result.steps.size(), 3u);
    EXPECT_EQ(result.steps[0].line, 4);
    EXPECT_EQ(result.steps[2].kind, Kind::wait);
    EXPECT_EQ(result.steps[2].wait_ms, 10);
    EXPECT_TRUE(parse("").steps.empty());
    EXPECT_EQ(parse("").end_time, 0);
}

TEST(InputScript, ErrorsNameFileAndLine) {
    EXPECT_EQ(error_of("tap 1 1\n\njump 3 4\n"),
              "script.txt:3: unknown command 'jump' (expected tap, drag, pinch, wait, shot or key)");
    EXPECT_EQ(error_of("drag 1 2 3 4"), "script.txt:1: drag needs X1 Y1 X2 Y2 MS");
    EXPECT_EQ(error_of("drag 1 2 3 4 5 6"), "script.txt:1: drag needs X1 Y1 X2 Y2 MS");
    EXPECT_EQ(error_of("tap 1"), "script.txt:1: tap needs X Y");
    EXPECT_EQ(error_of("pinch 1 2 3"), "script.txt:1: pinch needs CX CY SCALE MS");
    EXPECT_EQ(error_of("wait"), "script.txt:1: wait needs MS");
    EXPECT_EQ(error_of("shot"), "script.txt:1: shot needs NAME.png");
    EXPECT_EQ(error_of("shot a.png b.png"), "script.txt:1: shot needs NAME.png");
    EXPECT_EQ(error_of("key"), "script.txt:1: key needs NAME");
    EXPECT_EQ(error_of("wait 5\r\ntap x 2\r\n"), "script.txt:2: tap: X must be a number, got 'x'");
    EXPECT_EQ(error_of("tap 1 2px"), "script.txt:1: tap: Y must be a number, got '2px'");
    EXPECT_EQ(error_of("tap nan 2"), "script.txt:1: tap: X must be a number, got 'nan'");
    EXPECT_EQ(error_of("drag 1 2 3 4 -5"), "script.txt:1: drag: MS must not be negative, got '-5'");
    EXPECT_EQ(error_of("wait -1"), "script.txt:1: wait: MS must not be negative, got '-1'");
    EXPECT_EQ(error_of("wait 1.5"),
              "script.txt:1: wait: MS must be a whole number of milliseconds, got '1.5'");
    EXPECT_EQ(error_of("wait 99999999999999999999999"),
              "script.txt:1: wait: MS must be at most 600000, got '99999999999999999999999'");
    EXPECT_EQ(error_of("pinch 1 2 0 100"),
              "script.txt:1: pinch: SCALE must be a positive number, got '0'");
    EXPECT_EQ(error_of("pinch 1 2 -2 100"),
              "script.txt:1: pinch: SCALE must be a positive number, got '-2'");
    EXPECT_EQ(error_of("shot home.jpg"), "script.txt:1: shot: the name must end in .png, got 'home.jpg'");
    EXPECT_EQ(error_of("TAP 1 2").rfind("script.txt:1: unknown command 'TAP'", 0), 0u);
}

TEST(InputScript, AnErrorLeavesNoStepsAndIsOneLine) {
    const auto result = parse_input_script("tap 1 2\nwait 10\ndrag 1\n", "demo/intro.txt");
    ASSERT_FALSE(result); // no steps at all, not the two good lines before the mistake
    EXPECT_EQ(result.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(result.error().message, "demo/intro.txt:3: drag needs X1 Y1 X2 Y2 MS");
    EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
}

} // namespace
} // namespace pavilion::core
