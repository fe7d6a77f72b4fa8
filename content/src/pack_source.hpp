#pragma once
// A pack source folder, parsed and checked, before images are processed.

#include "base_map_source.hpp"
#include "diagnostics.hpp"
#include "pavilion/content/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

// Where a source file referred to an image, so image errors can point at it.
struct ImageReference {
    std::string path; // relative to the source folder
    std::string file; // the file that names it
    int line = 0;
};

// An item reference written in a source file, checked once every item is known.
struct PendingReference {
    std::string ref;
    std::string file;
    int line = 0;
};

struct PackSource {
    // Item and slide `image` fields hold the image's source path until the builder swaps in
    // media ids.
    Catalog catalog;
    std::vector<ImageReference> images; // every distinct image path, in first-use order
    std::string font_path;              // relative; "" for the system font
    int font_line = 0;
    std::vector<PendingReference> related; // item.toml 'related' entries
    std::optional<BaseMapSource> base_map; // map.toml's [base_map]; none: no base map
};

// Reads every file of a pack source. Problems go to diagnostics; the result is only meaningful
// when diagnostics stay empty.
PackSource parse_pack_source(const std::string& root, Diagnostics& diagnostics);

// Pieces of parse_pack_source, one per kind of file (item_parser.cpp).
void parse_items(const std::string& root, ItemKind kind, PackSource& source,
                 Diagnostics& diagnostics);

// Notes an image path used by file:line; reports a missing file.
void note_image(const std::string& root, const std::string& path, const std::string& file,
                int line, PackSource& source, Diagnostics& diagnostics);

} // namespace pavilion::content
