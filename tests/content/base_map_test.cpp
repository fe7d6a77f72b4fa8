// The base map from source to kiosk: map.toml's [base_map] with the small fixture countries
// (tests/fixtures/base-map, no world-atlas needed) is built into a pack and read back through
// PackReader::base_map(); authoring mistakes are reported with file and line; a damaged base map
// is refused as corrupt.

#include "forged_pack.hpp"
#include "content_test_support.hpp"

#include <sqlite3.h>

#include <cmath>

namespace pavilion::content::test {
namespace {

const std::string kCoarse = "countries-coarse.json";
const std::string kFine = "countries-fine.json";

std::string fixture_text(const std::string& name) {
    return pavilion::testing::read_text(std::string(PAVILION_FIXTURES_DIR) + "/base-map/" + name);
}

const std::string kStyle =
    "\n[base_map.style]\n"
    "water = \"#102030\"\n"
    "land = \"#405060ff\"\n"
    "highlight = \"#AABBCC\"\n"
    "border = \"#00000080\"\n";

const std::string kSection =
    "\n[base_map]\n"
    "files = [\"maps/countries-coarse.json\", \"maps/countries-fine.json\"]\n"
    "highlight = [\"001\", \"Beta\"]\n"
    "borders = true\n" +
    kStyle;

// The mini-pack with the fixture countries under maps/ and `section` appended to map.toml.
class SourceWithBaseMap : public SourceCopy {
public:
    explicit SourceWithBaseMap(const std::string& section = kSection) {
        for (const auto& name : {kCoarse, kFine}) write("maps/" + name, fixture_text(name));
        append("map.toml", section);
    }
    int section_line(const std::string& needle) const { return line("map.toml", needle); }
};

// A folder laid out like world-atlas, holding the fixture countries under its file names.
class FakeWorldAtlas {
public:
    FakeWorldAtlas() {
        pavilion::testing::write_text(dir_ / "countries-110m.json", fixture_text(kCoarse));
        pavilion::testing::write_text(dir_ / "countries-50m.json", fixture_text(kFine));
    }
    std::string path() const { return dir_.path().string(); }

private:
    TempDir dir_;
};

// Summed area of a country's triangles, from the float32 buffers the kiosk gets.
double country_area(const BaseMapLevel& level, const BaseMapCountry& country) {
    double area = 0;
    for (std::uint32_t t = country.first_index; t < country.first_index + country.index_count; t += 3) {
        auto x = [&](std::uint32_t k) { return double(level.vertices[2 * level.triangles[t + k]]); };
        auto y = [&](std::uint32_t k) { return double(level.vertices[2 * level.triangles[t + k] + 1]); };
        area += std::abs((x(1) - x(0)) * (y(2) - y(0)) - (y(1) - y(0)) * (x(2) - x(0))) / 2;
    }
    return area;
}

BaseMap built_base_map(const SourceCopy& source, const BuildOptions& options = {}) {
    const auto report = build_pack(source.root(), source.output(), options);
    if (!report) throw std::runtime_error(report.error().message);
    const auto reader = PackReader::open(source.output());
    if (!reader) throw std::runtime_error(reader.error().message);
    const auto map = reader->base_map();
    if (!map) throw std::runtime_error(map.error().message);
    return *map;
}

void expect_rgba(const Rgba& colour, int r, int g, int b, int a) {
    EXPECT_EQ(colour.r, r);
    EXPECT_EQ(colour.g, g);
    EXPECT_EQ(colour.b, b);
    EXPECT_EQ(colour.a, a);
}

// --- round trip -------------------------------------------------------------------------------

TEST(BaseMapRoundTrip, LevelsComeInTheOrderOfTheFilesNamedAfterThem) {
    const SourceWithBaseMap source;
    const auto map = built_base_map(source);
    ASSERT_EQ(map.levels.size(), 2u);
    EXPECT_EQ(map.levels[0].name, "coarse") << "'countries-' and '.json' are dropped";
    EXPECT_EQ(map.levels[1].name, "fine");
}

TEST(BaseMapRoundTrip, CountriesKeepTheirIdsNamesAndHighlights) {
    const SourceWithBaseMap source;
    const auto map = built_base_map(source);
    for (const auto& level : map.levels) {
        ASSERT_EQ(level.countries.size(), 3u) << level.name << ": the Point and the null geometry are skipped";
        const auto& c = level.countries;
        EXPECT_EQ(c[0].id, "001");
        EXPECT_EQ(c[0].name, "Alpha");
        EXPECT_TRUE(c[0].highlighted) << "highlighted by id";
        EXPECT_EQ(c[1].id, "2") << "a numeric id is kept as text";
        EXPECT_TRUE(c[1].highlighted) << "highlighted by name";
        EXPECT_EQ(c[2].id, "003");
        EXPECT_FALSE(c[2].highlighted);
    }
}

TEST(BaseMapRoundTrip, TrianglesFillEachCountryExactly) {
    const SourceWithBaseMap source;
    const auto map = built_base_map(source);
    const auto& coarse = map.levels[0];
    EXPECT_EQ(coarse.vertex_count(), 10u) << "neighbours share their border points";
    EXPECT_EQ(coarse.countries[0].index_count, 24u) << "8 points and one hole: 8 triangles";
    EXPECT_EQ(coarse.countries[1].index_count, 6u);
    EXPECT_EQ(coarse.countries[2].index_count, 6u);
    const double expected_coarse[] = {96, 100, 4};
    const double expected_fine[] = {96, 100, 8}; // the fine Gamma has an island
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(country_area(coarse, coarse.countries[i]), expected_coarse[i]) << i;
        EXPECT_DOUBLE_EQ(country_area(map.levels[1], map.levels[1].countries[i]), expected_fine[i]) << i;
    }
    // Ranges follow each other, so one draw call per country or one for all works.
    std::uint32_t next = 0;
    for (const auto& country : coarse.countries) {
        EXPECT_EQ(country.first_index, next);
        next += country.index_count;
    }
    EXPECT_EQ(next, coarse.triangles.size());
}

TEST(BaseMapRoundTrip, BordersAreTheSharedLinesOnce) {
    const SourceWithBaseMap source;
    const auto map = built_base_map(source);
    // TopoJSON: arc 0 (one segment) and arc 3 (four); GeoJSON: the six shared edges.
    EXPECT_EQ(map.levels[0].border_segment_count(), 5u);
    EXPECT_EQ(map.levels[1].border_segment_count(), 6u);
    EXPECT_EQ(map.levels[0].borders.size() % 4, 0u);
    // The Alpha/Beta border runs along longitude 10.
    EXPECT_EQ(std::vector<float>(map.levels[0].borders.begin(), map.levels[0].borders.begin() + 4),
              (std::vector<float>{10, 0, 10, 10}));
}

TEST(BaseMapRoundTrip, BordersOnlyWhenThePackAsksForThem) {
    // Where borders run is contested, so a pack that says nothing draws land and coastlines only.
    const SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/countries-coarse.json\", "
                                   "\"maps/countries-fine.json\"]\n");
    const auto map = built_base_map(source);
    ASSERT_EQ(map.levels.size(), 2u);
    for (const auto& level : map.levels) {
        EXPECT_EQ(level.border_segment_count(), 0u) << level.name;
        EXPECT_GT(level.triangle_count(), 0u) << level.name;
    }
}

TEST(BaseMapAuthoring, BordersMustBeTrueOrFalse) {
    const SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/countries-coarse.json\"]\nborders = \"yes\"\n");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("borders ="),
                        "'borders' must be true or false, not a string"))
        << messages;
}

TEST(BaseMapRoundTrip, StyleColours) {
    const SourceWithBaseMap source;
    const auto style = built_base_map(source).style;
    expect_rgba(style.water, 0x10, 0x20, 0x30, 0xff);
    expect_rgba(style.land, 0x40, 0x50, 0x60, 0xff);
    expect_rgba(style.highlight, 0xaa, 0xbb, 0xcc, 0xff);
    expect_rgba(style.border, 0, 0, 0, 0x80);
}

TEST(BaseMapRoundTrip, StyleMayBeLeftOut) {
    const SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/countries-coarse.json\"]\n");
    const auto map = built_base_map(source);
    ASSERT_EQ(map.levels.size(), 1u);
    expect_rgba(map.style.water, 0xdf, 0xe9, 0xee, 0xff);
    expect_rgba(map.style.border, 0xc9, 0xc2, 0xb4, 0xff);
    for (const auto& country : map.levels[0].countries) EXPECT_FALSE(country.highlighted);
}

TEST(BaseMapRoundTrip, APackWithoutBaseMapHasNoLevels) {
    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    const auto map = mini_pack().reader->base_map();
    ASSERT_TRUE(map) << map.error().message;
    EXPECT_TRUE(map->levels.empty());
}

TEST(BaseMapRoundTrip, BuildsAreByteIdentical) {
    const SourceWithBaseMap source;
    ASSERT_TRUE(build_pack(source.root(), source.output("a.pack")));
    ASSERT_TRUE(build_pack(source.root(), source.output("b.pack")));
    EXPECT_TRUE(pavilion::testing::read_bytes(source.output("a.pack")) ==
                pavilion::testing::read_bytes(source.output("b.pack")));
}

// --- world-atlas ------------------------------------------------------------------------------

const std::string kWorldAtlasSection = "\n[base_map]\nhighlight = [\"Gamma\"]\n";

TEST(BaseMapWorldAtlas, WithoutFilesTheWorldAtlasFolderIsUsed) {
    const SourceWithBaseMap source(kWorldAtlasSection);
    const FakeWorldAtlas atlas;
    const auto map = built_base_map(source, BuildOptions{atlas.path(), {}});
    ASSERT_EQ(map.levels.size(), 2u);
    EXPECT_EQ(map.levels[0].name, "110m");
    EXPECT_EQ(map.levels[1].name, "50m");
    EXPECT_TRUE(map.levels[1].countries[2].highlighted);
}

TEST(BaseMapWorldAtlas, WithoutAFolderTheBuildSaysWhatIsMissing) {
    const SourceWithBaseMap source(kWorldAtlasSection);
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("[base_map]"),
                        "needs world-atlas's countries-110m.json and countries-50m.json, but no "
                        "world-atlas folder was given (use 'pavilion-pack build --world-atlas DIR' "
                        "or set PAVILION_WORLD_ATLAS_DIR)"));
}

TEST(BaseMapWorldAtlas, AFolderWithoutTheFilesIsAnError) {
    const SourceWithBaseMap source(kWorldAtlasSection);
    TempDir empty;
    const auto report = build_pack(source.root(), source.output(), BuildOptions{empty.path().string(), {}});
    ASSERT_FALSE(report);
    EXPECT_TRUE(reports(report.error().message, empty / "countries-110m.json", 0, "cannot be read"));
}

// --- pavilion-pack ----------------------------------------------------------------------------

TEST(BaseMapCli, WorldAtlasOptionEnvironmentOrAClearError) {
    const SourceWithBaseMap source(kWorldAtlasSection);
    const FakeWorldAtlas atlas;
    const std::string tool = PAVILION_PACK_TOOL;
    const auto with_option = pavilion::testing::run_command(
        {"/usr/bin/env", "-u", "PAVILION_WORLD_ATLAS_DIR", tool, "build", source.root(), "-o",
         source.output("option.pack"), "--world-atlas", atlas.path()});
    EXPECT_EQ(with_option.exit_code, 0) << with_option.output;
    EXPECT_NE(with_option.output.find("2 base map levels"), std::string::npos) << with_option.output;

    const auto with_environment = pavilion::testing::run_command(
        {"/usr/bin/env", "PAVILION_WORLD_ATLAS_DIR=" + atlas.path(), tool, "build", source.root(), "-o",
         source.output("environment.pack")});
    EXPECT_EQ(with_environment.exit_code, 0) << with_environment.output;

    const auto without = pavilion::testing::run_command(
        {"/usr/bin/env", "-u", "PAVILION_WORLD_ATLAS_DIR", tool, "build", source.root(), "-o",
         source.output("without.pack")});
    EXPECT_EQ(without.exit_code, 1) << without.output;
    EXPECT_NE(without.output.find("no world-atlas folder was given"), std::string::npos) << without.output;
    EXPECT_FALSE(fs::exists(source.output("without.pack")));
}

TEST(BaseMapCli, InfoShowsLevelsCountriesAndTriangles) {
    const SourceWithBaseMap source;
    ASSERT_TRUE(build_pack(source.root(), source.output()));
    const std::string tool = PAVILION_PACK_TOOL;
    const auto text = pavilion::testing::run_command({tool, "info", source.output()});
    EXPECT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("base map   coarse: 3 countries (2 highlighted), 12 triangles, 5 border "
                               "segments; fine: 3 countries (2 highlighted), "),
              std::string::npos)
        << text.output;
    const auto json = pavilion::testing::run_command({tool, "info", "--json", source.output()});
    EXPECT_EQ(json.exit_code, 0) << json.output;
    for (const char* field : {"\"base_map\"", "\"name\": \"coarse\"", "\"countries\": 3",
                              "\"triangles\": 12", "\"border_segments\": 5", "\"highlighted\": 2"})
        EXPECT_NE(json.output.find(field), std::string::npos) << field << " in " << json.output;

    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    const auto plain = pavilion::testing::run_command({tool, "info", mini_pack().path});
    EXPECT_NE(plain.output.find("base map   none"), std::string::npos) << plain.output;
}

// --- authoring errors -------------------------------------------------------------------------

TEST(BaseMapAuthoring, UnknownHighlightIsNamed) {
    const SourceWithBaseMap source(
        "\n[base_map]\nfiles = [\"maps/countries-coarse.json\", \"maps/countries-fine.json\"]\n"
        "highlight = [\"001\", \"999\", \"Atlantis\"]\n");
    const auto messages = source.build_errors();
    const int line = source.section_line("highlight =");
    EXPECT_TRUE(reports(messages, "map.toml", line,
                        "highlight '999' is no country's id or name in countries-coarse.json or "
                        "countries-fine.json"));
    EXPECT_TRUE(reports(messages, "map.toml", line, "highlight 'Atlantis'"));
    EXPECT_EQ(count_lines(messages), 2) << messages;
}

TEST(BaseMapAuthoring, HighlightListedTwiceOrEmpty) {
    const SourceWithBaseMap source(
        "\n[base_map]\nfiles = [\"maps/countries-coarse.json\"]\nhighlight = [\"001\", \"001\", \"\"]\n");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("highlight ="), "'001' is highlighted twice"));
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("highlight ="), "empty entry"));
}

TEST(BaseMapAuthoring, BadColour) {
    SourceWithBaseMap source;
    source.replace("map.toml", "water = \"#102030\"", "water = \"blue\"");
    source.replace("map.toml", "border = \"#00000080\"", "border = \"#12345\"");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("water ="),
                        "'water' must be a colour written #rrggbb or #rrggbbaa, not 'blue'"));
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("border ="), "not '#12345'"));
}

TEST(BaseMapAuthoring, UnknownKeys) {
    SourceWithBaseMap source;
    source.replace("map.toml", "highlight = [\"001\", \"Beta\"]", "highlight = [\"001\"]\nzoom = 3");
    source.replace("map.toml", "water = \"#102030\"", "sea = \"#102030\"");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("zoom ="), "unknown key 'zoom'"));
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("sea ="), "unknown key 'sea'"));
}

TEST(BaseMapAuthoring, WrongTypes) {
    const SourceWithBaseMap source("\n[base_map]\nfiles = \"maps/countries-coarse.json\"\nhighlight = [156]\n");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("files ="), "'files' must be a list of strings"));
    EXPECT_TRUE(reports(messages, "map.toml", source.section_line("highlight ="), "'highlight' must hold only strings"));
}

TEST(BaseMapAuthoring, MissingEmptyOrRepeatedFiles) {
    const SourceWithBaseMap missing("\n[base_map]\nfiles = [\"maps/nothing.json\"]\n");
    EXPECT_TRUE(reports(missing.build_errors(), "map.toml", missing.section_line("files ="),
                        "base map file 'maps/nothing.json' does not exist"));
    const SourceWithBaseMap empty("\n[base_map]\nfiles = []\n");
    EXPECT_TRUE(reports(empty.build_errors(), "map.toml", empty.section_line("files ="),
                        "'files' must list 1 to 4 TopoJSON or GeoJSON files, coarse first"));
    const SourceWithBaseMap twice(
        "\n[base_map]\nfiles = [\"maps/countries-coarse.json\", \"maps/countries-coarse.json\"]\n");
    EXPECT_TRUE(reports(twice.build_errors(), "map.toml", twice.section_line("files ="), "is listed twice"));
}

TEST(BaseMapAuthoring, DetailedBeforeCoarse) {
    const SourceWithBaseMap source(
        "\n[base_map]\nfiles = [\"maps/countries-fine.json\", \"maps/countries-coarse.json\"]\n");
    EXPECT_TRUE(reports(source.build_errors(), "map.toml", source.section_line("files ="),
                        "base map files must go from coarse to detailed, but 'coarse' has fewer "
                        "points than 'fine'"));
}

TEST(BaseMapAuthoring, BrokenShapeFileIsReportedAsThatFile) {
    SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/broken.json\"]\n");
    source.write("maps/broken.json",
                 R"({"type": "Topology", "objects": {"countries": {"type": "Polygon", "arcs": [[9]]}},
                     "arcs": [[[0, 0], [1, 0], [1, 1]]]})");
    const auto messages = source.build_errors();
    EXPECT_TRUE(reports(messages, "maps/broken.json", 0,
                        "objects.countries ring 0 refers to arc 9, but the file has 1 arcs"));
    EXPECT_EQ(count_lines(messages), 1) << messages;
}

TEST(BaseMapAuthoring, FileWithoutPolygons) {
    SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/empty.json\"]\n");
    source.write("maps/empty.json", R"({"type": "FeatureCollection", "features": []})");
    EXPECT_TRUE(reports(source.build_errors(), "maps/empty.json", 0, "holds no polygons to draw"));
}

TEST(BaseMapAuthoring, FileThatIsNotJson) {
    SourceWithBaseMap source("\n[base_map]\nfiles = [\"maps/notes.json\"]\n");
    source.write("maps/notes.json", "countries: many");
    EXPECT_TRUE(reports(source.build_errors(), "maps/notes.json", 0, "not JSON"));
}

// --- damaged packs ----------------------------------------------------------------------------

// The fixture pack with a base map, built once, copied for each test to damage.
class DamagedBaseMap : public ::testing::Test {
protected:
    static const std::string& built() {
        static const SourceWithBaseMap source;
        static const std::string path = [] {
            const auto report = build_pack(source.root(), source.output());
            if (!report) throw std::runtime_error(report.error().message);
            return source.output();
        }();
        return path;
    }
    void SetUp() override { fs::copy_file(built(), pack_); }

    // The pack still opens (the base map is read on demand), but its base map is refused.
    ::testing::AssertionResult refused(const std::string& sql, const std::string& text) {
        pavilion::testing::forge(pack_, sql);
        const auto reader = PackReader::open(pack_);
        if (!reader) return ::testing::AssertionFailure() << "the pack did not open: " << reader.error().message;
        const auto map = reader->base_map();
        if (map) return ::testing::AssertionFailure() << "the damaged base map was read";
        const auto& error = map.error();
        if (error.code != ErrorCode::corrupt)
            return ::testing::AssertionFailure() << "code " << to_string(error.code) << ": " << error.message;
        if (error.message.rfind(pack_ + ": the base map is damaged (", 0) != 0 ||
            error.message.find(text) == std::string::npos || error.message.find('\n') != std::string::npos)
            return ::testing::AssertionFailure() << "message: " << error.message;
        return ::testing::AssertionSuccess() << error.message;
    }

    TempDir dir_;
    const std::string pack_ = dir_ / "damaged.pack";
};

TEST_F(DamagedBaseMap, ControlTheUndamagedCopyReads) {
    const auto reader = PackReader::open(pack_);
    ASSERT_TRUE(reader);
    const auto map = reader->base_map();
    ASSERT_TRUE(map) << map.error().message;
    EXPECT_EQ(map->levels.size(), 2u);
}

TEST_F(DamagedBaseMap, VertexBufferOfTheWrongLength) {
    EXPECT_TRUE(refused("UPDATE base_map_level SET vertices = x'0000803f0000' WHERE position = 0",
                        "level 'coarse': the vertices are not whole lon, lat pairs"));
}

TEST_F(DamagedBaseMap, TriangleBufferOfTheWrongLength) {
    EXPECT_TRUE(refused("UPDATE base_map_level SET triangles = x'0000000001000000' WHERE position = 1",
                        "level 'fine': the triangles are not whole triples of indices"));
}

TEST_F(DamagedBaseMap, IndexPastTheVertices) {
    // Indices 0, 1 and 1000000 (little-endian), with 10 vertices.
    EXPECT_TRUE(refused("UPDATE base_map_level SET triangles = x'000000000100000040420f00' WHERE position = 0",
                        "level 'coarse': triangle index 1000000 is past its 10 vertices"));
}

TEST_F(DamagedBaseMap, VertexOffTheGlobe) {
    // lon 200.0f (0x43480000), lat 0.
    EXPECT_TRUE(refused("UPDATE base_map_level SET vertices = "
                        "CAST(x'0000484300000000' || substr(vertices, 9) AS BLOB) WHERE position = 0",
                        "level 'coarse': a vertex is not a longitude and latitude"));
}

TEST_F(DamagedBaseMap, VertexThatIsNotANumber) {
    EXPECT_TRUE(refused("UPDATE base_map_level SET vertices = "
                        "CAST(x'0000c07f00000000' || substr(vertices, 9) AS BLOB) WHERE position = 0",
                        "a vertex is not a longitude and latitude"));
}

TEST_F(DamagedBaseMap, BordersOfTheWrongLength) {
    EXPECT_TRUE(refused("UPDATE base_map_level SET borders = x'00000000' WHERE position = 0",
                        "level 'coarse': the borders are not whole segments"));
}

TEST_F(DamagedBaseMap, CountryRangePastTheTriangles) {
    EXPECT_TRUE(refused("UPDATE base_map_country SET index_count = 999 WHERE level = 0 AND position = 2",
                        "level 'coarse', country 'Gamma': its triangles [30, +999) are not a range"));
}

TEST_F(DamagedBaseMap, CountryRangesOverlapping) {
    EXPECT_TRUE(refused("UPDATE base_map_country SET first_index = 0 WHERE level = 0 AND position = 1",
                        "country 'Beta'"));
}

TEST_F(DamagedBaseMap, CountryRangeOfPartTriangles) {
    EXPECT_TRUE(refused("UPDATE base_map_country SET index_count = 4 WHERE level = 1 AND position = 0",
                        "country 'Alpha'"));
}

TEST_F(DamagedBaseMap, CountryOfALevelThatDoesNotExist) {
    EXPECT_TRUE(refused("UPDATE base_map_country SET level = 7 WHERE level = 1 AND position = 2",
                        "a country belongs to level 7, which does not exist"));
}

TEST_F(DamagedBaseMap, HighlightedIsNotAFlag) {
    // A forger is not bound by the schema's CHECK constraints.
    EXPECT_TRUE(refused("PRAGMA ignore_check_constraints = ON; "
                        "UPDATE base_map_country SET highlighted = 7 WHERE level = 0 AND position = 0",
                        "'highlighted' is not 0 or 1"));
}

TEST_F(DamagedBaseMap, ColourOutOfRange) {
    EXPECT_TRUE(refused("UPDATE base_map_style SET water = 4294967296", "a colour is not 0xRRGGBBAA"));
}

TEST_F(DamagedBaseMap, StyleWithoutLevels) {
    EXPECT_TRUE(refused("DELETE FROM base_map_country; DELETE FROM base_map_level", "a style without levels"));
}

TEST_F(DamagedBaseMap, LevelsOutOfSequence) {
    EXPECT_TRUE(refused("UPDATE base_map_level SET position = 5 WHERE position = 1",
                        "levels are not numbered 0, 1, 2"));
}

} // namespace
} // namespace pavilion::content::test
