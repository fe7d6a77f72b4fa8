#include "pack_fixture.hpp"
#include "pavilion/ui/glyph_plan.hpp"
#include "pavilion/ui/view_builder.hpp"

#include <gtest/gtest.h>

namespace pavilion::ui {
namespace {

using testing::mini_pack;

TEST(ViewBuilder, HomeHasTheTitleAndADoorPerSection) {
    const auto view = ViewBuilder(mini_pack().catalog(), "zh").home();
    EXPECT_EQ(view.title, "迷你展馆");
    EXPECT_EQ(view.subtitle, "测试内容包");
    std::vector<std::string> routes;
    for (const auto& tile : view.tiles) routes.push_back(tile.route);
    EXPECT_EQ(routes, (std::vector<std::string>{"initiatives", "stories", "map", "figures", "sources"}));
    EXPECT_EQ(view.tiles[0].title, "倡议");
    EXPECT_EQ(view.tiles[1].caption, "2"); // two stories
    EXPECT_FALSE(view.tiles[0].image.empty());
}

TEST(ViewBuilder, ListsCardsInOrderWithChipsForTheFacetsInUse) {
    const auto stories = ViewBuilder(mini_pack().catalog(), "en").list(content::ItemKind::story);
    ASSERT_EQ(stories.cards.size(), 2u);
    EXPECT_EQ(stories.cards[0].ref, "story/china-laos-railway");
    EXPECT_EQ(stories.cards[0].facet, "southeast-asia");
    EXPECT_EQ(stories.cards[1].title, "Možura Wind Farm");
    // Regions in author order, after "All" (id "").
    ASSERT_EQ(stories.chips.size(), 3u);
    EXPECT_EQ(stories.chips[0].id, "");
    EXPECT_EQ(stories.chips[1].name, "Europe");
    EXPECT_EQ(stories.chips[2].id, "southeast-asia");
}

TEST(ViewBuilder, DetailCarriesTextNeighboursLinksAndPlace) {
    const auto builder = ViewBuilder(mini_pack().catalog(), "en");
    const auto first = builder.detail("story/china-laos-railway");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->title, "China–Laos Railway");
    EXPECT_EQ(first->place, "Vientiane, Laos");
    ASSERT_TRUE(first->location);
    EXPECT_DOUBLE_EQ(first->location->lon, 102.61);
    EXPECT_EQ(first->previous_ref, "");
    EXPECT_EQ(first->next_ref, "story/mozura-wind-farm");
    ASSERT_EQ(first->related.size(), 1u);
    EXPECT_EQ(first->related[0].ref, "initiative/overview");
    EXPECT_EQ(first->url, "https://example.org/article-one"); // from its source
    const auto overview = builder.detail("initiative/overview");
    ASSERT_TRUE(overview);
    EXPECT_EQ(overview->url, "https://example.org/overview"); // its own link wins
    EXPECT_FALSE(builder.detail("story/nope"));
}

TEST(ViewBuilder, FiguresSourcesAndAttractInTheLocale) {
    const auto builder = ViewBuilder(mini_pack().catalog(), "zh");
    const auto figures = builder.figures();
    ASSERT_EQ(figures.figures.size(), 2u);
    EXPECT_EQ(figures.figures[0].unit, "个国家");
    EXPECT_EQ(figures.figures[0].source, "第一篇文章");
    const auto sources = builder.sources();
    ASSERT_EQ(sources.sources.size(), 2u);
    EXPECT_EQ(sources.sources[0].byline, "A. Author · Test Outlet · 2024-02-27");
    EXPECT_EQ(sources.sources[0].used_by.size(), 3u);
    const auto attract = builder.attract();
    // "Touch to explore" in every language, the pack's default first.
    EXPECT_EQ(attract.touch_prompts, (std::vector<std::string>{"Touch to explore", "触摸屏幕，开始探索"}));
    ASSERT_EQ(attract.slides.size(), 2u);
    EXPECT_EQ(attract.slides[0].captions.size(), 2u);
}

TEST(ViewBuilder, ChromeListsLanguagesAndFallsBackForUnknownOnes) {
    const auto chrome = ViewBuilder(mini_pack().catalog(), "en").chrome();
    ASSERT_EQ(chrome.languages.size(), 2u);
    EXPECT_TRUE(chrome.languages[0].current);
    EXPECT_EQ(chrome.languages[1].name, "中文");
    const auto builder = ViewBuilder(mini_pack().catalog(), "fr");
    EXPECT_EQ(builder.home().title, "Mini Pavilion");
    EXPECT_EQ(builder.text("back"), "Back");
    EXPECT_EQ(builder.text("no_such_key"), "no_such_key");
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
    EXPECT_TRUE(plan.display.count(U'ž')); // detail pages set titles large
    EXPECT_TRUE(plan.display.count(U'7'));
}

TEST(GlyphPlan, LargeSizesHoldOnlyWhatIsShownLarge) {
    const auto plan = plan_glyphs(mini_pack().catalog());
    // Body text characters that appear in no title stay out of the display font.
    EXPECT_FALSE(plan.display.count(U'脊')); // from a story body only
    EXPECT_LT(plan.display.size(), plan.body.size());
}

} // namespace
} // namespace pavilion::ui
