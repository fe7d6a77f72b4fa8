#pragma once
// Decoding and encoding of pack images with stb, built hardened for untrusted input:
// PNG and JPEG only, at most kMaxImageSide pixels per side, and dimensions checked with
// stbi_info_from_memory against a pixel budget before any decoding (stb_image 2.27 lacks later
// upstream security fixes, so it must never see more than it has to).

#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <vector>

namespace pavilion::content {

constexpr int kMaxImageSide = 8192;
constexpr std::int64_t kMaxImagePixels = 40'000'000;

struct Pixels {
    int width = 0;
    int height = 0;
    int channels = 0; // 3 (RGB) or 4 (RGBA)
    std::vector<std::uint8_t> data;
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

// The image's size as its header gives it, without decoding: what a pixel budget is checked
// against before any decoding. `corrupt` when it is not a PNG or JPEG stb would decode.
Expected<ImageSize> image_size(const std::uint8_t* data, std::size_t size);

// desired_channels: 0 keeps the image's own (3 or 4), or 3/4 to convert. Refuses an image over
// kMaxImageSide a side or kMaxImagePixels from its header, before decoding it.
Expected<Pixels> decode_image(const std::uint8_t* data, std::size_t size, int desired_channels = 0);

// Scales so neither side exceeds max_side (never enlarges), in linear light for correct averages.
Pixels scale_to_fit(const Pixels& source, int max_side);

bool has_transparency(const Pixels& pixels);

std::vector<std::uint8_t> encode_jpeg(const Pixels& pixels, int quality);
// compression: zlib level 1 (fast, for screenshots) to 9 (small, for packs).
std::vector<std::uint8_t> encode_png(const Pixels& pixels, int compression = 8);

} // namespace pavilion::content
