// Checks of the embedded default pack (issue 3): complete in both languages, sourced, placed,
// and as large as the exhibition needs. It is the example authors copy, so it must be exemplary.

#include "pack_fixture.hpp"

#include <gtest/gtest.h>

#include <set>

namespace pavilion {
namespace {

using testing::default_pack;

const std::vector<std::string> kLocales = {"en", "zh", "ru", "ar"};

TEST(DefaultPack, MeetsTheCountsTheExhibitionNeeds) {
    const auto& catalog = default_pack().catalog();
    EXPECT_EQ(catalog.meta.id, "belt-and-road");
    EXPECT_GE(catalog.initiatives.size(), 12u);
    EXPECT_GE(catalog.stories.size(), 8u);
    EXPECT_GE(catalog.figures.size(), 8u);
    EXPECT_GE(catalog.slides.size(), 5u);
    EXPECT_LE(catalog.slides.size(), 8u);
    int corridors = 0;
    for (const auto& feature : catalog.features) corridors += feature.role == "corridor";
    EXPECT_EQ(corridors, 6) << "the six economic corridors";
    std::vector<std::string> locales;
    for (const auto& locale : catalog.meta.locales) locales.push_back(locale.code);
    EXPECT_EQ(locales, kLocales);
}

TEST(DefaultPack, InfoJsonReportsTheCounts) {
    const auto result = testing::run_command({PAVILION_PACK_TOOL, "info", "--json", PAVILION_DEFAULT_PACK});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto& catalog = default_pack().catalog();
    EXPECT_NE(result.output.find("\"initiatives\": " + std::to_string(catalog.initiatives.size())),
              std::string::npos) << result.output;
    EXPECT_NE(result.output.find("\"stories\": " + std::to_string(catalog.stories.size())),
              std::string::npos);
    EXPECT_NE(result.output.find("\"figures\": " + std::to_string(catalog.figures.size())),
              std::string::npos);
}

TEST(DefaultPack, EveryVisitorTextExistsInBothLanguages) {
    const auto& catalog = default_pack().catalog();
    for (const auto& locale : kLocales) {
        EXPECT_FALSE(catalog.meta.title.at(locale).empty());
        for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
            for (const auto& item : *list) {
                SCOPED_TRACE(item.ref + " " + locale);
                ASSERT_TRUE(item.text.count(locale));
                const auto& text = item.text.at(locale);
                EXPECT_FALSE(text.title.empty());
                EXPECT_FALSE(text.summary.empty());
                EXPECT_FALSE(text.blocks.empty());
                EXPECT_GE(text.key_points.size(), 3u);
                EXPECT_LE(text.key_points.size(), 8u);
                for (const auto& point : text.key_points) EXPECT_FALSE(point.empty());
            }
        }
        for (const auto& figure : catalog.figures) {
            EXPECT_FALSE(figure.text.at(locale).label.empty()) << figure.id;
        }
        for (const auto& slide : catalog.slides) EXPECT_FALSE(slide.caption.at(locale).empty());
        for (const auto& source : catalog.sources) EXPECT_FALSE(source.text.at(locale).title.empty());
        for (const char* key : {"home", "back", "map", "figures", "sources", "touch_to_explore", "still_there"})
            EXPECT_FALSE(catalog.strings.at(locale).at(key).empty()) << key;
    }
}

TEST(DefaultPack, ChineseTextIsChineseAndEnglishTextIsEnglish) {
    const auto& catalog = default_pack().catalog();
    for (const auto& item : catalog.initiatives) {
        const auto& zh = item.text.at("zh").title;
        // UTF-8 lead bytes E4..E9 start the CJK Unified Ideographs U+4E00..U+9FFF.
        EXPECT_TRUE(std::any_of(zh.begin(), zh.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte >= 0xE4 && byte <= 0xE9;
        })) << item.ref << ": " << zh;
        EXPECT_NE(item.text.at("en").title, zh);
    }
}

TEST(DefaultPack, InitiativeSummariesHaveTheirLength) {
    for (const auto& item : default_pack().catalog().initiatives) {
        std::size_t words = 0;
        for (const auto& block : item.text.at("en").blocks) {
            bool in_word = false;
            for (char c : block.text) {
                const bool letter = c != ' ';
                words += letter && !in_word;
                in_word = letter;
            }
        }
        EXPECT_GE(words, 80u) << item.ref;
        EXPECT_LE(words, 200u) << item.ref;
    }
}

TEST(DefaultPack, EveryFigureAndItemNamesItsSources) {
    const auto& catalog = default_pack().catalog();
    for (const auto& figure : catalog.figures) {
        EXPECT_NE(catalog.find_source(figure.source), nullptr) << figure.id;
    }
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            EXPECT_FALSE(item.sources.empty()) << item.ref;
            for (const auto& id : item.sources) EXPECT_NE(catalog.find_source(id), nullptr) << item.ref;
        }
    }
    // The five seed articles are all listed.
    int articles = 0;
    for (const auto& source : catalog.sources) articles += source.id.size() == 20 && source.id[3] == '_';
    EXPECT_EQ(articles, 5);
}

TEST(DefaultPack, EveryStoryHasAnImageAndAPlaceOnTheMap) {
    const auto& catalog = default_pack().catalog();
    for (const auto& story : catalog.stories) {
        SCOPED_TRACE(story.ref);
        EXPECT_TRUE(default_pack().media_info(story.image)) << "image";
        ASSERT_TRUE(story.place.has_value());
        const bool on_map = std::any_of(catalog.features.begin(), catalog.features.end(),
                                        [&](const content::MapFeature& f) { return f.link == story.ref && f.kind == content::FeatureKind::point; });
        EXPECT_TRUE(on_map);
    }
    for (const auto& initiative : catalog.initiatives)
        EXPECT_TRUE(default_pack().media_info(initiative.image)) << initiative.ref;
}

TEST(DefaultPack, EveryCoordinateIsAValidLongitudeAndLatitude) {
    for (const auto& feature : default_pack().catalog().features) {
        for (const auto& point : feature.coords) {
            EXPECT_GE(point.lon, -180.0) << feature.id;
            EXPECT_LE(point.lon, 180.0) << feature.id;
            EXPECT_GE(point.lat, -90.0) << feature.id;
            EXPECT_LE(point.lat, 90.0) << feature.id;
        }
    }
}

TEST(DefaultPack, UsesTheCorrectNameOfTheMozuraWindFarm) {
    const auto* story = default_pack().catalog().find_item("story/mozura-wind-farm");
    ASSERT_NE(story, nullptr);
    EXPECT_NE(story->text.at("en").title.find("Možura"), std::string::npos);
    for (const auto& block : story->text.at("en").blocks) EXPECT_EQ(block.text.find("Morula"), std::string::npos);
}

} // namespace
} // namespace pavilion
