#pragma once
// The base map on the GPU: each level's fills and borders live in buffers uploaded once per pack;
// a frame only sets a transform uniform and issues a few draw calls. Triangles and border
// segments are sorted into a grid of world cells, so a zoomed-in view draws only the rows of
// cells it can see: on a GPU without vertex shading hardware (llvmpipe) vertex work is CPU time. Borders are drawn as thin
// quads whose edges fade over one pixel, so coasts stay smooth without multisampling (which the
// kiosk's framebuffers do not have).

#include "pavilion/core/map_mesh.hpp"

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
    static constexpr int kGridColumns = 24, kGridRows = 12;
    Level upload(const core::MapMeshLevel& level);

    std::vector<Level> levels_;
    core::MapMesh thresholds_; // levels with only min_scale kept, to choose a level per frame
    unsigned fill_program_ = 0, border_program_ = 0;
    int fill_transform_ = -1, fill_color_ = -1;
    int border_transform_ = -1, border_pixel_ = -1, border_half_width_ = -1, border_color_ = -1;
    std::size_t gpu_bytes_ = 0;
    core::MapStyle style_;
};

} // namespace pavilion::platform
