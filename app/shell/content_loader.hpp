#pragma once
// The content half of start-up, run on a worker thread while the main thread makes the GL
// context (graphics.hpp): open and check the pack (its catalog from the cache when it was read
// before), build its font atlas (or restore it from the cache), decode the first screen's
// pictures, and open the device's state (installed packs, PIN, statistics) beside them.

#include "font_stage.hpp"

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/model/device.hpp"

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
    std::shared_ptr<const content::PackReader> pack;
    BuiltFonts fonts;                   // at the request's scale, not yet on the GPU
    std::vector<EarlyPicture> pictures; // of the first route, as many as the wait allowed
    model::Device device;               // the state directory's services (empty without one)
    std::vector<std::string> notices;   // for the log: a damaged cache entry, ...
    // Where the time went, in ms of wall time (for pavilion --bench's start-up phases).
    struct Timings {
        double pack = 0, fonts = 0, pictures = 0;
        bool fonts_cached = false;   // the atlas came from the font cache, not FreeType
        bool catalog_cached = false; // the catalog came from the cache, not the pack's tables
    } timings;
};

struct ContentRequest {
    std::string pack_path;
    float font_scale = 1;        // the UI scale for the planned window size
    int max_texture_side = 4096; // the atlas's limit (the Raspberry Pi's, until the GL context says)
    std::string cache_dir;       // built atlases and catalogs kept here ("" = none)
    std::string state_dir;       // the device's state ("" = none)
    // The pack this build carries (its id and version), which the device's version floor counts.
    std::optional<content::PackIdentity> built_in;
    // The screen the kiosk opens on, whose first pictures are decoded here too (at most
    // max_pictures: the rest decode on the texture cache's threads as usual).
    std::optional<core::Route> first_route;
    std::string locale;
    std::size_t max_pictures = 2;
};

// The pack, its fonts and the device, or the one error that stops the kiosk (the pack cannot be
// opened, no font is usable). A part of the device that cannot be opened is a notice instead.
core::Expected<LoadedContent> load_content(const ContentRequest& request);

// Where built font atlases and catalogs are kept for these options: --cache, else STATE/cache,
// else the user's cache directory; "" for none.
std::string cache_directory(const core::KioskOptions& options);

} // namespace pavilion::shell
