#include "pavilion/screens/font_atlas_snapshot.hpp"

#include "pavilion/core/byte_stream.hpp"
#include "pavilion/core/fnv_hash.hpp"

#include <array>
#include <cmath>
#include <cstring>

namespace pavilion::screens {
namespace {

constexpr std::uint32_t kMagic = 0x41465650; // "PVFA" when read back in this byte order
// Bumped whenever the layout below, or what FontAtlasBuilder makes of the same inputs, changes.
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kFontCount = 4;
constexpr std::uint32_t kLineCount = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;
constexpr std::uint32_t kMaxGlyphs = 1u << 20;

using Writer = core::ByteWriter;
using Reader = core::ByteReader;

std::array<ImFont*, kFontCount> fonts_in_order(const Fonts& fonts) {
    return {fonts.body, fonts.body_bold, fonts.heading, fonts.display};
}

bool finite_all(std::initializer_list<float> values) {
    for (float v : values) {
        if (!std::isfinite(v)) return false;
    }
    return true;
}

bool is_uv(float v) { return v >= 0.0f && v <= 1.0f; }

void put_glyph(Writer& out, const ImFontGlyph& glyph) {
    out.put<std::uint32_t>(glyph.Codepoint);
    out.put<std::uint32_t>((glyph.Colored ? 1u : 0u) | (glyph.Visible ? 2u : 0u));
    for (float v : {glyph.AdvanceX, glyph.X0, glyph.Y0, glyph.X1, glyph.Y1, glyph.U0, glyph.V0, glyph.U1, glyph.V1})
        out.put(v);
}

bool get_glyph(Reader& in, ImFontGlyph& glyph) {
    const auto codepoint = in.get<std::uint32_t>();
    const auto flags = in.get<std::uint32_t>();
    float v[9];
    for (float& value : v) value = in.get<float>();
    if (!in.ok() || codepoint > IM_UNICODE_CODEPOINT_MAX || flags > 3) return false;
    if (!finite_all({v[0], v[1], v[2], v[3], v[4]})) return false;
    if (!is_uv(v[5]) || !is_uv(v[6]) || !is_uv(v[7]) || !is_uv(v[8])) return false;
    glyph.Codepoint = codepoint;
    glyph.Colored = flags & 1u;
    glyph.Visible = (flags & 2u) ? 1u : 0u;
    glyph.AdvanceX = v[0];
    glyph.X0 = v[1], glyph.Y0 = v[2], glyph.X1 = v[3], glyph.Y1 = v[4];
    glyph.U0 = v[5], glyph.V0 = v[6], glyph.U1 = v[7], glyph.V1 = v[8];
    return true;
}

// One font's metrics and glyphs into a new ImFont owned by atlas.
ImFont* get_font(Reader& in, ImFontAtlas& atlas) {
    const auto font_size = in.get<float>(), scale = in.get<float>();
    const auto ascent = in.get<float>(), descent = in.get<float>();
    const auto fallback = in.get<std::uint32_t>(), ellipsis = in.get<std::uint32_t>(), dot = in.get<std::uint32_t>();
    const auto glyph_count = in.get<std::uint32_t>();
    if (!in.ok() || !finite_all({font_size, scale, ascent, descent}) || font_size <= 0 || scale <= 0 ||
        glyph_count == 0 || glyph_count > kMaxGlyphs)
        return nullptr;
    ImFont* font = IM_NEW(ImFont);
    atlas.Fonts.push_back(font); // owned by the atlas from here on, even if the rest fails
    font->ContainerAtlas = &atlas;
    font->FontSize = font_size;
    font->Scale = scale;
    font->Ascent = ascent;
    font->Descent = descent;
    font->FallbackChar = static_cast<ImWchar>(fallback);
    font->EllipsisChar = static_cast<ImWchar>(ellipsis);
    font->DotChar = static_cast<ImWchar>(dot);
    font->Glyphs.resize(static_cast<int>(glyph_count));
    for (auto& glyph : font->Glyphs) {
        if (!get_glyph(in, glyph)) return nullptr;
    }
    font->BuildLookupTable();
    return font;
}

core::Error fail(ImFontAtlas& atlas, core::ErrorCode code, const char* why) {
    atlas.Clear();
    return core::make_error(code, why);
}

constexpr auto kStale = core::ErrorCode::unsupported;
constexpr auto kCorrupt = core::ErrorCode::corrupt;

} // namespace

std::uint64_t font_atlas_key(const GlyphPlan& plan, std::string_view font_identity, float ui_scale,
                             int max_texture_side) {
    core::Fnv1a64 hash;
    hash.add_value(kFormatVersion).add_value(static_cast<std::uint32_t>(IMGUI_VERSION_NUM));
    hash.add(font_identity).add_value(ui_scale).add_value(max_texture_side);
    const FontSizes sizes;
    hash.add_value(sizes.body).add_value(sizes.heading).add_value(sizes.display);
    for (const auto* set : {&plan.body, &plan.heading, &plan.display}) {
        hash.add_value(static_cast<std::uint64_t>(set->size()));
        for (char32_t c : *set) hash.add_value(c);
    }
    return hash.value();
}

std::vector<std::uint8_t> snapshot_atlas(const ImFontAtlas& atlas, const Fonts& fonts, std::uint64_t key) {
    const auto in_order = fonts_in_order(fonts);
    if (!atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return {};
    for (const ImFont* font : in_order) {
        if (!font || font->ContainerAtlas != &atlas) return {};
    }
    Writer out;
    out.put(kMagic);
    out.put(kFormatVersion);
    out.put(static_cast<std::uint32_t>(IMGUI_VERSION_NUM));
    out.put(static_cast<std::uint32_t>(sizeof(ImWchar)));
    out.put(key);
    out.put<std::int32_t>(atlas.TexWidth);
    out.put<std::int32_t>(atlas.TexHeight);
    out.put<std::int32_t>(atlas.Flags);
    out.put(fonts.raster_scale);
    out.put(atlas.TexUvWhitePixel.x);
    out.put(atlas.TexUvWhitePixel.y);
    out.put(kLineCount);
    for (const auto& line : atlas.TexUvLines) {
        for (float v : {line.x, line.y, line.z, line.w}) out.put(v);
    }
    for (const ImFont* font : in_order) {
        for (float v : {font->FontSize, font->Scale, font->Ascent, font->Descent}) out.put(v);
        for (ImWchar c : {font->FallbackChar, font->EllipsisChar, font->DotChar}) out.put<std::uint32_t>(c);
        out.put(static_cast<std::uint32_t>(font->Glyphs.Size));
        for (const auto& glyph : font->Glyphs) put_glyph(out, glyph);
    }
    out.put_bytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);
    const auto checksum = core::Fnv1a64().add(out.bytes().data(), out.bytes().size()).value();
    out.put(checksum);
    return std::move(out.bytes());
}

core::Expected<Fonts> restore_atlas(const std::uint8_t* data, std::size_t size, std::uint64_t key,
                                    int max_texture_side, ImFontAtlas& atlas) {
    atlas.Clear();
    if (!data || size < sizeof(std::uint64_t)) return fail(atlas, kCorrupt, "the font cache file is empty");
    const std::size_t body = size - sizeof(std::uint64_t);
    std::uint64_t stored_checksum = 0;
    std::memcpy(&stored_checksum, data + body, sizeof stored_checksum);

    Reader in(data, body);
    if (in.get<std::uint32_t>() != kMagic || in.get<std::uint32_t>() != kFormatVersion ||
        in.get<std::uint32_t>() != static_cast<std::uint32_t>(IMGUI_VERSION_NUM) ||
        in.get<std::uint32_t>() != sizeof(ImWchar))
        return fail(atlas, kStale, "the font cache file is from another version");
    if (in.get<std::uint64_t>() != key) return fail(atlas, kStale, "the font cache file is for other fonts");
    if (core::Fnv1a64().add(data, body).value() != stored_checksum)
        return fail(atlas, kCorrupt, "the font cache file is damaged (checksum)");

    const auto width = in.get<std::int32_t>(), height = in.get<std::int32_t>(), flags = in.get<std::int32_t>();
    const auto raster_scale = in.get<float>();
    const float white_u = in.get<float>(), white_v = in.get<float>(); // (declarators run in order)
    const ImVec2 white(white_u, white_v);
    if (!in.ok() || width <= 0 || height <= 0 || width > max_texture_side || height > max_texture_side ||
        !finite_all({raster_scale}) || raster_scale <= 0 || !is_uv(white.x) || !is_uv(white.y) ||
        in.get<std::uint32_t>() != kLineCount)
        return fail(atlas, kCorrupt, "the font cache file has an impossible texture");
    atlas.Flags = flags;
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
    atlas.TexUvWhitePixel = white;
    for (auto& line : atlas.TexUvLines) {
        float v[4];
        for (float& value : v) value = in.get<float>();
        line = ImVec4(v[0], v[1], v[2], v[3]);
        if (!is_uv(line.x) || !is_uv(line.y) || !is_uv(line.z) || !is_uv(line.w))
            return fail(atlas, kCorrupt, "the font cache file has an impossible texture");
    }

    std::array<ImFont*, kFontCount> restored{};
    for (auto& font : restored) {
        font = get_font(in, atlas);
        if (!font) return fail(atlas, kCorrupt, "the font cache file has an impossible glyph");
    }
    const auto pixel_count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    const std::uint8_t* pixels = in.take(pixel_count);
    if (!pixels || !in.at_end()) return fail(atlas, kCorrupt, "the font cache file has the wrong length");
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixel_count));
    std::memcpy(atlas.TexPixelsAlpha8, pixels, pixel_count);
    atlas.TexReady = true;

    Fonts fonts;
    fonts.body = restored[0];
    fonts.body_bold = restored[1];
    fonts.heading = restored[2];
    fonts.display = restored[3];
    fonts.atlas_width = width;
    fonts.atlas_height = height;
    fonts.raster_scale = raster_scale;
    return fonts;
}

} // namespace pavilion::screens
