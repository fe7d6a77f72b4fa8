#include "pavilion/core/navigator.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pavilion::core {
namespace {

using Screen = Route::Screen;

Route r(const char* text) {
    auto route = Route::parse(text);
    EXPECT_TRUE(route.has_value()) << text;
    return route.value_or(Route{});
}

std::vector<std::string> history_of(const Navigator& nav) {
    std::vector<std::string> names;
    for (const auto& route : nav.history()) names.push_back(route.to_string());
    return names;
}

// A navigator already woken at home.
Navigator at_home() {
    Navigator nav;
    nav.wake();
    return nav;
}

TEST(Navigator, StartsAtAttractWithNoHistory) {
    const Navigator nav;
    EXPECT_TRUE(nav.at_attract());
    EXPECT_EQ(nav.current(), r("attract"));
    EXPECT_EQ(nav.depth_from_home(), 0u);
    EXPECT_EQ(nav.revision(), 0u);
}

TEST(Navigator, WakeGoesHomeOnceAndConsumesThatTouch) {
    Navigator nav;
    EXPECT_TRUE(nav.wake()); // the caller drops the touch that woke the kiosk
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_EQ(nav.revision(), 1u);
    EXPECT_FALSE(nav.wake()); // awake: touches are taps again
    EXPECT_EQ(nav.revision(), 1u);
    nav.open(r("map"));
    EXPECT_FALSE(nav.wake());
    EXPECT_EQ(nav.current(), r("map"));
}

TEST(Navigator, OpenPushesTheCurrentRoute) {
    auto nav = at_home();
    EXPECT_TRUE(nav.open(r("stories")));
    EXPECT_TRUE(nav.open(r("story/china-laos-railway")));
    EXPECT_EQ(nav.current(), r("story/china-laos-railway"));
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home", "stories"}));
    EXPECT_EQ(nav.depth_from_home(), 2u);
    EXPECT_EQ(nav.revision(), 3u);
}

TEST(Navigator, OpeningTheSameRouteIsANoOp) {
    auto nav = at_home();
    nav.open(r("story/a"));
    const auto revision = nav.revision();
    EXPECT_FALSE(nav.open(r("story/a")));
    EXPECT_EQ(nav.revision(), revision);
    EXPECT_EQ(nav.depth_from_home(), 1u);

    Navigator fresh = at_home();
    EXPECT_FALSE(fresh.open(r("home"))); // home from home: nothing to do either
    EXPECT_EQ(fresh.revision(), 1u);
}

TEST(Navigator, OpenRefusesAttractAndInvalidRoutes) {
    auto nav = at_home();
    nav.open(r("figures"));
    const auto revision = nav.revision();
    EXPECT_FALSE(nav.open(r("attract"))); // the session ends through reset_to_attract()
    EXPECT_FALSE(nav.open(Route{Screen::story, ""}));
    EXPECT_FALSE(nav.open(Route{Screen::story, "Bad Id"}));
    EXPECT_FALSE(nav.open(Route{Screen::map, "Not A Slug"}));
    EXPECT_FALSE(nav.open(Route{Screen::figures, "extra"}));
    EXPECT_EQ(nav.current(), r("figures"));
    EXPECT_EQ(nav.revision(), revision);
}

TEST(Navigator, OpeningHomeClearsTheHistory) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    EXPECT_TRUE(nav.open(r("home")));
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_EQ(nav.depth_from_home(), 0u);
    EXPECT_FALSE(nav.back());
}

TEST(Navigator, BackPopsOneScreenAtATime) {
    auto nav = at_home();
    nav.open(r("initiatives"));
    nav.open(r("initiative/digital-silk-road"));
    const auto revision = nav.revision();
    EXPECT_TRUE(nav.back());
    EXPECT_EQ(nav.current(), r("initiatives"));
    EXPECT_EQ(nav.depth_from_home(), 1u);
    EXPECT_TRUE(nav.back());
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_EQ(nav.revision(), revision + 2);
}

TEST(Navigator, BackAtHomeDoesNothing) {
    auto nav = at_home();
    EXPECT_FALSE(nav.back());
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_EQ(nav.revision(), 1u);
}

TEST(Navigator, BackAtAttractDoesNothing) {
    Navigator nav;
    EXPECT_FALSE(nav.back());
    EXPECT_TRUE(nav.at_attract());
    EXPECT_EQ(nav.revision(), 0u);
}

TEST(Navigator, HomeClearsTheStack) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    EXPECT_TRUE(nav.home());
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_TRUE(nav.history().empty());
    EXPECT_FALSE(nav.home()); // already there
    EXPECT_FALSE(nav.back());
}

TEST(Navigator, HomeFromAttractWakes) {
    Navigator nav;
    EXPECT_TRUE(nav.home());
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_EQ(nav.revision(), 1u);
}

TEST(Navigator, ReplaceSwapsWithoutPushingSoBackGoesToTheList) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    EXPECT_TRUE(nav.replace(r("story/b"))); // swipe to the next story
    EXPECT_TRUE(nav.replace(r("story/c")));
    EXPECT_EQ(nav.current(), r("story/c"));
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home", "stories"}));
    EXPECT_TRUE(nav.back());
    EXPECT_EQ(nav.current(), r("stories"));
}

TEST(Navigator, ReplaceRefusesWhatOpenRefuses) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    const auto revision = nav.revision();
    EXPECT_FALSE(nav.replace(r("story/a")));
    EXPECT_FALSE(nav.replace(r("attract")));
    EXPECT_FALSE(nav.replace(Route{Screen::story, ""}));
    EXPECT_EQ(nav.revision(), revision);
}

TEST(Navigator, ReplaceAtHomeKeepsHomeUnderneath) {
    auto nav = at_home();
    EXPECT_TRUE(nav.replace(r("map")));
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home"}));
    EXPECT_TRUE(nav.back());
    EXPECT_EQ(nav.current(), r("home"));
}

TEST(Navigator, ReplaceWithHomeGoesHome) {
    auto nav = at_home();
    nav.open(r("figures"));
    EXPECT_TRUE(nav.replace(r("home")));
    EXPECT_EQ(nav.current(), r("home"));
    EXPECT_TRUE(nav.history().empty());
}

TEST(Navigator, ResetToAttractClearsEverything) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    const auto revision = nav.revision();
    EXPECT_TRUE(nav.reset_to_attract());
    EXPECT_TRUE(nav.at_attract());
    EXPECT_TRUE(nav.history().empty());
    EXPECT_EQ(nav.revision(), revision + 1);
    EXPECT_FALSE(nav.reset_to_attract());
    EXPECT_EQ(nav.revision(), revision + 1);
    EXPECT_TRUE(nav.wake()); // the next visitor starts at Home
    EXPECT_EQ(nav.current(), r("home"));
}

TEST(Navigator, OpenFromAttractBuildsThePathFromHome) {
    Navigator nav; // e.g. --screen story/a at start-up
    EXPECT_TRUE(nav.open(r("story/a")));
    EXPECT_EQ(nav.current(), r("story/a"));
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home", "stories"}));
    EXPECT_EQ(nav.revision(), 1u); // one screen change, one log line

    Navigator to_map;
    EXPECT_TRUE(to_map.open(r("map")));
    EXPECT_EQ(history_of(to_map), (std::vector<std::string>{"home"}));

    Navigator swiped;
    EXPECT_TRUE(swiped.replace(r("initiative/x")));
    EXPECT_EQ(history_of(swiped), (std::vector<std::string>{"home", "initiatives"}));
}

TEST(Navigator, FollowingLinksInACircleDoesNotGrowTheStack) {
    auto nav = at_home();
    nav.open(r("stories"));
    nav.open(r("story/a"));
    nav.open(r("initiative/x")); // a related initiative
    ASSERT_EQ(nav.depth_from_home(), 3u);
    for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE(nav.open(r("story/a"))); // back to the story through its link
        EXPECT_TRUE(nav.open(r("initiative/x")));
    }
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home", "stories", "story/a"}));
    EXPECT_TRUE(nav.open(r("stories"))); // the list, already in the history
    EXPECT_EQ(history_of(nav), (std::vector<std::string>{"home"}));
    EXPECT_EQ(nav.current(), r("stories"));
}

TEST(Navigator, EveryScreenIsWithinThreeTapsOfHome) {
    // Tapping along parents only: home -> list -> item, home -> figures/map/sources.
    for (const char* target : {"initiatives", "initiative/x", "stories", "story/y", "figures",
                               "map", "sources"}) {
        SCOPED_TRACE(target);
        std::vector<Route> path;
        for (Route at = r(target); at.screen != Screen::home; at = parent_of(at))
            path.insert(path.begin(), at);
        auto nav = at_home();
        for (const auto& step : path) EXPECT_TRUE(nav.open(step));
        EXPECT_EQ(nav.current(), r(target));
        EXPECT_LE(path.size(), 3u);
        EXPECT_EQ(nav.depth_from_home(), path.size());
    }
}

TEST(Navigator, RevisionCountsEveryChangeAndNothingElse) {
    Navigator nav;
    std::uint64_t expected = 0;
    auto check = [&](bool changed) {
        if (changed) ++expected;
        EXPECT_EQ(nav.revision(), expected);
    };
    check(nav.back());
    check(nav.wake());
    check(nav.open(r("stories")));
    check(nav.open(r("stories")));
    check(nav.open(r("story/a")));
    check(nav.replace(r("story/b")));
    check(nav.back());
    check(nav.back());
    check(nav.back());
    check(nav.home());
    check(nav.reset_to_attract());
    EXPECT_EQ(expected, 7u);
}

} // namespace
} // namespace pavilion::core
