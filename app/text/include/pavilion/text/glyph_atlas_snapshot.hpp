#pragma once
// A built glyph atlas as bytes, and back again without FreeType: a warm start rasterizes nothing.
//
// Mirrors app/screens' font_atlas_snapshot (ImGui's atlas): the atlas depends only on the font
// files, the keys (glyphs and sizes), the options and the FreeType that rasterized them, so a
// kiosk keeps it on disk under glyph_atlas_key and restores it at the next start; only the first
// start after a change pays for FreeType. The bytes are this machine's own (native byte order);
// anything else, or a damaged file, is refused and the atlas built again.

#include "pavilion/core/expected.hpp"
#include "pavilion/text/font_set.hpp"
#include "pavilion/text/glyph_atlas.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

namespace pavilion::text {

// The font files (path, face index, length and modification time: a replaced file gives a new
// key), FreeType's version, the keys and the options.
std::uint64_t glyph_atlas_key(const FontSet& fonts, const std::set<AtlasKey>& keys, const AtlasOptions& options);

std::vector<std::uint8_t> snapshot_glyph_atlas(const GlyphAtlas& atlas, std::uint64_t key);

// The atlas a snapshot under the same key holds, each page within max_side. Errors: unsupported
// (another format version, other fonts or glyphs: a stale cache), corrupt (empty, damaged,
// impossible values, wrong length). Either way the caller builds the atlas the usual way.
core::Expected<GlyphAtlas> restore_glyph_atlas(const std::uint8_t* data, std::size_t size, std::uint64_t key,
                                               int max_side = kMaxAtlasSide);

} // namespace pavilion::text
