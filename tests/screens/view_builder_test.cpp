#include "pack_fixture.hpp"
#include "pavilion/screens/view_builder.hpp"

#include <gtest/gtest.h>

namespace pavilion::screens {
namespace {

using testing::mini_pack;

core::Route route(const char* text) { return *core::Route::parse(text); }

TEST(ViewBuilder, HomeHasTheTitleAndADoorPerSection) {
    const auto view = ViewBuilder(mini_pack().catalog(), "zh").home();
    EXPECT_EQ(view.title, "迷你展馆");
    EXPECT_EQ(view.subtitle, "测试内容包");
    std::vector<std::string> routes;
    for (const auto& tile : view.tiles) routes.push_back(tile.route.to_string());
    EXPECT_EQ(routes, (std::vector<std::string>{"initiatives", "stories", "map", "figures", "sources"}));
    EXPECT_EQ(view.tiles[0].title, "倡议");
    EXPECT_EQ(view.tiles[1].caption, "2"); // two stories
    EXPECT_FALSE(view.tiles[0].image.empty());
}

TEST(ViewBuilder, ListsCardsInOrderWithChipsForTheFacetsInUse) {
    const auto stories = ViewBuilder(mini_pack().catalog(), "en").list(content::ItemKind::story);
    ASSERT_EQ(stories.cards.size(), 2u);
    EXPECT_EQ(stories.cards[0].route, route("story/china-laos-railway"));
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
    EXPECT_EQ(first->route, route("story/china-laos-railway"));
    EXPECT_FALSE(first->previous);
    EXPECT_EQ(first->next, route("story/mozura-wind-farm"));
    const auto last = builder.detail("story/mozura-wind-farm");
    ASSERT_TRUE(last);
    EXPECT_EQ(last->previous, route("story/china-laos-railway"));
    EXPECT_FALSE(last->next);
    ASSERT_EQ(first->related.size(), 1u);
    EXPECT_EQ(first->related[0].route, route("initiative/overview"));
    EXPECT_EQ(first->url, "https://example.org/article-one"); // from its source
    const auto overview = builder.detail("initiative/overview");
    ASSERT_TRUE(overview);
    EXPECT_EQ(overview->url, "https://example.org/overview"); // its own link wins
    EXPECT_FALSE(builder.detail("story/nope"));
}

// A pack's links are item refs; one that does not parse (a typo, a list's name) gets no card and
// no link, rather than a tap that leads nowhere.
TEST(ViewBuilder, RefsThatDoNotParseGetNoCardOrLink) {
    auto catalog = mini_pack().catalog();
    catalog.stories.front().related = {"story/Not A Slug", "home", "initiative/overview"};
    catalog.stories.back().ref = "story/Bad Ref";
    const ViewBuilder builder(catalog, "en");
    const auto first = builder.detail("story/china-laos-railway");
    ASSERT_TRUE(first);
    ASSERT_EQ(first->related.size(), 1u);
    EXPECT_EQ(first->related[0].route, route("initiative/overview"));
    EXPECT_FALSE(first->next) << "the next story's ref does not parse";
    const auto stories = builder.list(content::ItemKind::story);
    ASSERT_EQ(stories.cards.size(), 1u);
    EXPECT_EQ(stories.cards[0].route, route("story/china-laos-railway"));
    EXPECT_EQ(builder.map().previews.count("story/Bad Ref"), 0u);
    EXPECT_FALSE(builder.detail("story/Bad Ref"));
}

// One rule for a missing text everywhere: the language asked for, else the pack's default.
TEST(ViewBuilder, MissingTextsFallBackToThePacksDefaultLanguage) {
    auto catalog = mini_pack().catalog();
    ASSERT_EQ(catalog.meta.default_locale, "en");
    auto& source = catalog.sources.front();
    source.text.erase("zh");
    source.text["aa"] = {"First by code", "", "", ""}; // sorts before "en": not the fallback
    catalog.figures.front().source = source.id;
    const ViewBuilder zh(catalog, "zh");
    EXPECT_EQ(zh.sources().sources.front().title, source.text.at("en").title);
    EXPECT_EQ(zh.figures().figures.front().source, source.text.at("en").title);
    EXPECT_EQ(zh.text_or("no_such_word", "English word"), "English word");
    EXPECT_EQ(zh.text_or("back", "Back"), "返回");
}

TEST(ViewBuilder, FiguresSourcesAndAttractInTheLocale) {
    const auto builder = ViewBuilder(mini_pack().catalog(), "zh");
    const auto figures = builder.figures();
    ASSERT_EQ(figures.figures.size(), 2u);
    EXPECT_EQ(figures.figures[0].unit, "个国家");
    EXPECT_EQ(figures.figures[0].source, "第一篇文章");
    const auto sources = builder.sources();
    ASSERT_EQ(sources.sources.size(), 2u);
    EXPECT_EQ(sources.sources[0].byline, "A. Author · 《测试报》 · 2024-02-27") << "the outlet as Chinese writes it";
    EXPECT_EQ(ViewBuilder(mini_pack().catalog(), "en").sources().sources[0].byline,
              "A. Author · Test Outlet · 2024-02-27");
    EXPECT_EQ(sources.sources[0].used_by.size(), 3u);
    const auto attract = builder.attract();
    // "Touch to explore" in every language, the pack's default first.
    EXPECT_EQ(attract.touch_prompts, (std::vector<std::string>{"Touch to explore", "触摸屏幕，开始探索"}));
    ASSERT_EQ(attract.slides.size(), 2u);
    EXPECT_EQ(attract.slides[0].captions.size(), 2u);
}

TEST(ViewBuilder, ASourceSaysHowOftenItIsCitedInThePacksOwnWords) {
    auto catalog = mini_pack().catalog();
    // The mini-pack predates the words: its sources show titles only, never a raw key.
    EXPECT_EQ(ViewBuilder(catalog, "en").sources().sources[0].used_by_count, "");
    catalog.strings["en"]["cited_times"] = "Cited {n} times";
    catalog.strings["zh"]["cited_times"] = "被引用 {n} 次";
    const auto en = ViewBuilder(catalog, "en").sources();
    ASSERT_EQ(en.sources[0].used_by.size(), 3u);
    EXPECT_EQ(en.sources[0].used_by_count, "Cited 3 times");
    EXPECT_EQ(ViewBuilder(catalog, "zh").sources().sources[0].used_by_count, "被引用 3 次");
    // A count of one takes its own word where the pack has one, and the general one where not.
    catalog.sources.resize(1);
    for (auto* items : {&catalog.initiatives, &catalog.stories})
        for (auto& item : *items) item.sources.clear();
    catalog.stories.front().sources = {catalog.sources[0].id};
    EXPECT_EQ(ViewBuilder(catalog, "en").sources().sources[0].used_by_count, "Cited 1 times");
    catalog.strings["en"]["cited_once"] = "Cited once";
    EXPECT_EQ(ViewBuilder(catalog, "en").sources().sources[0].used_by_count, "Cited once");
    // Cited by nothing: no count at all.
    catalog.stories.front().sources.clear();
    EXPECT_EQ(ViewBuilder(catalog, "en").sources().sources[0].used_by_count, "");
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

// A catalog read with bodies on demand: the page takes its body from the one given, in the
// visitor's language, or the pack's default where that language has none.
TEST(ViewBuilder, DetailTakesTheBodyGivenInTheLocaleOrTheDefault) {
    auto lazy = content::PackReader::open(mini_pack().path(), content::PackCheck::without_pictures,
                                          content::CatalogBodies::on_demand);
    ASSERT_TRUE(lazy) << lazy.error().message;
    const auto ref = std::string("story/china-laos-railway");
    auto body = lazy->item_body(ref);
    ASSERT_TRUE(body) << body.error().message;
    const auto& eager = mini_pack().catalog().find_item(ref)->text;

    const auto without = ViewBuilder(lazy->catalog(), "zh").detail(ref);
    ASSERT_TRUE(without);
    EXPECT_TRUE(without->blocks.empty());
    const auto zh = ViewBuilder(lazy->catalog(), "zh").detail(ref, &*body);
    ASSERT_TRUE(zh);
    EXPECT_EQ(zh->blocks, eager.at("zh").blocks);
    EXPECT_EQ(zh->key_points, eager.at("zh").key_points);

    body->erase("zh");
    const auto fallback = ViewBuilder(lazy->catalog(), "zh").detail(ref, &*body);
    ASSERT_TRUE(fallback);
    EXPECT_EQ(fallback->blocks, eager.at(mini_pack().catalog().meta.default_locale).blocks);
    EXPECT_EQ(fallback->title, eager.at("zh").title) << "only the body falls back";
}

} // namespace
} // namespace pavilion::screens
