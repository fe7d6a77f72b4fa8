// The touchscreen decoder replayed on recorded evdev traces (as `evtest` prints them for a
// protocol-B panel), the coordinate mapping, and the reader's failures without a device.

#include "pavilion/platform/evdev_touch_reader.hpp"
#include "pavilion/platform/multitouch.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace pavilion::platform {
namespace {

using Type = core::PointerEvent::Type;

// One line of a recording: "Event: time 1700000000.100000, type 3 (EV_ABS), code 57
// (ABS_MT_TRACKING_ID), value 45".
struct Recorded {
    long sec;
    long usec;
    int type;
    int code;
    int value;
};

input_event to_input_event(const Recorded& line) {
    input_event event{};
    // input_event_sec/usec: the field names differ on 32-bit builds with a 64-bit time_t.
    event.input_event_sec = line.sec;
    event.input_event_usec = line.usec;
    event.type = static_cast<unsigned short>(line.type);
    event.code = static_cast<unsigned short>(line.code);
    event.value = line.value;
    return event;
}

std::vector<core::PointerEvent> replay(MultitouchDecoder& decoder,
                                       const std::vector<Recorded>& trace) {
    std::vector<core::PointerEvent> all;
    for (const Recorded& line : trace) {
        const std::vector<core::PointerEvent> events = decoder.feed(to_input_event(line));
        all.insert(all.end(), events.begin(), events.end());
    }
    return all;
}

// Raw units equal screen pixels, so expectations read as positions on a 1920x1080 screen.
TouchMapping pixel_exact() {
    TouchMapping mapping;
    mapping.x = {0, 1919};
    mapping.y = {0, 1079};
    mapping.screen_width = 1920;
    mapping.screen_height = 1080;
    return mapping;
}

// A typical USB HID panel: 0..4095 on both axes.
TouchMapping panel_4096(Rotation rotation = Rotation::none) {
    TouchMapping mapping;
    mapping.x = {0, 4095};
    mapping.y = {0, 4095};
    mapping.screen_width = 1920;
    mapping.screen_height = 1080;
    mapping.rotation = rotation;
    return mapping;
}

void expect_event(const core::PointerEvent& event, Type type, int id, float x, float y,
                  core::Millis time) {
    EXPECT_EQ(event.type, type);
    EXPECT_EQ(event.id, id);
    EXPECT_FLOAT_EQ(event.x, x);
    EXPECT_FLOAT_EQ(event.y, y);
    EXPECT_EQ(event.time, time);
}

constexpr long t0 = 1700000000; // seconds of CLOCK_MONOTONIC; only differences matter
constexpr core::Millis ms0 = t0 * 1000LL;

// --- recorded traces -------------------------------------------------------------------------

TEST(MultitouchDecoder, OneFingerTap) {
    MultitouchDecoder decoder(pixel_exact());
    const std::vector<Recorded> tap = {
        {t0, 100000, EV_ABS, ABS_MT_SLOT, 0},
        {t0, 100000, EV_ABS, ABS_MT_TRACKING_ID, 45},
        {t0, 100000, EV_ABS, ABS_MT_POSITION_X, 1000},
        {t0, 100000, EV_ABS, ABS_MT_POSITION_Y, 500},
        {t0, 100000, EV_KEY, BTN_TOUCH, 1},
        {t0, 100000, EV_ABS, ABS_X, 1000},
        {t0, 100000, EV_ABS, ABS_Y, 500},
        {t0, 100000, EV_MSC, MSC_TIMESTAMP, 0},
        {t0, 100000, EV_SYN, SYN_REPORT, 0},
        {t0, 180000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 180000, EV_KEY, BTN_TOUCH, 0},
        {t0, 180000, EV_MSC, MSC_TIMESTAMP, 80000},
        {t0, 180000, EV_SYN, SYN_REPORT, 0},
    };
    const auto events = replay(decoder, tap);
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::down, 0, 1000, 500, ms0 + 100);
    expect_event(events[1], Type::up, 0, 1000, 500, ms0 + 180);
    EXPECT_EQ(decoder.active_contacts(), 0);
}

TEST(MultitouchDecoder, EventsComeOnlyAtSynReport) {
    MultitouchDecoder decoder(pixel_exact());
    const std::vector<Recorded> frame = {
        {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 7},
        {t0, 0, EV_ABS, ABS_MT_POSITION_X, 10},
        {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 20},
    };
    EXPECT_TRUE(replay(decoder, frame).empty());
    EXPECT_EQ(decoder.active_contacts(), 0);
    EXPECT_EQ(replay(decoder, {{t0, 0, EV_SYN, SYN_REPORT, 0}}).size(), 1u);
    EXPECT_EQ(decoder.active_contacts(), 1);
}

TEST(MultitouchDecoder, OneFingerDrag) {
    MultitouchDecoder decoder(pixel_exact());
    const std::vector<Recorded> drag = {
        {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 46},
        {t0, 0, EV_ABS, ABS_MT_POSITION_X, 100},
        {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 300},
        {t0, 0, EV_KEY, BTN_TOUCH, 1},
        {t0, 0, EV_SYN, SYN_REPORT, 0},
        {t0, 8000, EV_ABS, ABS_MT_POSITION_X, 130},
        {t0, 8000, EV_ABS, ABS_X, 130},
        {t0, 8000, EV_SYN, SYN_REPORT, 0},
        // Only Y changed: the kernel sends only Y, X carries over.
        {t0, 16000, EV_ABS, ABS_MT_POSITION_Y, 310},
        {t0, 16000, EV_ABS, ABS_Y, 310},
        {t0, 16000, EV_SYN, SYN_REPORT, 0},
        {t0, 24000, EV_ABS, ABS_MT_POSITION_X, 170},
        {t0, 24000, EV_ABS, ABS_MT_POSITION_Y, 330},
        {t0, 24000, EV_SYN, SYN_REPORT, 0},
        {t0, 32000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 32000, EV_KEY, BTN_TOUCH, 0},
        {t0, 32000, EV_SYN, SYN_REPORT, 0},
    };
    const auto events = replay(decoder, drag);
    ASSERT_EQ(events.size(), 5u);
    expect_event(events[0], Type::down, 0, 100, 300, ms0);
    expect_event(events[1], Type::move, 0, 130, 300, ms0 + 8);
    expect_event(events[2], Type::move, 0, 130, 310, ms0 + 16);
    expect_event(events[3], Type::move, 0, 170, 330, ms0 + 24);
    expect_event(events[4], Type::up, 0, 170, 330, ms0 + 32);
}

TEST(MultitouchDecoder, TwoFingerPinch) {
    MultitouchDecoder decoder(pixel_exact());
    const std::vector<Recorded> first_finger = {
        {t0, 0, EV_ABS, ABS_MT_SLOT, 0},
        {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 50},
        {t0, 0, EV_ABS, ABS_MT_POSITION_X, 800},
        {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 500},
        {t0, 0, EV_KEY, BTN_TOUCH, 1},
        {t0, 0, EV_SYN, SYN_REPORT, 0},
    };
    auto events = replay(decoder, first_finger);
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 0, 800, 500, ms0);

    // The second finger joins in slot 1; slot 0 is unchanged and reports nothing.
    const std::vector<Recorded> second_finger = {
        {t0, 12000, EV_ABS, ABS_MT_SLOT, 1},
        {t0, 12000, EV_ABS, ABS_MT_TRACKING_ID, 51},
        {t0, 12000, EV_ABS, ABS_MT_POSITION_X, 1100},
        {t0, 12000, EV_ABS, ABS_MT_POSITION_Y, 520},
        {t0, 12000, EV_KEY, BTN_TOOL_DOUBLETAP, 1},
        {t0, 12000, EV_SYN, SYN_REPORT, 0},
    };
    events = replay(decoder, second_finger);
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 1, 1100, 520, ms0 + 12);
    EXPECT_EQ(decoder.active_contacts(), 2);

    // Both spread apart in one frame: two moves, by slot, with the frame's time.
    const std::vector<Recorded> spread = {
        {t0, 20000, EV_ABS, ABS_MT_POSITION_X, 1150},
        {t0, 20000, EV_ABS, ABS_MT_SLOT, 0},
        {t0, 20000, EV_ABS, ABS_MT_POSITION_X, 750},
        {t0, 20000, EV_ABS, ABS_X, 750},
        {t0, 20000, EV_SYN, SYN_REPORT, 0},
    };
    events = replay(decoder, spread);
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::move, 0, 750, 500, ms0 + 20);
    expect_event(events[1], Type::move, 1, 1150, 520, ms0 + 20);

    const std::vector<Recorded> lift_second = {
        {t0, 28000, EV_ABS, ABS_MT_SLOT, 1},
        {t0, 28000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 28000, EV_KEY, BTN_TOOL_DOUBLETAP, 0},
        {t0, 28000, EV_SYN, SYN_REPORT, 0},
    };
    events = replay(decoder, lift_second);
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::up, 1, 1150, 520, ms0 + 28);
    EXPECT_EQ(decoder.active_contacts(), 1);

    const std::vector<Recorded> lift_first = {
        {t0, 36000, EV_ABS, ABS_MT_SLOT, 0},
        {t0, 36000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 36000, EV_KEY, BTN_TOUCH, 0},
        {t0, 36000, EV_SYN, SYN_REPORT, 0},
    };
    events = replay(decoder, lift_first);
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::up, 0, 750, 500, ms0 + 36);
    EXPECT_EQ(decoder.active_contacts(), 0);
}

TEST(MultitouchDecoder, FrameWithoutPositionChangeGivesNoMove) {
    MultitouchDecoder decoder(pixel_exact());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 60},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 400},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 400},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    // Pressure and contact size change, the position does not.
    EXPECT_TRUE(replay(decoder, {{t0, 8000, EV_ABS, ABS_MT_PRESSURE, 40},
                                 {t0, 8000, EV_ABS, ABS_MT_TOUCH_MAJOR, 9},
                                 {t0, 8000, EV_MSC, MSC_TIMESTAMP, 8000},
                                 {t0, 8000, EV_SYN, SYN_REPORT, 0}})
                    .empty());
    // A driver that repeats an unchanged value (uinput passes it through) is no move either.
    EXPECT_TRUE(replay(decoder, {{t0, 16000, EV_ABS, ABS_MT_POSITION_X, 400},
                                 {t0, 16000, EV_SYN, SYN_REPORT, 0}})
                    .empty());
    // A move there and back within one frame nets to nothing.
    EXPECT_TRUE(replay(decoder, {{t0, 24000, EV_ABS, ABS_MT_POSITION_Y, 401},
                                 {t0, 24000, EV_ABS, ABS_MT_POSITION_Y, 400},
                                 {t0, 24000, EV_SYN, SYN_REPORT, 0}})
                    .empty());
    EXPECT_EQ(decoder.active_contacts(), 1);
}

TEST(MultitouchDecoder, LiftAndRetouchInTheSameSlot) {
    MultitouchDecoder decoder(pixel_exact());
    const std::vector<Recorded> two_taps = {
        {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 70},
        {t0, 0, EV_ABS, ABS_MT_POSITION_X, 200},
        {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 200},
        {t0, 0, EV_SYN, SYN_REPORT, 0},
        {t0, 60000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 60000, EV_SYN, SYN_REPORT, 0},
        // Same slot, new tracking id. Y is unchanged, so the kernel does not resend it.
        {t0, 150000, EV_ABS, ABS_MT_TRACKING_ID, 71},
        {t0, 150000, EV_ABS, ABS_MT_POSITION_X, 260},
        {t0, 150000, EV_SYN, SYN_REPORT, 0},
        {t0, 210000, EV_ABS, ABS_MT_TRACKING_ID, -1},
        {t0, 210000, EV_SYN, SYN_REPORT, 0},
    };
    const auto events = replay(decoder, two_taps);
    ASSERT_EQ(events.size(), 4u);
    expect_event(events[0], Type::down, 0, 200, 200, ms0);
    expect_event(events[1], Type::up, 0, 200, 200, ms0 + 60);
    expect_event(events[2], Type::down, 0, 260, 200, ms0 + 150);
    expect_event(events[3], Type::up, 0, 260, 200, ms0 + 210);
}

TEST(MultitouchDecoder, LiftAndRetouchWithinOneFrameEndsTheOldContactFirst) {
    MultitouchDecoder decoder(pixel_exact());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 80},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 300},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 300},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    const auto events = replay(decoder, {{t0, 9000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                                         {t0, 9000, EV_ABS, ABS_MT_TRACKING_ID, 81},
                                         {t0, 9000, EV_ABS, ABS_MT_POSITION_X, 900},
                                         {t0, 9000, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::up, 0, 300, 300, ms0 + 9);
    expect_event(events[1], Type::down, 0, 900, 300, ms0 + 9);
    EXPECT_EQ(decoder.active_contacts(), 1);
}

TEST(MultitouchDecoder, PositionBeforeTrackingIdInTheSameFrame) {
    MultitouchDecoder decoder(pixel_exact());
    const auto events = replay(decoder, {{t0, 0, EV_ABS, ABS_MT_SLOT, 2},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_X, 640},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 360},
                                         {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 90},
                                         {t0, 0, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 2, 640, 360, ms0);
}

TEST(MultitouchDecoder, OneFingerLandingAsAnotherLiftsGivesTheDownFirst) {
    MultitouchDecoder decoder(pixel_exact());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 100},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 100},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 100},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    const auto events = replay(decoder, {{t0, 8000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                                         {t0, 8000, EV_ABS, ABS_MT_SLOT, 1},
                                         {t0, 8000, EV_ABS, ABS_MT_TRACKING_ID, 101},
                                         {t0, 8000, EV_ABS, ABS_MT_POSITION_X, 500},
                                         {t0, 8000, EV_ABS, ABS_MT_POSITION_Y, 500},
                                         {t0, 8000, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::down, 1, 500, 500, ms0 + 8);
    expect_event(events[1], Type::up, 0, 100, 100, ms0 + 8);
}

TEST(MultitouchDecoder, SlotsBeyondTheMaximumAreIgnored) {
    MultitouchDecoder decoder(pixel_exact());
    const auto events = replay(decoder, {{t0, 0, EV_ABS, ABS_MT_SLOT, 12},
                                         {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 5},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_X, 10},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 10},
                                         {t0, 0, EV_ABS, ABS_MT_SLOT, -1},
                                         {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 6},
                                         {t0, 0, EV_ABS, ABS_MT_SLOT, 9},
                                         {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 7},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_X, 30},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 40},
                                         {t0, 0, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, MultitouchDecoder::max_slots - 1, 30, 40, ms0);
    EXPECT_EQ(decoder.active_contacts(), 1);
}

TEST(MultitouchDecoder, SynDroppedCancelsAndTheResyncStartsOnlyNewContacts) {
    MultitouchDecoder decoder(pixel_exact());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_SLOT, 0},
                     {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 110},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 100},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 100},
                     {t0, 0, EV_ABS, ABS_MT_SLOT, 1},
                     {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 111},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 200},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 200},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(decoder.active_contacts(), 2);

    // The kernel's buffer overflowed: everything in progress is cancelled at the drop's time.
    auto events = replay(decoder, {{t0, 500000, EV_SYN, SYN_DROPPED, 0}});
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::cancel, 0, 100, 100, ms0 + 500);
    expect_event(events[1], Type::cancel, 1, 200, 200, ms0 + 500);
    EXPECT_EQ(decoder.active_contacts(), 0);

    // libevdev's resync (LIBEVDEV_READ_FLAG_SYNC): slot 0 still down and moved, slot 1 lifted
    // and re-touched (the -1 comes in its own frame), slot 2 new.
    events = replay(decoder, {{t0, 510000, EV_ABS, ABS_MT_SLOT, 1},
                              {t0, 510000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                              {t0, 510000, EV_SYN, SYN_REPORT, 0},
                              {t0, 510000, EV_ABS, ABS_MT_SLOT, 0},
                              {t0, 510000, EV_ABS, ABS_MT_POSITION_X, 150},
                              {t0, 510000, EV_ABS, ABS_MT_SLOT, 1},
                              {t0, 510000, EV_ABS, ABS_MT_TRACKING_ID, 113},
                              {t0, 510000, EV_ABS, ABS_MT_SLOT, 2},
                              {t0, 510000, EV_ABS, ABS_MT_TRACKING_ID, 112},
                              {t0, 510000, EV_ABS, ABS_MT_POSITION_X, 700},
                              {t0, 510000, EV_ABS, ABS_MT_POSITION_Y, 700},
                              {t0, 510000, EV_ABS, ABS_MT_SLOT, 2},
                              {t0, 510000, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 2u);
    expect_event(events[0], Type::down, 1, 200, 200, ms0 + 510);
    expect_event(events[1], Type::down, 2, 700, 700, ms0 + 510);

    // The cancelled contact in slot 0 stays silent until it lifts; the next touch there counts.
    events = replay(decoder, {{t0, 520000, EV_ABS, ABS_MT_SLOT, 0},
                              {t0, 520000, EV_ABS, ABS_MT_POSITION_X, 160},
                              {t0, 520000, EV_SYN, SYN_REPORT, 0},
                              {t0, 530000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                              {t0, 530000, EV_SYN, SYN_REPORT, 0},
                              {t0, 540000, EV_ABS, ABS_MT_TRACKING_ID, 114},
                              {t0, 540000, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 0, 160, 100, ms0 + 540);
}

TEST(MultitouchDecoder, CancelAllUsesTheGivenTimeAndOnlyReportedContacts) {
    MultitouchDecoder decoder(pixel_exact());
    EXPECT_TRUE(decoder.cancel_all(5).empty());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_SLOT, 3},
                     {t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 120},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 11},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 22},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    const auto events = decoder.cancel_all(ms0 + 999);
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::cancel, 3, 11, 22, ms0 + 999);
    EXPECT_TRUE(decoder.cancel_all(ms0 + 1000).empty());
    // The finger lifting later is not a second ending.
    EXPECT_TRUE(replay(decoder, {{t0, 2000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                                 {t0, 2000, EV_SYN, SYN_REPORT, 0}})
                    .empty());
}

TEST(MultitouchDecoder, StartsFromTheDeviceStateAndIgnoresContactsAlreadyDown) {
    MultitouchDecoder decoder(pixel_exact());
    // At open: slot 0 has a finger on it, slot 1 is empty but remembers its last position,
    // slot 1 is current.
    decoder.start_from(1, {{130, 50, 60}, {-1, 400, 500}});
    EXPECT_EQ(decoder.active_contacts(), 0);
    // No ABS_MT_SLOT: the events go to the current slot 1, and X/Y are unchanged there.
    auto events = replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 131},
                                   {t0, 0, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 1, 400, 500, ms0);
    // The finger that was already down moves and lifts without a word.
    events = replay(decoder, {{t0, 8000, EV_ABS, ABS_MT_SLOT, 0},
                              {t0, 8000, EV_ABS, ABS_MT_POSITION_X, 55},
                              {t0, 8000, EV_SYN, SYN_REPORT, 0},
                              {t0, 16000, EV_ABS, ABS_MT_TRACKING_ID, -1},
                              {t0, 16000, EV_SYN, SYN_REPORT, 0}});
    EXPECT_TRUE(events.empty());
    EXPECT_EQ(decoder.active_contacts(), 1);
}

TEST(MultitouchDecoder, SetMappingAppliesToTheNextFrame) {
    MultitouchDecoder decoder(pixel_exact());
    replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 140},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_X, 1919},
                     {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 0},
                     {t0, 0, EV_SYN, SYN_REPORT, 0}});
    TouchMapping half = pixel_exact();
    half.screen_width = 960;
    half.screen_height = 540;
    decoder.set_mapping(half);
    const auto events = replay(decoder, {{t0, 8000, EV_ABS, ABS_MT_POSITION_Y, 1079},
                                         {t0, 8000, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::move, 0, 959, 539, ms0 + 8);
}

TEST(MultitouchDecoder, PanelRangeOntoTheScreen) {
    MultitouchDecoder decoder(panel_4096());
    const auto events = replay(decoder, {{t0, 0, EV_ABS, ABS_MT_TRACKING_ID, 150},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_X, 4095},
                                         {t0, 0, EV_ABS, ABS_MT_POSITION_Y, 4095},
                                         {t0, 0, EV_SYN, SYN_REPORT, 0}});
    ASSERT_EQ(events.size(), 1u);
    expect_event(events[0], Type::down, 0, 1919, 1079, ms0);
}

TEST(MultitouchDecoder, SingleTouchPanel) {
    TouchMapping mapping = pixel_exact();
    MultitouchDecoder decoder(mapping, TouchProtocol::single_touch);
    const std::vector<Recorded> resistive = {
        {t0, 0, EV_ABS, ABS_X, 300},
        {t0, 0, EV_ABS, ABS_Y, 700},
        {t0, 0, EV_ABS, ABS_PRESSURE, 200},
        {t0, 0, EV_KEY, BTN_TOUCH, 1},
        {t0, 0, EV_SYN, SYN_REPORT, 0},
        {t0, 10000, EV_ABS, ABS_X, 320},
        {t0, 10000, EV_SYN, SYN_REPORT, 0},
        {t0, 20000, EV_ABS, ABS_PRESSURE, 0},
        {t0, 20000, EV_KEY, BTN_TOUCH, 0},
        {t0, 20000, EV_SYN, SYN_REPORT, 0},
        // Lift and touch again within one frame: still an up then a down.
        {t0, 30000, EV_KEY, BTN_TOUCH, 1},
        {t0, 30000, EV_SYN, SYN_REPORT, 0},
        {t0, 40000, EV_KEY, BTN_TOUCH, 0},
        {t0, 40000, EV_KEY, BTN_TOUCH, 1},
        {t0, 40000, EV_ABS, ABS_X, 10},
        {t0, 40000, EV_SYN, SYN_REPORT, 0},
    };
    const auto events = replay(decoder, resistive);
    ASSERT_EQ(events.size(), 6u);
    expect_event(events[0], Type::down, 0, 300, 700, ms0);
    expect_event(events[1], Type::move, 0, 320, 700, ms0 + 10);
    expect_event(events[2], Type::up, 0, 320, 700, ms0 + 20);
    expect_event(events[3], Type::down, 0, 320, 700, ms0 + 30);
    expect_event(events[4], Type::up, 0, 320, 700, ms0 + 40);
    expect_event(events[5], Type::down, 0, 10, 700, ms0 + 40);
}

TEST(MultitouchDecoder, MultitouchModeIgnoresThePointerEmulation) {
    MultitouchDecoder decoder(pixel_exact());
    EXPECT_TRUE(replay(decoder, {{t0, 0, EV_KEY, BTN_TOUCH, 1},
                                 {t0, 0, EV_ABS, ABS_X, 10},
                                 {t0, 0, EV_ABS, ABS_Y, 10},
                                 {t0, 0, EV_SYN, SYN_REPORT, 0}})
                    .empty());
}

// --- mapping and time ------------------------------------------------------------------------

struct Corners {
    std::pair<float, float> top_left, top_right, bottom_left, bottom_right; // of the raw panel
};

Corners raw_corners(const TouchMapping& mapping) {
    return {map_to_screen(mapping, 0, 0), map_to_screen(mapping, 4095, 0),
            map_to_screen(mapping, 0, 4095), map_to_screen(mapping, 4095, 4095)};
}

const std::pair<float, float> screen_top_left{0, 0}, screen_top_right{1919, 0},
    screen_bottom_left{0, 1079}, screen_bottom_right{1919, 1079};

TEST(TouchMapping, NoRotationKeepsCorners) {
    const Corners c = raw_corners(panel_4096(Rotation::none));
    EXPECT_EQ(c.top_left, screen_top_left);
    EXPECT_EQ(c.top_right, screen_top_right);
    EXPECT_EQ(c.bottom_left, screen_bottom_left);
    EXPECT_EQ(c.bottom_right, screen_bottom_right);
}

TEST(TouchMapping, Clockwise90) {
    const Corners c = raw_corners(panel_4096(Rotation::cw90));
    EXPECT_EQ(c.top_left, screen_top_right);
    EXPECT_EQ(c.top_right, screen_bottom_right);
    EXPECT_EQ(c.bottom_right, screen_bottom_left);
    EXPECT_EQ(c.bottom_left, screen_top_left);
}

TEST(TouchMapping, Clockwise180) {
    const Corners c = raw_corners(panel_4096(Rotation::cw180));
    EXPECT_EQ(c.top_left, screen_bottom_right);
    EXPECT_EQ(c.top_right, screen_bottom_left);
    EXPECT_EQ(c.bottom_right, screen_top_left);
    EXPECT_EQ(c.bottom_left, screen_top_right);
}

TEST(TouchMapping, Clockwise270) {
    const Corners c = raw_corners(panel_4096(Rotation::cw270));
    EXPECT_EQ(c.top_left, screen_bottom_left);
    EXPECT_EQ(c.top_right, screen_top_left);
    EXPECT_EQ(c.bottom_right, screen_top_right);
    EXPECT_EQ(c.bottom_left, screen_bottom_right);
}

TEST(TouchMapping, RotationMovesAnOffCentrePointTheSameWay) {
    // A quarter of the way along the panel's top edge.
    auto at = [](Rotation r) { return map_to_screen(panel_4096(r), 1024, 0); };
    EXPECT_NEAR(at(Rotation::none).first, 1919 * 0.25f, 0.5f);
    EXPECT_FLOAT_EQ(at(Rotation::none).second, 0);
    EXPECT_FLOAT_EQ(at(Rotation::cw90).first, 1919);
    EXPECT_NEAR(at(Rotation::cw90).second, 1079 * 0.25f, 0.5f);
    EXPECT_NEAR(at(Rotation::cw180).first, 1919 * 0.75f, 0.5f);
    EXPECT_FLOAT_EQ(at(Rotation::cw180).second, 1079);
    EXPECT_FLOAT_EQ(at(Rotation::cw270).first, 0);
    EXPECT_NEAR(at(Rotation::cw270).second, 1079 * 0.75f, 0.5f);
}

TEST(TouchMapping, CentreStaysCentred) {
    for (Rotation r : {Rotation::none, Rotation::cw90, Rotation::cw180, Rotation::cw270}) {
        TouchMapping mapping = panel_4096(r);
        mapping.x = {0, 4096};
        mapping.y = {0, 4096};
        const auto [x, y] = map_to_screen(mapping, 2048, 2048);
        EXPECT_FLOAT_EQ(x, 959.5f);
        EXPECT_FLOAT_EQ(y, 539.5f);
    }
}

TEST(TouchMapping, FlipsMirrorThePanelBeforeRotation) {
    TouchMapping mapping = panel_4096();
    mapping.flip_x = true;
    EXPECT_EQ(map_to_screen(mapping, 0, 0), screen_top_right);
    mapping.flip_x = false;
    mapping.flip_y = true;
    EXPECT_EQ(map_to_screen(mapping, 0, 0), screen_bottom_left);
    // Flipped Y, then turned 90 degrees: the panel's (0, 0) corner became (0, max), which cw90
    // puts on the screen's top-left.
    mapping.rotation = Rotation::cw90;
    EXPECT_EQ(map_to_screen(mapping, 0, 0), screen_top_left);
}

TEST(TouchMapping, OffsetRangesAndOvershootAreClamped) {
    TouchMapping mapping;
    mapping.x = {-100, 100}; // some panels centre their range on zero
    mapping.y = {200, 3900};
    mapping.screen_width = 800;
    mapping.screen_height = 480;
    EXPECT_EQ(map_to_screen(mapping, -100, 200), (std::pair<float, float>{0, 0}));
    EXPECT_EQ(map_to_screen(mapping, 100, 3900), (std::pair<float, float>{799, 479}));
    EXPECT_EQ(map_to_screen(mapping, -130, 4000), (std::pair<float, float>{0, 479}));
}

TEST(TouchMapping, DegenerateMappingsGiveTheOrigin) {
    TouchMapping empty_range = panel_4096();
    empty_range.x = {5, 5};
    EXPECT_FLOAT_EQ(map_to_screen(empty_range, 5, 4095).first, 0);
    EXPECT_FLOAT_EQ(map_to_screen(empty_range, 5, 4095).second, 1079);
    TouchMapping no_screen = panel_4096();
    no_screen.screen_width = 0;
    no_screen.screen_height = 0;
    EXPECT_EQ(map_to_screen(no_screen, 4095, 4095), (std::pair<float, float>{0, 0}));
}

TEST(TouchTime, InputEventTimestampsBecomeMilliseconds) {
    EXPECT_EQ(event_time_ms(to_input_event({1700000000, 123456, EV_SYN, SYN_REPORT, 0})),
              1700000000123LL);
    EXPECT_EQ(event_time_ms(to_input_event({5, 999, EV_SYN, SYN_REPORT, 0})), 5000);
    EXPECT_EQ(event_time_ms(to_input_event({0, 999999, EV_SYN, SYN_REPORT, 0})), 999);
}

TEST(TouchTime, MonotonicMillisMovesForward) {
    const core::Millis before = monotonic_millis();
    EXPECT_GT(before, 0);
    EXPECT_GE(monotonic_millis(), before);
}

// --- the reader without a device -------------------------------------------------------------

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == std::string::npos;
}

TEST(EvdevTouchReader, MissingDeviceFailsWithOneLine) {
    TouchReaderOptions options;
    options.device_path = "/nonexistent";
    const auto reader = EvdevTouchReader::open(options);
    ASSERT_FALSE(reader);
    EXPECT_EQ(reader.error().code, core::ErrorCode::io);
    EXPECT_EQ(reader.error().message, "cannot open /nonexistent: No such file or directory");
}

TEST(EvdevTouchReader, NonInputDeviceFailsWithOneLine) {
    TouchReaderOptions options;
    options.device_path = "/dev/null";
    const auto reader = EvdevTouchReader::open(options);
    ASSERT_FALSE(reader);
    const core::Error& error = reader.error();
    EXPECT_EQ(error.code, core::ErrorCode::invalid_argument);
    EXPECT_TRUE(one_line(error.message)) << error.message;
    EXPECT_EQ(error.message.rfind("/dev/null is not an input device", 0), 0u) << error.message;
}

TEST(EvdevTouchReader, EnvironmentNamesTheDevice) {
    const char* saved = std::getenv("PAVILION_TOUCH_DEVICE");
    const std::string previous = saved ? saved : "";
    ::setenv("PAVILION_TOUCH_DEVICE", "/nonexistent/event42", 1);
    const auto reader = EvdevTouchReader::open(TouchReaderOptions{});
    EXPECT_FALSE(reader);
    if (!reader) {
        EXPECT_EQ(reader.error().code, core::ErrorCode::io);
        EXPECT_EQ(reader.error().message, "cannot open /nonexistent/event42: No such file or directory");
    }
    if (saved) {
        ::setenv("PAVILION_TOUCH_DEVICE", previous.c_str(), 1);
    } else {
        ::unsetenv("PAVILION_TOUCH_DEVICE");
    }
}

TEST(EvdevTouchReader, ScanFindsAPathOrSaysWhyNot) {
    const core::Expected<std::string> path = EvdevTouchReader::find_touchscreen();
    if (!path) {
        const core::Error& error = path.error();
        EXPECT_TRUE(one_line(error.message)) << error.message;
        // Nothing found, or the first device the kiosk was not allowed to read.
        if (error.code == core::ErrorCode::unavailable)
            EXPECT_EQ(error.message, "no touchscreen found");
        else
            EXPECT_EQ(error.code, core::ErrorCode::io) << error.message;
    } else {
        EXPECT_EQ(path->rfind("/dev/input/event", 0), 0u) << *path;
    }
}

TEST(PointerEventQueue, HandsEventsToAnotherThreadInOrderAndWakesIt) {
    std::atomic<int> wakes{0};
    PointerEventQueue queue([&wakes] { ++wakes; });
    constexpr int batches = 200;
    std::thread reader([&queue] {
        for (int batch = 0; batch < batches; ++batch) {
            std::vector<core::PointerEvent> events(3);
            for (int i = 0; i < 3; ++i) events[static_cast<std::size_t>(i)].time = batch * 3 + i;
            queue.push(events);
        }
        queue.push({}); // nothing to say: no wake
        queue.close(core::make_error(core::ErrorCode::unavailable, "touchscreen /dev/input/event3 disconnected"));
    });
    // The UI side: drain as a frame loop would, until the reader has said it is done.
    std::vector<core::PointerEvent> received;
    auto take = [&] {
        const auto events = queue.drain();
        received.insert(received.end(), events.begin(), events.end());
    };
    while (!queue.closed()) {
        take();
        std::this_thread::yield();
    }
    reader.join();
    take();

    ASSERT_EQ(received.size(), static_cast<std::size_t>(batches * 3));
    for (std::size_t i = 0; i < received.size(); ++i)
        EXPECT_EQ(received[i].time, static_cast<core::Millis>(i));
    EXPECT_EQ(wakes.load(), batches + 1); // every non-empty batch, and the close
    const std::optional<core::Error> failure = queue.take_failure();
    ASSERT_TRUE(failure);
    EXPECT_EQ(failure->code, core::ErrorCode::unavailable);
    EXPECT_EQ(failure->message, "touchscreen /dev/input/event3 disconnected");
    EXPECT_FALSE(queue.take_failure()); // reported once
}

TEST(PointerEventQueue, NoFailureWhileOpenAndTheFirstCloseReasonWins) {
    PointerEventQueue queue;
    EXPECT_FALSE(queue.take_failure());
    EXPECT_FALSE(queue.closed());
    queue.close(core::make_error(core::ErrorCode::io, "reading /dev/input/event3 failed: Input/output error"));
    queue.close(core::make_error(core::ErrorCode::unavailable, "touchscreen /dev/input/event3 disconnected"));
    EXPECT_TRUE(queue.closed());
    const std::optional<core::Error> failure = queue.take_failure();
    ASSERT_TRUE(failure);
    EXPECT_EQ(failure->code, core::ErrorCode::io);
    EXPECT_EQ(failure->message, "reading /dev/input/event3 failed: Input/output error");
}

} // namespace
} // namespace pavilion::platform
