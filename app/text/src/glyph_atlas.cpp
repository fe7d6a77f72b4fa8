#include "pavilion/text/glyph_atlas.hpp"

#include "pack_pages.hpp"
#include "rasterize_glyph.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace pavilion::text {
namespace {

struct Rasterized {
    AtlasKey key;
    detail::GlyphBitmap bitmap;
};

// Every key's bitmap, in key order (face, size, glyph): each face's size is set once per size.
std::vector<Rasterized> rasterize_all(const FontSet& fonts, const std::set<AtlasKey>& keys,
                                      std::vector<AtlasFailure>& failures) {
    std::vector<Rasterized> out;
    std::optional<std::pair<std::size_t, std::int32_t>> face_size; // what the current face is set to
    core::Status size_set = core::ok();
    for (const auto& key : keys) {
        if (key.face >= fonts.face_count()) {
            failures.push_back({key, "no face " + std::to_string(key.face) + " in the font set"});
            continue;
        }
        FT_FaceRec_* face = fonts.ft_face(key.face);
        if (face_size != std::make_pair(key.face, key.size_64)) {
            face_size = std::make_pair(key.face, key.size_64);
            size_set = key.size_64 > 0 ? detail::set_glyph_size(face, key.size_64)
                                       : core::make_error(core::ErrorCode::invalid_argument, "a size not above 0");
        }
        if (!size_set) {
            failures.push_back({key, size_set.error().message});
            continue;
        }
        auto bitmap = detail::rasterize_glyph(face, key.glyph);
        if (!bitmap) failures.push_back({key, bitmap.error().message});
        else out.push_back({key, std::move(*bitmap)});
    }
    return out;
}

void blit(const detail::GlyphBitmap& bitmap, int x, int y, AtlasPage& page) {
    for (int row = 0; row < bitmap.height; ++row) {
        const auto source = bitmap.alpha.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width;
        const auto target = page.alpha.begin() + static_cast<std::ptrdiff_t>(y + row) * page.width + x;
        std::copy(source, source + bitmap.width, target);
    }
}

AtlasGlyph placed_glyph(const detail::GlyphBitmap& bitmap, const detail::Placement& place, const AtlasPage& page) {
    AtlasGlyph glyph;
    glyph.page = place.page;
    glyph.x = place.x;
    glyph.y = place.y;
    glyph.width = bitmap.width;
    glyph.height = bitmap.height;
    glyph.bearing_x = bitmap.bearing_x;
    glyph.bearing_y = bitmap.bearing_y;
    set_uv_rect(glyph, page);
    return glyph;
}

bool blank(const detail::GlyphBitmap& bitmap) { return bitmap.width == 0 || bitmap.height == 0; }

} // namespace

std::int32_t size_64_of(float size_px) { return static_cast<std::int32_t>(std::lround(size_px * 64.0f)); }

void set_uv_rect(AtlasGlyph& glyph, const AtlasPage& page) {
    const float width = static_cast<float>(std::max(page.width, 1)), height = static_cast<float>(std::max(page.height, 1));
    glyph.u0 = static_cast<float>(glyph.x) / width;
    glyph.v0 = static_cast<float>(glyph.y) / height;
    glyph.u1 = static_cast<float>(glyph.x + glyph.width) / width;
    glyph.v1 = static_cast<float>(glyph.y + glyph.height) / height;
}

GlyphAtlas build_glyph_atlas(const FontSet& fonts, const std::set<AtlasKey>& keys, const AtlasOptions& options) {
    GlyphAtlas atlas;
    const int max_side = std::max(options.max_side, 1);
    const auto rasterized = rasterize_all(fonts, keys, atlas.failures);

    std::vector<detail::RectSize> sizes;
    std::vector<const Rasterized*> drawn; // the glyphs with pixels, in the order of sizes
    for (const auto& glyph : rasterized) {
        if (blank(glyph.bitmap)) {
            atlas.glyphs.emplace(glyph.key, placed_glyph(glyph.bitmap, {}, AtlasPage{}));
            continue;
        }
        sizes.push_back({glyph.bitmap.width, glyph.bitmap.height});
        drawn.push_back(&glyph);
    }
    const auto plan = detail::plan_pages(sizes, max_side, std::max(options.padding, 0));
    for (const auto& size : plan.pages)
        atlas.pages.push_back(AtlasPage{size.width, size.height,
                                        std::vector<std::uint8_t>(static_cast<std::size_t>(size.width) * size.height)});
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const auto& bitmap = drawn[i]->bitmap;
        if (!plan.places[i]) {
            atlas.failures.push_back({drawn[i]->key, std::to_string(bitmap.width) + "x" + std::to_string(bitmap.height) +
                                                         " px, larger than a page (" + std::to_string(max_side) + ")"});
            continue;
        }
        AtlasPage& page = atlas.pages[plan.places[i]->page];
        blit(bitmap, plan.places[i]->x, plan.places[i]->y, page);
        atlas.glyphs.emplace(drawn[i]->key, placed_glyph(bitmap, *plan.places[i], page));
    }
    std::sort(atlas.failures.begin(), atlas.failures.end(),
              [](const AtlasFailure& a, const AtlasFailure& b) { return a.key < b.key; });
    return atlas;
}

std::set<AtlasKey> atlas_keys(const std::set<GlyphKey>& glyphs, const std::vector<float>& sizes_px) {
    std::set<AtlasKey> keys;
    for (float size : sizes_px)
        for (const auto& glyph : glyphs) keys.insert(atlas_key(glyph.face, glyph.glyph, size));
    return keys;
}

GlyphAtlas build_glyph_atlas(const FontSet& fonts, const std::set<GlyphKey>& glyphs, const std::vector<float>& sizes_px,
                             const AtlasOptions& options) {
    return build_glyph_atlas(fonts, atlas_keys(glyphs, sizes_px), options);
}

} // namespace pavilion::text
