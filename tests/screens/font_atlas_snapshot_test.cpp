#include "pack_fixture.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/screens/font_atlas_snapshot.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

namespace pavilion::screens {
namespace {

// One real atlas of the default pack, built with FreeType once for all tests here.
class FontAtlasSnapshotTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        auto files = platform::locate_system_fonts();
        ASSERT_TRUE(files) << files.error().message;
        files_ = new platform::SystemFonts(std::move(*files));
        auto face = [](const platform::FontFile& f) { return FontFace{f.data(), f.size(), f.face_index}; };
        const FontSources sources{face(files_->latin_regular), face(files_->latin_bold), face(files_->cjk_regular),
                                  face(files_->cjk_bold)};
        plan_ = new GlyphPlan(plan_glyphs(testing::default_pack().catalog()));
        built_ = new ImFontAtlas();
        FontAtlasBuilder builder;
        auto fonts = builder.build(*built_, sources, *plan_, 1.0f, 4096);
        ASSERT_TRUE(fonts) << fonts.error().message;
        fonts_ = new Fonts(*fonts);
        key_ = font_atlas_key(*plan_, platform::identity_of(*files_), 1.0f, 4096);
        snapshot_ = new std::vector<std::uint8_t>(snapshot_atlas(*built_, *fonts_, key_));
    }
    static void TearDownTestSuite() {
        delete snapshot_;
        delete fonts_;
        delete built_;
        delete plan_;
        delete files_;
    }

    static platform::SystemFonts* files_;
    static GlyphPlan* plan_;
    static ImFontAtlas* built_;
    static Fonts* fonts_;
    static std::uint64_t key_;
    static std::vector<std::uint8_t>* snapshot_;
};

platform::SystemFonts* FontAtlasSnapshotTest::files_ = nullptr;
GlyphPlan* FontAtlasSnapshotTest::plan_ = nullptr;
ImFontAtlas* FontAtlasSnapshotTest::built_ = nullptr;
Fonts* FontAtlasSnapshotTest::fonts_ = nullptr;
std::uint64_t FontAtlasSnapshotTest::key_ = 0;
std::vector<std::uint8_t>* FontAtlasSnapshotTest::snapshot_ = nullptr;

void expect_same_font(const ImFont& built, const ImFont& restored) {
    EXPECT_EQ(built.FontSize, restored.FontSize);
    EXPECT_EQ(built.Scale, restored.Scale);
    EXPECT_EQ(built.Ascent, restored.Ascent);
    EXPECT_EQ(built.Descent, restored.Descent);
    EXPECT_EQ(built.FallbackChar, restored.FallbackChar);
    EXPECT_EQ(built.EllipsisChar, restored.EllipsisChar);
    EXPECT_EQ(built.DotChar, restored.DotChar);
    EXPECT_EQ(built.FallbackAdvanceX, restored.FallbackAdvanceX);
    ASSERT_EQ(built.Glyphs.Size, restored.Glyphs.Size);
    EXPECT_EQ(0, std::memcmp(built.Glyphs.Data, restored.Glyphs.Data, sizeof(ImFontGlyph) * built.Glyphs.Size));
    ASSERT_EQ(built.IndexAdvanceX.Size, restored.IndexAdvanceX.Size);
    EXPECT_EQ(0, std::memcmp(built.IndexAdvanceX.Data, restored.IndexAdvanceX.Data,
                             sizeof(float) * built.IndexAdvanceX.Size));
    ASSERT_EQ(built.IndexLookup.Size, restored.IndexLookup.Size);
    EXPECT_EQ(0, std::memcmp(built.IndexLookup.Data, restored.IndexLookup.Data,
                             sizeof(ImWchar) * built.IndexLookup.Size));
    for (const char* text : {"Belt and Road", "一带一路倡议，共建“丝绸之路经济带”。", "x\ty…"}) {
        const ImVec2 a = built.CalcTextSizeA(built.FontSize, FLT_MAX, 300.0f, text);
        const ImVec2 b = restored.CalcTextSizeA(restored.FontSize, FLT_MAX, 300.0f, text);
        EXPECT_EQ(a.x, b.x) << text;
        EXPECT_EQ(a.y, b.y) << text;
    }
    EXPECT_NE(restored.FindGlyphNoFallback(0x4E00), nullptr);
}

TEST_F(FontAtlasSnapshotTest, RestoresTheSameFontsAndPixelsWithoutFreeType) {
    ASSERT_FALSE(snapshot_->empty());
    ImFontAtlas restored;
    const auto restored_fonts = restore_atlas(snapshot_->data(), snapshot_->size(), key_, 4096, restored);
    ASSERT_TRUE(restored_fonts) << restored_fonts.error().message;
    const Fonts& fonts = *restored_fonts;
    EXPECT_TRUE(restored.IsBuilt());
    ASSERT_EQ(restored.Fonts.Size, 4);
    EXPECT_EQ(restored.ConfigData.Size, 0); // nothing left for ImGui to rasterize
    EXPECT_EQ(fonts.atlas_width, fonts_->atlas_width);
    EXPECT_EQ(fonts.atlas_height, fonts_->atlas_height);
    EXPECT_EQ(fonts.raster_scale, fonts_->raster_scale);
    EXPECT_EQ(restored.TexUvWhitePixel.x, built_->TexUvWhitePixel.x);
    EXPECT_EQ(restored.TexUvWhitePixel.y, built_->TexUvWhitePixel.y);
    EXPECT_EQ(0, std::memcmp(restored.TexUvLines, built_->TexUvLines, sizeof built_->TexUvLines));
    expect_same_font(*fonts_->body, *fonts.body);
    expect_same_font(*fonts_->body_bold, *fonts.body_bold);
    expect_same_font(*fonts_->heading, *fonts.heading);
    expect_same_font(*fonts_->display, *fonts.display);

    // The backend's call finds the pixels ready instead of building (which would find no fonts).
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    restored.GetTexDataAsAlpha8(&pixels, &width, &height);
    ASSERT_EQ(width, built_->TexWidth);
    ASSERT_EQ(height, built_->TexHeight);
    EXPECT_EQ(0, std::memcmp(pixels, built_->TexPixelsAlpha8, static_cast<std::size_t>(width) * height));
    std::printf("[ figures  ] snapshot of a %dx%d atlas: %zu bytes\n", width, height, snapshot_->size());
}

TEST_F(FontAtlasSnapshotTest, KeyChangesWithEveryInput) {
    const auto identity = platform::identity_of(*files_);
    EXPECT_EQ(font_atlas_key(*plan_, identity, 1.0f, 4096), key_);
    EXPECT_NE(font_atlas_key(*plan_, identity, 1.4f, 4096), key_);
    EXPECT_NE(font_atlas_key(*plan_, identity, 1.0f, 2048), key_);
    EXPECT_NE(font_atlas_key(*plan_, identity + "x", 1.0f, 4096), key_);
    GlyphPlan more = *plan_;
    more.display.insert(U'龍');
    EXPECT_NE(font_atlas_key(more, identity, 1.0f, 4096), key_);
}

TEST_F(FontAtlasSnapshotTest, RefusesAnotherKeyOrATooSmallLimit) {
    ImFontAtlas restored;
    const auto other_key = restore_atlas(snapshot_->data(), snapshot_->size(), key_ + 1, 4096, restored);
    ASSERT_FALSE(other_key);
    EXPECT_EQ(other_key.error().code, core::ErrorCode::unsupported);
    EXPECT_NE(other_key.error().message.find("other fonts"), std::string::npos) << other_key.error().message;
    const auto too_small = restore_atlas(snapshot_->data(), snapshot_->size(), key_, built_->TexWidth / 2, restored);
    ASSERT_FALSE(too_small);
    EXPECT_EQ(too_small.error().code, core::ErrorCode::corrupt);
    EXPECT_NE(too_small.error().message.find("impossible texture"), std::string::npos) << too_small.error().message;
    EXPECT_EQ(restored.Fonts.Size, 0);
}

// A file cut short by a power cut, or with any byte changed, is refused, never half used.
TEST_F(FontAtlasSnapshotTest, RefusesEveryTruncationAndDamage) {
    ImFontAtlas restored;
    const auto& bytes = *snapshot_;
    for (std::size_t length : {std::size_t{0}, std::size_t{3}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
        EXPECT_FALSE(restore_atlas(bytes.data(), length, key_, 4096, restored)) << length;
        EXPECT_EQ(restored.Fonts.Size, 0);
    }
    std::vector<std::uint8_t> damaged = bytes;
    for (std::size_t at : {std::size_t{0}, std::size_t{30}, std::size_t{500}, bytes.size() / 3, bytes.size() - 3}) {
        damaged[at] ^= 0x40;
        const auto refused = restore_atlas(damaged.data(), damaged.size(), key_, 4096, restored);
        ASSERT_FALSE(refused) << at;
        EXPECT_FALSE(refused.error().message.empty());
        EXPECT_EQ(restored.Fonts.Size, 0);
        damaged[at] ^= 0x40;
    }
    std::vector<std::uint8_t> longer = bytes;
    longer.insert(longer.end() - 8, 0);
    EXPECT_FALSE(restore_atlas(longer.data(), longer.size(), key_, 4096, restored));
}

TEST_F(FontAtlasSnapshotTest, NoSnapshotOfAnAtlasWithoutPixels) {
    ImFontAtlas empty;
    EXPECT_TRUE(snapshot_atlas(empty, Fonts{}, 1).empty());
}

} // namespace
} // namespace pavilion::screens
