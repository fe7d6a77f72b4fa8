#pragma once
// Writes a parsed, image-processed pack into a new SQLite file, deterministically: rows go in a
// fixed order and the file is vacuumed, so the same source always gives the same bytes.

#include "image_pipeline.hpp"
#include "pavilion/content/base_map.hpp"
#include "pavilion/content/expected.hpp"
#include "pavilion/content/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::content {

struct PackFont {
    std::string mime;
    std::vector<std::uint8_t> data;
};

// catalog's image fields hold media ids of `images`; a base map without levels writes none.
// Writes to path atomically (a temporary file renamed over it), so a failed build never leaves
// a half-written pack behind.
Status write_pack(const Catalog& catalog, const std::vector<EncodedImage>& images,
                  const PackFont* font, const BaseMap& base_map, const std::string& path);

} // namespace pavilion::content
