#include "pavilion/platform/multitouch.hpp"

#include <algorithm>

namespace pavilion::platform {
namespace {

// Where a raw value sits in its range, 0..1; an empty range (a broken absinfo) gives 0.
float normalized(const AxisRange& range, int raw) {
    if (range.maximum <= range.minimum) return 0.0f;
    const int clamped = std::clamp(raw, range.minimum, range.maximum);
    // In double: maximum - minimum can exceed int for a hostile absinfo.
    const double span = static_cast<double>(range.maximum) - range.minimum;
    return static_cast<float>((static_cast<double>(clamped) - range.minimum) / span);
}

// 0..1 onto the first..last pixel.
float to_pixels(float fraction, int pixels) {
    return pixels > 1 ? fraction * static_cast<float>(pixels - 1) : 0.0f;
}

} // namespace

std::pair<float, float> map_to_screen(const TouchMapping& mapping, int raw_x, int raw_y) {
    float u = normalized(mapping.x, raw_x);
    float v = normalized(mapping.y, raw_y);
    if (mapping.flip_x) u = 1.0f - u;
    if (mapping.flip_y) v = 1.0f - v;
    float sx = u, sy = v;
    switch (mapping.rotation) {
    case Rotation::none: break;
    case Rotation::cw90: sx = 1.0f - v; sy = u; break;
    case Rotation::cw180: sx = 1.0f - u; sy = 1.0f - v; break;
    case Rotation::cw270: sx = v; sy = 1.0f - u; break;
    }
    return {to_pixels(sx, mapping.screen_width), to_pixels(sy, mapping.screen_height)};
}

core::Millis event_time_ms(const input_event& event) {
    // input_event_sec/usec: the field names differ on 32-bit builds with a 64-bit time_t.
    return static_cast<core::Millis>(event.input_event_sec) * 1000 +
           static_cast<core::Millis>(event.input_event_usec) / 1000;
}

MultitouchDecoder::MultitouchDecoder(TouchMapping mapping, TouchProtocol protocol)
    : mapping_(mapping), protocol_(protocol) {}

void MultitouchDecoder::set_mapping(TouchMapping mapping) { mapping_ = mapping; }

void MultitouchDecoder::start_from(int current_slot, const std::vector<SlotState>& slots) {
    current_slot_ = current_slot;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        Slot& slot = slots_[i];
        slot.live = i < slots.size() ? slots[i] : SlotState{};
        slot.committed = slot.live;
        slot.reported = false; // already down: its start happened before we were listening
    }
}

std::vector<core::PointerEvent> MultitouchDecoder::feed(const input_event& event) {
    switch (event.type) {
    case EV_ABS: apply_abs(event.code, event.value); return {};
    case EV_KEY: apply_key(event.code, event.value); return {};
    case EV_SYN:
        if (event.code == SYN_REPORT) return commit(event_time_ms(event));
        if (event.code == SYN_DROPPED) return cancel_all(event_time_ms(event));
        return {};
    default: return {}; // EV_MSC timestamps, pressure-only events and the like
    }
}

MultitouchDecoder::Slot* MultitouchDecoder::current() {
    if (current_slot_ < 0 || current_slot_ >= max_slots) return nullptr;
    return &slots_[static_cast<std::size_t>(current_slot_)];
}

void MultitouchDecoder::apply_abs(int code, int value) {
    if (protocol_ == TouchProtocol::single_touch) {
        // ABS_X/ABS_Y only; a protocol A driver's ABS_MT_* extras are ignored.
        if (code == ABS_X) slots_[0].live.raw_x = value;
        if (code == ABS_Y) slots_[0].live.raw_y = value;
        return;
    }
    if (code == ABS_MT_SLOT) {
        current_slot_ = value;
        return;
    }
    Slot* slot = current();
    if (!slot) return; // beyond max_slots
    switch (code) {
    case ABS_MT_TRACKING_ID: slot->live.tracking_id = value < 0 ? -1 : value; break;
    case ABS_MT_POSITION_X: slot->live.raw_x = value; break;
    case ABS_MT_POSITION_Y: slot->live.raw_y = value; break;
    default: break; // ABS_X/ABS_Y are the kernel's pointer emulation of the same contacts
    }
}

void MultitouchDecoder::apply_key(int code, int value) {
    // Multi-touch panels send BTN_TOUCH too, as pointer emulation; slots already say it all.
    if (protocol_ != TouchProtocol::single_touch || code != BTN_TOUCH) return;
    Slot& slot = slots_[0];
    if (value == 0) {
        slot.live.tracking_id = -1;
    } else if (slot.live.tracking_id < 0) {
        // An id unlike the committed one, so a lift and re-touch within one frame reads as two.
        const int previous = slot.committed.tracking_id;
        slot.live.tracking_id = previous >= 0 ? (previous + 1) & 0xffff : 0;
    }
}

std::vector<core::PointerEvent> MultitouchDecoder::commit(core::Millis time) {
    Frame frame;
    for (int i = 0; i < max_slots; ++i) commit_slot(i, time, frame);
    std::vector<core::PointerEvent> events = std::move(frame.replaced);
    for (auto* group : {&frame.downs, &frame.moves, &frame.ups})
        events.insert(events.end(), group->begin(), group->end());
    return events;
}

void MultitouchDecoder::commit_slot(int index, core::Millis time, Frame& frame) {
    using Type = core::PointerEvent::Type;
    Slot& slot = slots_[static_cast<std::size_t>(index)];
    const SlotState before = slot.committed;
    const SlotState& now = slot.live;
    const bool ended = before.tracking_id >= 0 && now.tracking_id != before.tracking_id;
    const bool started = now.tracking_id >= 0 && now.tracking_id != before.tracking_id;

    if (ended && slot.reported) {
        if (started) {
            // Replaced in one frame: the old contact ends where it was last seen, and before
            // the new one starts, since both carry the same id.
            frame.replaced.push_back(make_event(Type::up, index, before, time));
        } else {
            frame.ups.push_back(make_event(Type::up, index, now, time));
        }
    }
    if (ended) slot.reported = false;
    if (started) {
        frame.downs.push_back(make_event(Type::down, index, now, time));
        slot.reported = true;
    } else if (slot.reported && (now.raw_x != before.raw_x || now.raw_y != before.raw_y)) {
        frame.moves.push_back(make_event(Type::move, index, now, time));
    }
    slot.committed = now;
}

std::vector<core::PointerEvent> MultitouchDecoder::cancel_all(core::Millis now) {
    std::vector<core::PointerEvent> events;
    for (int i = 0; i < max_slots; ++i) {
        Slot& slot = slots_[static_cast<std::size_t>(i)];
        if (!slot.reported) continue;
        events.push_back(make_event(core::PointerEvent::Type::cancel, i, slot.live, now));
        slot.reported = false;
    }
    return events;
}

int MultitouchDecoder::active_contacts() const {
    return static_cast<int>(
        std::count_if(slots_.begin(), slots_.end(), [](const Slot& slot) { return slot.reported; }));
}

core::PointerEvent MultitouchDecoder::make_event(core::PointerEvent::Type type, int index,
                                                 const SlotState& at, core::Millis time) const {
    const auto [x, y] = map_to_screen(mapping_, at.raw_x, at.raw_y);
    core::PointerEvent event;
    event.type = type;
    event.id = index;
    event.x = x;
    event.y = y;
    event.time = time;
    return event;
}

} // namespace pavilion::platform
