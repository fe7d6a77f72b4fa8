#pragma once
// The base map under the map screens: read from the pack and projected on a worker (tens of
// milliseconds for the 50m level), then put in GPU buffers on the main thread when the result is
// drained. Start-up is not its to pay: it loads once the first screen is complete, or at once
// when a screen shows a map.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/map_mesh.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/core/serial_worker.hpp"
#include "pavilion/platform/gl_map_renderer.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace pavilion::shell {

class MapLayer {
public:
    // report: a problem for the operator's log; journal: news for the journal only.
    MapLayer(core::RunQueue& results, std::function<void(std::string)> report,
             std::function<void(std::string_view)> journal);
    ~MapLayer() { stop(); }

    // Another pack: its map replaces the old one (loaded again when wanted).
    void use(std::shared_ptr<const content::PackReader> pack);
    // Starts loading unless it is loaded, loading, or the pack has none.
    void want();
    // Blocks until a load under way has posted its result (then drain the queue).
    void wait_for_load() { worker_.wait_idle(); }
    bool loading() const { return loading_; }
    // Loaded, or known to be unavailable: nothing more will arrive for this pack.
    bool settled() const { return renderer_ || unavailable_; }

    // Null until loaded (and for a pack without a base map).
    core::MapRenderer* renderer() { return renderer_.get(); }
    void stop() { worker_.stop(); }

private:
    void loaded(const core::MapMesh& mesh);

    core::RunQueue& results_;
    std::function<void(std::string)> report_;
    std::function<void(std::string_view)> journal_;
    std::shared_ptr<const content::PackReader> pack_;
    std::uint64_t generation_ = 0;
    bool loading_ = false;
    bool unavailable_ = false; // the pack has none, or it failed to load (logged once)
    std::unique_ptr<platform::GlMapRenderer> renderer_;
    core::SerialWorker worker_{"base map"};
};

} // namespace pavilion::shell
