// The glyph atlas: every glyph the layout of Arabic, Hindi, Thai and Chinese text produces has an
// entry at every size, pages stay within their limit, bitmaps are FreeType's and never overlap,
// failures are reported, the output is deterministic, and a snapshot restores it exactly.

#include "text_fixture.hpp"

#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/text/glyph_atlas.hpp"
#include "pavilion/text/glyph_atlas_snapshot.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <numeric>

namespace pavilion::text {
namespace {

struct Sample {
    const char* locale;
    const char* text;
};

const std::vector<Sample> kSamples = {
    {"ar", "مرحبا بكم في معرض التبادل الثقافي، ١٢٣ زائراً في 2025"},
    {"hi", "सांस्कृतिक आदान-प्रदान प्रदर्शनी में आपका स्वागत है, क्षत्रिय श्री"},
    {"th", "ยินดีต้อนรับสู่นิทรรศการแลกเปลี่ยนวัฒนธรรม ผู้เข้าชม ๑๒๓ คน"},
    {"zh", "欢迎来到文化交流展览：“一带一路”倡议，十年来共建国家超过150个。"},
};

class GlyphAtlasTest : public testing::NotoLayoutTest<NotoScript::latin> {
protected:

    // Every glyph the samples lay out into at size_px, wrapped to a column as the screens do.
    std::set<AtlasKey> laid_out(float size_px) {
        std::set<AtlasKey> keys;
        for (const auto& sample : kSamples) {
            const auto paragraph = layouter_->layout(sample.text, {size_px, 12 * size_px, Direction::auto_detect, sample.locale});
            EXPECT_TRUE(paragraph) << sample.locale;
            if (!paragraph) continue;
            for (const auto& line : paragraph->lines)
                for (const auto& run : line.runs)
                    for (const auto& glyph : run.glyphs) keys.insert(atlas_key(run.face, glyph.id, size_px));
        }
        return keys;
    }

    std::set<GlyphKey> needed() {
        std::set<GlyphKey> glyphs;
        for (const auto& sample : kSamples) {
            auto found = glyphs_needed({sample.text}, *layouter_, 16, sample.locale);
            EXPECT_TRUE(found);
            if (found) glyphs.insert(found->begin(), found->end());
        }
        return glyphs;
    }

    // The glyph Noto Sans (face 0) draws the middle character of "x" + c + "x" with.
    std::uint32_t glyph_of(std::size_t face, char c) {
        const auto paragraph = layouter_->layout(std::string("x") + c + "x", {40, 0, Direction::ltr, ""});
        const auto& run = paragraph->lines.at(0).runs.at(0);
        EXPECT_EQ(run.face, face);
        return run.glyphs.at(1).id;
    }

};

// Every size the kiosk draws text at: app/screens' body, heading and display sizes (26, 34, 68 dp)
// at the UI scales of 1920x1080 and 3840x2160, each with and without larger text.
std::vector<float> kiosk_sizes() {
    std::vector<float> sizes;
    for (float screen : {core::ui_scale_for(1920, 1080), core::ui_scale_for(3840, 2160)})
        for (float text : {1.0f, core::kLargerTextScale})
            for (float dp : {26.0f, 34.0f, 68.0f}) sizes.push_back(dp * screen * text);
    return sizes;
}
const std::vector<float> kSizes = kiosk_sizes();

bool overlap(const AtlasGlyph& a, const AtlasGlyph& b) {
    return a.page == b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
           b.y < a.y + a.height;
}

std::uint64_t coverage_in(const AtlasPage& page, const AtlasGlyph& glyph) {
    std::uint64_t sum = 0;
    for (int y = glyph.y; y < glyph.y + glyph.height; ++y)
        for (int x = glyph.x; x < glyph.x + glyph.width; ++x) sum += page.alpha[static_cast<std::size_t>(y) * page.width + x];
    return sum;
}

TEST_F(GlyphAtlasTest, EveryGlyphTheLayoutProducesHasAnEntryAtEverySize) {
    const auto glyphs = needed();
    const auto start = std::chrono::steady_clock::now();
    const auto atlas = build_glyph_atlas(*fonts_, glyphs, kSizes);
    const double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(atlas.failures.empty()) << atlas.failures.front().reason;
    std::printf("[ atlas    ] ar/hi/th/zh fixture: %zu glyphs x %zu sizes, %zu page(s), first %dx%d; built in %.0f ms\n",
                glyphs.size(), kSizes.size(), atlas.pages.size(), atlas.pages.at(0).width, atlas.pages.at(0).height, build_ms);
    std::set<std::size_t> faces;
    for (float size : kSizes) {
        for (const auto& key : laid_out(size)) {
            faces.insert(key.face);
            EXPECT_NE(atlas.find(key), nullptr) << "face " << key.face << " glyph " << key.glyph << " at " << size;
        }
    }
    EXPECT_GE(faces.size(), 4u) << "Arabic, Devanagari, Thai and CJK each from a face of its own";
    EXPECT_EQ(kSizes.size(), 12u);
    for (const auto& page : atlas.pages) {
        EXPECT_LE(page.width, kMaxAtlasSide);
        EXPECT_LE(page.height, kMaxAtlasSide);
        EXPECT_EQ(page.alpha.size(), static_cast<std::size_t>(page.width) * page.height);
    }
}

TEST_F(GlyphAtlasTest, BitmapsHoldInkNeverOverlapAndNothingIsDrawnOutsideThem) {
    const auto atlas = build_glyph_atlas(*fonts_, needed(), {26, 68});
    std::vector<const AtlasGlyph*> drawn;
    for (const auto& [key, glyph] : atlas.glyphs) {
        if (glyph.width == 0) continue;
        drawn.push_back(&glyph);
        EXPECT_GT(coverage_in(atlas.pages.at(glyph.page), glyph), 0u) << "glyph " << key.glyph;
        EXPECT_FLOAT_EQ(glyph.u1 - glyph.u0, static_cast<float>(glyph.width) / atlas.pages[glyph.page].width);
    }
    ASSERT_GT(drawn.size(), 100u);
    for (std::size_t i = 0; i < drawn.size(); ++i)
        for (std::size_t j = i + 1; j < drawn.size(); ++j) ASSERT_FALSE(overlap(*drawn[i], *drawn[j]));
    std::uint64_t inside = 0, everywhere = 0;
    for (const auto* glyph : drawn) inside += coverage_in(atlas.pages[glyph->page], *glyph);
    for (const auto& page : atlas.pages) everywhere = std::accumulate(page.alpha.begin(), page.alpha.end(), everywhere);
    EXPECT_EQ(inside, everywhere);
}

TEST_F(GlyphAtlasTest, GlyphsSitOnTheBaselineAtTheirSize) {
    const std::size_t latin = 0; // Noto Sans, first in the Latin fallback list
    const auto atlas = build_glyph_atlas(*fonts_, std::set<GlyphKey>{{latin, glyph_of(latin, 'H')}, {latin, glyph_of(latin, 'p')}, {latin, glyph_of(latin, ' ')}}, {40, 80});
    const auto* h40 = atlas.find(atlas_key(latin, glyph_of(latin, 'H'), 40));
    const auto* h80 = atlas.find(atlas_key(latin, glyph_of(latin, 'H'), 80));
    const auto* p40 = atlas.find(atlas_key(latin, glyph_of(latin, 'p'), 40));
    const auto* space = atlas.find(atlas_key(latin, glyph_of(latin, ' '), 40));
    ASSERT_TRUE(h40 && h80 && p40 && space);
    // Noto Sans' capitals are 0.714 em tall and stand on the baseline; p descends below it.
    EXPECT_NEAR(h40->height, 0.714 * 40, 1.5);
    EXPECT_EQ(h40->bearing_y, h40->height);
    EXPECT_NEAR(h80->height, 2 * h40->height, 2);
    EXPECT_GT(p40->height, p40->bearing_y);
    EXPECT_EQ(space->width, 0);
    EXPECT_EQ(space->height, 0);
}

TEST_F(GlyphAtlasTest, GlyphsThatCannotBeRasterizedAreReportedNotFatal) {
    const std::size_t latin = 0;
    const std::uint32_t h = glyph_of(latin, 'H');
    const std::set<AtlasKey> keys = {atlas_key(latin, h, 30), atlas_key(latin, 4000000, 30),
                                     atlas_key(99, h, 30), atlas_key(latin, h, 300)};
    AtlasOptions options;
    options.max_side = 128;
    const auto atlas = build_glyph_atlas(*fonts_, keys, options);
    EXPECT_NE(atlas.find(atlas_key(latin, h, 30)), nullptr);
    ASSERT_EQ(atlas.failures.size(), 3u);
    std::map<AtlasKey, std::string> reasons;
    for (const auto& failure : atlas.failures) reasons[failure.key] = failure.reason;
    EXPECT_NE(reasons[atlas_key(latin, 4000000, 30)].find("past the face"), std::string::npos);
    EXPECT_NE(reasons[atlas_key(99, h, 30)].find("no face 99"), std::string::npos);
    EXPECT_NE(reasons[atlas_key(latin, h, 300)].find("larger than a page"), std::string::npos);
    EXPECT_EQ(atlas.glyphs.size(), 1u);
}

TEST_F(GlyphAtlasTest, MoreGlyphsThanAPageHoldsGoOnMorePagesEachWithinTheLimit) {
    AtlasOptions options;
    options.max_side = 256;
    const auto atlas = build_glyph_atlas(*fonts_, needed(), {48}, options);
    EXPECT_TRUE(atlas.failures.empty());
    EXPECT_GE(atlas.pages.size(), 2u);
    for (const auto& page : atlas.pages) {
        EXPECT_LE(page.width, 256);
        EXPECT_LE(page.height, 256);
    }
    for (const auto& key : laid_out(48)) EXPECT_NE(atlas.find(key), nullptr);
}

TEST_F(GlyphAtlasTest, TheSameInputsGiveTheSameAtlasByteForByte) {
    const auto glyphs = needed();
    const auto first = build_glyph_atlas(*fonts_, glyphs, {26, 34});
    const auto second = build_glyph_atlas(*fonts_, glyphs, {34, 26});
    EXPECT_TRUE(first == second);
    EXPECT_EQ(snapshot_glyph_atlas(first, 1), snapshot_glyph_atlas(second, 1));
}

class GlyphAtlasSnapshotTest : public GlyphAtlasTest {};

TEST_F(GlyphAtlasSnapshotTest, ASnapshotRestoresTheSameAtlasWithoutFonts) {
    const auto keys = atlas_keys(needed(), {26, 34});
    const auto built = build_glyph_atlas(*fonts_, keys);
    const auto key = glyph_atlas_key(*fonts_, keys, {});
    const auto bytes = snapshot_glyph_atlas(built, key);
    const auto restored = restore_glyph_atlas(bytes.data(), bytes.size(), key);
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_TRUE(*restored == built);
}

TEST_F(GlyphAtlasSnapshotTest, FailuresAreKeptToo) {
    const std::set<AtlasKey> keys = {atlas_key(0, glyph_of(0, 'H'), 30), atlas_key(0, 4000000, 30)};
    const auto built = build_glyph_atlas(*fonts_, keys);
    ASSERT_EQ(built.failures.size(), 1u);
    const auto bytes = snapshot_glyph_atlas(built, 7);
    const auto restored = restore_glyph_atlas(bytes.data(), bytes.size(), 7);
    ASSERT_TRUE(restored);
    EXPECT_TRUE(*restored == built);
}

TEST_F(GlyphAtlasSnapshotTest, TheKeyChangesWithGlyphsSizesAndOptions) {
    const auto glyphs = needed();
    const auto key = glyph_atlas_key(*fonts_, atlas_keys(glyphs, {26}), {});
    EXPECT_EQ(key, glyph_atlas_key(*fonts_, atlas_keys(glyphs, {26}), {}));
    EXPECT_NE(key, glyph_atlas_key(*fonts_, atlas_keys(glyphs, {26.5f}), {}));
    auto fewer = glyphs;
    fewer.erase(fewer.begin());
    EXPECT_NE(key, glyph_atlas_key(*fonts_, atlas_keys(fewer, {26}), {}));
    AtlasOptions padded;
    padded.padding = 2;
    EXPECT_NE(key, glyph_atlas_key(*fonts_, atlas_keys(glyphs, {26}), padded));
    std::string why;
    auto other_fonts = testing::open_noto(NotoScript::arabic, why);
    ASSERT_TRUE(other_fonts);
    EXPECT_NE(key, glyph_atlas_key(*other_fonts, atlas_keys(glyphs, {26}), {}));
}

TEST_F(GlyphAtlasSnapshotTest, StaleOrDamagedBytesAreRefused) {
    const auto keys = atlas_keys(needed(), {20});
    const auto bytes = snapshot_glyph_atlas(build_glyph_atlas(*fonts_, keys), 42);
    ASSERT_TRUE(restore_glyph_atlas(bytes.data(), bytes.size(), 42));

    const auto other_key = restore_glyph_atlas(bytes.data(), bytes.size(), 43);
    ASSERT_FALSE(other_key);
    EXPECT_EQ(other_key.error().code, core::ErrorCode::unsupported);

    auto damaged = bytes;
    damaged[damaged.size() / 2] ^= 0x40;
    const auto flipped = restore_glyph_atlas(damaged.data(), damaged.size(), 42);
    ASSERT_FALSE(flipped);
    EXPECT_EQ(flipped.error().code, core::ErrorCode::corrupt);

    for (std::size_t length : {std::size_t{0}, std::size_t{7}, bytes.size() - 1}) {
        const auto cut = restore_glyph_atlas(bytes.data(), length, 42);
        ASSERT_FALSE(cut) << length;
    }
    const auto too_small = restore_glyph_atlas(bytes.data(), bytes.size(), 42, 16);
    ASSERT_FALSE(too_small);
    EXPECT_EQ(too_small.error().code, core::ErrorCode::corrupt);
}

} // namespace
} // namespace pavilion::text
