#include "pack_fixture.hpp"
#include "pavilion/ui/glyph_plan.hpp"
#include "pavilion/ui/home_view.hpp"

#include <gtest/gtest.h>

namespace pavilion::ui {
namespace {

using testing::mini_pack;

TEST(HomeView, ShowsTitleAndEveryItemInTheChosenLanguage) {
    const auto view = make_home_view(mini_pack().catalog(), "zh");
    EXPECT_EQ(view.title, "迷你展馆");
    EXPECT_EQ(view.subtitle, "测试内容包");
    ASSERT_EQ(view.sections.size(), 2u);
    EXPECT_EQ(view.sections[0].heading, "倡议");
    ASSERT_EQ(view.sections[0].tiles.size(), 2u);
    EXPECT_EQ(view.sections[0].tiles[0].ref, "initiative/overview");
    EXPECT_EQ(view.sections[0].tiles[0].title, "倡议概览");
    EXPECT_EQ(view.sections[1].heading, "项目故事");
    EXPECT_EQ(view.sections[1].tiles[1].title, "莫祖拉风电站");
}

TEST(HomeView, MarksTheCurrentLanguageAndListsAllOfThem) {
    const auto view = make_home_view(mini_pack().catalog(), "en");
    ASSERT_EQ(view.languages.size(), 2u);
    EXPECT_EQ(view.languages[0].name, "English");
    EXPECT_TRUE(view.languages[0].current);
    EXPECT_EQ(view.languages[1].name, "中文");
    EXPECT_FALSE(view.languages[1].current);
}

TEST(HomeView, FallsBackToTheDefaultLocaleForUnknownLanguages) {
    const auto view = make_home_view(mini_pack().catalog(), "fr");
    EXPECT_EQ(view.title, "Mini Pavilion");
    EXPECT_EQ(view.sections[1].tiles[0].title, "China–Laos Railway");
    EXPECT_EQ(ui_string(mini_pack().catalog(), "fr", "back"), "Back");
    EXPECT_EQ(ui_string(mini_pack().catalog(), "zh", "no_such_key"), "no_such_key");
}

TEST(GlyphPlan, BodyHoldsEveryCharacterOfEveryText) {
    const auto& catalog = mini_pack().catalog();
    const auto plan = plan_glyphs(catalog);
    core::CodepointSet expected;
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            for (const auto& [locale, text] : item.text) {
                for (const auto& block : text.blocks) core::add_codepoints(block.text, expected);
                for (const auto& point : text.key_points) core::add_codepoints(point, expected);
            }
        }
    }
    for (char32_t c : expected) EXPECT_TRUE(plan.body.count(c)) << "missing U+" << std::hex << c;
    EXPECT_TRUE(plan.heading.count(U'ž')); // from the title "Možura Wind Farm"
    EXPECT_TRUE(plan.display.count(U'7'));
}

TEST(GlyphPlan, LargeSizesHoldOnlyWhatIsShownLarge) {
    const auto plan = plan_glyphs(mini_pack().catalog());
    // Body text characters that appear in no title stay out of the display font.
    EXPECT_FALSE(plan.display.count(U'脊')); // from a story body only
    EXPECT_LT(plan.display.size(), plan.body.size() / 2);
}

} // namespace
} // namespace pavilion::ui
