#pragma once
// The base map on the GPU: each level's fills and borders live in buffers uploaded once per pack;
// a frame only sets a transform uniform and issues a few draw calls. Triangles and border
// segments are sorted into a grid of world cells, so a zoomed-in view draws only the rows of
// cells it can see: on a GPU without vertex shading hardware (llvmpipe) vertex work is CPU time. Borders are drawn as thin
// quads whose edges fade over one pixel, so coasts stay smooth without multisampling (which the
// kiosk's framebuffers do not have).
//
// A map at rest is the usual case (a visitor reading it while the routes' flow animates over
// it): once the same view has been drawn twice in a row, its pixels are kept in a snapshot
// texture and later frames copy them instead of drawing the geometry again, until the view,
// the colours or the size change. A moving map draws as before and pays nothing extra.

#include "pavilion/core/map_mesh.hpp"

#include <optional>
#include <vector>

namespace pavilion::platform {

class GlMapRenderer : public core::MapRenderer {
public:
    // Needs a current GL ES 3.0 context. The mesh's data is copied to the GPU; the CPU copy may go.
    explicit GlMapRenderer(const core::MapMesh& mesh);
    ~GlMapRenderer() override;
    GlMapRenderer(const GlMapRenderer&) = delete;
    GlMapRenderer& operator=(const GlMapRenderer&) = delete;

    void render(const core::MapDrawRequest& request) override;
    const core::MapStyle& style() const override { return style_; }
    // Bytes of GPU memory the buffers hold (for the operator's diagnostics).
    std::size_t gpu_bytes() const { return gpu_bytes_; }
    // Frames whose base map came from the snapshot (for the benchmark and tests).
    long snapshot_hits() const { return snapshot_hits_; }

private:
    // Index ranges per grid cell (row-major), so the cells of one row are contiguous.
    struct CellRanges {
        std::vector<int> first; // per cell, in indices
        std::vector<int> count;
    };
    struct Level {
        unsigned fill_array = 0, fill_positions = 0, land_indices = 0, highlight_indices = 0;
        unsigned border_array = 0, border_vertices = 0, border_indices = 0;
        CellRanges land, highlighted, borders;
        double min_scale = 0;
    };
    // The last still view's pixels: the clip rectangle's size, drawn for `request`.
    struct Snapshot {
        unsigned texture = 0, framebuffer = 0;
        int width = 0, height = 0;
        bool valid = false;
        core::MapDrawRequest request;
    };
    static constexpr int kGridColumns = 24, kGridRows = 12;
    Level upload(const core::MapMeshLevel& level);
    void draw_geometry(const core::MapDrawRequest& request);
    // Copies the clip rectangle between the current framebuffer and the snapshot.
    void store_snapshot(const core::MapDrawRequest& request);
    void show_snapshot(const core::MapDrawRequest& request);

    Snapshot snapshot_;
    std::optional<core::MapDrawRequest> previous_; // the last frame's request
    long snapshot_hits_ = 0;

    std::vector<Level> levels_;
    core::MapMesh thresholds_; // levels with only min_scale kept, to choose a level per frame
    unsigned fill_program_ = 0, border_program_ = 0;
    int fill_transform_ = -1, fill_color_ = -1;
    int border_transform_ = -1, border_pixel_ = -1, border_half_width_ = -1, border_color_ = -1;
    unsigned snapshot_program_ = 0, empty_array_ = 0;
    int snapshot_rectangle_ = -1, snapshot_sampler_ = -1;
    std::size_t gpu_bytes_ = 0;
    core::MapStyle style_;
};

} // namespace pavilion::platform
