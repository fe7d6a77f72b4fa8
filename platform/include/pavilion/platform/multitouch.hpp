#pragma once
// Decoding a Linux touchscreen's evdev events into core::PointerEvents: the pure half of the
// touch reader (no IO, no threads), fed one `struct input_event` at a time so recorded traces
// can replay it in tests. evdev_touch_reader.hpp owns the device and the thread.
//
// Multi-touch protocol B (slots) is the main path: every touchscreen a Raspberry Pi kiosk meets
// (the official DSI panels, USB HID panels via hid-multitouch) speaks it. Single-touch panels that
// report only ABS_X/ABS_Y + BTN_TOUCH are decoded as one contact in slot 0. Protocol A
// (ABS_MT_* separated by SYN_MT_REPORT, no slots) is not decoded; such drivers also send the
// single-touch axes, so they work as single-touch panels.

#include "pavilion/core/pointer_event.hpp"

#include <linux/input.h>

#include <array>
#include <utility>
#include <vector>

namespace pavilion::platform {

// An axis's raw range as the device's absinfo reports it (both ends inclusive).
struct AxisRange {
    int minimum = 0;
    int maximum = 0;
};

// How the panel's frame turns onto the screen's, after flips. Same convention as libinput's
// calibration matrix ("90 deg cw" = 0 -1 1 1 0 0): with cw90 the panel's raw (min, min) corner
// lands on the screen's top-right corner, with cw180 bottom-right, with cw270 bottom-left.
enum class Rotation { none, cw90, cw180, cw270 };

struct TouchMapping {
    AxisRange x, y;                     // the panel's raw axes
    int screen_width = 0;               // screen pixels (after rotation: a portrait screen is
    int screen_height = 0;              // narrower than it is tall whatever the panel says)
    Rotation rotation = Rotation::none;
    bool flip_x = false;                // mirror the panel's own axes, applied before rotation
    bool flip_y = false;
};

// Raw panel coordinates -> screen pixels, origin top-left. The panel's ends land on the first and
// last pixel (0 and width - 1), so a touch at the very edge still hits what is drawn there. Raw
// values outside the absinfo range (some panels overshoot by a few units) are clamped. A mapping
// with an empty range or no screen gives (0, 0) rather than dividing by zero.
std::pair<float, float> map_to_screen(const TouchMapping& mapping, int raw_x, int raw_y);

// The input_event timestamp in milliseconds. The reader sets the device's clock to
// CLOCK_MONOTONIC, so these are CLOCK_MONOTONIC milliseconds.
core::Millis event_time_ms(const input_event& event);

enum class TouchProtocol {
    multitouch_slots, // protocol B: ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X/Y
    single_touch,     // ABS_X, ABS_Y, BTN_TOUCH (one contact, reported as slot 0)
};

// One slot's values as the kernel holds them, for starting the decoder from a device's state.
struct SlotState {
    int tracking_id = -1; // -1: no contact
    int raw_x = 0;
    int raw_y = 0;
};

// Protocol B: ABS_MT_SLOT selects a slot, ABS_MT_TRACKING_ID >= 0 starts a contact in it and -1
// ends it, positions update the selected slot, SYN_REPORT commits the frame. The kernel sends
// only values that changed, so slot state (positions too) persists across frames and contacts.
//
// PointerEvent ids are slot numbers (0 .. max_slots - 1): stable from down to up, small, and
// reused by the next contact in that slot. Times are the SYN_REPORT's timestamp.
class MultitouchDecoder {
public:
    // Panels report 10 contacts at most in practice; slots beyond are ignored.
    static constexpr int max_slots = 10;

    explicit MultitouchDecoder(TouchMapping mapping,
                               TouchProtocol protocol = TouchProtocol::multitouch_slots);

    // Screen resize or rotation change; applies to events from the next frame on.
    void set_mapping(TouchMapping mapping);
    const TouchMapping& mapping() const { return mapping_; }

    // The device's state when it was opened (the kernel will not resend unchanged values).
    // Contacts already down are ignored until they lift: the UI never saw them start.
    void start_from(int current_slot, const std::vector<SlotState>& slots);

    // Events only at SYN_REPORT, for each slot that changed in the frame. Order: contacts that
    // were replaced within the frame end first (up), then downs, moves, ups, each by slot.
    // Downs come before ups so a finger landing as another lifts never leaves zero contacts in
    // between (a recognizer would see a spurious release). Position updates may come before or
    // after the tracking id within the frame. SYN_DROPPED cancels every reported contact.
    std::vector<core::PointerEvent> feed(const input_event& event);

    // A cancel for every contact the UI saw go down (after SYN_DROPPED or device loss). Contacts
    // still on the panel are then ignored until they lift; new ones start normally.
    std::vector<core::PointerEvent> cancel_all(core::Millis now);

    // Contacts whose down was reported and that have not ended (up or cancel) since.
    int active_contacts() const;

private:
    struct Slot {
        SlotState live;        // as of the last event (the frame in progress)
        SlotState committed;   // as of the last SYN_REPORT
        bool reported = false; // the UI saw this contact's down and no up/cancel yet
    };
    struct Frame {
        std::vector<core::PointerEvent> replaced, downs, moves, ups;
    };

    void apply_abs(int code, int value);
    void apply_key(int code, int value);
    Slot* current();
    std::vector<core::PointerEvent> commit(core::Millis time);
    void commit_slot(int index, core::Millis time, Frame& frame);
    core::PointerEvent make_event(core::PointerEvent::Type type, int index, const SlotState& at,
                                  core::Millis time) const;

    TouchMapping mapping_;
    TouchProtocol protocol_;
    std::array<Slot, max_slots> slots_{};
    int current_slot_ = 0; // may be out of range: its events are then ignored
};

} // namespace pavilion::platform
