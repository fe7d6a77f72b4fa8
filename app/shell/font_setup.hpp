#pragma once
// The fonts of a pack: which files (the pack's own font first if it brings one, then Debian's
// Noto families for every script), and the glyph atlas of the pack's texts at a scale, kept on
// disk so a later start (or the other text size) shapes and rasterizes nothing.
// Not thread-safe: one FontSetup is used by one thread at a time.

#include "pavilion/content/keyed_file_cache.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/screens/text_fonts.hpp"

#include <string>
#include <vector>

namespace pavilion::shell {

class FontSetup {
public:
    // cache_directory: where built atlases are kept ("" keeps none).
    explicit FontSetup(std::string cache_directory = "");

    // The pack's font (read from the pack) and the system's Noto fonts.
    core::Status load(const content::PackReader& pack);
    // The fonts opened at this scale (the UI scale times the visitor's text scale) with the
    // atlas of the pack's texts: from the cache when the same pack file, fonts and scale were
    // built before, else shaped and rasterized (reading the texts the catalog left in the pack),
    // then kept in the cache. Errors: a font file missing or broken.
    core::Expected<screens::TextFonts> build(const content::PackReader& pack, float scale, int max_texture_side);

    // Whether the last build() came from the cache.
    bool last_build_cached() const { return last_build_cached_; }
    // Lines for the log since the last call: a damaged cache entry, an atlas not kept.
    std::vector<std::string> take_notices();

private:
    core::Status fill_atlas(screens::TextFonts& fonts, const content::PackReader& pack, int max_texture_side);

    screens::FontFiles files_;
    content::KeyedFileCache cache_;
    bool last_build_cached_ = false;
    std::vector<std::string> notices_;
};

} // namespace pavilion::shell
