#include "pavilion/core/gesture_recognizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace pavilion::core {

namespace {

// Two fingers are never closer than a fingertip; this only keeps ratios finite when a trace (or
// a broken driver) puts both at one point.
constexpr double kMinPinchDistancePx = 1.0;
// Enough history for the velocity window even from a 1 kHz digitiser; older samples are dropped.
constexpr std::size_t kMaxSamples = 128;

float distance(float ax, float ay, float bx, float by) {
    return std::hypot(bx - ax, by - ay);
}

bool finite(float x, float y) {
    return std::isfinite(x) && std::isfinite(y);
}

} // namespace

GestureRecognizer::GestureRecognizer(GestureConfig config) : config_(config) {
    // A zero or broken density would make every threshold zero: every touch a drag.
    if (!(config_.pixels_per_mm > 0) || !std::isfinite(config_.pixels_per_mm))
        config_.pixels_per_mm = 96.0f / 25.4f;
}

std::vector<Gesture> GestureRecognizer::feed(const PointerEvent& event) {
    // Events arrive out of order or with duplicate stamps from some drivers; time never runs
    // backwards here, so every interval below is >= 0.
    const Millis now = seen_time_ ? std::max(event.time, last_time_) : event.time;
    last_time_ = now;
    seen_time_ = true;

    std::vector<Gesture> out;
    // A finger that rested past the deadline without a tick() in between is still a long press.
    check_long_press(now, out);

    PointerEvent e = event;
    if (!finite(e.x, e.y)) {
        // A garbage position must not poison the sums; an up or cancel still has to end the
        // touch, at the last good position.
        const Pointer* known = find(e.id);
        if (e.type == PointerEvent::Type::down || e.type == PointerEvent::Type::move || !known)
            return out;
        e.x = known->x;
        e.y = known->y;
    }

    switch (e.type) {
    case PointerEvent::Type::down: on_down(e, now, out); break;
    case PointerEvent::Type::move: on_move(e, now, out); break;
    case PointerEvent::Type::up: on_up(e, now, out); break;
    case PointerEvent::Type::cancel: on_cancel(e.id, now, out); break;
    }
    return out;
}

std::vector<Gesture> GestureRecognizer::tick(Millis now) {
    std::vector<Gesture> out;
    if (seen_time_ && now < last_time_) return out; // a stale frame time says nothing new
    last_time_ = now;
    seen_time_ = true;
    check_long_press(now, out);
    return out;
}

void GestureRecognizer::reset() {
    pointers_.clear();
    mode_ = Mode::idle;
    tap_pending_ = false;
}

int GestureRecognizer::active_pointers() const {
    return static_cast<int>(pointers_.size());
}

void GestureRecognizer::on_down(const PointerEvent& e, Millis now, std::vector<Gesture>& out) {
    // A second down for a finger already down means its up was lost; start that finger afresh.
    if (find(e.id)) on_cancel(e.id, now, out);

    Pointer finger;
    finger.id = e.id;
    finger.down_x = finger.x = e.x;
    finger.down_y = finger.y = e.y;
    finger.down_time = now;
    finger.samples.push_back({now, e.x, e.y});
    pointers_.push_back(std::move(finger));

    if (pointers_.size() == 1) {
        mode_ = Mode::pressed;
    } else if (pointers_.size() == 2 && mode_ != Mode::pinching) {
        begin_pinch(now, out);
    }
    // A third finger (or more) is tracked so active_pointers() is honest, but does not steer.
}

void GestureRecognizer::on_move(const PointerEvent& e, Millis now, std::vector<Gesture>& out) {
    Pointer* finger = find(e.id);
    if (!finger) return;
    move_pointer(*finger, e.x, e.y, now);
    follow(*finger, now, out);
}

void GestureRecognizer::on_up(const PointerEvent& e, Millis now, std::vector<Gesture>& out) {
    Pointer* finger = find(e.id);
    if (!finger) return;
    // The release position counts as the last move, so drag deltas sum to the whole stroke and
    // the final pinch scale reflects where the fingers really were.
    move_pointer(*finger, e.x, e.y, now);
    follow(*finger, now, out);

    if (mode_ == Mode::pinching && in_pinch(e.id)) {
        end_pinch(now, out);
    } else if (mode_ == Mode::pressed || mode_ == Mode::dragging) {
        release_single(*finger, now, out);
    }
    remove_pointer(e.id);
}

void GestureRecognizer::on_cancel(int id, Millis now, std::vector<Gesture>& out) {
    Pointer* finger = find(id);
    if (!finger) return;
    // The touch was taken away, not completed: end what is running so views can settle, but
    // never turn it into a tap, fling or swipe.
    if (mode_ == Mode::dragging) {
        end_drag(*finger, {}, now, out);
    } else if (mode_ == Mode::pinching && in_pinch(id)) {
        end_pinch(now, out);
    } else if (mode_ == Mode::pressed || mode_ == Mode::long_pressed) {
        mode_ = Mode::consumed;
    }
    tap_pending_ = false;
    remove_pointer(id);
}

// Reacts to a finger's new position according to what the fingers currently mean.
void GestureRecognizer::follow(const Pointer& finger, Millis now, std::vector<Gesture>& out) {
    if (mode_ == Mode::pressed) {
        const float moved = distance(finger.down_x, finger.down_y, finger.x, finger.y);
        if (moved < px(config_.tap_slop_mm)) return; // still a (jittery) tap
        mode_ = Mode::dragging;
        tap_pending_ = false;
        Gesture g = make(Gesture::Kind::drag_begin, finger.x, finger.y, now);
        // The slop already travelled is part of the drag, so content stays under the finger.
        g.dx = finger.x - finger.down_x;
        g.dy = finger.y - finger.down_y;
        out.push_back(g);
        drag_x_ = finger.x;
        drag_y_ = finger.y;
    } else if (mode_ == Mode::dragging) {
        if (finger.x == drag_x_ && finger.y == drag_y_) return;
        Gesture g = make(Gesture::Kind::drag, finger.x, finger.y, now);
        g.dx = finger.x - drag_x_;
        g.dy = finger.y - drag_y_;
        out.push_back(g);
        drag_x_ = finger.x;
        drag_y_ = finger.y;
    } else if (mode_ == Mode::pinching && in_pinch(finger.id)) {
        update_pinch(now, out);
    }
}

void GestureRecognizer::check_long_press(Millis now, std::vector<Gesture>& out) {
    if (mode_ != Mode::pressed || pointers_.size() != 1) return;
    const Pointer& finger = pointers_.front();
    if (now - finger.down_time < config_.long_press_ms) return;
    out.push_back(make(Gesture::Kind::long_press, finger.down_x, finger.down_y, now));
    mode_ = Mode::long_pressed; // the release that follows is not a tap
    tap_pending_ = false;
}

void GestureRecognizer::begin_pinch(Millis now, std::vector<Gesture>& out) {
    // The first finger's story ends here: its drag stops without inertia, its tap never comes.
    if (mode_ == Mode::dragging) end_drag(pointers_[0], {}, now, out);
    tap_pending_ = false;

    pinch_ids_[0] = pointers_[0].id;
    pinch_ids_[1] = pointers_[1].id;
    pinch_start_distance_ = pinch_last_distance_ = pinch_distance();
    pinch_cx_ = (pointers_[0].x + pointers_[1].x) / 2;
    pinch_cy_ = (pointers_[0].y + pointers_[1].y) / 2;
    mode_ = Mode::pinching;
    out.push_back(make(Gesture::Kind::pinch_begin, pinch_cx_, pinch_cy_, now));
}

void GestureRecognizer::update_pinch(Millis now, std::vector<Gesture>& out) {
    const Pointer* a = find(pinch_ids_[0]);
    const Pointer* b = find(pinch_ids_[1]);
    if (!a || !b) return;
    const double d = pinch_distance();
    const float cx = (a->x + b->x) / 2;
    const float cy = (a->y + b->y) / 2;
    if (d == pinch_last_distance_ && cx == pinch_cx_ && cy == pinch_cy_) return;

    Gesture g = make(Gesture::Kind::pinch, cx, cy, now);
    // Ratios against the last reported distance telescope: their product is exactly the ratio
    // of the final to the initial distance, so a consumer multiplying them never drifts.
    g.scale = static_cast<float>(d / pinch_last_distance_);
    g.total_scale = static_cast<float>(d / pinch_start_distance_);
    g.dx = cx - pinch_cx_;
    g.dy = cy - pinch_cy_;
    out.push_back(g);
    pinch_last_distance_ = d;
    pinch_cx_ = cx;
    pinch_cy_ = cy;
}

void GestureRecognizer::end_pinch(Millis now, std::vector<Gesture>& out) {
    Gesture g = make(Gesture::Kind::pinch_end, pinch_cx_, pinch_cy_, now);
    g.total_scale = static_cast<float>(pinch_last_distance_ / pinch_start_distance_);
    out.push_back(g);
    // Fingers still down were part of the pinch; a lone one left behind must not tap or drag.
    mode_ = Mode::consumed;
}

void GestureRecognizer::end_drag(const Pointer& finger, Velocity velocity, Millis now,
                                 std::vector<Gesture>& out) {
    Gesture g = make(Gesture::Kind::drag_end, finger.x, finger.y, now);
    g.dx = finger.x - drag_x_;
    g.dy = finger.y - drag_y_;
    g.velocity_x = velocity.x;
    g.velocity_y = velocity.y;
    out.push_back(g);
    drag_x_ = finger.x;
    drag_y_ = finger.y;
    mode_ = Mode::consumed;
}

void GestureRecognizer::release_single(const Pointer& finger, Millis now,
                                       std::vector<Gesture>& out) {
    if (mode_ == Mode::pressed) {
        // Held past tap_max_ms but released before long_press_ms: deliberately nothing.
        if (now - finger.down_time <= config_.tap_max_ms) finish_tap(finger, now, out);
        mode_ = Mode::consumed;
        return;
    }
    const Velocity v = release_velocity(finger, now);
    end_drag(finger, v, now, out);
    if (std::hypot(v.x, v.y) >= px(config_.fling_min_mm_per_s)) {
        Gesture fling = make(Gesture::Kind::fling, finger.x, finger.y, now);
        fling.velocity_x = v.x;
        fling.velocity_y = v.y;
        out.push_back(fling);
    }
    const Gesture::Direction direction = swipe_direction(finger, now);
    if (direction != Gesture::Direction::none) {
        Gesture swipe = make(Gesture::Kind::swipe, finger.x, finger.y, now);
        swipe.dx = finger.x - finger.down_x;
        swipe.dy = finger.y - finger.down_y;
        swipe.velocity_x = v.x;
        swipe.velocity_y = v.y;
        swipe.direction = direction;
        out.push_back(swipe);
    }
}

void GestureRecognizer::finish_tap(const Pointer& finger, Millis now, std::vector<Gesture>& out) {
    const bool second = tap_pending_ &&
        finger.down_time - tap_up_time_ <= config_.double_tap_ms &&
        distance(tap_x_, tap_y_, finger.down_x, finger.down_y) <= px(config_.double_tap_slop_mm);
    if (second) {
        out.push_back(make(Gesture::Kind::double_tap, finger.down_x, finger.down_y, now));
        tap_pending_ = false; // a third tap starts a new pair
        return;
    }
    // The press point, not the release: a jittery finger meant where it first landed.
    out.push_back(make(Gesture::Kind::tap, finger.down_x, finger.down_y, now));
    tap_pending_ = true;
    tap_up_time_ = now;
    tap_x_ = finger.down_x;
    tap_y_ = finger.down_y;
}

// A swipe is a quick, long, straight stroke; anything slower or diagonal is just a drag.
Gesture::Direction GestureRecognizer::swipe_direction(const Pointer& finger, Millis now) const {
    if (now - finger.down_time > config_.swipe_max_ms) return Gesture::Direction::none;
    const float dx = finger.x - finger.down_x;
    const float dy = finger.y - finger.down_y;
    const float along = std::max(std::abs(dx), std::abs(dy));
    const float across = std::min(std::abs(dx), std::abs(dy));
    if (along < px(config_.swipe_min_mm) || along < config_.swipe_axis_ratio * across)
        return Gesture::Direction::none;
    if (std::abs(dx) >= std::abs(dy))
        return dx < 0 ? Gesture::Direction::left : Gesture::Direction::right;
    return dy < 0 ? Gesture::Direction::up : Gesture::Direction::down; // y grows downwards
}

GestureRecognizer::Pointer* GestureRecognizer::find(int id) {
    for (Pointer& finger : pointers_)
        if (finger.id == id) return &finger;
    return nullptr;
}

const GestureRecognizer::Pointer* GestureRecognizer::find(int id) const {
    for (const Pointer& finger : pointers_)
        if (finger.id == id) return &finger;
    return nullptr;
}

bool GestureRecognizer::in_pinch(int id) const {
    return id == pinch_ids_[0] || id == pinch_ids_[1];
}

void GestureRecognizer::move_pointer(Pointer& finger, float x, float y, Millis now) {
    finger.x = x;
    finger.y = y;
    // A report that repeats the last position (a driver re-sending it, or the release at the
    // final move's spot) is not new evidence of motion; recording it would bend the fit towards
    // zero. A finger that truly stopped is caught by pointer_stopped_ms instead.
    const Sample& last = finger.samples.back();
    if (x == last.x && y == last.y) return;
    finger.samples.push_back({now, x, y});

    const Millis oldest = now - config_.velocity_window_ms;
    auto keep = std::find_if(finger.samples.begin(), finger.samples.end(),
                             [oldest](const Sample& s) { return s.time >= oldest; });
    if (finger.samples.end() - keep > static_cast<std::ptrdiff_t>(kMaxSamples))
        keep = finger.samples.end() - static_cast<std::ptrdiff_t>(kMaxSamples);
    finger.samples.erase(finger.samples.begin(), keep);
}

void GestureRecognizer::remove_pointer(int id) {
    pointers_.erase(std::remove_if(pointers_.begin(), pointers_.end(),
                                   [id](const Pointer& f) { return f.id == id; }),
                    pointers_.end());
    if (pointers_.empty()) mode_ = Mode::idle;
}

// Least-squares slope of position over time across the last velocity_window_ms: one noisy or
// duplicated sample moves it little, and equal timestamps cannot divide by zero.
GestureRecognizer::Velocity GestureRecognizer::release_velocity(const Pointer& finger,
                                                                Millis now) const {
    const std::vector<Sample>& samples = finger.samples;
    if (samples.size() < 2) return {};
    const Sample& last = samples.back();
    if (now - last.time > config_.pointer_stopped_ms) return {}; // it rested before lifting

    double n = 0, st = 0, sx = 0, sy = 0;
    for (const Sample& s : samples) {
        if (last.time - s.time > config_.velocity_window_ms) continue;
        n += 1;
        st += static_cast<double>(s.time - last.time);
        sx += s.x;
        sy += s.y;
    }
    if (n < 2) return {};
    const double mt = st / n, mx = sx / n, my = sy / n;
    double stt = 0, stx = 0, sty = 0;
    for (const Sample& s : samples) {
        if (last.time - s.time > config_.velocity_window_ms) continue;
        const double t = static_cast<double>(s.time - last.time) - mt;
        stt += t * t;
        stx += t * (s.x - mx);
        sty += t * (s.y - my);
    }
    if (stt < 1e-9) return {}; // every sample at one instant: no evidence of speed
    constexpr double kMsPerSecond = 1000.0;
    return {static_cast<float>(stx / stt * kMsPerSecond), static_cast<float>(sty / stt * kMsPerSecond)};
}

double GestureRecognizer::pinch_distance() const {
    const Pointer* a = find(pinch_ids_[0]);
    const Pointer* b = find(pinch_ids_[1]);
    if (!a || !b) return kMinPinchDistancePx;
    const double d = std::hypot(static_cast<double>(b->x) - a->x, static_cast<double>(b->y) - a->y);
    return std::max(d, kMinPinchDistancePx);
}

Gesture GestureRecognizer::make(Gesture::Kind kind, float x, float y, Millis now) const {
    Gesture g;
    g.kind = kind;
    g.x = x;
    g.y = y;
    g.time = now;
    return g;
}

float GestureRecognizer::px(float mm) const {
    return mm * config_.pixels_per_mm;
}

} // namespace pavilion::core
