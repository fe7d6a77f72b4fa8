#include "pavilion/content/image_codec.hpp"

#include "jpeg_guard.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// The most one decode may ask for at once: the largest image accepted (kMaxImagePixels), four
// channels of 16 bits, and a megabyte to spare. stb_image 2.27 puts no bound on a PNG's inflated
// data: a few hundred bytes of IDAT can ask for gigabytes, doubling its buffer as it goes (found
// by fuzzing, tests/fuzz/regressions/media/stb-idat-inflates-to-gigabytes.png). A larger request
// is refused, and stb fails the decode as "out of memory" without touching the memory.
constexpr std::size_t kMaxDecodeAllocation =
    static_cast<std::size_t>(pavilion::content::kMaxImagePixels) * 4 * 2 + (std::size_t{1} << 20);

// Zeroed allocations: stb_image 2.27 reads a Huffman table a JPEG scan names even when the file
// never defined it, i.e. leftover heap bytes, and indexes out of bounds with them (found by
// fuzzing, tests/fuzz/regressions/media/). An undefined table must read as empty instead.
void* bounded_calloc(std::size_t size) { return size > kMaxDecodeAllocation ? nullptr : std::calloc(1, size); }

void* bounded_realloc(void* pointer, std::size_t size) {
    return size > kMaxDecodeAllocation ? nullptr : std::realloc(pointer, size);
}

} // namespace

// Our own, private copy of the stb implementations, with the hardening settings. STB_*_STATIC
// keeps the symbols in this file, so they cannot clash with Debian's libstb (which ImGui links).
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_MALLOC(size) bounded_calloc(size)
#define STBI_REALLOC(pointer, size) bounded_realloc(pointer, size)
#define STBI_FREE(pointer) std::free(pointer)
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 8192
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

static_assert(STBI_MAX_DIMENSIONS == pavilion::content::kMaxImageSide);

namespace pavilion::content {

namespace {

constexpr std::uint8_t kPngSignature[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

// The header's size and channel count (stb's own words for what it would decode to).
struct ImageHeader {
    int width = 0;
    int height = 0;
    int channels = 0;
};

Expected<ImageHeader> read_header(const std::uint8_t* data, std::size_t size) {
    if (!data || size == 0 || size > 0x7fffffff)
        return make_error(ErrorCode::corrupt, "image is empty or too large");
    if (!jpeg_huffman_tables_fit(data, size))
        return make_error(ErrorCode::corrupt,
                          "not a valid JPEG image (a Huffman table holds more than 256 codes)");
    ImageHeader header;
    // The reader of the file's own format, not stbi_info_from_memory: that tries JPEG, then PNG,
    // and keeps only the last one's reason, so every refusal read "unknown image type".
    const bool png = size >= sizeof kPngSignature && std::memcmp(data, kPngSignature, sizeof kPngSignature) == 0;
    stbi__context context;
    stbi__start_mem(&context, data, static_cast<int>(size));
    const int read = png ? stbi__png_info(&context, &header.width, &header.height, &header.channels)
                         : stbi__jpeg_info(&context, &header.width, &header.height, &header.channels);
    if (!read) {
        // stb stops reading a header over STBI_MAX_DIMENSIONS without saying the size.
        const std::string reason = stbi_failure_reason();
        if (reason == "too large")
            return make_error(ErrorCode::too_large, "image is over " + std::to_string(kMaxImageSide) +
                                                        " pixels a side, the most allowed");
        return make_error(ErrorCode::corrupt, "not a PNG or JPEG image (" + reason + ")");
    }
    return header;
}

} // namespace

Expected<ImageSize> image_size(const std::uint8_t* data, std::size_t size) {
    auto header = read_header(data, size);
    if (!header) return header.error();
    return ImageSize{header->width, header->height};
}

Expected<Pixels> decode_image(const std::uint8_t* data, std::size_t size, int desired_channels) {
    auto header = read_header(data, size);
    if (!header) return header.error();
    int width = header->width, height = header->height, channels = header->channels;
    const int length = static_cast<int>(size);
    if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide ||
        static_cast<std::int64_t>(width) * height > kMaxImagePixels)
        return make_error(ErrorCode::too_large,
                          "image is " + std::to_string(width) + "x" + std::to_string(height) +
                              " pixels; at most " + std::to_string(kMaxImageSide) + " per side and " +
                              std::to_string(kMaxImagePixels / 1'000'000) + " megapixels are allowed");
    const bool alpha = channels == 2 || channels == 4;
    const int wanted = desired_channels ? desired_channels : (alpha ? 4 : 3);
    stbi_uc* pixels = stbi_load_from_memory(data, length, &width, &height, &channels, wanted);
    if (!pixels)
        return make_error(ErrorCode::corrupt,
                          std::string("image cannot be decoded (") + stbi_failure_reason() + ")");
    Pixels out{width, height, wanted, {}};
    out.data.assign(pixels, pixels + static_cast<std::size_t>(width) * height * wanted);
    stbi_image_free(pixels);
    return out;
}

Pixels scale_to_fit(const Pixels& source, int max_side) {
    const int long_side = std::max(source.width, source.height);
    if (long_side <= max_side) return source;
    const double factor = static_cast<double>(max_side) / long_side;
    Pixels out;
    out.width = std::max(1, static_cast<int>(std::lround(source.width * factor)));
    out.height = std::max(1, static_cast<int>(std::lround(source.height * factor)));
    out.channels = source.channels;
    out.data.resize(static_cast<std::size_t>(out.width) * out.height * out.channels);
    stbir_resize_uint8_srgb(source.data.data(), source.width, source.height, 0, out.data.data(),
                            out.width, out.height, 0, source.channels,
                            source.channels == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE, 0);
    return out;
}

bool has_transparency(const Pixels& pixels) {
    if (pixels.channels != 4) return false;
    for (std::size_t i = 3; i < pixels.data.size(); i += 4) {
        if (pixels.data[i] != 255) return true;
    }
    return false;
}

namespace {

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

} // namespace

std::vector<std::uint8_t> encode_jpeg(const Pixels& pixels, int quality) {
    std::vector<std::uint8_t> out;
    stbi_write_jpg_to_func(append_bytes, &out, pixels.width, pixels.height, pixels.channels,
                           pixels.data.data(), quality);
    return out;
}

std::vector<std::uint8_t> encode_png(const Pixels& pixels, int compression) {
    std::vector<std::uint8_t> out;
    stbi_write_png_compression_level = compression; // a file-local setting of our private stb copy
    stbi_write_png_to_func(append_bytes, &out, pixels.width, pixels.height, pixels.channels,
                           pixels.data.data(), pixels.width * pixels.channels);
    return out;
}

} // namespace pavilion::content
