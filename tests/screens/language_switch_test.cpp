// The bar's language switch: a row of pills while the languages fit beside the title, else one
// button (a globe and the current language) that opens a sheet of every language in its own name.
// Issue 21: two to eight languages, each one tap away from every screen.

#include "screen_test_support.hpp"
#include "pavilion/screens/chrome.hpp"
#include "pavilion/screens/deck.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pavilion::screens {
namespace {

using screen_tests::centre_of;
using screen_tests::name_of;
using screen_tests::tap_at;

TEST(LanguageSwitch, PillsWhileTheyFitBesideTheTitleElseTheSheet) {
    EXPECT_EQ(choose_language_switch(1, 100, 300, 1000), LanguageSwitch::none) << "one language: nothing to switch";
    EXPECT_EQ(choose_language_switch(2, 300, 300, 1000), LanguageSwitch::pills);
    EXPECT_EQ(choose_language_switch(3, 500, 300, 800), LanguageSwitch::pills) << "exactly fits";
    EXPECT_EQ(choose_language_switch(3, 500, 301, 800), LanguageSwitch::sheet) << "the title would be cut";
    EXPECT_EQ(choose_language_switch(4, 100, 100, 5000), LanguageSwitch::sheet) << "four pills are too many targets";
    EXPECT_EQ(choose_language_switch(8, 100, 100, 5000), LanguageSwitch::sheet);
}

// The mini-pack with more languages (the views only need their names; texts fall back to English).
content::Catalog with_languages(std::vector<content::Locale> extra) {
    auto catalog = pavilion::testing::mini_pack().catalog();
    for (auto& locale : extra) catalog.meta.locales.push_back(std::move(locale));
    return catalog;
}

class LanguageSheetTest : public screen_tests::ScreenTest {
protected:
    std::vector<TapTargets::Target> frame_targets(Deck& deck, ImVec2 size, const FrameInput& input = {},
                                                  std::vector<model::Intent>* intents = nullptr) {
        return draw_frame(size, [&](Frame& f) {
            auto got = deck.draw(f, model::Look{});
            if (intents) *intents = std::move(got);
        }, false, input).all();
    }
    static std::vector<std::string> names(const std::vector<TapTargets::Target>& targets, const std::string& prefix) {
        std::vector<std::string> found;
        for (const auto& target : targets)
            if (name_of(target.action).rfind(prefix, 0) == 0) found.push_back(name_of(target.action));
        std::sort(found.begin(), found.end());
        return found;
    }
    // Taps the first target named `name` (as drawn in a frame of its own); the tap's intents.
    std::vector<model::Intent> tap(Deck& deck, ImVec2 size, const std::string& name) {
        for (const auto& target : frame_targets(deck, size)) {
            if (name_of(target.action) != name) continue;
            FrameInput input;
            input.gestures.push_back(tap_at(centre_of(target)));
            std::vector<model::Intent> intents;
            frame_targets(deck, size, input, &intents);
            return intents;
        }
        ADD_FAILURE() << "no target " << name;
        return {};
    }
};

TEST_F(LanguageSheetTest, TwoLanguagesAreTwoPills) {
    Deck deck(pavilion::testing::mini_pack().catalog());
    deck.show(*core::Route::parse("figures"), "en", nullptr);
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        const auto targets = frame_targets(deck, size);
        EXPECT_EQ(names(targets, "language "), (std::vector<std::string>{"language en", "language zh"}));
        EXPECT_TRUE(names(targets, "open language sheet").empty());
    }
}

TEST_F(LanguageSheetTest, FourLanguagesOpenASheetThatClosesOnAChoiceOrBesideIt) {
    const auto catalog = with_languages({{"ru", "Русский"}, {"ar", "العربية"}});
    Deck deck(catalog);
    deck.show(*core::Route::parse("story/china-laos-railway"), "en", nullptr);
    const ImVec2 size(1920, 1080);
    auto targets = frame_targets(deck, size);
    EXPECT_TRUE(names(targets, "language ").empty()) << "no row of four small pills";
    ASSERT_EQ(names(targets, "open language sheet").size(), 1u);

    EXPECT_TRUE(tap(deck, size, "open language sheet").empty()) << "opening the sheet is the screen's own business";
    targets = frame_targets(deck, size);
    EXPECT_EQ(names(targets, "language "),
              (std::vector<std::string>{"language ar", "language en", "language ru", "language zh"}));
    EXPECT_EQ(name_of(targets.back().action), "language ar") << "the sheet lies over everything, in the pack's order";

    // A tap beside the sheet closes it, and reaches nothing under it.
    FrameInput beside;
    beside.gestures.push_back(tap_at(ImVec2(300, 700)));
    std::vector<model::Intent> intents;
    frame_targets(deck, size, beside, &intents);
    EXPECT_TRUE(intents.empty());
    EXPECT_TRUE(names(frame_targets(deck, size), "language ").empty());

    tap(deck, size, "open language sheet");
    EXPECT_EQ(tap(deck, size, "language ru"), std::vector<model::Intent>{model::ChooseLanguage{"ru"}});
    EXPECT_TRUE(names(frame_targets(deck, size), "language ").empty()) << "closed once chosen";
}

TEST_F(LanguageSheetTest, ThreeLanguagesAreASheetWhereTheyWouldCutTheTitle) {
    auto catalog = with_languages({{"ru", "Русский"}});
    catalog.strings["en"]["figures"] = "Key figures of the exhibition"; // as long as Russian's
    Deck deck(catalog);
    deck.show(*core::Route::parse("figures"), "en", nullptr);
    EXPECT_EQ(names(frame_targets(deck, ImVec2(1920, 1080)), "language ").size(), 3u) << "landscape: room for pills";
    const auto portrait = frame_targets(deck, ImVec2(1080, 1920));
    EXPECT_TRUE(names(portrait, "language ").empty()) << "portrait: the title needs the room";
    EXPECT_EQ(names(portrait, "open language sheet").size(), 1u);
}

TEST_F(LanguageSheetTest, ASheetLeftOpenClosesOnTheNextScreen) {
    const auto catalog = with_languages({{"ru", "Русский"}, {"ar", "العربية"}});
    Deck deck(catalog);
    const ImVec2 size(1920, 1080);
    deck.show(*core::Route::parse("figures"), "en", nullptr);
    tap(deck, size, "open language sheet");
    ASSERT_EQ(names(frame_targets(deck, size), "language ").size(), 4u);
    deck.show(*core::Route::parse("sources"), "en", nullptr);
    EXPECT_TRUE(names(frame_targets(deck, size), "language ").empty());
}

} // namespace
} // namespace pavilion::screens
