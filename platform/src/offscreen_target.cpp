#include "pavilion/platform/offscreen_target.hpp"

#include "pavilion/content/image_codec.hpp"

#include "unique_fd.hpp"

#include <GLES3/gl3.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

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

void OffscreenTarget::finish() {
    // No swap ends an off-screen frame, so nothing else makes the driver run the queued
    // commands: Mesa then keeps every frame's draw data (about 1.5 MB a frame at 1080p, found
    // by the soak run). A window's swap does this.
    glFlush();
}

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

namespace {

// The whole buffer written to path (created or truncated); io with the path and the reason.
core::Status write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    const auto failure = [&path](int error) {
        return core::make_error(core::ErrorCode::io, "cannot write " + path + ": " + std::generic_category().message(error));
    };
    const Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) return failure(errno);
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t wrote = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) return failure(errno);
        done += static_cast<std::size_t>(wrote);
    }
    return core::ok();
}

} // namespace

core::Status write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
    // The encoder trusts the size it is given: a short buffer would be read past its end.
    const bool sized = width > 0 && height > 0 &&
                       rgba.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    if (!sized)
        return core::make_error(core::ErrorCode::invalid_argument,
                                "cannot write " + path + ": " + std::to_string(rgba.size()) + " bytes are not " +
                                    std::to_string(width) + "x" + std::to_string(height) + " RGBA pixels");
    const content::Pixels pixels{width, height, 4, rgba};
    const auto png = content::encode_png(pixels, 2); // screenshots favour speed over size
    if (png.empty()) return core::make_error(core::ErrorCode::invalid_argument, "cannot encode " + path + " as PNG");
    return write_file(path, png);
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
