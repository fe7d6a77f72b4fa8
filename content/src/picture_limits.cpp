#include "picture_limits.hpp"

#include "pack_limits.hpp"

#include <cstdio>

namespace pavilion::content {
namespace {

std::string size_text(std::int64_t width, std::int64_t height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

std::string gigapixels(std::int64_t pixels) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f gigapixels", static_cast<double>(pixels) / 1e9);
    return text;
}

} // namespace

std::optional<Error> declared_size_problem(std::int64_t width, std::int64_t height) {
    if (width <= 0 || height <= 0)
        return make_error(ErrorCode::corrupt, "a picture's size is " + size_text(width, height));
    if (width > kMaxStoredPictureSide || height > kMaxStoredPictureSide)
        return make_error(ErrorCode::too_large, "a picture is " + size_text(width, height) + " pixels; pack pictures are at most " +
                                                    std::to_string(kMaxStoredPictureSide) + " a side");
    return std::nullopt;
}

std::optional<std::string> PicturePixelBudget::add(std::int64_t width, std::int64_t height) {
    const bool was_within = total_ <= kMaxPackPicturePixels;
    // Sides are at most kMaxStoredPictureSide: the sum cannot come near wrapping before it stops.
    if (was_within) total_ += width * height;
    if (was_within && total_ > kMaxPackPicturePixels)
        return "the pack's pictures hold more than " + gigapixels(kMaxPackPicturePixels) + ", the most a pack may hold";
    return std::nullopt;
}

Status check_picture_header(ImageSize header, ImageSize declared, ImageSize declared_full, ImageVariant variant) {
    const bool thumbnail = variant == ImageVariant::thumbnail;
    const int side = thumbnail ? kMaxStoredThumbnailSide : kMaxStoredPictureSide;
    const bool within = header.width > 0 && header.height > 0 && header.width <= side && header.height <= side &&
                        header.width <= declared_full.width && header.height <= declared_full.height;
    if (!within)
        return make_error(ErrorCode::too_large, std::string(thumbnail ? "thumbnail" : "picture") + " is " +
                                                    size_text(header.width, header.height) + " pixels, larger than the " +
                                                    std::to_string(side) + " px a pack stores; not decoded");
    if (header.width != declared.width || header.height != declared.height)
        return make_error(ErrorCode::corrupt, std::string(thumbnail ? "thumbnail" : "picture") + " is " +
                                                  size_text(header.width, header.height) + " pixels but the pack says " +
                                                  size_text(declared.width, declared.height) + "; not decoded");
    return ok();
}

} // namespace pavilion::content
