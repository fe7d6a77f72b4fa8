// Decoding country shapes for the base map: the real world-atlas files, small hand-made
// TopoJSON and GeoJSON, and broken or hostile files, which must give one "file: what" error.

// White-box: the decoder is private to the content library.
#include "../../content/src/topojson.hpp"

#include "content_test_support.hpp"

#include <algorithm>
#include <string>

namespace pavilion::content {
namespace {

std::string fixture(const std::string& name) {
    return pavilion::testing::read_text(std::string(PAVILION_FIXTURES_DIR) + "/base-map/" + name);
}

std::string world_atlas(const std::string& name) {
    return pavilion::testing::read_text(std::string(PAVILION_WORLD_ATLAS_DIR) + "/" + name);
}

const Shape* find_shape(const ShapeSet& set, const std::string& name) {
    const auto it = std::find_if(set.shapes.begin(), set.shapes.end(),
                                 [&](const Shape& s) { return s.name == name; });
    return it == set.shapes.end() ? nullptr : &*it;
}

// The error of decoding `text` as file "bad.json"; a test failure when it decodes.
std::string error_of(const std::string& text) {
    const auto shapes = decode_shapes(text, "maps/bad.json");
    if (shapes) {
        ADD_FAILURE() << "decoded, but an error was expected for: " << text;
        return "";
    }
    EXPECT_EQ(shapes.error().code, ErrorCode::authoring);
    const auto& message = shapes.error().message;
    EXPECT_EQ(message.rfind("maps/bad.json: ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
    return message;
}

// A quantized topology whose only geometry is `geometry`, over `arcs`.
std::string topology(const std::string& geometry, const std::string& arcs) {
    return R"({"type": "Topology", "objects": {"countries": {"type": "GeometryCollection",
              "geometries": [)" + geometry + R"(]}}, "arcs": )" + arcs + "}";
}

const char* const kSquareArcs = "[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]";

// --- the real files ---------------------------------------------------------------------------

// Expected counts computed independently from the files, with
//   node -e 't=require("./countries-110m.json"); console.log(t.objects.countries.geometries.length, t.arcs.length)'
// (and python3's json module, which agrees): 177 geometries (148 Polygon, 29 MultiPolygon) and
// 595 arcs in countries-110m.json; 241 geometries (122 + 119) and 1959 arcs in countries-50m.json.
// Shared arcs (used by two different geometries), counted the same way: 326 and 362.
TEST(TopoJsonWorldAtlas, Countries110m) {
    const auto shapes = decode_shapes(world_atlas("countries-110m.json"), "countries-110m.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    EXPECT_EQ(shapes->shapes.size(), 177u);
    EXPECT_EQ(shapes->arc_count, 595u);
    EXPECT_EQ(shapes->borders.size(), 326u);
    const Shape* china = find_shape(*shapes, "China");
    ASSERT_NE(china, nullptr);
    EXPECT_EQ(china->id, "156");
    const Shape* laos = find_shape(*shapes, "Laos");
    ASSERT_NE(laos, nullptr);
    EXPECT_EQ(laos->id, "418");
}

TEST(TopoJsonWorldAtlas, Countries50m) {
    const auto shapes = decode_shapes(world_atlas("countries-50m.json"), "countries-50m.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    EXPECT_EQ(shapes->shapes.size(), 241u);
    EXPECT_EQ(shapes->arc_count, 1959u);
    EXPECT_EQ(shapes->borders.size(), 362u);
    // Kosovo has no ISO number in Natural Earth, so world-atlas gives it no id.
    const Shape* kosovo = find_shape(*shapes, "Kosovo");
    ASSERT_NE(kosovo, nullptr);
    EXPECT_EQ(kosovo->id, "");
}

TEST(TopoJsonWorldAtlas, EveryPointIsALongitudeAndLatitude) {
    const auto shapes = decode_shapes(world_atlas("countries-110m.json"), "countries-110m.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    for (const auto& shape : shapes->shapes) {
        for (const auto& polygon : shape.polygons) {
            ASSERT_GE(polygon.outer.size(), 3u) << shape.name;
            for (const auto& p : polygon.outer) {
                ASSERT_TRUE(p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90) << shape.name;
            }
        }
    }
}

// --- hand-made files --------------------------------------------------------------------------

TEST(TopoJsonFixture, QuantizedArcsAreSummedScaledAndJoined) {
    const auto shapes = decode_shapes(fixture("countries-coarse.json"), "countries-coarse.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    ASSERT_EQ(shapes->shapes.size(), 3u) << "the Point and the null geometry have no area";
    EXPECT_EQ(shapes->arc_count, 4u);
    const Shape& alpha = shapes->shapes[0];
    EXPECT_EQ(alpha.id, "001");
    EXPECT_EQ(alpha.name, "Alpha");
    ASSERT_EQ(alpha.polygons.size(), 1u);
    // Arc 0 then arc 1; the point where they meet is kept once, the closing point dropped.
    EXPECT_EQ(alpha.polygons[0].outer,
              (Ring{{10, 0}, {10, 10}, {0, 10}, {0, 0}}));
    // -4 is ~3: arc 3 walked backwards.
    ASSERT_EQ(alpha.polygons[0].holes.size(), 1u);
    EXPECT_EQ(alpha.polygons[0].holes[0], (Ring{{4, 4}, {4, 6}, {6, 6}, {6, 4}}));
    EXPECT_EQ(shapes->shapes[1].id, "2") << "a numeric id becomes text";
    EXPECT_EQ(shapes->shapes[1].polygons[0].outer, (Ring{{10, 10}, {10, 0}, {20, 0}, {20, 10}}));
    EXPECT_EQ(shapes->borders.size(), 2u) << "arc 0 (Alpha/Beta) and arc 3 (Alpha/Gamma)";
}

TEST(TopoJsonFixture, UnquantizedArcsAreTakenAsTheyAre) {
    const auto shapes = decode_shapes(
        topology(R"({"type": "Polygon", "id": "x", "arcs": [[0]]})",
                 "[[[10.5, 20.25], [11.5, 20.25], [11.5, 21.25], [10.5, 20.25]]]"),
        "plain.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    ASSERT_EQ(shapes->shapes.size(), 1u);
    EXPECT_EQ(shapes->shapes[0].polygons[0].outer, (Ring{{10.5, 20.25}, {11.5, 20.25}, {11.5, 21.25}}));
    EXPECT_TRUE(shapes->borders.empty()) << "an arc one country uses alone is coast, not border";
}

TEST(TopoJsonFixture, MultiPolygonsAndNestedCollections) {
    const auto shapes = decode_shapes(
        topology(R"({"type": "MultiPolygon", "id": "m", "arcs": [[[0]], [[0]]]},
                    {"type": "GeometryCollection", "geometries": [
                        {"type": "Polygon", "id": "inner", "arcs": [[0]]}]})",
                 kSquareArcs),
        "multi.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    ASSERT_EQ(shapes->shapes.size(), 2u);
    EXPECT_EQ(shapes->shapes[0].polygons.size(), 2u);
    EXPECT_EQ(shapes->shapes[1].id, "inner");
    EXPECT_EQ(shapes->borders.size(), 1u) << "two shapes use the one arc";
}

TEST(TopoJsonFixture, TheOnlyObjectIsUsedWhenNoneIsCalledCountries) {
    const auto shapes = decode_shapes(
        R"({"type": "Topology", "objects": {"land": {"type": "Polygon", "arcs": [[0]]}},
            "arcs": )" + std::string(kSquareArcs) + "}",
        "land.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    EXPECT_EQ(shapes->shapes.size(), 1u);
}

TEST(GeoJsonFixture, FeaturesRingsAndSharedEdges) {
    const auto shapes = decode_shapes(fixture("countries-fine.json"), "countries-fine.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    ASSERT_EQ(shapes->shapes.size(), 3u);
    EXPECT_EQ(shapes->arc_count, 0u);
    EXPECT_EQ(shapes->shapes[0].polygons[0].outer.size(), 8u) << "closing point dropped";
    EXPECT_EQ(shapes->shapes[1].id, "2");
    EXPECT_EQ(shapes->shapes[2].name, "Gamma");
    EXPECT_EQ(shapes->shapes[2].polygons.size(), 2u);
    EXPECT_EQ(shapes->borders.size(), 6u) << "2 edges Alpha/Beta, 4 edges Alpha/Gamma";
}

// --- broken and hostile files -----------------------------------------------------------------

TEST(TopoJsonErrors, NotJson) {
    EXPECT_NE(error_of("{\"type\": \"Topology\", ").find("not JSON"), std::string::npos);
    EXPECT_NE(error_of("").find("not JSON"), std::string::npos);
    EXPECT_NE(error_of("NaN").find("not JSON"), std::string::npos);
}

TEST(TopoJsonErrors, NeitherTopologyNorFeatureCollection) {
    EXPECT_NE(error_of("[1, 2]").find("neither a TopoJSON Topology nor a GeoJSON FeatureCollection"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"type": "Feature"})").find("neither"), std::string::npos);
}

TEST(TopoJsonErrors, MissingArcs) {
    const auto message = error_of(
        R"({"type": "Topology", "objects": {"countries": {"type": "GeometryCollection", "geometries": []}}})");
    EXPECT_NE(message.find("has no 'arcs'"), std::string::npos) << message;
}

TEST(TopoJsonErrors, ArcIndexPastTheEnd) {
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[0, 7]]})", kSquareArcs));
    EXPECT_NE(message.find("refers to arc 7, but the file has 1 arcs"), std::string::npos) << message;
}

TEST(TopoJsonErrors, NegativeArcIndexPastTheEnd) {
    // ~5 = -6 would be arc 5.
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[-6]]})", kSquareArcs));
    EXPECT_NE(message.find("refers to arc -6"), std::string::npos) << message;
}

TEST(TopoJsonErrors, HugeArcIndices) {
    EXPECT_NE(error_of(topology(R"({"type": "Polygon", "arcs": [[-9223372036854775808]]})", kSquareArcs))
                  .find("refers to arc -9223372036854775808,"),
              std::string::npos);
    // 2^64-1 must not wrap around to -1, which would mean arc 0 backwards.
    EXPECT_NE(error_of(topology(R"({"type": "Polygon", "arcs": [[18446744073709551615]]})", kSquareArcs))
                  .find("refers to arc 18446744073709551615,"),
              std::string::npos);
}

TEST(TopoJsonErrors, ArcIndexThatIsNotAWholeNumber) {
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[0.5]]})", kSquareArcs));
    EXPECT_NE(message.find("not a whole number"), std::string::npos) << message;
}

TEST(TopoJsonErrors, NumbersTooLargeToBeFinite) {
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[0]]})", "[[[1e400, 0]]]"));
    EXPECT_FALSE(message.empty());
}

TEST(TopoJsonErrors, ProjectedCoordinates) {
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[0]]})",
                                           "[[[500000, 4649776], [500100, 4649776], [500100, 4649876]]]"));
    EXPECT_NE(message.find("arc 0 position 0 is [500000, 4.64978e+06], not a longitude and latitude"),
              std::string::npos)
        << message;
}

TEST(TopoJsonErrors, QuantizedStepsThatLeaveTheGlobe) {
    const auto message = error_of(
        R"({"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
            "objects": {"countries": {"type": "Polygon", "arcs": [[0]]}},
            "arcs": [[[100, 0], [100, 0], [0, 1]]]})");
    EXPECT_NE(message.find("arc 0 position 1 is [200, 0]"), std::string::npos) << message;
}

TEST(TopoJsonErrors, ZeroScale) {
    const auto message = error_of(
        R"({"type": "Topology", "transform": {"scale": [0, 1], "translate": [0, 0]},
            "objects": {"countries": {"type": "Polygon", "arcs": [[0]]}}, "arcs": []})");
    EXPECT_NE(message.find("transform.scale must not be zero"), std::string::npos) << message;
}

TEST(TopoJsonErrors, WrongShapes) {
    EXPECT_NE(error_of(topology(R"({"type": "Polygon", "arcs": 3})", kSquareArcs)).find("not an array"),
              std::string::npos);
    EXPECT_NE(error_of(topology(R"({"type": "Polygon", "arcs": [3]})", kSquareArcs)).find("not a list of arc indices"),
              std::string::npos);
    EXPECT_NE(error_of(topology(R"({"type": "Blob", "arcs": [[0]]})", kSquareArcs)).find("unknown type 'Blob'"),
              std::string::npos);
    EXPECT_NE(error_of(topology("", "[[[0, 0], [1]]]")).find("arc 0 position 1 is not a position"),
              std::string::npos);
    EXPECT_NE(error_of(topology("", "[[[0, \"x\"]]]")).find("is not a number"), std::string::npos);
}

TEST(TopoJsonErrors, SeveralObjectsAndNoneIsCountries) {
    const auto message = error_of(
        R"({"type": "Topology", "objects": {"a": {"type": null}, "b": {"type": null}}, "arcs": []})");
    EXPECT_NE(message.find("has several objects (a, b) and none is called 'countries'"), std::string::npos)
        << message;
}

TEST(TopoJsonErrors, DeepNestingIsRefusedBeforeParsing) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_NE(error_of(deep).find("nested deeper than"), std::string::npos);
}

TEST(TopoJsonErrors, OneArcReusedUntilTheRingsAreTooLarge) {
    // A small file whose rings would hold millions of points: refused, not assembled.
    std::string arc = "[[0, 0]";
    for (int i = 0; i < 999; ++i) arc += ", [" + std::to_string(i % 2) + ", 0]";
    arc += "]";
    std::string ring = "0";
    for (int i = 0; i < 5000; ++i) ring += ", 0";
    const auto message = error_of(topology(R"({"type": "Polygon", "arcs": [[)" + ring + "]]}", "[" + arc + "]"));
    EXPECT_NE(message.find("more than"), std::string::npos) << message;
}

TEST(GeoJsonErrors, BrokenFeatures) {
    EXPECT_NE(error_of(R"({"type": "FeatureCollection"})").find("no 'features' array"), std::string::npos);
    EXPECT_NE(error_of(R"({"type": "FeatureCollection", "features": [{"type": "Feature"}]})")
                  .find("feature 0 has no 'geometry'"),
              std::string::npos);
    const auto message = error_of(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Nowhere"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 95], [0, 0]]]}}]})");
    EXPECT_NE(message.find("feature 0 ('Nowhere') ring 0 position 2 is [1, 95], not a longitude"),
              std::string::npos)
        << message;
}

} // namespace
} // namespace pavilion::content
