#pragma once
// Builds the kiosk's fonts into ImGui's atlas from the glyph plan, within the GPU's texture limit
// (4096 px on a Raspberry Pi's V3D).

#include "pavilion/core/expected.hpp"
#include "pavilion/screens/glyph_plan.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace pavilion::screens {

struct FontFace {
    const std::uint8_t* data = nullptr; // owned by the caller, kept alive while the atlas lives
    std::size_t size = 0;
    int face_index = 0;
};

// Each style is a Latin face with a CJK face merged under it: for every character the first face
// that has it wins. Latin comes first because Noto Sans CJK's quotes and ellipsis are full-width
// (right in Chinese, gaps in English) and it lacks letters such as ž; Chinese characters come
// from the CJK face. A missing Latin face (size == 0) leaves the CJK face alone.
struct FontSources {
    FontFace latin_regular;
    FontFace latin_bold;
    FontFace cjk_regular;
    FontFace cjk_bold;
};

// Sizes in dp; multiplied by the UI scale when rasterized.
struct FontSizes {
    float body = 26;
    float heading = 34;
    float display = 68;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr; // **strong** in running text
    ImFont* heading = nullptr;
    ImFont* display = nullptr;
    int atlas_width = 0;
    int atlas_height = 0;
    float raster_scale = 1; // below 1 when the atlas had to shrink to fit the texture limit
};

class FontAtlasBuilder {
public:
    // Clears atlas and fills it. Errors: unavailable when FreeType cannot load a face,
    // too_large when the plan's characters do not fit max_texture_side even at a third of the
    // size.
    core::Expected<Fonts> build(ImFontAtlas& atlas, const FontSources& sources, const GlyphPlan& plan,
                                float ui_scale, int max_texture_side);

private:
    // Glyph ranges must outlive the atlas build; kept here between builds.
    ImVector<ImWchar> body_ranges_;
    ImVector<ImWchar> heading_ranges_;
    ImVector<ImWchar> display_ranges_;
};

} // namespace pavilion::screens
