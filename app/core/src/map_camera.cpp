#include "pavilion/core/map_camera.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace pavilion::core {

namespace {

constexpr double kMsPerSecond = 1000.0;
// Below this scale ratio an animation is a plain pan: the point that keeps its place on screen
// would be far away and computing it would lose precision.
constexpr double kSameScaleLogRatio = 1e-3;

bool finite(double a) { return std::isfinite(a); }
bool finite(double a, double b) { return std::isfinite(a) && std::isfinite(b); }

// Slow start, slow finish: the eye follows the move instead of seeing a jump.
double ease_in_out(double t) {
    if (t < 0.5) return 4 * t * t * t;
    const double u = -2 * t + 2;
    return 1 - u * u * u / 2;
}

bool has_area(const ProjectedBounds& b) {
    return b.valid() && finite(b.min_x, b.max_x) && finite(b.min_y, b.max_y) && b.width() > 0 &&
           b.height() > 0;
}

// Nonsense settings (zero friction, a world without area) would divide by zero later; replace
// them with the defaults or sane minimums.
MapCameraConfig sanitized(MapCameraConfig c) {
    auto at_least = [](double value, double floor) {
        return finite(value) ? std::max(value, floor) : floor;
    };
    if (!has_area(c.world)) c.world = equal_earth_world_bounds();
    if (c.home_region && !has_area(*c.home_region)) c.home_region.reset();
    c.fit_margin_px = at_least(c.fit_margin_px, 0);
    c.max_zoom = at_least(c.max_zoom, 1);
    c.fling_friction_per_s = at_least(c.fling_friction_per_s, 0.01);
    c.fling_stop_speed_px_s = at_least(c.fling_stop_speed_px_s, 0.01);
    return c;
}

} // namespace

ScreenRect MapViewport::visible() const {
    if (inset && inset->width() > 0 && inset->height() > 0) return *inset;
    // A zero-sized window (minimised) must not make scales infinite.
    const double w = finite(width_px) ? std::max(width_px, 1.0) : 1.0;
    const double h = finite(height_px) ? std::max(height_px, 1.0) : 1.0;
    return {0, 0, w, h};
}

MapCamera::MapCamera(MapViewport viewport, MapCameraConfig config)
    : config_(sanitized(std::move(config))), viewport_(std::move(viewport)),
      visible_(viewport_.visible()), world_(config_.world) {
    recompute_home();
    centre_ = home_centre_;
    scale_ = home_scale_;
}

void MapCamera::set_viewport(MapViewport viewport) {
    stop();
    const double zoom_now = zoom();
    viewport_ = std::move(viewport);
    visible_ = viewport_.visible();
    recompute_home();
    apply_view(centre_, home_scale_ * zoom_now);
}

ScreenPoint MapCamera::world_to_screen(ProjectedPoint world) const {
    const ScreenPoint middle = visible_.centre();
    return {middle.x + (world.x - centre_.x) * scale_, middle.y - (world.y - centre_.y) * scale_};
}

ProjectedPoint MapCamera::screen_to_world(ScreenPoint screen) const {
    const ScreenPoint middle = visible_.centre();
    return {centre_.x + (screen.x - middle.x) / scale_, centre_.y - (screen.y - middle.y) / scale_};
}

void MapCamera::fit(const ProjectedBounds& bounds) {
    stop();
    if (!bounds.valid() || !finite(bounds.min_x, bounds.max_x) || !finite(bounds.min_y, bounds.max_y))
        return;
    apply_view(bounds.centre(), fit_scale(bounds));
}

void MapCamera::pan_by(double dx_px, double dy_px) {
    stop();
    if (!finite(dx_px, dy_px)) return;
    // The map moves with the finger, so the centre moves the other way (y is flipped).
    apply_view({centre_.x - dx_px / scale_, centre_.y + dy_px / scale_}, scale_);
}

void MapCamera::zoom_about(double screen_x, double screen_y, double factor) {
    stop();
    if (!finite(screen_x, screen_y) || !finite(factor) || factor <= 0) return;
    const ScreenPoint anchor{screen_x, screen_y};
    const double scale = clamp_scale(scale_ * factor);
    apply_view(centre_placing(screen_to_world(anchor), anchor, scale), scale);
}

void MapCamera::pinch(double centroid_x, double centroid_y, double centroid_dx, double centroid_dy,
                      double scale) {
    stop();
    if (!finite(centroid_x, centroid_y) || !finite(centroid_dx, centroid_dy) || !finite(scale) ||
        scale <= 0)
        return;
    const ScreenPoint before{centroid_x - centroid_dx, centroid_y - centroid_dy};
    const ProjectedPoint held = screen_to_world(before);
    const double new_scale = clamp_scale(scale_ * scale);
    apply_view(centre_placing(held, {centroid_x, centroid_y}, new_scale), new_scale);
}

void MapCamera::reset() {
    stop();
    centre_ = home_centre_;
    scale_ = home_scale_;
}

void MapCamera::stop() { motion_ = Motion::none; }

void MapCamera::fling(double velocity_x_px_s, double velocity_y_px_s, Millis now) {
    stop();
    if (!finite(velocity_x_px_s, velocity_y_px_s)) return;
    const double speed = std::hypot(velocity_x_px_s, velocity_y_px_s);
    if (speed < config_.fling_stop_speed_px_s) return;
    fling_.start = now;
    fling_.from = centre_;
    fling_.velocity_x = velocity_x_px_s;
    fling_.velocity_y = velocity_y_px_s;
    fling_.duration_s = std::log(speed / config_.fling_stop_speed_px_s) / config_.fling_friction_per_s;
    motion_ = Motion::fling;
}

void MapCamera::zoom_to(double screen_x, double screen_y, double factor, Millis now,
                        Millis duration_ms) {
    if (!finite(screen_x, screen_y) || !finite(factor) || factor <= 0) return;
    const ScreenPoint anchor{screen_x, screen_y};
    const double to_scale = clamp_scale(scale_ * factor);
    const ProjectedPoint to = clamp_centre(centre_placing(screen_to_world(anchor), anchor, to_scale));
    start_transition(to, to_scale, now, duration_ms);
}

void MapCamera::fly_to(ProjectedPoint centre, double scale, Millis now, Millis duration_ms) {
    if (!finite(centre.x, centre.y)) return;
    start_transition(clamp_centre(centre), clamp_scale(scale), now, duration_ms);
}

void MapCamera::update(Millis now) {
    if (motion_ == Motion::fling) advance_fling(now);
    else if (motion_ == Motion::transition) advance_transition(now);
}

double MapCamera::max_scale() const { return home_scale_ * config_.max_zoom; }

ProjectedBounds MapCamera::visible_world() const {
    const ProjectedPoint top_left = screen_to_world({visible_.min_x, visible_.min_y});
    const ProjectedPoint bottom_right = screen_to_world({visible_.max_x, visible_.max_y});
    return {top_left.x, bottom_right.y, bottom_right.x, top_left.y};
}

// The largest scale showing the whole box inside the visible rectangle less the margin;
// infinite for a single point (the caller's clamp turns that into the maximum zoom).
double MapCamera::fit_scale(const ProjectedBounds& bounds) const {
    const double margin = config_.fit_margin_px;
    // A margin wider than the screen would leave nothing: keep at least half the screen.
    const double room_x = std::max(visible_.width() - 2 * margin, visible_.width() / 2);
    const double room_y = std::max(visible_.height() - 2 * margin, visible_.height() / 2);
    const double inf = std::numeric_limits<double>::infinity();
    const double by_x = bounds.width() > 0 ? room_x / bounds.width() : inf;
    const double by_y = bounds.height() > 0 ? room_y / bounds.height() : inf;
    return std::min(by_x, by_y);
}

double MapCamera::clamp_scale(double scale) const {
    if (std::isnan(scale)) return scale_;
    return std::clamp(scale, min_scale(), max_scale());
}

ProjectedPoint MapCamera::clamp_centre(ProjectedPoint centre) const {
    return {std::clamp(centre.x, world_.min_x, world_.max_x),
            std::clamp(centre.y, world_.min_y, world_.max_y)};
}

ProjectedPoint MapCamera::centre_placing(ProjectedPoint world, ScreenPoint screen, double scale) const {
    const ScreenPoint middle = visible_.centre();
    return {world.x - (screen.x - middle.x) / scale, world.y + (screen.y - middle.y) / scale};
}

void MapCamera::apply_view(ProjectedPoint centre, double scale) {
    scale_ = clamp_scale(scale);
    centre_ = clamp_centre(centre);
}

void MapCamera::recompute_home() {
    const ProjectedBounds region = config_.home_region.value_or(world_);
    home_scale_ = fit_scale(region); // finite: the region has area (see sanitized)
    home_centre_ = clamp_centre(region.centre());
}

void MapCamera::start_transition(ProjectedPoint to, double to_scale, Millis now, Millis duration_ms) {
    stop();
    if (duration_ms <= 0) {
        apply_view(to, to_scale);
        return;
    }
    transition_ = {now, duration_ms, centre_, scale_, to, to_scale};
    motion_ = Motion::transition;
}

void MapCamera::advance_fling(Millis now) {
    const double k = config_.fling_friction_per_s;
    const double t = std::clamp(static_cast<double>(now - fling_.start) / kMsPerSecond, 0.0,
                                fling_.duration_s);
    // Distance travelled by a speed decaying as v0 * exp(-k t), per unit of v0.
    const double travel_s = (1 - std::exp(-k * t)) / k;
    const ProjectedPoint free{fling_.from.x - fling_.velocity_x * travel_s / scale_,
                              fling_.from.y + fling_.velocity_y * travel_s / scale_};
    centre_ = clamp_centre(free);
    // Held at the pan limit on every axis it was moving along: nothing left to animate.
    const bool held_x = fling_.velocity_x == 0 || centre_.x != free.x;
    const bool held_y = fling_.velocity_y == 0 || centre_.y != free.y;
    if (t >= fling_.duration_s || (held_x && held_y)) motion_ = Motion::none;
}

void MapCamera::advance_transition(Millis now) {
    const Transition& tr = transition_;
    const Millis elapsed = now - tr.start;
    if (elapsed >= tr.duration) {
        centre_ = tr.to; // exactly the target, not an interpolation that lands near it
        scale_ = tr.to_scale;
        motion_ = Motion::none;
        return;
    }
    const double e = ease_in_out(std::max(0.0, static_cast<double>(elapsed) / tr.duration));
    const double ratio = tr.to_scale / tr.from_scale;
    const double scale = tr.from_scale * std::pow(ratio, e);
    ProjectedPoint centre;
    if (std::abs(std::log(ratio)) < kSameScaleLogRatio) {
        centre = {tr.from.x + (tr.to.x - tr.from.x) * e, tr.from.y + (tr.to.y - tr.from.y) * e};
    } else {
        // Zoom about the one world point that has the same screen position in both views: for
        // a double tap that is the tapped point, for a long fly-in a point near the target.
        const double d = tr.from_scale - tr.to_scale;
        const ProjectedPoint fixed{(tr.from.x * tr.from_scale - tr.to.x * tr.to_scale) / d,
                                   (tr.from.y * tr.from_scale - tr.to.y * tr.to_scale) / d};
        const double shrink = tr.from_scale / scale;
        centre = {fixed.x + (tr.from.x - fixed.x) * shrink, fixed.y + (tr.from.y - fixed.y) * shrink};
    }
    // Both ends are inside the limits and the limits are convex, so this only absorbs rounding.
    apply_view(centre, scale);
}

} // namespace pavilion::core
