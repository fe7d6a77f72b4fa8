#include "image_pipeline.hpp"

#include "pavilion/content/image_codec.hpp"
#include "subprocess.hpp"

#include <sodium.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace pavilion::content {
namespace {

constexpr int kJpegQuality = 88;
constexpr std::uintmax_t kMaxInputBytes = 64ull * 1024 * 1024;

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

Expected<std::vector<std::uint8_t>> read_file(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return make_error(ErrorCode::io, "cannot read the image (" + ec.message() + ")");
    if (size > kMaxInputBytes) return make_error(ErrorCode::corrupt, "the image file is over 64 MB");
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        return make_error(ErrorCode::io, "cannot read the image");
    return bytes;
}

// SVG is rasterized by Debian's rsvg-convert into a private temporary PNG.
Expected<std::vector<std::uint8_t>> rasterize_svg(const std::string& path) {
    std::string temp = (std::filesystem::temp_directory_path() / "pavilion-svg-XXXXXX").string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) return make_error(ErrorCode::io, "cannot create a temporary file for SVG");
    close(fd);
    const auto result = run_process({"rsvg-convert", "--width", std::to_string(kFullImageMaxSide),
                                     "--keep-aspect-ratio", "--format", "png", "--output", temp,
                                     path});
    auto bytes = read_file(temp);
    std::filesystem::remove(temp);
    if (!result.started)
        return make_error(ErrorCode::io,
                          "SVG needs rsvg-convert (install the Debian package librsvg2-bin)");
    if (result.exit_code != 0) {
        auto reason = result.error_output.substr(0, result.error_output.find('\n'));
        return make_error(ErrorCode::corrupt, "the SVG cannot be drawn (" + reason + ")");
    }
    return bytes;
}

Pixels drop_alpha(const Pixels& rgba) {
    Pixels rgb{rgba.width, rgba.height, 3, {}};
    rgb.data.reserve(rgba.data.size() / 4 * 3);
    for (std::size_t i = 0; i < rgba.data.size(); i += 4)
        rgb.data.insert(rgb.data.end(), &rgba.data[i], &rgba.data[i] + 3);
    return rgb;
}

} // namespace

std::string media_id_of(const std::vector<std::uint8_t>& bytes) {
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, bytes.data(), bytes.size(), nullptr, 0);
    char hex[2 * sizeof hash + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

Expected<EncodedImage> process_image_file(const std::string& path) {
    const auto name = lower(path);
    Expected<std::vector<std::uint8_t>> input =
        ends_with(name, ".svg") ? rasterize_svg(path)
        : (ends_with(name, ".png") || ends_with(name, ".jpg") || ends_with(name, ".jpeg"))
            ? read_file(path)
            : Expected<std::vector<std::uint8_t>>(
                  make_error(ErrorCode::authoring, "images must be .png, .jpg or .svg"));
    if (!input) return input.error();

    auto decoded = decode_image(input->data(), input->size());
    if (!decoded) return decoded.error();
    Pixels pixels = std::move(decoded).value();
    const bool transparent = has_transparency(pixels);
    if (pixels.channels == 4 && !transparent) pixels = drop_alpha(pixels);

    // Opaque pictures become JPEG (small); pictures with transparency stay PNG.
    auto encode = [&](const Pixels& p) { return transparent ? encode_png(p) : encode_jpeg(p, kJpegQuality); };
    const Pixels full = scale_to_fit(pixels, kFullImageMaxSide);
    const Pixels thumb = scale_to_fit(full, kThumbnailMaxSide);

    EncodedImage image;
    image.mime = transparent ? "image/png" : "image/jpeg";
    image.width = full.width;
    image.height = full.height;
    image.data = encode(full);
    image.thumb_width = thumb.width;
    image.thumb_height = thumb.height;
    image.thumb_data = encode(thumb);
    image.id = media_id_of(image.data);
    return image;
}

} // namespace pavilion::content
