#include "pavilion/core/soak_monkey.hpp"

#include <algorithm>

namespace pavilion::core {
namespace {

using Kind = MonkeyAction::Kind;
using Role = MonkeyTarget::Role;

// A finger sends a move about once per 60 Hz frame, like the input scripts.
constexpr Millis kMoveStepMs = 16;
constexpr Millis kTapHoldMs = 60;
constexpr float kAimAnywhere = 0.12f; // taps that ignore the targets (background, edges)

PointerEvent event(PointerEvent::Type type, int finger, float x, float y, Millis time) {
    PointerEvent e;
    e.type = type;
    e.id = finger;
    e.x = x;
    e.y = y;
    e.time = time;
    return e;
}

// Down at 1, moves along the line every ~16 ms reaching 2 at +duration, then (after `rest`
// still) up at 2. A rest past the recognizer's 50 ms "stopped" window releases with no speed.
void stroke(std::vector<PointerEvent>& out, float x1, float y1, float x2, float y2, Millis start, Millis duration,
            Millis rest) {
    out.push_back(event(PointerEvent::Type::down, 0, x1, y1, start));
    const Millis steps = std::max<Millis>(1, duration / kMoveStepMs);
    for (Millis i = 1; i <= steps; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(steps);
        out.push_back(event(PointerEvent::Type::move, 0, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f,
                            start + duration * i / steps));
    }
    out.push_back(event(PointerEvent::Type::up, 0, x2, y2, start + duration + rest));
}

} // namespace

std::string_view monkey_action_name(MonkeyAction::Kind kind) {
    switch (kind) {
    case Kind::tap: return "tap";
    case Kind::double_tap: return "double_tap";
    case Kind::long_press: return "long_press";
    case Kind::drag: return "drag";
    case Kind::fling: return "fling";
    case Kind::swipe: return "swipe";
    case Kind::pinch: return "pinch";
    case Kind::back: return "back";
    case Kind::home: return "home";
    case Kind::language: return "language";
    case Kind::operator_hold: return "operator_hold";
    case Kind::wait: return "wait";
    case Kind::idle_jump: return "idle_jump";
    case Kind::reload: return "reload";
    }
    return "?";
}

MonkeyWeights default_monkey_weights() {
    MonkeyWeights w;
    w[Kind::tap] = 60;
    w[Kind::double_tap] = 4;
    w[Kind::long_press] = 3;
    w[Kind::drag] = 8;
    w[Kind::fling] = 10;
    w[Kind::swipe] = 10;
    w[Kind::pinch] = 6;
    w[Kind::back] = 12;
    w[Kind::home] = 4;
    w[Kind::language] = 5;
    w[Kind::operator_hold] = 1;
    w[Kind::wait] = 10;
    w[Kind::idle_jump] = 3;
    w[Kind::reload] = 2;
    return w;
}

SoakMonkey::SoakMonkey(std::uint32_t seed, MonkeyWeights weights) : rng_(seed), weights_(weights) {}

float SoakMonkey::unit() { return static_cast<float>(rng_() >> 8) * (1.0f / 16777216.0f); }

int SoakMonkey::below(int n) {
    if (n <= 1) return 0;
    return static_cast<int>((static_cast<std::uint64_t>(rng_()) * static_cast<std::uint64_t>(n)) >> 32);
}

float SoakMonkey::between(float lo, float hi) { return lo + (hi - lo) * unit(); }

Millis SoakMonkey::between_ms(Millis lo, Millis hi) { return lo + below(static_cast<int>(hi - lo + 1)); }

bool SoakMonkey::available(Kind kind, const MonkeyScreen& screen) const {
    auto has = [&](Role role) {
        return std::any_of(screen.targets.begin(), screen.targets.end(),
                           [&](const MonkeyTarget& t) { return t.role == role; });
    };
    switch (kind) {
    case Kind::back: return has(Role::back);
    case Kind::home: return has(Role::home);
    case Kind::language: return has(Role::language);
    case Kind::reload: return screen.can_reload;
    case Kind::idle_jump: return screen.idle_timer_running;
    default: return true;
    }
}

Kind SoakMonkey::pick_kind(const MonkeyScreen& screen) {
    int total = 0;
    for (int k = 0; k < MonkeyAction::kKinds; ++k)
        if (available(static_cast<Kind>(k), screen)) total += std::max(0, weights_.of[k]);
    if (total == 0) return Kind::wait;
    int draw = below(total);
    for (int k = 0; k < MonkeyAction::kKinds; ++k) {
        if (!available(static_cast<Kind>(k), screen)) continue;
        draw -= std::max(0, weights_.of[k]);
        if (draw < 0) return static_cast<Kind>(k);
    }
    return Kind::wait;
}

void SoakMonkey::aim(const MonkeyScreen& screen, Role role, float& x, float& y) {
    std::vector<const MonkeyTarget*> candidates;
    for (const auto& target : screen.targets)
        if (role == Role::content || target.role == role) candidates.push_back(&target);
    // Plain taps sometimes miss on purpose: visitors tap pictures, margins and edges too.
    if (candidates.empty() || (role == Role::content && unit() < kAimAnywhere)) {
        x = between(0, screen.width);
        y = between(0, screen.height);
        return;
    }
    const auto& target = *candidates[static_cast<std::size_t>(below(static_cast<int>(candidates.size())))];
    x = between(target.min_x, target.max_x);
    y = between(target.min_y, target.max_y);
}

void SoakMonkey::press(const MonkeyScreen& screen, Kind kind, Millis now, std::vector<PointerEvent>& out) {
    const Role role = kind == Kind::back       ? Role::back
                      : kind == Kind::home     ? Role::home
                      : kind == Kind::language ? Role::language
                                               : Role::content;
    float x = 0, y = 0;
    aim(screen, role, x, y);
    out.push_back(event(PointerEvent::Type::down, 0, x, y, now));
    out.push_back(event(PointerEvent::Type::up, 0, x, y, now + kTapHoldMs));
}

void SoakMonkey::double_press(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    float x = 0, y = 0;
    aim(screen, Role::content, x, y);
    const Millis second = now + kTapHoldMs + between_ms(80, 200);
    out.push_back(event(PointerEvent::Type::down, 0, x, y, now));
    out.push_back(event(PointerEvent::Type::up, 0, x, y, now + kTapHoldMs));
    out.push_back(event(PointerEvent::Type::down, 0, x + 2, y + 1, second));
    out.push_back(event(PointerEvent::Type::up, 0, x + 2, y + 1, second + kTapHoldMs));
}

void SoakMonkey::long_press(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    float x = 0, y = 0;
    aim(screen, Role::content, x, y);
    out.push_back(event(PointerEvent::Type::down, 0, x, y, now));
    out.push_back(event(PointerEvent::Type::up, 0, x, y, now + between_ms(800, 1400)));
}

void SoakMonkey::drag(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    const float w = screen.width, h = screen.height;
    float x = 0, y = 0;
    x = between(0.1f * w, 0.9f * w), y = between(0.2f * h, 0.9f * h);
    const float x2 = std::clamp(x + between(-0.4f * w, 0.4f * w), 0.0f, w - 1);
    const float y2 = std::clamp(y + between(-0.4f * h, 0.4f * h), 0.0f, h - 1);
    stroke(out, x, y, x2, y2, now, between_ms(300, 900), 120);
}

void SoakMonkey::fling(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    const float w = screen.width, h = screen.height;
    const float x = between(0.15f * w, 0.85f * w);
    const bool up = unit() < 0.6f; // finger up: the list moves on to what is below
    const float span = between(0.25f * h, 0.55f * h);
    const float y = up ? between(0.6f * h, 0.9f * h) : between(0.2f * h, 0.4f * h);
    stroke(out, x, y, x + between(-20, 20), up ? y - span : y + span, now, between_ms(100, 220), 0);
}

void SoakMonkey::swipe(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    const float w = screen.width, h = screen.height;
    const float y = between(0.25f * h, 0.85f * h);
    const bool left = unit() < 0.5f;
    const float span = between(0.2f * w, 0.45f * w);
    const float x = left ? between(0.55f * w, 0.9f * w) : between(0.1f * w, 0.45f * w);
    stroke(out, x, y, left ? x - span : x + span, y + between(-15, 15), now, between_ms(120, 260), 0);
}

void SoakMonkey::pinch(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    const float w = screen.width, h = screen.height;
    const float cx = between(0.25f * w, 0.75f * w), cy = between(0.3f * h, 0.8f * h);
    const float half = between(60, 160);
    const float scale = unit() < 0.5f ? between(0.4f, 0.9f) : between(1.2f, 2.6f);
    const Millis duration = between_ms(300, 700);
    out.push_back(event(PointerEvent::Type::down, 0, cx - half, cy, now));
    out.push_back(event(PointerEvent::Type::down, 1, cx + half, cy, now));
    const Millis steps = std::max<Millis>(1, duration / kMoveStepMs);
    float now_half = half;
    for (Millis i = 1; i <= steps; ++i) {
        now_half = half * (1 + (scale - 1) * static_cast<float>(i) / static_cast<float>(steps));
        const Millis at = now + duration * i / steps;
        out.push_back(event(PointerEvent::Type::move, 0, cx - now_half, cy, at));
        out.push_back(event(PointerEvent::Type::move, 1, cx + now_half, cy, at));
    }
    out.push_back(event(PointerEvent::Type::up, 1, cx + now_half, cy, now + duration));
    out.push_back(event(PointerEvent::Type::up, 0, cx - now_half, cy, now + duration));
}

void SoakMonkey::hold_corner(const MonkeyScreen& screen, Millis now, std::vector<PointerEvent>& out) {
    const float side = std::max(2.0f, screen.corner_px);
    float x = 0, y = 0;
    x = between(0.25f * side, 0.75f * side), y = between(0.25f * side, 0.75f * side);
    out.push_back(event(PointerEvent::Type::down, 0, x, y, now));
    out.push_back(event(PointerEvent::Type::up, 0, x, y, now + kHoldMs));
}

Millis SoakMonkey::idle_jump_end(const MonkeyScreen& screen, Millis now) {
    // Half stop inside "Still there?" (the next touch answers it), half run out to attract.
    const Millis timeout = std::max<Millis>(0, screen.idle_timeout_ms);
    const Millis countdown = std::max<Millis>(0, screen.countdown_ms);
    return unit() < 0.5f ? now + timeout + between_ms(200, std::max<Millis>(200, countdown * 3 / 4))
                         : now + timeout + countdown + between_ms(500, 5000);
}

MonkeyAction SoakMonkey::next(const MonkeyScreen& screen, Millis now) {
    MonkeyAction action;
    action.kind = pick_kind(screen);
    auto& out = action.events;
    switch (action.kind) {
    case Kind::tap:
    case Kind::back:
    case Kind::home:
    case Kind::language: press(screen, action.kind, now, out); break;
    case Kind::double_tap: double_press(screen, now, out); break;
    case Kind::long_press: long_press(screen, now, out); break;
    case Kind::drag: drag(screen, now, out); break;
    case Kind::fling: fling(screen, now, out); break;
    case Kind::swipe: swipe(screen, now, out); break;
    case Kind::pinch: pinch(screen, now, out); break;
    case Kind::operator_hold: hold_corner(screen, now, out); break;
    case Kind::wait: action.end = now + between_ms(300, 4000); return action;
    case Kind::idle_jump: action.end = idle_jump_end(screen, now); return action;
    case Kind::reload: action.end = now; return action;
    }
    action.end = out.back().time + between_ms(kSettleMinMs, kSettleMaxMs);
    return action;
}

} // namespace pavilion::core
