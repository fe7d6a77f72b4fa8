#include "pavilion/ui/font_atlas.hpp"

#include <imgui_freetype.h>

namespace pavilion::ui {
namespace {

void to_ranges(const core::CodepointSet& set, ImVector<ImWchar>& ranges) {
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : set) {
        if (c > 0 && c <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(c));
    }
    ranges.clear();
    builder.BuildRanges(&ranges);
}

ImFont* add_face(ImFontAtlas& atlas, const FontFace& face, float pixels,
                 const ImVector<ImWchar>& ranges, bool merge) {
    ImFontConfig config;
    config.MergeMode = merge;
    config.FontDataOwnedByAtlas = false;
    config.FontNo = face.face_index;
    config.OversampleH = 1; // FreeType hints the outlines; oversampling would only cost space
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromMemoryTTF(const_cast<std::uint8_t*>(face.bytes->data()),
                                      static_cast<int>(face.bytes->size()), pixels, &config,
                                      ranges.Data);
}

bool usable(const FontFace& face) { return face.bytes && !face.bytes->empty(); }

// ImGui's builder keeps the first glyph it finds for a code point, so later faces only fill gaps.
ImFont* add_font(ImFontAtlas& atlas, const FontFace& first, const FontFace& second, float pixels,
                 const ImVector<ImWchar>& ranges) {
    const FontFace& primary = usable(first) ? first : second;
    ImFont* font = add_face(atlas, primary, pixels, ranges, false);
    if (font && &primary == &first && usable(second)) add_face(atlas, second, pixels, ranges, true);
    return font;
}

} // namespace

std::optional<Fonts> FontAtlasBuilder::build(ImFontAtlas& atlas, const FontSources& sources,
                                             const GlyphPlan& plan, float ui_scale,
                                             int max_texture_side, std::string& error) {
    to_ranges(plan.body, body_ranges_);
    to_ranges(plan.heading, heading_ranges_);
    to_ranges(plan.display, display_ranges_);
    const FontSizes sizes;
    // Shrink the rasterized sizes until the atlas fits; ImFont::Scale restores the drawn size
    // (slightly softer text beats no text on a 4K panel).
    for (float raster = 1.0f; raster >= 0.3f; raster *= 0.85f) {
        atlas.Clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
        atlas.TexDesiredWidth = max_texture_side >= 4096 ? 4096 : max_texture_side;
        atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
        const float scale = ui_scale * raster;
        Fonts fonts;
        fonts.body = add_font(atlas, sources.latin_regular, sources.cjk_regular, sizes.body * scale, body_ranges_);
        fonts.heading = add_font(atlas, sources.latin_bold, sources.cjk_bold, sizes.heading * scale, heading_ranges_);
        fonts.display = add_font(atlas, sources.latin_bold, sources.cjk_bold, sizes.display * scale, display_ranges_);
        if (!fonts.body || !fonts.heading || !fonts.display || !atlas.Build()) {
            error = "the font cannot be loaded";
            return std::nullopt;
        }
        if (atlas.TexWidth <= max_texture_side && atlas.TexHeight <= max_texture_side) {
            for (ImFont* font : {fonts.body, fonts.heading, fonts.display}) font->Scale = 1.0f / raster;
            fonts.atlas_width = atlas.TexWidth;
            fonts.atlas_height = atlas.TexHeight;
            fonts.raster_scale = raster;
            return fonts;
        }
    }
    error = "the pack uses too many characters to fit the font texture";
    return std::nullopt;
}

} // namespace pavilion::ui
