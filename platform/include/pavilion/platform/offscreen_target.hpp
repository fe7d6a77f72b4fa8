#pragma once
// A framebuffer object of any size, for rendering screenshots without a visible window
// (and independent of the X screen's size under Xvfb). Frames reach it through present().

#include "pavilion/core/expected.hpp"
#include "pavilion/platform/render_surface.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::platform {

class OffscreenTarget : public RenderSurface {
public:
    // Needs a current GL context; check complete() before drawing.
    OffscreenTarget(int width, int height);
    ~OffscreenTarget() override;
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool complete() const { return complete_; }
    void bind() override; // subsequent drawing goes here, with the viewport set to the target
    void unbind();
    // The frame is complete: its commands are flushed to the driver (there is no swap).
    void finish() override;
    // RGBA pixels, top row first.
    std::vector<std::uint8_t> read_pixels() const;
    int width() const override { return width_; }
    int height() const override { return height_; }

private:
    int width_;
    int height_;
    unsigned framebuffer_ = 0;
    unsigned color_ = 0;
    bool complete_ = false;
};

// Encodes RGBA pixels (top row first) as PNG at path. invalid_argument when rgba is not
// width x height x 4 bytes; io, naming the path, when the file cannot be written.
core::Status write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba);

struct GlInfo {
    std::string renderer;
    std::string version;
    int max_texture_size = 0;
};

GlInfo query_gl_info();

} // namespace pavilion::platform
