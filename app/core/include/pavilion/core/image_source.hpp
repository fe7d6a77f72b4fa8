#pragma once
// How screens get pictures without loading them: they ask, and draw whatever is ready.
// An interface only: platform implements it with GPU textures, tests with nothing at all.

#include <cstdint>
#include <optional>
#include <string>

namespace pavilion::core {

struct Texture {
    std::uintptr_t handle = 0; // the renderer's texture name (an OpenGL texture id)
    int width = 0;
    int height = 0;
};

class ImageSource {
public:
    virtual ~ImageSource() = default;
    // The thumbnail of a pack image, if it is ready (requested otherwise).
    virtual std::optional<Texture> thumbnail(const std::string& media_id) = 0;
    // The full image when ready, else its thumbnail while the full one decodes, else nothing.
    virtual std::optional<Texture> full(const std::string& media_id) = 0;
};

// For screenshots taken before any image is ready, and for tests.
class NoImages : public ImageSource {
public:
    std::optional<Texture> thumbnail(const std::string&) override { return std::nullopt; }
    std::optional<Texture> full(const std::string&) override { return std::nullopt; }
};

} // namespace pavilion::core
