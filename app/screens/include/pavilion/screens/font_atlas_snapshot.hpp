#pragma once
// A built font atlas as bytes, and back again without FreeType.
//
// Rasterizing the pack's characters at four sizes is the largest part of start-up (about 100 ms
// on a desktop core, several times that on a Pi). Its result depends only on the glyph plan, the
// font files, the scale and the texture limit, so a kiosk keeps it on disk under a key made of
// those (font_atlas_key) and restores it at the next start; only the first start after a change
// pays for FreeType. The bytes are this machine's own (native byte order and ImGui's layout);
// anything else, or a damaged file, is refused and the atlas built again.

#include "pavilion/core/expected.hpp"
#include "pavilion/screens/font_atlas.hpp"
#include "pavilion/screens/glyph_plan.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::screens {

// font_identity names the font files (path, size, modification time, or a hash of a pack's own
// font): a changed file gives a new key.
std::uint64_t font_atlas_key(const GlyphPlan& plan, std::string_view font_identity, float ui_scale,
                             int max_texture_side);

// The atlas FontAtlasBuilder::build just filled, with its pixels: call it before the pixels go to
// the GPU (the backend frees them). Empty when the atlas holds no 8-bit pixels.
std::vector<std::uint8_t> snapshot_atlas(const ImFontAtlas& atlas, const Fonts& fonts, std::uint64_t key);

// Fills atlas from a snapshot made under the same key, within max_texture_side, and returns its
// fonts. When the bytes are not a whole, undamaged snapshot of that key the atlas is left empty,
// to be built the usual way; errors: unsupported (another version, other fonts: a stale cache),
// corrupt (empty, damaged, impossible values, wrong length).
core::Expected<Fonts> restore_atlas(const std::uint8_t* data, std::size_t size, std::uint64_t key,
                                    int max_texture_side, ImFontAtlas& atlas);

} // namespace pavilion::screens
