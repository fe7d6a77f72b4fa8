// Pack media: the bytes of one image, decoded the way the kiosk does (RGBA for a texture) and the
// way pavilion-pack does (the image's own channels, then scaled and checked for transparency).

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"

#include "pavilion/content/image_codec.hpp"

namespace pavilion::fuzz {
namespace {

constexpr std::size_t kMaxScaledBytes = 4 * 1024 * 1024;

void check_pixels(const content::Pixels& pixels, int channels) {
    fuzz_check(pixels.width > 0 && pixels.height > 0 && pixels.width <= content::kMaxImageSide &&
                   pixels.height <= content::kMaxImageSide,
               "a decoded image is within the size limits");
    fuzz_check(pixels.channels == channels || (channels == 0 && (pixels.channels == 3 || pixels.channels == 4)),
               "a decoded image has the channels asked for");
    fuzz_check(pixels.data.size() == static_cast<std::size_t>(pixels.width) * pixels.height * pixels.channels,
               "a decoded image holds width x height x channels bytes");
}

} // namespace

int fuzz_media(const std::uint8_t* data, std::size_t size) {
    // The kiosk: texture_cache.cpp and content_loader.cpp ask for RGBA.
    const auto rgba = content::decode_image(data, size, 4);
    if (rgba) check_pixels(*rgba, 4);
    // A small file may declare 40 megapixels; decoding it again and scaling it (plain arithmetic
    // on valid pixels) takes many seconds under ASan: small images exercise those paths as well.
    if (rgba && rgba->data.size() > kMaxScaledBytes) return 0;

    // The builder: image_pipeline.cpp keeps the image's own channels, then scales down.
    auto own = content::decode_image(data, size);
    if (!own) return 0;
    check_pixels(*own, 0);
    const content::Pixels small = content::scale_to_fit(*own, 16);
    fuzz_check(small.width <= 16 && small.height <= 16 && small.width > 0 && small.height > 0,
               "scale_to_fit fits the image into the side asked for");
    content::has_transparency(small);
    return 0;
}

} // namespace pavilion::fuzz
