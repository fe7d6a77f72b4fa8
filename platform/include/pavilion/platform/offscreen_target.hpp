#pragma once
// A framebuffer object of any size, for rendering screenshots without a visible window
// (and independent of the X screen's size under Xvfb).

#include "pavilion/core/expected.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::platform {

class OffscreenTarget {
public:
    OffscreenTarget(int width, int height);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool complete() const { return complete_; }
    void bind();   // subsequent drawing goes here
    void unbind();
    // RGBA pixels, top row first.
    std::vector<std::uint8_t> read_pixels() const;
    int width() const { return width_; }
    int height() const { return height_; }

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
