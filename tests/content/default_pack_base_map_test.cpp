// The default pack's base map: world-atlas's 110m and 50m countries as land and coastlines only.
// The pack is shown at events in many countries, so it draws no international border and
// singles out no country; its corridors, routes and places carry the story.

#include "pack_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace pavilion {
namespace {

using content::BaseMap;
using content::BaseMapLevel;

const BaseMap& base_map() {
    static const BaseMap map = [] {
        auto loaded = testing::default_pack().base_map();
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return std::move(loaded).value();
    }();
    return map;
}

TEST(DefaultPackBaseMap, HasTheOverviewAndTheDetailedLevel) {
    const auto& map = base_map();
    ASSERT_EQ(map.levels.size(), 2u);
    EXPECT_EQ(map.levels[0].name, "110m");
    EXPECT_EQ(map.levels[1].name, "50m");
    // world-atlas 2.0.2 holds 177 and 241 countries (counted in topojson_test.cpp).
    EXPECT_EQ(map.levels[0].countries.size(), 177u);
    EXPECT_EQ(map.levels[1].countries.size(), 241u);
    EXPECT_LT(map.levels[0].triangle_count(), map.levels[1].triangle_count());
}

TEST(DefaultPackBaseMap, EveryCountryIsFilled) {
    for (const auto& level : base_map().levels) {
        for (const auto& country : level.countries)
            EXPECT_GT(country.index_count, 0u) << level.name << ": " << country.name;
    }
}

TEST(DefaultPackBaseMap, TakesNoSide) {
    for (const auto& level : base_map().levels) {
        EXPECT_EQ(level.border_segment_count(), 0u) << level.name << " draws international borders";
        for (const auto& country : level.countries)
            EXPECT_FALSE(country.highlighted) << level.name << ": " << country.name << " is singled out";
    }
}

// Whether (lon, lat) lies in one of the country's triangles.
bool contains(const BaseMapLevel& level, const content::BaseMapCountry& country, double lon, double lat) {
    for (std::uint32_t t = country.first_index; t < country.first_index + country.index_count; t += 3) {
        double x[3], y[3];
        for (int k = 0; k < 3; ++k) {
            x[k] = level.vertices[2 * level.triangles[t + k]];
            y[k] = level.vertices[2 * level.triangles[t + k] + 1];
        }
        auto side = [&](int a, int b) {
            return (x[b] - x[a]) * (lat - y[a]) - (y[b] - y[a]) * (lon - x[a]);
        };
        if (side(0, 1) >= 0 && side(1, 2) >= 0 && side(2, 0) >= 0) return true;
    }
    return false;
}

// Each story's place is where its text says: on land, in the country it names (checked against
// world-atlas's shapes, which only this test reads; the visitor sees no country lines).
TEST(DefaultPackBaseMap, StoriesTakePlaceWhereTheirTextsSay) {
    const std::map<std::string, std::string> countries = {
        {"belt-and-road-forum", "China"},   {"china-europe-railway-express", "Germany"}, // Duisburg
        {"china-laos-railway", "Laos"},     {"juncao-technology", "Rwanda"},
        {"luban-workshops", "Thailand"},    {"mozura-wind-farm", "Montenegro"},
        {"silk-road-e-commerce", "China"},  {"trans-caspian-corridor", "Kazakhstan"},
    };
    const auto& detailed = base_map().levels[1];
    for (const auto& story : testing::default_pack().catalog().stories) {
        ASSERT_TRUE(story.place) << story.ref;
        const content::BaseMapCountry* found = nullptr;
        for (const auto& country : detailed.countries) {
            if (contains(detailed, country, story.place->lon, story.place->lat)) found = &country;
        }
        if (story.slug == "space-information-corridor") {
            EXPECT_EQ(found, nullptr) << "placed in the Indian Ocean";
            continue;
        }
        ASSERT_NE(found, nullptr) << story.ref << " is not on land";
        const auto expected = countries.find(story.slug);
        ASSERT_NE(expected, countries.end()) << story.ref << " has no expected country in this test";
        EXPECT_EQ(found->name, expected->second) << story.ref;
    }
}

TEST(DefaultPackBaseMap, CalmStyleOfTheKiosk) {
    const auto& style = base_map().style;
    // Darker than the kiosk's cream text, so labels and corridors stay readable over the map.
    for (const auto* colour : {&style.water, &style.land}) {
        EXPECT_LT(colour->r + colour->g + colour->b, 3 * 160);
        EXPECT_EQ(colour->a, 255);
    }
    EXPECT_GT(style.land.b, style.water.b) << "land a shade lighter than the water";
}

} // namespace
} // namespace pavilion
