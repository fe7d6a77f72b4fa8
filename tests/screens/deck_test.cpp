// The Deck: one screen per kind of route, views rebuilt when the model's route, language or
// item body changes, lists that keep their filter while the visitor reads their items, and taps
// that come back as the model's intents (screen-local ones handled on the screen).

#include "screen_test_support.hpp"
#include "pavilion/screens/deck.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pavilion::screens {
namespace {

using pavilion::testing::mini_pack;
using screen_tests::centre_of;
using screen_tests::name_of;
using screen_tests::tap_at;
using Kind = core::Route::Screen;

core::Route route(const char* text) { return *core::Route::parse(text); }

const ImVec2 kLandscape(1920, 1080);

class DeckTest : public screen_tests::ScreenTest {
protected:
    // One frame of the deck; its targets, and the intents it returned.
    TapTargets draw(Deck& deck, const FrameInput& input = {}, std::vector<model::Intent>* intents = nullptr,
                    const model::Look& look = {}) {
        return draw_frame(kLandscape, [&](Frame& f) {
            auto got = deck.draw(f, look);
            if (intents) *intents = std::move(got);
        }, false, input);
    }

    // Taps the first target whose name starts with `prefix` (drawn in a frame of its own first);
    // returns the intents of the frame with the tap.
    std::vector<model::Intent> tap_target(Deck& deck, const std::string& prefix) {
        const auto targets = draw(deck);
        for (const auto& target : targets.all()) {
            if (name_of(target.action).rfind(prefix, 0) != 0) continue;
            FrameInput input;
            input.gestures.push_back(tap_at(centre_of(target)));
            std::vector<model::Intent> intents;
            draw(deck, input, &intents);
            return intents;
        }
        ADD_FAILURE() << "no target " << prefix;
        return {};
    }

    // This frame's targets (kept: all() refers into them).
    std::vector<TapTargets::Target> draw_targets(Deck& deck) { return draw(deck).all(); }

    // The items the list shows this frame (its cards' targets).
    std::set<std::string> cards_shown(Deck& deck) {
        std::set<std::string> shown;
        for (const auto& target : draw_targets(deck)) {
            const auto name = name_of(target.action);
            if (name.rfind("open story/", 0) == 0 || name.rfind("open initiative/", 0) == 0) shown.insert(name);
        }
        return shown;
    }
};

const ListScreen& list_of(const Deck& deck, Kind kind) {
    return dynamic_cast<const ListScreen&>(*deck.screen_for(kind));
}

const DetailScreen& detail_of(const Deck& deck) {
    return dynamic_cast<const DetailScreen&>(*deck.screen_for(Kind::story));
}

// Every kind of route core knows has a screen: a new one added without a screen fails here,
// not in front of a visitor.
TEST(DeckTable, EveryRouteScreenHasAScreen) {
    const Deck deck(mini_pack().catalog());
    int kinds = 0;
    for (int i = 0; core::screen_name(static_cast<Kind>(i)) != "unknown"; ++i, ++kinds)
        EXPECT_NE(deck.screen_for(static_cast<Kind>(i)), nullptr) << core::screen_name(static_cast<Kind>(i));
    EXPECT_EQ(kinds, 9);
    // The two lists are two screens (each keeps its own filter); both kinds of item share one.
    EXPECT_NE(deck.screen_for(Kind::initiatives), deck.screen_for(Kind::stories));
    EXPECT_EQ(deck.screen_for(Kind::initiative), deck.screen_for(Kind::story));
    EXPECT_FALSE(deck.screen_for(Kind::attract)->framed());
    EXPECT_TRUE(deck.screen_for(Kind::home)->framed());
}

TEST(DeckTable, OpensOnTheAttractLoopInTheDefaultLanguage) {
    const Deck deck(mini_pack().catalog());
    EXPECT_EQ(deck.route(), core::Route{});
    EXPECT_EQ(deck.pictures_of_current_screen().size(), mini_pack().catalog().slides.size());
}

TEST_F(DeckTest, ListsKeepTheirFilterIntoAnItemAndBack) {
    Deck deck(mini_pack().catalog());
    deck.show(route("stories"), "en", nullptr);
    const auto all = cards_shown(deck);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_TRUE(tap_target(deck, "filter europe").empty()) << "a filter is the list's own business";
    EXPECT_EQ(list_of(deck, Kind::stories).filter(), "europe");
    const auto europe = cards_shown(deck);
    ASSERT_EQ(europe, std::set<std::string>{"open story/mozura-wind-farm"});

    // Into a story, on to a related initiative, the other list, the language switched: kept.
    for (const char* elsewhere : {"story/mozura-wind-farm", "initiative/overview", "initiatives"}) {
        deck.show(route(elsewhere), "en", nullptr);
        draw(deck);
    }
    deck.show(route("stories"), "zh", nullptr);
    EXPECT_EQ(list_of(deck, Kind::stories).filter(), "europe");
    EXPECT_EQ(cards_shown(deck), europe);
}

TEST_F(DeckTest, ListsStartAfreshAfterGoingElsewhere) {
    for (const char* elsewhere : {"home", "map", "figures", "sources", "attract", "map/khorgos"}) {
        Deck deck(mini_pack().catalog());
        deck.show(route("stories"), "en", nullptr);
        tap_target(deck, "filter europe");
        ASSERT_EQ(list_of(deck, Kind::stories).filter(), "europe");
        deck.show(route("story/mozura-wind-farm"), "en", nullptr); // through an item first
        deck.show(route(elsewhere), "en", nullptr);
        deck.show(route("stories"), "en", nullptr);
        EXPECT_EQ(list_of(deck, Kind::stories).filter(), "") << "via " << elsewhere;
        EXPECT_EQ(cards_shown(deck).size(), 2u) << "via " << elsewhere;
    }
}

// The kiosk reads bodies on demand: the page shows without one, then with it once the model has
// read it, in the visitor's language.
TEST_F(DeckTest, ABodyArrivingAfterShowAppearsOnThePage) {
    auto lazy = content::PackReader::open(mini_pack().path(), content::PackCheck::without_pictures,
                                          content::CatalogBodies::on_demand);
    ASSERT_TRUE(lazy) << lazy.error().message;
    const std::string ref = "story/china-laos-railway";
    auto body = lazy->item_body(ref);
    ASSERT_TRUE(body) << body.error().message;
    const auto& eager = mini_pack().catalog().find_item(ref)->text.at("zh");

    Deck deck(lazy->catalog());
    deck.show(route("story/china-laos-railway"), "zh", nullptr);
    ASSERT_TRUE(detail_of(deck).view());
    EXPECT_TRUE(detail_of(deck).view()->blocks.empty());
    draw(deck);
    const int without = drawn_vertices_;

    deck.show(route("story/china-laos-railway"), "zh", &*body);
    EXPECT_EQ(detail_of(deck).view()->blocks, eager.blocks);
    EXPECT_EQ(detail_of(deck).view()->key_points, eager.key_points);
    draw(deck);
    EXPECT_GT(drawn_vertices_, without);
}

TEST_F(DeckTest, AnItemThePackDoesNotHaveShowsNothing) {
    Deck deck(mini_pack().catalog());
    deck.show(route("story/no-such-story"), "en", nullptr);
    EXPECT_FALSE(detail_of(deck).view());
    EXPECT_EQ(detail_of(deck).title(), "");
    EXPECT_TRUE(deck.pictures_of_current_screen().empty());
    std::set<std::string> names;
    for (const auto& target : draw_targets(deck)) names.insert(name_of(target.action));
    EXPECT_EQ(names.count("back"), 1u) << "the chrome still leads away";
}

// The model hears its intents (the screen's own first: a swipe), never the screen's local
// actions; WakeUp means nothing to the Deck either (the model wakes from the touch itself).
TEST_F(DeckTest, TapsReturnTheModelsIntentsOnly) {
    Deck deck(mini_pack().catalog());
    deck.show(route("attract"), "en", nullptr);
    FrameInput anywhere;
    anywhere.gestures.push_back(tap_at(ImVec2(500, 500)));
    std::vector<model::Intent> intents{model::GoHome{}};
    draw(deck, anywhere, &intents);
    EXPECT_TRUE(intents.empty());

    deck.show(route("story/china-laos-railway"), "en", nullptr);
    EXPECT_EQ(tap_target(deck, "back"), std::vector<model::Intent>{model::GoBack{}});
    EXPECT_EQ(tap_target(deck, "language zh"), std::vector<model::Intent>{model::ChooseLanguage{"zh"}});
    EXPECT_EQ(tap_target(deck, "open map"), (std::vector<model::Intent>{
                                                model::OpenRoute{route("map/story-china-laos-railway")}}));
    FrameInput swipe_and_tap;
    core::Gesture swipe;
    swipe.kind = core::Gesture::Kind::swipe;
    swipe.direction = core::Gesture::Direction::left;
    swipe.x = 900, swipe.y = 600;
    swipe_and_tap.gestures = {tap_at(ImVec2(60, 60)), swipe};
    draw(deck, swipe_and_tap, &intents);
    EXPECT_EQ(intents, (std::vector<model::Intent>{model::SwipeTo{route("story/mozura-wind-farm")}, model::GoBack{}}));

    deck.show(route("map"), "en", nullptr);
    EXPECT_TRUE(tap_target(deck, "reset map view").empty());
}

TEST_F(DeckTest, HomeHasNoBackAndTheOthersDo) {
    Deck deck(mini_pack().catalog());
    for (const char* where : {"home", "stories", "story/china-laos-railway", "map", "figures", "sources"}) {
        deck.show(route(where), "en", nullptr);
        std::set<std::string> names;
        for (const auto& target : draw_targets(deck)) names.insert(name_of(target.action));
        const bool home = std::string(where) == "home";
        EXPECT_EQ(names.count("back"), home ? 0u : 1u) << where;
        EXPECT_EQ(names.count("home"), home ? 0u : 1u) << where;
        EXPECT_EQ(names.count("larger text"), 1u) << where;
    }
}

// "Still there?" covers the screen: a touch anywhere is the overlay's, not the screen's.
TEST_F(DeckTest, StillThereTakesEveryTap) {
    Deck deck(mini_pack().catalog());
    deck.show(route("home"), "en", nullptr);
    model::Look look;
    look.still_there_seconds = 4;
    const auto targets = draw(deck, {}, nullptr, look);
    for (const auto& target : targets.all()) {
        const auto hit = targets.hit(centre_of(target));
        ASSERT_TRUE(hit);
        EXPECT_EQ(name_of(*hit), "wake up");
    }
}

TEST_F(DeckTest, TheBannerDrawsOverAnyScreenWithoutTargets) {
    Deck deck(pavilion::testing::default_pack().catalog());
    deck.show(route("home"), "zh", nullptr);
    model::UpdateBanner banner;
    banner.state = model::UpdateBanner::State::verifying;
    const auto targets = draw_frame(kLandscape, [&](Frame& f) { deck.draw_update_banner(f, banner); });
    EXPECT_GT(drawn_vertices_, 0);
    EXPECT_TRUE(targets.all().empty());
}

// Taps resolve to what they hit, in order; screen-local actions are left out of the intents.
TEST(IntentsFromTaps, SkipLocalActions) {
    const Theme theme;
    const Fonts fonts;
    core::NoImages images;
    FrameInput input;
    TapTargets targets;
    targets.add(ImVec2(0, 0), ImVec2(10, 10), SetFilter{"europe"});
    targets.add(ImVec2(20, 0), ImVec2(30, 10), model::Intent{model::GoBack{}});
    targets.add(ImVec2(40, 0), ImVec2(50, 10), ResetMapView{});
    targets.add(ImVec2(60, 0), ImVec2(70, 10), WakeUp{});
    targets.add(ImVec2(80, 0), ImVec2(90, 10), model::Intent{model::OpenRoute{route("story/china-laos-railway")}});
    core::Gesture drag;
    drag.kind = core::Gesture::Kind::drag;
    drag.x = 25, drag.y = 5; // over Back, but not a tap
    input.gestures = {tap_at(ImVec2(85, 5)), tap_at(ImVec2(5, 5)), drag, tap_at(ImVec2(25, 5)), tap_at(ImVec2(45, 5)),
                      tap_at(ImVec2(65, 5)), tap_at(ImVec2(200, 5))};
    const Frame frame{theme, fonts, images, nullptr, ImVec2(300, 20), 0, 0, input, targets};
    EXPECT_EQ(intents_from_taps(frame),
              (std::vector<model::Intent>{model::OpenRoute{route("story/china-laos-railway")}, model::GoBack{}}));
    EXPECT_EQ(actions_from_taps(frame),
              (std::vector<TapAction>{model::Intent{model::OpenRoute{route("story/china-laos-railway")}},
                                      SetFilter{"europe"}, model::Intent{model::GoBack{}}, ResetMapView{}, WakeUp{}}));
}

} // namespace
} // namespace pavilion::screens
