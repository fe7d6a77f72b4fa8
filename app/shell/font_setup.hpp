#pragma once
// The fonts of a running kiosk: which files, kept mapped while the atlas refers to them, and the
// atlases already built from them (kept on disk, so a start does not rasterize again).

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/content/keyed_file_cache.hpp"
#include "pavilion/screens/font_atlas.hpp"

#include <string>

namespace pavilion::shell {

class FontSetup {
public:
    // cache_directory: where built atlases are kept ("" keeps none).
    explicit FontSetup(std::string cache_directory = "");

    // The pack's own font if it brings one, else Noto Sans with Noto Sans CJK.
    bool load(const content::PackReader& pack, std::string& error);
    // Rebuilds ImGui's atlas for the pack's characters at this scale (dp scale times the
    // visitor's text scale): from the cache when the same pack file, fonts and scale were built
    // before, else with FreeType (reading the bodies the catalog left in the pack), and then
    // kept in the cache.
    bool build(ImFontAtlas& atlas, const content::PackReader& pack, float scale, int max_texture_side,
               screens::Fonts& fonts, std::string& error);

    // Whether the last build() came from the cache.
    bool last_build_cached() const { return last_build_cached_; }

private:
    platform::SystemFonts files_;
    std::string files_identity_;
    screens::FontAtlasBuilder builder_;
    content::KeyedFileCache cache_;
    bool last_build_cached_ = false;
};

} // namespace pavilion::shell
