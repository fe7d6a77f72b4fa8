#include "pavilion/screens/font_atlas.hpp"

#include <imgui_freetype.h>

#include <string>

namespace pavilion::screens {
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
    // ImGui 1.86 copies font data it does not own: six 20 MB copies of Noto Sans CJK took most of
    // the start-up time and memory. Claimed as owned, it is used in place; release_font_data()
    // hands ownership back before ImGui could free it.
    config.FontDataOwnedByAtlas = true;
    config.FontNo = face.face_index;
    config.OversampleH = 1; // FreeType hints the outlines; oversampling would only cost space
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // ImGui's signature takes void*; it only reads the data, and release_font_data() takes the
    // ownership back before ImGui could free it.
    return atlas.AddFontFromMemoryTTF(const_cast<std::uint8_t*>(face.data),
                                      static_cast<int>(face.size), pixels, &config,
                                      ranges.Data);
}

// The atlas must never free the caller's (memory-mapped) font data; ImGui reads it only while
// building, so after Build() it is marked as not owned again.
void release_font_data(ImFontAtlas& atlas) {
    for (auto& config : atlas.ConfigData) config.FontDataOwnedByAtlas = false;
}

bool usable(const FontFace& face) { return face.data && face.size > 0; }

// ImGui's builder keeps the first glyph it finds for a code point, so later faces only fill gaps.
ImFont* add_font(ImFontAtlas& atlas, const FontFace& first, const FontFace& second, float pixels,
                 const ImVector<ImWchar>& ranges) {
    const FontFace& primary = usable(first) ? first : second;
    ImFont* font = add_face(atlas, primary, pixels, ranges, false);
    if (font && &primary == &first && usable(second)) add_face(atlas, second, pixels, ranges, true);
    return font;
}

} // namespace

core::Expected<Fonts> FontAtlasBuilder::build(ImFontAtlas& atlas, const FontSources& sources, const GlyphPlan& plan,
                                              float ui_scale, int max_texture_side) {
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
        fonts.body_bold = add_font(atlas, sources.latin_bold, sources.cjk_bold, sizes.body * scale, body_ranges_);
        fonts.heading = add_font(atlas, sources.latin_bold, sources.cjk_bold, sizes.heading * scale, heading_ranges_);
        fonts.display = add_font(atlas, sources.latin_bold, sources.cjk_bold, sizes.display * scale, display_ranges_);
        const bool built = fonts.body && fonts.body_bold && fonts.heading && fonts.display && atlas.Build();
        release_font_data(atlas);
        if (!built) return core::make_error(core::ErrorCode::unavailable, "the font cannot be loaded");
        if (atlas.TexWidth <= max_texture_side && atlas.TexHeight <= max_texture_side) {
            for (ImFont* font : {fonts.body, fonts.body_bold, fonts.heading, fonts.display}) font->Scale = 1.0f / raster;
            fonts.atlas_width = atlas.TexWidth;
            fonts.atlas_height = atlas.TexHeight;
            fonts.raster_scale = raster;
            return fonts;
        }
    }
    return core::make_error(core::ErrorCode::too_large,
                            "the pack uses too many characters to fit the font texture (" +
                                std::to_string(max_texture_side) + " px)");
}

} // namespace pavilion::screens
