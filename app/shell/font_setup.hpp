#pragma once
// The fonts of a pack: which files (the pack's own font, or Noto Sans with Noto Sans CJK), kept
// mapped while an atlas refers to them, and atlases built from them for the pack's characters
// at a scale, kept on disk so a later start (or the other text size) rasterizes nothing.
// Not thread-safe: one FontSetup is used by one thread at a time.

#include "pavilion/content/keyed_file_cache.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/screens/font_atlas.hpp"

#include <string>
#include <vector>

namespace pavilion::shell {

class FontSetup {
public:
    // cache_directory: where built atlases are kept ("" keeps none).
    explicit FontSetup(std::string cache_directory = "");

    // The pack's own font if it brings one, else the system's Noto fonts.
    core::Status load(const content::PackReader& pack);
    // Fills atlas for the pack's characters at this scale (the UI scale times the visitor's
    // text scale): from the cache when the same pack file, fonts and scale were built before,
    // else with FreeType (reading the texts the catalog left in the pack), then kept in the cache.
    core::Expected<screens::Fonts> build(ImFontAtlas& atlas, const content::PackReader& pack, float scale,
                                         int max_texture_side);

    // Whether the last build() came from the cache.
    bool last_build_cached() const { return last_build_cached_; }
    // Lines for the log since the last call: a damaged cache entry, an atlas not kept.
    std::vector<std::string> take_notices();

private:
    platform::SystemFonts files_;
    std::string files_identity_;
    screens::FontAtlasBuilder builder_;
    content::KeyedFileCache cache_;
    bool last_build_cached_ = false;
    std::vector<std::string> notices_;
};

} // namespace pavilion::shell
