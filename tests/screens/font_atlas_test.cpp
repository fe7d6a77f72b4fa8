#include "pack_fixture.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/screens/font_atlas.hpp"
#include "pavilion/screens/text_draw.hpp"

#include <gtest/gtest.h>

namespace pavilion::screens {
namespace {

class FontAtlasTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto fonts = platform::locate_system_fonts();
        ASSERT_TRUE(fonts) << fonts.error().message;
        files_ = std::move(*fonts);
        ASSERT_GT(files_.latin_regular.size(), 0u) << "Noto Sans (fonts-noto-core) missing";
        auto face = [](const platform::FontFile& f) { return FontFace{f.data(), f.size(), f.face_index}; };
        sources_ = {face(files_.latin_regular), face(files_.latin_bold), face(files_.cjk_regular),
                    face(files_.cjk_bold)};
    }

    platform::SystemFonts files_;
    FontSources sources_;
};

// The default pack at every UI scale must fit a Raspberry Pi's 4096-pixel texture limit.
TEST_F(FontAtlasTest, DefaultPackFitsTheTextureLimitAtEveryScale) {
    const auto plan = plan_glyphs(testing::default_pack().catalog());
    for (float scale : {0.5f, 1.0f, 2.0f, 3.0f}) {
        ImFontAtlas atlas;
        FontAtlasBuilder builder;
        const auto fonts = builder.build(atlas, sources_, plan, scale, 4096);
        ASSERT_TRUE(fonts) << fonts.error().message;
        EXPECT_LE(atlas.TexWidth, 4096) << "scale " << scale;
        EXPECT_LE(atlas.TexHeight, 4096) << "scale " << scale;
        std::printf("[ figures  ] scale %.1f: atlas %dx%d, raster scale %.2f\n", scale,
                    atlas.TexWidth, atlas.TexHeight, fonts->raster_scale);
    }
}

TEST_F(FontAtlasTest, ShrinksRatherThanExceedingASmallLimit) {
    const auto plan = plan_glyphs(testing::default_pack().catalog());
    ImFontAtlas atlas;
    FontAtlasBuilder builder;
    const auto fonts = builder.build(atlas, sources_, plan, 1.0f, 512);
    ASSERT_TRUE(fonts) << fonts.error().message;
    EXPECT_LE(atlas.TexWidth, 512);
    EXPECT_LE(atlas.TexHeight, 512);
    EXPECT_LT(fonts->raster_scale, 1.0f);
    EXPECT_FLOAT_EQ(drawn_size(fonts->body), FontSizes{}.body); // drawn at the designed size
}

// Too many characters for the limit even at a third of the size: one error that says so.
TEST_F(FontAtlasTest, APlanThatCannotFitSaysSo) {
    const auto plan = plan_glyphs(testing::default_pack().catalog());
    ImFontAtlas atlas;
    FontAtlasBuilder builder;
    const auto fonts = builder.build(atlas, sources_, plan, 1.0f, 256);
    ASSERT_FALSE(fonts);
    EXPECT_EQ(fonts.error().code, core::ErrorCode::too_large);
    EXPECT_NE(fonts.error().message.find("256 px"), std::string::npos) << fonts.error().message;
}

// Every character the default pack shows has a real glyph (not the '?' fallback), in each size.
TEST_F(FontAtlasTest, EveryCharacterOfTheDefaultPackHasAGlyph) {
    const auto plan = plan_glyphs(testing::default_pack().catalog());
    ImFontAtlas atlas;
    FontAtlasBuilder builder;
    const auto fonts = builder.build(atlas, sources_, plan, 1.0f, 4096);
    ASSERT_TRUE(fonts) << fonts.error().message;
    const std::pair<const core::CodepointSet*, ImFont*> sizes[] = {
        {&plan.body, fonts->body}, {&plan.heading, fonts->heading}, {&plan.display, fonts->display}};
    int missing = 0;
    for (const auto& [set, font] : sizes) {
        for (char32_t c : *set) {
            if (c == U'\n' || c == U'\t') continue;
            if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                ADD_FAILURE() << "no glyph for U+" << std::hex << static_cast<unsigned>(c);
                ++missing;
            }
        }
    }
    EXPECT_EQ(missing, 0);
}

} // namespace
} // namespace pavilion::screens
