#pragma once
// The map's places clustered per zoom step, in projected (world) coordinates, and kept: panning
// costs the clusters, not the pack's places, and a view never shows more than a screenful of
// markers, however many places the pack has.
//
// Zoom is cut into steps of a quarter octave (scale 2^(k/4) px per projected unit). At step k the
// places are clustered once (cluster_markers, greedy by priority) with a join radius of
// join_radius_px / 2^(k/4) world units, so at any scale inside the step markers closer than
// join_radius_px to 1.19 x join_radius_px on screen merge. Within a step clusters only move with
// the camera: they do not re-form every frame of a pan or a pinch, and cannot flicker.
//
// A view whose step leaves more clusters in view than the limit takes the next coarser step
// (a larger radius) until it fits: a visitor reads a couple of dozen targets at a glance, and
// the frame's cost stays bounded by the screen, not the pack.

#include "pavilion/core/map_camera.hpp"
#include "pavilion/core/map_overlay.hpp"

#include <cstddef>
#include <map>
#include <vector>

namespace pavilion::core {

struct WorldMarker {
    ProjectedPoint position;
    int priority = 0; // as ScreenMarker: higher seeds (and heads) its cluster
};

struct ClusterQuery {
    double join_radius_px = 0;  // markers closer than this on screen merge
    double margin_px = 0;       // clusters this far outside the view still count (groups at the edge)
    std::size_t max_clusters = 0; // in view; 0: no limit
};

class ZoomClusters {
public:
    explicit ZoomClusters(std::vector<WorldMarker> places);

    // The clusters whose centre the camera shows inside `view` (grown by the margin), with their
    // centres in screen pixels and members as indices into the places. Coarser than the
    // camera's step only when the limit asks for it. Deterministic for the same input.
    std::vector<MarkerCluster> in_view(const MapCamera& camera, const ScreenRect& view, const ClusterQuery& query);

    // The zoom step of a scale (pixels per projected unit); exposed for tests.
    static int step_of(double scale);
    // How many steps have been clustered and kept (each costs one pass over the places).
    std::size_t steps_kept() const { return steps_.size(); }

private:
    struct Cluster {
        std::vector<std::size_t> members;
        ProjectedPoint centre;
    };
    const std::vector<Cluster>& clusters_at(int step, double join_radius_px);

    std::vector<WorldMarker> places_;
    double radius_of_kept_ = 0; // the join radius the kept steps were made with
    std::map<int, std::vector<Cluster>> steps_;
};

} // namespace pavilion::core
