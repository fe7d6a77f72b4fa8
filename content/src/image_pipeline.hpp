#pragma once
// Turns an author's image file into what a pack stores: validated, scaled, re-encoded, with a
// thumbnail, identified by the hash of its bytes.

#include "pack_limits.hpp"
#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::content {

// What a pack stores, and the most the reader lets the kiosk decode (pack_limits.hpp).
constexpr int kFullImageMaxSide = kMaxStoredPictureSide;
constexpr int kThumbnailMaxSide = kMaxStoredThumbnailSide;

struct EncodedImage {
    std::string id; // hex BLAKE2b-256 of data
    std::string mime;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> data;
    int thumb_width = 0;
    int thumb_height = 0;
    std::vector<std::uint8_t> thumb_data;
};

// path: the file on disk. Errors say what is wrong with the image, without the file name
// (the caller knows which file and line referred to it).
Expected<EncodedImage> process_image_file(const std::string& path);

// Hex BLAKE2b-256 of bytes: the id of a media row.
std::string media_id_of(const std::vector<std::uint8_t>& bytes);

} // namespace pavilion::content
