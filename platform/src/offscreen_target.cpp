#include "pavilion/platform/offscreen_target.hpp"

#include "pavilion/content/image_codec.hpp"

#include <GLES3/gl3.h>

#include <cstring>
#include <fstream>

namespace pavilion::platform {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
    glGenTextures(1, &color_);
    glBindTexture(GL_TEXTURE_2D, color_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &framebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_, 0);
    complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

OffscreenTarget::~OffscreenTarget() {
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteTextures(1, &color_);
}

void OffscreenTarget::bind() {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glViewport(0, 0, width_, height_);
}

void OffscreenTarget::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<std::uint8_t> OffscreenTarget::read_pixels() const {
    const std::size_t row = static_cast<std::size_t>(width_) * 4;
    std::vector<std::uint8_t> pixels(row * height_);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's origin is bottom-left; images start at the top.
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < height_; ++y)
        std::memcpy(&flipped[y * row], &pixels[(height_ - 1 - y) * row], row);
    return flipped;
}

std::string write_png(const std::string& path, int width, int height,
                      const std::vector<std::uint8_t>& rgba) {
    content::Pixels pixels{width, height, 4, rgba};
    const auto png = content::encode_png(pixels, 2); // screenshots favour speed over size
    if (png.empty()) return "cannot encode the PNG";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out.flush()) return "cannot write " + path;
    return "";
}

GlInfo query_gl_info() {
    GlInfo info;
    auto text = [](GLenum name) {
        const auto* value = reinterpret_cast<const char*>(glGetString(name));
        return std::string(value ? value : "unknown");
    };
    info.renderer = text(GL_RENDERER);
    info.version = text(GL_VERSION);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info.max_texture_size);
    return info;
}

} // namespace pavilion::platform
