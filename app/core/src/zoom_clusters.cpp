#include "pavilion/core/zoom_clusters.hpp"

#include <cmath>
#include <utility>

namespace pavilion::core {
namespace {

constexpr int kStepsPerOctave = 4;
// Six octaves coarser is a radius 64 times the screen's: the whole world in a few groups.
constexpr int kMaxCoarserSteps = 6 * kStepsPerOctave;
// A visitor zooming all the way in and out visits a few dozen steps; beyond that start afresh
// rather than keep every one.
constexpr std::size_t kMaxStepsKept = 48;

double scale_of(int step) { return std::exp2(static_cast<double>(step) / kStepsPerOctave); }

} // namespace

ZoomClusters::ZoomClusters(std::vector<WorldMarker> places) : places_(std::move(places)) {}

int ZoomClusters::step_of(double scale) {
    if (!(scale > 0) || !std::isfinite(scale)) return 0;
    return static_cast<int>(std::floor(std::log2(scale) * kStepsPerOctave));
}

const std::vector<ZoomClusters::Cluster>& ZoomClusters::clusters_at(int step, double join_radius_px) {
    if (join_radius_px != radius_of_kept_) { // a new screen scale or text size: every step changes
        steps_.clear();
        radius_of_kept_ = join_radius_px;
    }
    if (const auto kept = steps_.find(step); kept != steps_.end()) return kept->second;
    if (steps_.size() >= kMaxStepsKept) steps_.clear();

    // Clustered in the step's own pixels (world times its scale), with the radius in pixels.
    const double scale = scale_of(step);
    std::vector<ScreenMarker> markers;
    markers.reserve(places_.size());
    for (const auto& place : places_) markers.push_back({{place.position.x * scale, place.position.y * scale}, place.priority});
    std::vector<Cluster> clusters;
    for (auto& cluster : cluster_markers(markers, join_radius_px))
        clusters.push_back({std::move(cluster.members), {cluster.centre.x / scale, cluster.centre.y / scale}});
    return steps_.emplace(step, std::move(clusters)).first->second;
}

std::vector<MarkerCluster> ZoomClusters::in_view(const MapCamera& camera, const ScreenRect& view,
                                                 const ClusterQuery& query) {
    const ScreenRect counted{view.min_x - query.margin_px, view.min_y - query.margin_px, view.max_x + query.margin_px,
                             view.max_y + query.margin_px};
    const int own = step_of(camera.scale());
    std::vector<MarkerCluster> shown;
    for (int step = own; step >= own - kMaxCoarserSteps; --step) {
        shown.clear();
        for (const auto& cluster : clusters_at(step, query.join_radius_px)) {
            const ScreenPoint at = camera.world_to_screen(cluster.centre);
            if (counted.contains(at)) shown.push_back({cluster.members, at});
        }
        if (query.max_clusters == 0 || shown.size() <= query.max_clusters) break;
    }
    return shown;
}

} // namespace pavilion::core
