#pragma once
// What the map screen draws on top of the base map, decided in screen space each frame: which
// story markers merge into numbered clusters, which labels fit where, and what a tap hits.
// Pure functions, cheap enough for every frame over what a map shows (clustering is linear in the
// markers, so thousands of places are fine; labels and hit tests are meant for the tens of
// clusters and polylines left after it), deterministic for the same input.
//
// Coordinates are the camera's screen pixels (see map_camera.hpp); indices in results refer to
// the caller's input vectors.

#include "pavilion/core/map_camera.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace pavilion::core {

// ---- Clustering ---------------------------------------------------------------------------

struct ScreenMarker {
    ScreenPoint position;
    int priority = 0; // higher is considered first, so it seeds (and heads) its cluster
};

struct MarkerCluster {
    // Indices into the markers, the seed first, then in the order they joined.
    std::vector<std::size_t> members;
    // The members' mean position: where the (numbered) marker is drawn and tapped.
    ScreenPoint centre;
};

// Greedy leader clustering. Markers are taken by priority (higher first, ties in input order);
// each joins the cluster whose seed is nearest within radius_px, or else seeds a new one.
// Measuring from the seed rather than a drifting centroid keeps the result independent of how
// many markers joined before, so clusters do not jump as a list changes. Zooming in spreads
// markers on screen and clusters split. Clusters come in the order their seeds were taken.
// Seeds are looked up in a grid of radius-sized cells, so the cost grows with the markers, not
// with markers times clusters. A marker at a non-finite position forms a cluster of its own.
std::vector<MarkerCluster> cluster_markers(const std::vector<ScreenMarker>& markers,
                                           double radius_px);

// Takes `member` (a marker index, drawn at `at`) out of the group it joined into a cluster of
// its own, placed last (drawn on top): the place a visitor came to see is never hidden inside a
// number. The group's centre becomes the mean of the others. Nothing changes if no cluster has the member.
void single_out(std::vector<MarkerCluster>& clusters, std::size_t member, ScreenPoint at);

// ---- Labels ---------------------------------------------------------------------------------

enum class LabelSide { right, left, above, below };

struct LabelCandidate {
    ScreenPoint anchor;  // the point the label names (its marker's centre)
    double width = 0;    // the measured text, px
    double height = 0;
    double gap_px = 0;   // from the anchor to the label's near edge: the marker radius plus air
    int priority = 0;    // higher is placed first; ties keep input order
    // The positions allowed, in order of preference.
    std::vector<LabelSide> sides{LabelSide::right, LabelSide::left, LabelSide::above,
                                 LabelSide::below};
};

struct PlacedLabel {
    std::size_t candidate = 0; // index into the candidates
    LabelSide side = LabelSide::right;
    ScreenRect rect;
};

// The box a label takes on one side of its anchor: beside it vertically centred (right, left),
// or over/under it horizontally centred (above, below), gap_px away.
ScreenRect label_rect(const LabelCandidate& label, LabelSide side);

// Chooses which labels to show and where. Greedy by priority: each candidate takes its first
// allowed side whose box lies wholly inside the viewport, overlaps no label already placed and
// covers no marker (markers: the drawn markers' boxes; a box containing the candidate's own
// anchor is its own marker and does not block it). A candidate with no such side is not shown.
// Results come in placement order.
std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates,
                                      const std::vector<ScreenRect>& markers,
                                      const ScreenRect& viewport);

// ---- Hit tests ------------------------------------------------------------------------------

// The marker (or cluster, by its centre) nearest to (x, y) within radius_px; ties go to the
// earlier one.
std::optional<std::size_t> nearest_marker(const std::vector<ScreenMarker>& markers, double x,
                                          double y, double radius_px);
std::optional<std::size_t> nearest_marker(const std::vector<MarkerCluster>& clusters, double x,
                                          double y, double radius_px);

// Distance in px from (x, y) to the nearest point of the polyline's segments (to the point
// itself for a single vertex); infinity for an empty one.
double distance_to_polyline(const std::vector<ScreenPoint>& points, double x, double y);
bool hit_polyline(const std::vector<ScreenPoint>& points, double x, double y, double tolerance_px);

struct MapHit {
    enum class Kind { none, marker, line };
    Kind kind = Kind::none;
    std::size_t index = 0; // the cluster or the polyline
};

// What a tap means. A marker within marker_radius_px wins over any line (markers are drawn
// on top and are the smaller target); otherwise the nearest polyline within
// line_tolerance_px, ties to the earlier one.
MapHit hit_test(const std::vector<MarkerCluster>& clusters,
                const std::vector<std::vector<ScreenPoint>>& polylines, double x, double y,
                double marker_radius_px, double line_tolerance_px);

} // namespace pavilion::core
