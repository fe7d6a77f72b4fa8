#pragma once
// Pavilion's own glyph atlas: the glyphs a pack's texts shape into (glyphs_needed), rasterized by
// glyph id with FreeType as 8-bit coverage at each size the screens draw, packed into pages of at
// most kMaxAtlasSide pixels a side. No GL here: a page is bytes, which the screens upload as a
// texture of their own and draw from as quads.
//
// Keyed by glyph id, not by character: after shaping, a character may be several glyphs (Indic
// conjuncts, Arabic joining forms) and several characters one glyph (ligatures).

#include "pavilion/text/font_set.hpp"
#include "pavilion/text/glyphs_needed.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace pavilion::text {

// GL_MAX_TEXTURE_SIZE on a Raspberry Pi 4 (V3D 4.2): no page may be larger a side.
inline constexpr int kMaxAtlasSide = 4096;

// A text size in 1/64 px, rounded as the layouter scales HarfBuzz (FontSet::hb_font_at): a size
// the screens lay out at and the size its glyphs were rasterized at are the same key.
std::int32_t size_64_of(float size_px);

// One glyph of one face at one size.
struct AtlasKey {
    std::size_t face = 0;     // index into the FontSet
    std::uint32_t glyph = 0;  // glyph id in that face (Glyph::id)
    std::int32_t size_64 = 0; // size_64_of(LayoutOptions::size_px)

    // Face, then size, then glyph: building in this order sets each face's size once.
    bool operator<(const AtlasKey& other) const {
        return std::tie(face, size_64, glyph) < std::tie(other.face, other.size_64, other.glyph);
    }
    bool operator==(const AtlasKey& other) const {
        return face == other.face && glyph == other.glyph && size_64 == other.size_64;
    }
};

inline AtlasKey atlas_key(std::size_t face, std::uint32_t glyph, float size_px) {
    return AtlasKey{face, glyph, size_64_of(size_px)};
}

// Where a glyph's bitmap is and how to place it. Blank glyphs (a space) have width and height 0
// and no pixels; they are still entries, so "every laid-out glyph has an entry" holds.
struct AtlasGlyph {
    std::uint32_t page = 0;
    std::int32_t x = 0, y = 0;          // the bitmap's top-left corner in the page, px
    std::int32_t width = 0, height = 0; // the bitmap, px
    std::int32_t bearing_x = 0;         // from the pen position to the bitmap's left edge, px
    std::int32_t bearing_y = 0;         // from the baseline up to the bitmap's top edge, px
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0; // the bitmap in the page's texture coordinates

    bool operator==(const AtlasGlyph& o) const {
        return page == o.page && x == o.x && y == o.y && width == o.width && height == o.height &&
               bearing_x == o.bearing_x && bearing_y == o.bearing_y && u0 == o.u0 && v0 == o.v0 &&
               u1 == o.u1 && v1 == o.v1;
    }
};

struct AtlasPage;
// Sets the glyph's u/v from its pixel rectangle in page.
void set_uv_rect(AtlasGlyph& glyph, const AtlasPage& page);

// One texture: width x height coverage bytes, row after row, top row first.
struct AtlasPage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> alpha;

    bool operator==(const AtlasPage& o) const { return width == o.width && height == o.height && alpha == o.alpha; }
};

// A glyph left out of the atlas, and why (FreeType's refusal, or larger than a page).
struct AtlasFailure {
    AtlasKey key;
    std::string reason;

    bool operator==(const AtlasFailure& o) const { return key == o.key && reason == o.reason; }
};

struct GlyphAtlas {
    std::vector<AtlasPage> pages;
    std::map<AtlasKey, AtlasGlyph> glyphs;
    std::vector<AtlasFailure> failures; // in key order; none of them is in glyphs

    const AtlasGlyph* find(const AtlasKey& key) const {
        const auto found = glyphs.find(key);
        return found == glyphs.end() ? nullptr : &found->second;
    }
    bool operator==(const GlyphAtlas& o) const {
        return pages == o.pages && glyphs == o.glyphs && failures == o.failures;
    }
};

struct AtlasOptions {
    int max_side = kMaxAtlasSide; // no page wider or taller (clamped to at least 1)
    int padding = 1; // empty pixels between bitmaps, so linear filtering never reads a neighbour
};

// Rasterizes every key with its face in fonts and packs the bitmaps into as few pages as hold
// them. Deterministic: the same fonts, keys and options give the same pages, byte for byte.
// A glyph FreeType cannot rasterize (an id past the face's glyphs, a bitmap that is not 8-bit
// coverage) or larger than a page is a failure in the result, never an exception. Sets the
// FreeType faces' sizes (FontSet's one-thread rule).
GlyphAtlas build_glyph_atlas(const FontSet& fonts, const std::set<AtlasKey>& keys, const AtlasOptions& options = {});

// Every glyph at every size: the atlas for texts laid out at sizes_px.
GlyphAtlas build_glyph_atlas(const FontSet& fonts, const std::set<GlyphKey>& glyphs, const std::vector<float>& sizes_px,
                             const AtlasOptions& options = {});

// The keys of glyphs at each of sizes_px.
std::set<AtlasKey> atlas_keys(const std::set<GlyphKey>& glyphs, const std::vector<float>& sizes_px);

} // namespace pavilion::text
