#pragma once
// What the reader holds a pack's pictures to (pack_limits.hpp): the sizes the media table
// declares, at open, and each picture's header before it is decoded, so nothing larger than the
// builder stores is ever decoded, whatever a pack claims.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace pavilion::content {

// A full picture's size as its media row declares it. Returns what is wrong, or nullopt.
std::optional<Error> declared_size_problem(std::int64_t width, std::int64_t height);

// Sums the full pictures' pixels against kMaxPackPicturePixels.
class PicturePixelBudget {
public:
    // Counts one picture (sides already checked by declared_size_problem); the one-line reason
    // once, when the pack goes over the limit, nullopt otherwise.
    std::optional<std::string> add(std::int64_t width, std::int64_t height);
    std::int64_t total() const { return total_; }

private:
    std::int64_t total_ = 0;
};

// A picture about to be decoded: its header's size must be the one its row declares (the
// builder writes both from the same pixels) and within what the builder stores for its variant
// (a thumbnail within kMaxStoredThumbnailSide and its full picture). `too_large` or `corrupt`.
Status check_picture_header(ImageSize header, ImageSize declared, ImageSize declared_full, ImageVariant variant);

} // namespace pavilion::content
