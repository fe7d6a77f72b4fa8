// The map: the Equal Earth projection, the camera and the overlay the map screen computes every
// frame, and the one-off work of reading the base map and projecting it into the GPU mesh.

#include "benchmarks.hpp"

#include "pavilion/core/equal_earth.hpp"
#include "pavilion/core/map_camera.hpp"
#include "pavilion/core/map_overlay.hpp"
#include "pavilion/screens/map_canvas.hpp"
#include "pavilion/screens/map_mesh_builder.hpp"
#include "pavilion/screens/text_draw.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace pavilion::bench {
namespace {

constexpr core::Millis kFrameMs = 16;

// The map screen's camera: the whole screen, home framing the pack's own features.
core::MapCamera map_camera(const screens::MapLayers& layers) {
    core::MapCameraConfig config;
    if (layers.bounds.valid()) config.home_region = layers.bounds;
    return core::MapCamera(core::MapViewport{kScreenWidth, kScreenHeight, std::nullopt}, config);
}

// N real coastline points (the 50m level's vertices, repeated if N is larger) projected into a
// buffer, as the mesh builder and project_layers do.
void equal_earth_points(benchmark::State& state, const BenchInputs& inputs) {
    const auto& vertices = inputs.base_map.levels.back().vertices;
    const auto count = static_cast<std::size_t>(state.range(0));
    std::vector<core::GeoPosition> points(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t v = 2 * (i % (vertices.size() / 2));
        points[i] = {vertices[v], vertices[v + 1]};
    }
    std::vector<core::ProjectedPoint> projected(count);
    for (auto _ : state) {
        for (std::size_t i = 0; i < count; ++i) projected[i] = core::equal_earth(points[i]);
        benchmark::DoNotOptimize(projected.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}

// One frame of a pinch on the map: the pinch event, the camera update, and every corridor
// vertex and place mapped to the screen for drawing and hit tests (MapCanvas::draw).
void camera_pinch_frame(benchmark::State& state, const BenchInputs& inputs) {
    const auto layers = screens::project_layers(inputs.pack.catalog().features, "en",
                                                inputs.pack.catalog().meta.default_locale);
    auto camera = map_camera(layers);
    std::vector<core::ScreenPoint> screen;
    core::Millis now = 0;
    int frame = 0;
    for (auto _ : state) {
        // Fingers spread for 30 frames and close for 30, so the zoom stays within its limits.
        const double scale = (frame++ / 30) % 2 == 0 ? 1.03 : 1 / 1.03;
        camera.pinch(kScreenWidth / 2.0, kScreenHeight / 2.0, 0, 0, scale);
        camera.update(now += kFrameMs);
        screen.clear();
        for (const auto& line : layers.lines)
            for (const auto& point : line.points) screen.push_back(camera.world_to_screen(point));
        for (const auto& place : layers.places) screen.push_back(camera.world_to_screen(place.at));
        benchmark::DoNotOptimize(screen.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * screen.size()));
    state.counters["points"] = static_cast<double>(screen.size());
}

// A fling across the map, one update per 60 Hz frame until it rests (items are frames).
void camera_fling(benchmark::State& state, const BenchInputs& inputs) {
    const auto layers = screens::project_layers(inputs.pack.catalog().features, "en",
                                                inputs.pack.catalog().meta.default_locale);
    std::size_t frames = 0;
    for (auto _ : state) {
        auto camera = map_camera(layers);
        camera.zoom_about(kScreenWidth / 2.0, kScreenHeight / 2.0, 4);
        core::Millis now = 0;
        camera.fling(-2400, 900, now);
        frames = 0;
        while (camera.animating()) {
            camera.update(now += kFrameMs);
            ++frames;
        }
        benchmark::DoNotOptimize(camera.centre());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * frames));
    state.counters["frames"] = static_cast<double>(frames);
}

// What the map screen decides per frame at a zoom, in a language: places to screen, markers
// merged into clusters, every label measured in the body font and placed without collisions
// (MapCanvas::draw without the drawing). Zoom 4 is centred on the story's place, as
// "map/<place>" opens it.
void overlay_at_zoom(benchmark::State& state, const BenchInputs& inputs, const char* locale, double zoom) {
    const auto layers = screens::project_layers(inputs.pack.catalog().features, locale,
                                                inputs.pack.catalog().meta.default_locale);
    if (layers.places.empty()) {
        state.SkipWithError("the pack's map has no places");
        return;
    }
    auto camera = map_camera(layers);
    const auto* place = &layers.places.front();
    for (const auto& candidate : layers.places)
        if (candidate.link == kStoryRef) place = &candidate;
    const auto at = camera.world_to_screen(place->at);
    camera.zoom_about(at.x, at.y, zoom);

    const auto& theme = inputs.fonts.theme();
    const auto& fonts = inputs.fonts.fonts();
    const float label_size = screens::drawn_size(fonts.body) * 0.78f;
    const core::ScreenRect viewport{0, 0, kScreenWidth, kScreenHeight};
    std::size_t clusters = 0, placed = 0;
    for (auto _ : state) {
        std::vector<core::ScreenMarker> markers;
        markers.reserve(layers.places.size());
        for (const auto& p : layers.places) markers.push_back({camera.world_to_screen(p.at), p.role == "story" ? 1 : 0});
        const auto merged = core::cluster_markers(markers, theme.dp(26));
        std::vector<core::LabelCandidate> labels;
        std::vector<core::ScreenRect> marker_rects;
        for (const auto& cluster : merged) {
            const auto& head = layers.places[cluster.members.front()];
            const double radius = theme.dp(cluster.members.size() > 1 ? 17 : 9);
            marker_rects.push_back({cluster.centre.x - radius, cluster.centre.y - radius, cluster.centre.x + radius,
                                    cluster.centre.y + radius});
            if (head.name.empty()) continue;
            const ImVec2 extent(fonts.text->width(fonts.body.style, label_size, head.name), label_size);
            core::LabelCandidate label;
            label.anchor = cluster.centre;
            label.width = extent.x + theme.dp(16);
            label.height = extent.y + theme.dp(6);
            label.gap_px = radius + theme.dp(4);
            label.priority = head.role == "story" ? 10 : 5;
            labels.push_back(label);
        }
        const auto shown = core::place_labels(labels, marker_rects, viewport);
        clusters = merged.size();
        placed = shown.size();
        benchmark::DoNotOptimize(shown.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * layers.places.size()));
    state.counters["places"] = static_cast<double>(layers.places.size());
    state.counters["clusters"] = static_cast<double>(clusters);
    state.counters["labels"] = static_cast<double>(placed);
}

// Clustering alone at the scale issue 8 asks packs to reach (2,000 places): each of the default
// pack's places spread into a spiral of 120 around it (17 places: 2,040), ±3 degrees, at the home view. Labels are
// left out: they are placed for the clusters that remain, tens at most.
void clusters_at_scale(benchmark::State& state, const BenchInputs& inputs) {
    const auto layers = screens::project_layers(inputs.pack.catalog().features, "en",
                                                inputs.pack.catalog().meta.default_locale);
    const auto camera = map_camera(layers);
    std::vector<core::ProjectedPoint> places;
    for (const auto& feature : inputs.pack.catalog().features) {
        if (feature.kind != content::FeatureKind::point || feature.coords.empty()) continue;
        for (int i = 0; i < 120; ++i) {
            constexpr double kGoldenAngle = 2.39996; // radians: a sunflower spiral fills the disc evenly
            const double angle = i * kGoldenAngle, reach = 3.0 * std::sqrt((i + 0.5) / 120);
            places.push_back(core::equal_earth(feature.coords.front().lon + reach * std::cos(angle),
                                               feature.coords.front().lat + reach * std::sin(angle)));
        }
    }
    const double radius = inputs.fonts.theme().dp(26);
    std::size_t clusters = 0;
    for (auto _ : state) {
        std::vector<core::ScreenMarker> markers;
        markers.reserve(places.size());
        for (const auto& p : places) markers.push_back({camera.world_to_screen(p), 0});
        const auto merged = core::cluster_markers(markers, radius);
        clusters = merged.size();
        benchmark::DoNotOptimize(merged.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * places.size()));
    state.counters["places"] = static_cast<double>(places.size());
    state.counters["clusters"] = static_cast<double>(clusters);
}

// One level of the base map projected into the GPU mesh (build_map_mesh, on a worker thread
// at start-up): every vertex and border end through Equal Earth, fills split by highlight.
void map_mesh(benchmark::State& state, const BenchInputs& inputs, std::size_t level) {
    content::BaseMap one_level;
    one_level.style = inputs.base_map.style;
    one_level.levels.push_back(inputs.base_map.levels.at(level));
    const auto& source = one_level.levels.front();
    for (auto _ : state) {
        auto mesh = screens::build_map_mesh(one_level);
        benchmark::DoNotOptimize(mesh.levels.data());
    }
    const auto points = source.vertex_count() + 2 * source.border_segment_count();
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * points));
    state.counters["vertices"] = static_cast<double>(source.vertex_count());
    state.counters["triangles"] = static_cast<double>(source.triangle_count());
    state.counters["border_segments"] = static_cast<double>(source.border_segment_count());
}

// The base map's buffers read from the pack and checked (PackReader::base_map, before the mesh).
void base_map_read(benchmark::State& state, const BenchInputs& inputs) {
    std::size_t vertices = 0;
    for (auto _ : state) {
        auto base_map = inputs.pack.base_map();
        if (!base_map) {
            state.SkipWithError(base_map.error().message.c_str());
            break;
        }
        vertices = 0;
        for (const auto& level : base_map->levels) vertices += level.vertex_count();
        benchmark::DoNotOptimize(base_map->levels.data());
    }
    state.counters["vertices"] = static_cast<double>(vertices);
}

} // namespace

void register_map_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs;
    benchmark::RegisterBenchmark("EqualEarth/points", [in](benchmark::State& state) { equal_earth_points(state, *in); })
        ->Arg(1000)
        ->Arg(100000);
    benchmark::RegisterBenchmark("MapCamera/pinch_frame", [in](benchmark::State& state) {
        camera_pinch_frame(state, *in);
    });
    benchmark::RegisterBenchmark("MapCamera/fling_to_rest", [in](benchmark::State& state) { camera_fling(state, *in); });
    for (const char* locale : {"en", "zh"}) {
        for (double zoom : {1.0, 4.0}) {
            const std::string name = std::string("MapOverlay/") + locale + "/zoom:" + std::to_string(static_cast<int>(zoom));
            benchmark::RegisterBenchmark(name.c_str(), [in, locale, zoom](benchmark::State& state) {
                overlay_at_zoom(state, *in, locale, zoom);
            });
        }
    }
    benchmark::RegisterBenchmark("MapClusters/spread_places", [in](benchmark::State& state) {
        clusters_at_scale(state, *in);
    });
    for (std::size_t level = 0; level < inputs.base_map.levels.size(); ++level) {
        const std::string name = "MapMeshBuild/" + inputs.base_map.levels[level].name;
        benchmark::RegisterBenchmark(name.c_str(), [in, level](benchmark::State& state) { map_mesh(state, *in, level); })
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("BaseMapRead", [in](benchmark::State& state) { base_map_read(state, *in); })
        ->Unit(benchmark::kMillisecond);
}

} // namespace pavilion::bench
