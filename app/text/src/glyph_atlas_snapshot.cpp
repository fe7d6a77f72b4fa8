#include "pavilion/text/glyph_atlas_snapshot.hpp"

#include "pavilion/core/byte_stream.hpp"
#include "pavilion/core/fnv_hash.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstring>
#include <filesystem>
#include <system_error>

namespace pavilion::text {
namespace {

constexpr std::uint32_t kMagic = 0x41475650; // "PVGA" when read back in this byte order
// Bumped whenever the layout below, or what build_glyph_atlas makes of the same inputs, changes.
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kGlyphBytes = 11 * sizeof(std::uint32_t);
constexpr std::size_t kFailureBytes = 4 * sizeof(std::uint32_t);

using Writer = core::ByteWriter;
using Reader = core::ByteReader;

constexpr auto kStale = core::ErrorCode::unsupported;
constexpr auto kCorrupt = core::ErrorCode::corrupt;

void put_key(Writer& out, const AtlasKey& key) {
    out.put(static_cast<std::uint32_t>(key.face));
    out.put(key.glyph);
    out.put(key.size_64);
}

AtlasKey get_key(Reader& in) {
    AtlasKey key;
    key.face = in.get<std::uint32_t>();
    key.glyph = in.get<std::uint32_t>();
    key.size_64 = in.get<std::int32_t>();
    return key;
}

void put_glyph(Writer& out, const AtlasKey& key, const AtlasGlyph& glyph) {
    put_key(out, key);
    out.put(glyph.page);
    for (std::int32_t v : {glyph.x, glyph.y, glyph.width, glyph.height, glyph.bearing_x, glyph.bearing_y}) out.put(v);
    out.put(std::uint32_t{0}); // reserved: keeps a glyph 11 words long
}

// A glyph whose rectangle lies inside its page (blank glyphs: 0 x 0 at the origin).
bool get_glyph(Reader& in, const std::vector<AtlasPage>& pages, GlyphAtlas& atlas) {
    const AtlasKey key = get_key(in);
    AtlasGlyph glyph;
    glyph.page = in.get<std::uint32_t>();
    for (std::int32_t* v : {&glyph.x, &glyph.y, &glyph.width, &glyph.height, &glyph.bearing_x, &glyph.bearing_y})
        *v = in.get<std::int32_t>();
    const bool reserved_zero = in.get<std::uint32_t>() == 0;
    if (!in.ok() || !reserved_zero || key.size_64 <= 0 || glyph.x < 0 || glyph.y < 0 || glyph.width < 0 ||
        glyph.height < 0)
        return false;
    const bool blank = glyph.width == 0 || glyph.height == 0;
    if (blank) {
        if (glyph.page != 0 || glyph.x != 0 || glyph.y != 0) return false;
    } else if (glyph.page >= pages.size() ||
               std::int64_t{glyph.x} + glyph.width > pages[glyph.page].width || // 64 bits: no overflow
               std::int64_t{glyph.y} + glyph.height > pages[glyph.page].height) {
        return false;
    }
    set_uv_rect(glyph, blank ? AtlasPage{} : pages[glyph.page]);
    return atlas.glyphs.emplace(key, glyph).second; // a key twice is damage
}

bool get_failure(Reader& in, GlyphAtlas& atlas) {
    AtlasFailure failure{get_key(in), in.get_string()};
    if (!in.ok() || (!atlas.failures.empty() && !(atlas.failures.back().key < failure.key))) return false;
    atlas.failures.push_back(std::move(failure));
    return true;
}

// Page sizes first (so glyphs can be checked against them), pixels last.
bool get_page_sizes(Reader& in, int max_side, std::vector<AtlasPage>& pages) {
    const std::size_t count = in.get_count(2 * sizeof(std::int32_t));
    for (std::size_t i = 0; i < count && in.ok(); ++i) {
        AtlasPage page;
        page.width = in.get<std::int32_t>();
        page.height = in.get<std::int32_t>();
        if (page.width <= 0 || page.height <= 0 || page.width > max_side || page.height > max_side) return false;
        pages.push_back(std::move(page));
    }
    return in.ok();
}

bool get_pixels(Reader& in, std::vector<AtlasPage>& pages) {
    for (auto& page : pages) {
        const auto count = static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.height);
        const std::uint8_t* pixels = in.take(count);
        if (!pixels) return false;
        page.alpha.assign(pixels, pixels + count);
    }
    return true;
}

} // namespace

std::uint64_t glyph_atlas_key(const FontSet& fonts, const std::set<AtlasKey>& keys, const AtlasOptions& options) {
    core::Fnv1a64 hash;
    hash.add_value(kFormatVersion);
    for (int part : {FREETYPE_MAJOR, FREETYPE_MINOR, FREETYPE_PATCH}) hash.add_value(part);
    hash.add_value(static_cast<std::uint64_t>(fonts.face_count()));
    for (std::size_t face = 0; face < fonts.face_count(); ++face) hash.add_value(file_identity(fonts.file(face)));
    hash.add_value(options.max_side).add_value(options.padding);
    hash.add_value(static_cast<std::uint64_t>(keys.size()));
    for (const auto& key : keys) hash.add_value(static_cast<std::uint64_t>(key.face)).add_value(key.glyph).add_value(key.size_64);
    return hash.value();
}

std::vector<std::uint8_t> snapshot_glyph_atlas(const GlyphAtlas& atlas, std::uint64_t key) {
    Writer out;
    out.put(kMagic);
    out.put(kFormatVersion);
    out.put(key);
    out.put(static_cast<std::uint32_t>(atlas.pages.size()));
    for (const auto& page : atlas.pages) {
        out.put<std::int32_t>(page.width);
        out.put<std::int32_t>(page.height);
    }
    out.put(static_cast<std::uint32_t>(atlas.glyphs.size()));
    for (const auto& [glyph_key, glyph] : atlas.glyphs) put_glyph(out, glyph_key, glyph);
    out.put(static_cast<std::uint32_t>(atlas.failures.size()));
    for (const auto& failure : atlas.failures) {
        put_key(out, failure.key);
        out.put_string(failure.reason);
    }
    for (const auto& page : atlas.pages) out.put_bytes(page.alpha.data(), page.alpha.size());
    const auto checksum = core::Fnv1a64().add(out.bytes().data(), out.bytes().size()).value();
    out.put(checksum);
    return std::move(out.bytes());
}

core::Expected<GlyphAtlas> restore_glyph_atlas(const std::uint8_t* data, std::size_t size, std::uint64_t key,
                                               int max_side) {
    if (!data || size < sizeof(std::uint64_t)) return core::make_error(kCorrupt, "the glyph atlas cache file is empty");
    const std::size_t body = size - sizeof(std::uint64_t);
    std::uint64_t stored_checksum = 0;
    std::memcpy(&stored_checksum, data + body, sizeof stored_checksum);

    Reader in(data, body);
    if (in.get<std::uint32_t>() != kMagic || in.get<std::uint32_t>() != kFormatVersion)
        return core::make_error(kStale, "the glyph atlas cache file is from another version");
    if (in.get<std::uint64_t>() != key) return core::make_error(kStale, "the glyph atlas cache file is for other glyphs or fonts");
    if (core::Fnv1a64().add(data, body).value() != stored_checksum)
        return core::make_error(kCorrupt, "the glyph atlas cache file is damaged (checksum)");

    GlyphAtlas atlas;
    if (!get_page_sizes(in, max_side, atlas.pages))
        return core::make_error(kCorrupt, "the glyph atlas cache file has an impossible page");
    const std::size_t glyph_count = in.get_count(kGlyphBytes);
    for (std::size_t i = 0; i < glyph_count; ++i)
        if (!get_glyph(in, atlas.pages, atlas)) return core::make_error(kCorrupt, "the glyph atlas cache file has an impossible glyph");
    const std::size_t failure_count = in.get_count(kFailureBytes);
    for (std::size_t i = 0; i < failure_count; ++i)
        if (!get_failure(in, atlas)) return core::make_error(kCorrupt, "the glyph atlas cache file has an impossible failure");
    if (!in.ok() || !get_pixels(in, atlas.pages) || !in.at_end())
        return core::make_error(kCorrupt, "the glyph atlas cache file has the wrong length");
    return atlas;
}

} // namespace pavilion::text
