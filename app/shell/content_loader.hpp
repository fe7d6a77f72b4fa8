#pragma once
// The content half of start-up, run on a worker thread while the main thread makes the GL
// context (graphics.hpp): open and check the pack (its catalog from the cache when it was read
// before), map the font files, rasterize the atlas (or restore it from the cache).

#include "font_setup.hpp"
#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/screens/font_atlas.hpp"

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::shell {

// A picture of the first screen, decoded while the GL context was being made.
struct EarlyPicture {
    std::string media_id;
    bool thumbnail = false;
    content::Pixels pixels;
};

struct LoadedContent {
    std::optional<content::PackReader> pack;
    std::unique_ptr<FontSetup> font_setup; // the font files, kept mapped for later rebuilds
    std::unique_ptr<ImFontAtlas> atlas;    // built at font_scale, not yet on the GPU
    screens::Fonts fonts;
    float font_scale = 0;
    std::vector<EarlyPicture> pictures; // of first_route, as many as the wait allowed
    // Where the time went, in ms of wall time (for pavilion --bench's start-up phases).
    struct Timings {
        double pack = 0, fonts = 0, pictures = 0;
        bool fonts_cached = false;   // the atlas came from the font cache, not FreeType
        bool catalog_cached = false; // the catalog came from the cache, not the pack's tables
    } timings;
    std::string error; // one line; set when loading failed
};

struct ContentRequest {
    std::string pack_path;
    float font_scale = 1;        // the UI scale for the planned window size
    int max_texture_side = 4096; // the atlas's limit (the Raspberry Pi's, until the GL context says)
    std::string cache_dir;       // built atlases and catalogs kept here ("" = none)
    // The screen the kiosk opens on, whose first pictures are decoded here too (at most
    // max_pictures: the rest decode on the texture cache's threads as usual). "" = none.
    std::string first_route;
    std::string locale;
    std::size_t max_pictures = 2;
};

LoadedContent load_content(const ContentRequest& request);

// Where built font atlases and catalogs are kept for these options: --cache, else STATE/cache,
// else the user's cache directory; "" for none.
std::string cache_directory(const core::KioskOptions& options);

} // namespace pavilion::shell
