// The default pack's base map: world-atlas's 110m and 50m countries, with the partner countries
// its stories take place in and its corridors run through highlighted.

#include "pack_fixture.hpp"

#include <gtest/gtest.h>

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

std::set<std::string> highlighted_ids(const BaseMapLevel& level) {
    std::set<std::string> ids;
    for (const auto& country : level.countries) {
        if (country.highlighted) ids.insert(country.id);
    }
    return ids;
}

// ISO 3166-1 numeric codes, as world-atlas writes them.
const std::set<std::string> kPartners = {
    "156", // China
    "418", "764", "458", "702", "104", "050", // Laos, Thailand, Malaysia, Singapore, Myanmar, Bangladesh
    "586", "496", "643", "398", "860", "795", // Pakistan, Mongolia, Russia, Kazakhstan, Uzbekistan, Turkmenistan
    "364", "792", "031", "268", "112", "616", // Iran, Turkey, Azerbaijan, Georgia, Belarus, Poland
    "499", "646",                             // Montenegro, Rwanda
};

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

TEST(DefaultPackBaseMap, BordersAreTheSharedArcs) {
    // Segments of the arcs two countries share, counted from the files with python3's json module
    // (sum of len(arc) - 1 over arcs used by two different geometries): 2648 and 19252.
    EXPECT_EQ(base_map().levels[0].border_segment_count(), 2648u);
    EXPECT_EQ(base_map().levels[1].border_segment_count(), 19252u);
}

TEST(DefaultPackBaseMap, HighlightsThePartnerCountries) {
    EXPECT_EQ(highlighted_ids(base_map().levels[1]), kPartners);
    auto coarse = kPartners;
    coarse.erase("702"); // Singapore is too small for the 110m file
    EXPECT_EQ(highlighted_ids(base_map().levels[0]), coarse);
}

TEST(DefaultPackBaseMap, CountriesOnTheRoutesThatAreNotPartnersStayPlain) {
    for (const auto& level : base_map().levels) {
        for (const auto& country : level.countries) {
            if (country.id == "276" || country.id == "528" || country.id == "356") { // DE, NL, IN
                EXPECT_FALSE(country.highlighted) << country.name;
            }
        }
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

TEST(DefaultPackBaseMap, StoriesTakePlaceInHighlightedCountries) {
    const auto& detailed = base_map().levels[1];
    for (const auto& story : testing::default_pack().catalog().stories) {
        ASSERT_TRUE(story.place) << story.ref;
        const content::BaseMapCountry* found = nullptr;
        for (const auto& country : detailed.countries) {
            if (contains(detailed, country, story.place->lon, story.place->lat)) found = &country;
        }
        if (story.slug == "space-information-corridor") {
            EXPECT_EQ(found, nullptr) << "placed in the Indian Ocean";
        } else if (story.slug == "china-europe-railway-express") {
            ASSERT_NE(found, nullptr);
            EXPECT_EQ(found->name, "Germany") << "Duisburg, the European end of the line";
        } else {
            ASSERT_NE(found, nullptr) << story.ref << " is not on land";
            EXPECT_TRUE(found->highlighted) << story.ref << " takes place in " << found->name;
        }
    }
}

TEST(DefaultPackBaseMap, CalmStyleOfTheKiosk) {
    const auto& style = base_map().style;
    // Darker than the kiosk's cream text, so labels and corridors stay readable over the map.
    for (const auto* colour : {&style.water, &style.land, &style.highlight, &style.border}) {
        EXPECT_LT(colour->r + colour->g + colour->b, 3 * 160);
        EXPECT_EQ(colour->a, 255);
    }
    EXPECT_GT(style.highlight.r, style.land.r) << "partners warmer than other land";
}

} // namespace
} // namespace pavilion
