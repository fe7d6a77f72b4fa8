#pragma once
// The map screen's view: which part of the projected world is on screen and how large, moved by
// the visitor's pan, pinch, double tap and fling, and by animations the screen asks for.
//
// Projected coordinates have x right and y up (see equal_earth.hpp); screen pixels have x right
// and y down, origin top-left. The state is a centre (the projected point shown in the middle
// of the visible rectangle) and a scale (pixels per projected unit). Screen coordinates are
// doubles so that mapping back and forth is exact to far below a pixel; convert to float only
// to draw.
//
// Limits, enforced after every operation:
//   zoom:  the home view (fitting the world, or a configured region, with a margin) is the
//          furthest out; max_zoom times its scale is the furthest in;
//   pan:   the centre stays inside the world's bounds, so the middle of the view always shows
//          map and the map can never be pushed off screen. The rule does not depend on zoom,
//          so any place (a story at the edge of the world) can still be centred, and every
//          view between two allowed views is allowed too (animations need no clamping).
//
// Motion is computed in closed form from the moment it started, never by summing per-frame
// steps, so where the map is at a given time does not depend on the frame rate. Time is passed
// in; nothing here reads a clock. Any direct manipulation (pan, pinch, zoom_about, fit, reset,
// stop) cancels a running fling or animation.

#include "pavilion/core/equal_earth.hpp"
#include "pavilion/core/pointer_event.hpp"

#include <optional>

namespace pavilion::core {

struct ScreenPoint {
    double x = 0; // pixels, right
    double y = 0; // pixels, down
};

struct ScreenRect {
    double min_x = 0;
    double min_y = 0;
    double max_x = 0;
    double max_y = 0;

    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    ScreenPoint centre() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
    bool contains(ScreenPoint p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
    bool contains(const ScreenRect& r) const {
        return r.min_x >= min_x && r.max_x <= max_x && r.min_y >= min_y && r.max_y <= max_y;
    }
    // True when the two share area; rectangles that only touch along an edge do not overlap.
    bool overlaps(const ScreenRect& r) const {
        return r.min_x < max_x && min_x < r.max_x && r.min_y < max_y && min_y < r.max_y;
    }
};

struct MapViewport {
    double width_px = 0;
    double height_px = 0;
    // Where the map is actually visible (e.g. beside a side panel). The whole viewport if empty.
    std::optional<ScreenRect> inset;

    // The rectangle the camera fits into and centres on.
    ScreenRect visible() const;
};

struct MapCameraConfig {
    // The pan limit: the centre of the view stays inside this box.
    ProjectedBounds world = equal_earth_world_bounds();
    // What the home view fits; the world when empty. Also the minimum zoom.
    std::optional<ProjectedBounds> home_region;
    double fit_margin_px = 24;         // fit() and the home view leave this much space around
    double max_zoom = 40;              // the largest scale, as a multiple of the home scale
    double fling_friction_per_s = 4;   // fling speed decays as exp(-friction * seconds)
    double fling_stop_speed_px_s = 20; // slower than this the map is at rest
};

class MapCamera {
public:
    explicit MapCamera(MapViewport viewport, MapCameraConfig config = {});

    // A new screen size or inset. The home scale is recomputed; the centre and the zoom
    // relative to home are kept. Stops any motion.
    void set_viewport(MapViewport viewport);

    ScreenPoint world_to_screen(ProjectedPoint world) const;
    ProjectedPoint screen_to_world(ScreenPoint screen) const;

    // Shows the whole box, as large as fits in the visible rectangle with the margin (within
    // the zoom limits; a single point gets the maximum zoom).
    void fit(const ProjectedBounds& bounds);
    // The map follows a finger that moved by (dx, dy) pixels.
    void pan_by(double dx_px, double dy_px);
    // Multiplies the scale by factor, keeping the world point under (screen_x, screen_y) there.
    void zoom_about(double screen_x, double screen_y, double factor);
    // One pinch event as the gesture recognizer reports it: the centroid now, its movement since
    // the previous pinch event, and the finger distance ratio to that event. The world point
    // that was under the previous centroid ends up under the new one, at the new scale.
    void pinch(double centroid_x, double centroid_y, double centroid_dx, double centroid_dy,
               double scale);
    // Back to the home view at once.
    void reset();
    // A finger landed: a moving map stops where it is.
    void stop();

    // The finger lifted with this velocity (px/s, as the recognizer's fling reports it): the
    // map glides on, slowing exponentially.
    void fling(double velocity_x_px_s, double velocity_y_px_s, Millis now);
    // Double tap: zoom by factor about a screen point over duration (ease in-out); the world
    // point under it stays under it throughout.
    void zoom_to(double screen_x, double screen_y, double factor, Millis now,
                 Millis duration_ms = 300);
    // Travel to centre a world point at a scale (px per projected unit, clamped to the limits),
    // e.g. opening the map on a story. Ease in-out; the path zooms about the one point that
    // keeps its place on screen, so a long zoom-in homes in on the target.
    void fly_to(ProjectedPoint centre, double scale, Millis now, Millis duration_ms = 900);
    // Advances a fling or animation to now. Animations end exactly on their target.
    void update(Millis now);
    bool animating() const { return motion_ != Motion::none; }

    ProjectedPoint centre() const { return centre_; }
    double scale() const { return scale_; }
    double home_scale() const { return home_scale_; }
    ProjectedPoint home_centre() const { return home_centre_; }
    double min_scale() const { return home_scale_; }
    double max_scale() const;
    double zoom() const { return scale_ / home_scale_; } // 1 at home
    ScreenRect visible_rect() const { return visible_; }
    // The projected box on screen, for culling what need not be drawn.
    ProjectedBounds visible_world() const;

private:
    enum class Motion { none, fling, transition };
    // A fling: the view at its start, and the finger's release velocity.
    struct Fling {
        Millis start = 0;
        ProjectedPoint from;
        double velocity_x = 0; // px/s
        double velocity_y = 0;
        double duration_s = 0; // until the speed falls below the stop speed
    };
    // An eased move from one view to another (zoom_to, fly_to).
    struct Transition {
        Millis start = 0;
        Millis duration = 0;
        ProjectedPoint from;
        double from_scale = 1;
        ProjectedPoint to;
        double to_scale = 1;
    };

    double fit_scale(const ProjectedBounds& bounds) const;
    double clamp_scale(double scale) const;
    ProjectedPoint clamp_centre(ProjectedPoint centre) const;
    // The centre that puts world point under screen point at scale.
    ProjectedPoint centre_placing(ProjectedPoint world, ScreenPoint screen, double scale) const;
    void apply_view(ProjectedPoint centre, double scale);
    void recompute_home();
    void start_transition(ProjectedPoint to, double to_scale, Millis now, Millis duration_ms);
    void advance_fling(Millis now);
    void advance_transition(Millis now);

    MapCameraConfig config_;
    MapViewport viewport_;
    ScreenRect visible_;
    ProjectedBounds world_;
    double home_scale_ = 1;
    ProjectedPoint home_centre_;
    ProjectedPoint centre_;
    double scale_ = 1;

    Motion motion_ = Motion::none;
    Fling fling_;
    Transition transition_;
};

} // namespace pavilion::core
