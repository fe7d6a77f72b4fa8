#include "pavilion/core/kinetic_scroller.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::core {

namespace {

constexpr double kMsPerSecond = 1000.0;
constexpr double kE = 2.718281828459045;
// A spring this close to its edge and this slow is indistinguishable from resting on it.
constexpr double kSettleDistancePx = 0.5;
// Whatever happens, a spring is over after this long (guards against a degenerate config).
constexpr double kMaxSpringSeconds = 10.0;
// Several phase changes can fall between two frames (fling -> edge -> spring -> ...); more than
// this in one update only happens with a nonsensical config, and the next update carries on.
constexpr int kMaxTransitionsPerUpdate = 8;

double seconds_between(double from_ms, double to_ms) {
    return std::max(0.0, (to_ms - from_ms) / kMsPerSecond);
}

// Rates of zero would make closed forms divide by zero; clamp the config to sane minimums.
KineticScroller::Config sanitized(KineticScroller::Config c) {
    auto at_least = [](float value, float floor) {
        return std::isfinite(value) ? std::max(value, floor) : floor;
    };
    c.friction_per_s = at_least(c.friction_per_s, 0.01f);
    c.overscroll_max_px = at_least(c.overscroll_max_px, 1.0f);
    c.overscroll_resistance = std::min(at_least(c.overscroll_resistance, 0.01f), 1.0f);
    c.spring_per_s = at_least(c.spring_per_s, 0.1f);
    c.min_velocity_px_s = at_least(c.min_velocity_px_s, 0.01f);
    return c;
}

} // namespace

KineticScroller::KineticScroller() : KineticScroller(Config{}) {}

KineticScroller::KineticScroller(Config config) : config_(sanitized(config)) {}

void KineticScroller::set_limits(float content_px, float viewport_px) {
    float new_max = content_px - viewport_px;
    if (!std::isfinite(new_max) || new_max < 0) new_max = 0;
    if (new_max == max_offset_) return; // the usual per-frame call with nothing new

    if (phase_ == Phase::dragging) {
        // Keep the finger's grip: re-derive the 1:1 position against the new edges.
        max_offset_ = new_max;
        raw_offset_ = raw_for(offset_);
        offset_ = static_cast<float>(rubber_band(raw_offset_));
        return;
    }
    // Content changing is not a gesture: no bounce, just stay inside. A fling carries on.
    const Motion now = animating() ? motion_at(now_) : Motion{offset_, 0};
    const bool flinging = phase_ == Phase::fling;
    max_offset_ = new_max;
    offset_ = std::clamp(static_cast<float>(now.offset), 0.0f, max_offset_);
    phase_ = Phase::idle;
    if (flinging) start_motion(static_cast<double>(now_), {offset_, now.velocity});
}

void KineticScroller::drag_begin(Millis now) {
    update(now);
    advance_clock(now);
    phase_ = Phase::dragging; // catching a moving list stops it under the finger
    raw_offset_ = raw_for(offset_);
}

void KineticScroller::drag_by(float delta_px, Millis now) {
    if (phase_ != Phase::dragging) drag_begin(now);
    advance_clock(now);
    if (!scrollable() || !std::isfinite(delta_px)) return;
    raw_offset_ -= delta_px; // the finger carries the content: moving down shows earlier content
    offset_ = static_cast<float>(rubber_band(raw_offset_));
}

void KineticScroller::release(float velocity_px_s, Millis now) {
    if (phase_ != Phase::dragging) update(now);
    advance_clock(now);
    const double finger = std::isfinite(velocity_px_s) ? velocity_px_s : 0.0;
    phase_ = Phase::idle;
    start_motion(static_cast<double>(now_), {offset_, -finger});
}

void KineticScroller::update(Millis now) {
    if (seen_time_ && now <= now_) return; // same or stale frame time: nothing to advance
    now_ = now;
    seen_time_ = true;
    if (!animating()) return;

    const double target = static_cast<double>(now);
    for (int i = 0; i < kMaxTransitionsPerUpdate && animating(); ++i) {
        const Transition next = next_transition();
        if (next.what == Transition::none || next.at_ms > target) break;
        apply(next);
    }
    if (!animating()) return;
    offset_ = static_cast<float>(motion_at(target).offset);
    if (phase_ == Phase::spring) settle_if_spent(target);
}

void KineticScroller::jump_to(float offset) {
    offset_ = std::isfinite(offset) ? std::clamp(offset, 0.0f, max_offset_) : 0.0f;
    if (phase_ == Phase::dragging) {
        raw_offset_ = offset_; // keep dragging from the new place
    } else {
        phase_ = Phase::idle;
    }
}

Millis KineticScroller::advance_clock(Millis now) {
    now_ = seen_time_ ? std::max(now_, now) : now;
    seen_time_ = true;
    return now_;
}

// Chooses what a free-moving offset does next: rest, glide, or get pulled back to an edge.
void KineticScroller::start_motion(double at_ms, Motion motion) {
    if (!scrollable()) {
        phase_ = Phase::idle;
        offset_ = 0;
        return;
    }
    const double max = max_offset_;
    const bool outside = motion.offset < 0 || motion.offset > max;
    const bool leaving = (motion.offset <= 0 && motion.velocity < 0) ||
                         (motion.offset >= max && motion.velocity > 0);
    if (!outside && std::abs(motion.velocity) < config_.min_velocity_px_s) {
        phase_ = Phase::idle;
        offset_ = static_cast<float>(motion.offset);
    } else if (outside || leaving) {
        const double edge = motion.offset < max / 2 ? 0.0 : max;
        start_spring(at_ms, edge, motion);
    } else {
        phase_ = Phase::fling;
        phase_start_ms_ = at_ms;
        phase_motion_ = motion;
        offset_ = static_cast<float>(motion.offset);
    }
}

void KineticScroller::start_spring(double at_ms, double edge, Motion motion) {
    // Cap the outward speed so the overshoot peaks at overscroll_max_px: for a spring starting
    // on the edge the peak is v / (rate * e).
    const double outward = edge == 0 ? -motion.velocity : motion.velocity;
    const double cap = static_cast<double>(config_.overscroll_max_px) * config_.spring_per_s * kE;
    if (outward > cap) motion.velocity = edge == 0 ? -cap : cap;
    phase_ = Phase::spring;
    phase_start_ms_ = at_ms;
    phase_motion_ = motion;
    spring_edge_ = edge;
    offset_ = static_cast<float>(motion.offset);
}

KineticScroller::Motion KineticScroller::motion_at(double at_ms) const {
    const double t = seconds_between(phase_start_ms_, at_ms);
    const double p0 = phase_motion_.offset;
    const double v0 = phase_motion_.velocity;
    if (phase_ == Phase::fling) {
        const double k = config_.friction_per_s;
        const double decay = std::exp(-k * t);
        return {p0 + v0 / k * (1 - decay), v0 * decay};
    }
    if (phase_ == Phase::spring) {
        // Critically damped: x(t) = (x0 + (v0 + w x0) t) e^(-w t), x measured from the edge.
        const double w = config_.spring_per_s;
        const double x0 = p0 - spring_edge_;
        const double b = v0 + w * x0;
        const double decay = std::exp(-w * t);
        return {spring_edge_ + (x0 + b * t) * decay, (v0 - w * b * t) * decay};
    }
    return {offset_, 0};
}

// The next moment the running phase changes character, computed exactly rather than found at
// a frame, which is what makes the outcome independent of the frame rate.
KineticScroller::Transition KineticScroller::next_transition() const {
    const double p0 = phase_motion_.offset;
    const double v0 = phase_motion_.velocity;
    if (phase_ == Phase::fling) {
        const double k = config_.friction_per_s;
        const double min_v = config_.min_velocity_px_s;
        const double stop_s = std::log(std::abs(v0) / min_v) / k;
        const double edge = v0 > 0 ? static_cast<double>(max_offset_) : 0.0;
        const double reach = (std::abs(v0) - min_v) / k; // travel before coming to rest
        const double to_edge = std::abs(edge - p0);
        if (to_edge < reach) {
            const double hit_s = -std::log(1 - to_edge * k / std::abs(v0)) / k;
            return {Transition::hit_edge, phase_start_ms_ + hit_s * kMsPerSecond, edge};
        }
        return {Transition::stop, phase_start_ms_ + std::max(0.0, stop_s) * kMsPerSecond, 0};
    }
    if (phase_ == Phase::spring) {
        // A release thrown back towards the content crosses the edge at t = -x0 / (v0 + w x0).
        const double w = config_.spring_per_s;
        const double x0 = p0 - spring_edge_;
        const double b = v0 + w * x0;
        if (x0 != 0 && b != 0 && -x0 / b > 0)
            return {Transition::cross_edge, phase_start_ms_ + (-x0 / b) * kMsPerSecond, spring_edge_};
    }
    return {};
}

void KineticScroller::apply(const Transition& transition) {
    const Motion at = motion_at(transition.at_ms);
    switch (transition.what) {
    case Transition::stop:
        phase_ = Phase::idle;
        offset_ = static_cast<float>(at.offset);
        break;
    case Transition::hit_edge:
        start_spring(transition.at_ms, transition.edge, {transition.edge, at.velocity});
        break;
    case Transition::cross_edge:
        // Back inside with speed to spare: glide on into the content (or rest on the edge).
        phase_ = Phase::idle;
        start_motion(transition.at_ms, {transition.edge, at.velocity});
        break;
    case Transition::none:
        break;
    }
}

void KineticScroller::settle_if_spent(double at_ms) {
    const Motion m = motion_at(at_ms);
    const bool close = std::abs(m.offset - spring_edge_) < kSettleDistancePx &&
                       std::abs(m.velocity) < config_.min_velocity_px_s;
    if (close || seconds_between(phase_start_ms_, at_ms) > kMaxSpringSeconds) {
        phase_ = Phase::idle;
        offset_ = static_cast<float>(spring_edge_);
    }
}

// The rubber band: an overshoot of o pulls the content s(o) = M (1 - 1 / (o c / M + 1)) past
// the edge: slope c at the edge, never reaching M.
double KineticScroller::stretch(double overshoot) const {
    const double m = config_.overscroll_max_px;
    const double c = config_.overscroll_resistance;
    return m * (1 - 1 / (overshoot * c / m + 1));
}

double KineticScroller::unstretch(double stretched) const {
    const double m = config_.overscroll_max_px;
    const double c = config_.overscroll_resistance;
    const double s = std::min(stretched, m * 0.999); // the band's asymptote has no inverse
    return m / c * s / (m - s);
}

double KineticScroller::rubber_band(double raw) const {
    const double max = max_offset_;
    if (raw < 0) return -stretch(-raw);
    if (raw > max) return max + stretch(raw - max);
    return raw;
}

double KineticScroller::raw_for(double shown) const {
    const double max = max_offset_;
    if (shown < 0) return -unstretch(-shown);
    if (shown > max) return max + unstretch(shown - max);
    return shown;
}

} // namespace pavilion::core
