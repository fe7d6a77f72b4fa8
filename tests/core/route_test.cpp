#include "pavilion/core/route.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pavilion::core {
namespace {

using Screen = Route::Screen;

const std::vector<Route>& every_screen() {
    static const std::vector<Route> routes{
        {Screen::attract, ""},    {Screen::home, ""},
        {Screen::initiatives, ""}, {Screen::initiative, "digital-silk-road"},
        {Screen::stories, ""},    {Screen::story, "china-laos-railway"},
        {Screen::figures, ""},    {Screen::map, ""},
        {Screen::sources, ""},
    };
    return routes;
}

TEST(Route, DefaultsToAttract) {
    const Route route;
    EXPECT_EQ(route.screen, Screen::attract);
    EXPECT_TRUE(route.id.empty());
    EXPECT_EQ(route.to_string(), "attract");
}

TEST(Route, FormatsEveryScreen) {
    const std::vector<std::string> expected{
        "attract", "home",  "initiatives", "initiative/digital-silk-road", "stories",
        "story/china-laos-railway", "figures", "map", "sources"};
    ASSERT_EQ(every_screen().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(every_screen()[i].to_string(), expected[i]);
}

TEST(Route, ParseIsTheInverseOfToStringForEveryScreen) {
    for (const auto& route : every_screen()) {
        SCOPED_TRACE(route.to_string());
        EXPECT_TRUE(route.valid());
        const auto parsed = Route::parse(route.to_string());
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, route);
        EXPECT_EQ(parsed->to_string(), route.to_string());
    }
}

TEST(Route, RejectsWhatIsNotARoute) {
    for (const char* text : {"", "/", "Home", "home ", " home", "homes", "settings", "story",
                             "initiative", "story/", "initiative/", "home/x", "map/China", "map/a/b",
                             "attract/x", "story/China", "story/a_b", "story/a b", "story/a/b",
                             "story/a.b", "story//a", "/story/a", "story/a/"}) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(Route::parse(text).has_value());
    }
}

TEST(Route, TheMapMayOpenCentredOnAPlace) {
    const auto route = Route::parse("map/khorgos");
    ASSERT_TRUE(route.has_value());
    EXPECT_EQ(route->screen, Route::Screen::map);
    EXPECT_EQ(route->id, "khorgos");
    EXPECT_EQ(route->to_string(), "map/khorgos");
    EXPECT_EQ(parent_of(*route), (Route{Route::Screen::home, ""}));
    EXPECT_FALSE(parse_item_ref("map/khorgos").has_value()); // a pack link never opens it
}

TEST(Route, SlugsFollowThePackIdRule) {
    EXPECT_TRUE(is_valid_slug("a"));
    EXPECT_TRUE(is_valid_slug("2023-belt-and-road-forum"));
    EXPECT_TRUE(is_valid_slug(std::string(100, 'a')));
    EXPECT_FALSE(is_valid_slug(std::string(101, 'a')));
    EXPECT_FALSE(is_valid_slug(""));
    EXPECT_FALSE(is_valid_slug("A"));
    EXPECT_FALSE(is_valid_slug("\xe4\xb8\xad")); // a Chinese character in UTF-8
}

TEST(Route, InvalidRoutesSayNoAndFormatAsSomethingParseRejects) {
    const Route missing_id{Screen::story, ""};
    const Route extra_id{Screen::home, "x"};
    EXPECT_FALSE(missing_id.valid());
    EXPECT_FALSE(extra_id.valid());
    EXPECT_EQ(missing_id.to_string(), "story/");
    EXPECT_EQ(extra_id.to_string(), "home/x");
    EXPECT_FALSE(Route::parse(missing_id.to_string()).has_value());
    EXPECT_FALSE(Route::parse(extra_id.to_string()).has_value());
}

TEST(Route, ComparesScreenAndId) {
    EXPECT_EQ((Route{Screen::story, "a"}), (Route{Screen::story, "a"}));
    EXPECT_NE((Route{Screen::story, "a"}), (Route{Screen::story, "b"}));
    EXPECT_NE((Route{Screen::story, "a"}), (Route{Screen::initiative, "a"}));
    EXPECT_NE((Route{Screen::home, ""}), (Route{Screen::attract, ""}));
}

TEST(Route, PackItemRefsParseAsItemRoutesOnly) {
    const auto story = parse_item_ref("story/china-laos-railway");
    ASSERT_TRUE(story.has_value());
    EXPECT_EQ(*story, (Route{Screen::story, "china-laos-railway"}));
    const auto initiative = parse_item_ref("initiative/digital-silk-road");
    ASSERT_TRUE(initiative.has_value());
    EXPECT_EQ(*initiative, (Route{Screen::initiative, "digital-silk-road"}));
    // A route, but not an item: a pack link must name an item.
    EXPECT_FALSE(parse_item_ref("home").has_value());
    EXPECT_FALSE(parse_item_ref("stories").has_value());
    EXPECT_FALSE(parse_item_ref("story/").has_value());
    EXPECT_FALSE(parse_item_ref("figure/gdp").has_value());
}

TEST(Route, ItemScreensAreInitiativeAndStory) {
    for (const auto& route : every_screen())
        EXPECT_EQ(is_item_screen(route.screen),
                  route.screen == Screen::initiative || route.screen == Screen::story)
            << route.to_string();
}

TEST(Route, ParentsLeadToHome) {
    EXPECT_EQ(parent_of({Screen::story, "x"}), (Route{Screen::stories, ""}));
    EXPECT_EQ(parent_of({Screen::initiative, "x"}), (Route{Screen::initiatives, ""}));
    for (Screen s : {Screen::initiatives, Screen::stories, Screen::figures, Screen::map,
                     Screen::sources, Screen::home})
        EXPECT_EQ(parent_of({s, ""}), (Route{Screen::home, ""}));
    EXPECT_EQ(parent_of({Screen::attract, ""}), (Route{Screen::attract, ""}));
}

TEST(Route, EveryScreenIsWithinThreeTapsOfHome) {
    for (const auto& route : every_screen()) {
        if (route.screen == Screen::attract) continue;
        const int taps = taps_from_home(route);
        EXPECT_GE(taps, 0) << route.to_string();
        EXPECT_LE(taps, 3) << route.to_string();
    }
    EXPECT_EQ(taps_from_home({Screen::home, ""}), 0);
    EXPECT_EQ(taps_from_home({Screen::map, ""}), 1);
    EXPECT_EQ(taps_from_home({Screen::story, "x"}), 2);
    EXPECT_EQ(taps_from_home({Screen::attract, ""}), -1);
}

} // namespace
} // namespace pavilion::core
