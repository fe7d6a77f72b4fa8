// The paragraph cache saves shaping (counted by the layouter), and glyphs_needed finds the glyphs
// shaping produces, not the characters' nominal glyphs.

#include "text_fixture.hpp"

#include "pavilion/text/glyphs_needed.hpp"
#include "pavilion/text/paragraph_cache.hpp"

#include <hb.h>

namespace pavilion::text {
namespace {

class TextCache : public testing::NotoLayoutTest<NotoScript::arabic> {};

const LayoutOptions kOptions{28, 400, Direction::auto_detect, "ar"};
const std::string kText = "مرحبا بكم في معرض Pavilion للتبادل الثقافي 2025";

TEST_F(TextCache, TheSecondLayoutOfTheSameTextShapesNothing) {
    ParagraphCache cache(*layouter_, 16);
    const auto first = cache.get(kText, kOptions);
    ASSERT_TRUE(first) << first.error().message;
    const std::size_t shaped = layouter_->shape_calls();
    EXPECT_GE(shaped, 2u); // Arabic and Latin runs at least
    const auto second = cache.get(kText, kOptions);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->get(), first->get()) << "the same paragraph, not a copy";
    EXPECT_EQ(layouter_->shape_calls(), shaped);
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.misses(), 1u);
}

TEST_F(TextCache, EveryPartOfTheKeyMakesItsOwnEntry) {
    ParagraphCache cache(*layouter_, 16);
    auto options = kOptions;
    ASSERT_TRUE(cache.get(kText, options));
    options.max_width_px = 200;
    ASSERT_TRUE(cache.get(kText, options));
    options.size_px = 30;
    ASSERT_TRUE(cache.get(kText, options));
    options.base = Direction::ltr;
    ASSERT_TRUE(cache.get(kText, options));
    options.locale = "fa";
    ASSERT_TRUE(cache.get(kText, options));
    ASSERT_TRUE(cache.get(kText + " ", options));
    EXPECT_EQ(cache.size(), 6u);
    EXPECT_EQ(cache.hits(), 0u);
    const auto narrow = cache.get(kText, LayoutOptions{28, 200, Direction::auto_detect, "ar"});
    ASSERT_TRUE(narrow);
    EXPECT_GT((*narrow)->lines.size(), 1u) << "the narrow entry is the narrow layout";
    EXPECT_EQ(cache.hits(), 1u);
}

TEST_F(TextCache, TheLeastRecentlyUsedGoesFirstAndPointersOutliveEviction) {
    ParagraphCache cache(*layouter_, 2);
    const auto a = cache.get("a", kOptions);
    ASSERT_TRUE(cache.get("b", kOptions));
    ASSERT_TRUE(cache.get("a", kOptions)); // a is now the most recent
    ASSERT_TRUE(cache.get("c", kOptions)); // b goes
    EXPECT_EQ(cache.size(), 2u);
    const std::size_t shaped = layouter_->shape_calls();
    ASSERT_TRUE(cache.get("a", kOptions));
    EXPECT_EQ(layouter_->shape_calls(), shaped) << "a stayed";
    ASSERT_TRUE(cache.get("b", kOptions));
    EXPECT_GT(layouter_->shape_calls(), shaped) << "b was evicted and laid out again";
    EXPECT_EQ((*a)->lines.size(), 1u); // still readable
}

TEST_F(TextCache, ErrorsAreNotKept) {
    ParagraphCache cache(*layouter_, 4);
    const std::string huge(kMaxParagraphBytes + 1, 'x');
    EXPECT_FALSE(cache.get(huge, kOptions));
    EXPECT_FALSE(cache.get(huge, kOptions));
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.misses(), 2u);
}

TEST_F(TextCache, GlyphsNeededAreTheShapedGlyphsOfEveryFace) {
    const std::vector<std::string> texts{"مرحبا", "Pavilion", "مرحبا Pavilion"};
    const auto glyphs = glyphs_needed(texts, *layouter_, 28, "ar");
    ASSERT_TRUE(glyphs) << glyphs.error().message;
    std::set<GlyphKey> laid_out;
    std::set<std::size_t> faces;
    for (const auto& text : texts) {
        const auto paragraph = layouter_->layout(text, LayoutOptions{28, 0, Direction::auto_detect, "ar"});
        ASSERT_TRUE(paragraph);
        for (const auto& line : paragraph->lines)
            for (const auto& run : line.runs) {
                faces.insert(run.face);
                for (const auto& glyph : run.glyphs) laid_out.insert(GlyphKey{run.face, glyph.id});
            }
    }
    EXPECT_EQ(*glyphs, laid_out);
    EXPECT_EQ(faces.size(), 2u) << "Naskh for Arabic, Noto Sans for Latin";
    // Joined Arabic letters are not the letters' nominal (isolated) glyphs.
    const std::size_t naskh = 0; // the Arabic set's primary face
    hb_codepoint_t isolated_meem = 0;
    ASSERT_TRUE(hb_font_get_nominal_glyph(fonts_->hb_font_at(naskh, 28), U'م', &isolated_meem));
    EXPECT_EQ(glyphs->count(GlyphKey{naskh, isolated_meem}), 0u) << "initial meem, not isolated";
    EXPECT_FALSE(glyphs_needed({std::string(kMaxParagraphBytes + 1, 'x')}, *layouter_, 28));
}

TEST(FontSetOpen, AMissingFileIsAnErrorNamingIt) {
    const auto missing = FontSet::open({FontFile{"/nonexistent/NotoSans-Regular.ttf", 0, nullptr}});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("/nonexistent/NotoSans-Regular.ttf"), std::string::npos);
    EXPECT_FALSE(FontSet::open({}));
    const auto not_a_font = FontSet::open({FontFile{"/etc/hostname", 0, nullptr}});
    EXPECT_FALSE(not_a_font);
}

TEST(FontSetOpen, TheSameFilesGiveTheSameIdAndOtherFilesAnother) {
    std::string why;
    auto arabic = testing::open_noto(NotoScript::arabic, why);
    if (!arabic) GTEST_SKIP() << why;
    auto again = testing::open_noto(NotoScript::arabic, why);
    auto urdu = testing::open_noto(NotoScript::urdu, why);
    EXPECT_EQ(arabic->id(), again->id());
    EXPECT_NE(arabic->id(), urdu->id());
    EXPECT_EQ(arabic->file(0).path, noto_font_for(NotoScript::arabic).path);
    EXPECT_EQ(urdu->file(0).path, noto_font_for(NotoScript::urdu).path);
}

TEST(NotoFonts, EveryScriptHasAnInstalledFaceAndLanguagesMapToThem) {
    for (auto script : {NotoScript::latin, NotoScript::arabic, NotoScript::urdu, NotoScript::hebrew, NotoScript::devanagari,
                        NotoScript::bengali, NotoScript::thai, NotoScript::lao, NotoScript::khmer, NotoScript::myanmar,
                        NotoScript::cjk}) {
        const auto file = noto_font_for(script);
        if (!std::filesystem::exists(file.path)) GTEST_SKIP() << file.path << " is not installed";
        EXPECT_TRUE(FontSet::open({file})) << file.path;
    }
    EXPECT_EQ(noto_script_for_language("ur-PK"), NotoScript::urdu);
    EXPECT_EQ(noto_script_for_language("zh_Hans"), NotoScript::cjk);
    EXPECT_EQ(noto_script_for_language("kk"), NotoScript::cyrillic);
    EXPECT_EQ(noto_script_for_language("tr"), NotoScript::latin);
    const auto fallback = noto_fallback(NotoScript::urdu);
    EXPECT_EQ(fallback.front().path, noto_font_for(NotoScript::urdu).path);
    EXPECT_EQ(fallback[1].path, noto_font_for(NotoScript::latin).path);
    EXPECT_EQ(fallback.size(), 11u) << "14 scripts; Latin, Greek and Cyrillic share one file, Persian Arabic's";
}

} // namespace
} // namespace pavilion::text
