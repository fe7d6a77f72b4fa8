#include "map_layer.hpp"

#include "pavilion/screens/map_mesh_builder.hpp"

#include <cstdio>

namespace pavilion::shell {

MapLayer::MapLayer(core::RunQueue& results, std::function<void(std::string)> report,
                   std::function<void(std::string_view)> journal)
    : results_(results), report_(std::move(report)), journal_(std::move(journal)) {}

void MapLayer::use(std::shared_ptr<const content::PackReader> pack) {
    pack_ = std::move(pack);
    ++generation_;
    loading_ = false;
    unavailable_ = false;
    renderer_.reset();
}

void MapLayer::want() {
    if (renderer_ || loading_ || unavailable_ || !pack_) return;
    loading_ = true;
    worker_.post([this, pack = pack_, generation = generation_] {
        auto base_map = pack->base_map();
        auto mesh = std::make_shared<core::MapMesh>();
        std::string problem;
        if (base_map) *mesh = screens::build_map_mesh(*base_map);
        else problem = base_map.error().message;
        results_.post([this, generation, mesh, problem] {
            if (generation != generation_) return; // another pack since
            if (!problem.empty()) report_("pavilion: no base map: " + problem);
            loaded(*mesh);
        });
    });
}

void MapLayer::loaded(const core::MapMesh& mesh) {
    loading_ = false;
    if (mesh.empty()) {
        unavailable_ = true;
        return;
    }
    renderer_ = std::make_unique<platform::GlMapRenderer>(mesh);
    char line[96];
    std::snprintf(line, sizeof line, "map: %zu levels, %.1f MB on the GPU", mesh.levels.size(),
                  static_cast<double>(renderer_->gpu_bytes()) / 1e6);
    journal_(line);
}

} // namespace pavilion::shell
