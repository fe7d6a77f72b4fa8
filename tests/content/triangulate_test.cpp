// Ear clipping for the base map: every country of world-atlas's 110m and 50m files fills exactly
// its area, and hand-made shapes cover holes, concave outlines, collinear and repeated points,
// and degenerate rings, which must give no triangles rather than a hang.

// White-box: the triangulator and decoder are private to the content library.
#include "../../content/src/planar_polygons.hpp"
#include "../../content/src/topojson.hpp"
#include "../../content/src/triangulate.hpp"

#include "content_test_support.hpp"

#include <chrono>
#include <cmath>
#include <random>

namespace pavilion::content {
namespace {

// Shoelace, with coordinates taken relative to the first point: an island of 0.02° at 180°E
// would otherwise lose its area to rounding in products of 180 and 17.
double ring_area(const Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        sum += (a.lon - ring[0].lon) * (b.lat - ring[0].lat) - (b.lon - ring[0].lon) * (a.lat - ring[0].lat);
    }
    return std::abs(sum) / 2;
}

// Outer area minus the holes' (shoelace).
double polygon_area(const Polygon& polygon) {
    double area = ring_area(polygon.outer);
    for (const auto& hole : polygon.holes) area -= ring_area(hole);
    return area;
}

std::vector<GeoPoint> numbered_points(const Polygon& polygon) {
    std::vector<GeoPoint> points = polygon.outer;
    for (const auto& hole : polygon.holes) points.insert(points.end(), hole.begin(), hole.end());
    return points;
}

// Even-odd test; points on the boundary may go either way.
bool inside(const Ring& ring, const GeoPoint& p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) &&
            p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            in = !in;
    }
    return in;
}

struct Fill {
    std::size_t triangles = 0;
    double area = 0;
};

// Triangulates and checks what holds for every polygon: indices in range, every triangle
// counter-clockwise, no triangle's centroid in a hole. Returns the count and the summed area.
Fill fill(const Polygon& polygon, const std::string& what = "") {
    const auto indices = triangulate(polygon);
    const auto points = numbered_points(polygon);
    Fill result;
    EXPECT_EQ(indices.size() % 3, 0u) << what;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        for (int k = 0; k < 3; ++k) {
            if (indices[t + k] >= points.size()) {
                ADD_FAILURE() << what << ": index " << indices[t + k] << " of " << points.size();
                return result;
            }
        }
        const auto& a = points[indices[t]];
        const auto& b = points[indices[t + 1]];
        const auto& c = points[indices[t + 2]];
        const double doubled = (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon);
        EXPECT_GT(doubled, 0) << what << ": triangle " << t / 3 << " is not counter-clockwise";
        result.area += std::abs(doubled) / 2;
        ++result.triangles;
        const GeoPoint centroid{(a.lon + b.lon + c.lon) / 3, (a.lat + b.lat + c.lat) / 3};
        for (std::size_t h = 0; h < polygon.holes.size(); ++h)
            EXPECT_FALSE(inside(polygon.holes[h], centroid))
                << what << ": triangle " << t / 3 << " lies in hole " << h << " at " << centroid;
    }
    return result;
}

Ring square(double x, double y, double size) {
    return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}};
}

Ring reversed(Ring ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

// --- every country of the real files ---------------------------------------------------------

void check_world_atlas_file(const std::string& name) {
    const auto text = pavilion::testing::read_text(std::string(PAVILION_WORLD_ATLAS_DIR) + "/" + name);
    const auto shapes = decode_shapes(text, name);
    ASSERT_TRUE(shapes) << shapes.error().message;
    std::size_t polygons = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& shape : shapes->shapes) {
        for (std::size_t i = 0; i < shape.polygons.size(); ++i) {
            // What the builder triangulates: the polygon made planar (planar_polygons_test.cpp).
            for (const auto& polygon : planar_polygons(shape.polygons[i])) {
                const std::string what = name + ": " + shape.name + " polygon " + std::to_string(i);
                const double expected = polygon_area(polygon);
                const Fill filled = fill(polygon, what);
                EXPECT_NEAR(filled.area, expected, 1e-9 * expected) << what;
                EXPECT_GT(filled.triangles, 0u) << what;
                ++polygons;
            }
        }
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << name << ": " << polygons << " polygons triangulated (and checked) in " << seconds << " s\n";
}

TEST(TriangulateWorldAtlas, EveryCountryOf110mFillsExactlyItsArea) {
    check_world_atlas_file("countries-110m.json");
}

TEST(TriangulateWorldAtlas, EveryCountryOf50mFillsExactlyItsArea) {
    check_world_atlas_file("countries-50m.json");
}

TEST(TriangulateWorldAtlas, The50mFileIsMadePlanarAndTriangulatedInAFewSeconds) {
    const auto text = pavilion::testing::read_text(std::string(PAVILION_WORLD_ATLAS_DIR) + "/countries-50m.json");
    const auto shapes = decode_shapes(text, "countries-50m.json");
    ASSERT_TRUE(shapes) << shapes.error().message;
    const auto start = std::chrono::steady_clock::now();
    std::size_t indices = 0;
    for (const auto& shape : shapes->shapes) {
        for (const auto& polygon : shape.polygons) {
            for (const auto& planar : planar_polygons(polygon)) indices += triangulate(planar).size();
        }
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(indices, 0u);
    // About a second on the 2-core development machine; a generous bound for a busy one.
    EXPECT_LT(seconds, 10.0);
}

// --- hand-made shapes -------------------------------------------------------------------------

TEST(Triangulate, SquareIsTwoTriangles) {
    const Fill filled = fill({square(0, 0, 2), {}});
    EXPECT_EQ(filled.triangles, 2u);
    EXPECT_DOUBLE_EQ(filled.area, 4);
}

TEST(Triangulate, ClockwiseOutlineGivesCounterClockwiseTriangles) {
    const Fill filled = fill({reversed(square(0, 0, 2)), {}}, "clockwise");
    EXPECT_EQ(filled.triangles, 2u);
    EXPECT_DOUBLE_EQ(filled.area, 4);
}

TEST(Triangulate, SquareWithASquareHole) {
    const Polygon polygon{square(0, 0, 10), {square(4, 4, 2)}};
    const Fill filled = fill(polygon, "square with hole");
    EXPECT_EQ(filled.triangles, 8u) << "n + 2h - 2 for 8 points and one hole";
    EXPECT_DOUBLE_EQ(filled.area, 96);
}

TEST(Triangulate, HoleInEitherOrientation) {
    const Polygon polygon{square(0, 0, 10), {reversed(square(4, 4, 2))}};
    EXPECT_DOUBLE_EQ(fill(polygon, "reversed hole").area, 96);
}

TEST(Triangulate, SeveralHolesSideBySide) {
    // Holes on one horizontal line: each bridge must not run through another hole.
    const Polygon polygon{square(0, 0, 20),
                          {square(2, 9, 2), square(6, 9, 2), square(10, 9, 2), square(14, 9, 2)}};
    EXPECT_DOUBLE_EQ(fill(polygon, "four holes").area, 400 - 16);
}

TEST(Triangulate, HoleTouchingTheOutline) {
    // The hole's corner sits on the outline's vertex (5, 0), as enclaves do in real data.
    const Polygon polygon{{{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}}, {{{5, 0}, {6, 2}, {4, 2}}}};
    EXPECT_NEAR(fill(polygon, "touching hole").area, 100 - 2, 1e-12);
}

TEST(Triangulate, CombShapedOutline) {
    // A comb: a bar 0..40 x 0..1 with 20 teeth one unit wide and nine high.
    Ring comb{{0, 0}, {40, 0}};
    for (int tooth = 19; tooth >= 0; --tooth) {
        comb.push_back({tooth * 2.0 + 2, 10});
        comb.push_back({tooth * 2.0 + 1, 10});
        comb.push_back({tooth * 2.0 + 1, 1});
        comb.push_back({tooth * 2.0, 1});
    }
    const Polygon polygon{comb, {}};
    const double expected = polygon_area(polygon);
    EXPECT_NEAR(fill(polygon, "comb").area, expected, 1e-9 * expected);
}

TEST(Triangulate, StarOutline) {
    // 24 points alternating between two radii: every other vertex reflex.
    Ring star;
    for (int i = 0; i < 24; ++i) {
        const double r = i % 2 ? 3 : 10;
        const double angle = i * 2 * M_PI / 24;
        star.push_back({r * std::cos(angle), r * std::sin(angle)});
    }
    const Polygon polygon{star, {square(-1, -1, 2)}};
    const double expected = polygon_area(polygon);
    EXPECT_NEAR(fill(polygon, "star").area, expected, 1e-9 * expected);
}

TEST(Triangulate, CollinearPointsAlongTheEdges) {
    // Every edge of the square holds extra points on the same line, as parallels and meridians
    // do in Natural Earth.
    Ring ring;
    for (int i = 0; i < 10; ++i) ring.push_back({double(i), 0});
    for (int i = 0; i < 10; ++i) ring.push_back({10, double(i)});
    for (int i = 10; i > 0; --i) ring.push_back({double(i), 10});
    for (int i = 10; i > 0; --i) ring.push_back({0, double(i)});
    const Fill filled = fill({ring, {}}, "collinear");
    EXPECT_DOUBLE_EQ(filled.area, 100);
}

TEST(Triangulate, RepeatedPoints) {
    const Polygon polygon{{{0, 0}, {0, 0}, {4, 0}, {4, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 4}, {0, 0}},
                          {{{1, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 1}, {2, 1}}}};
    EXPECT_DOUBLE_EQ(fill(polygon, "repeated").area, 16 - 1);
}

TEST(Triangulate, ZeroAreaSpikeOnTheOutline) {
    // A spike out and back along one line encloses nothing.
    const Polygon polygon{{{0, 0}, {4, 0}, {4, 2}, {8, 2}, {4, 2}, {4, 4}, {0, 4}}, {}};
    EXPECT_DOUBLE_EQ(fill(polygon, "spike").area, 16);
}

TEST(Triangulate, DegenerateRingsGiveNoTriangles) {
    EXPECT_TRUE(triangulate({{}, {}}).empty());
    EXPECT_TRUE(triangulate({{{0, 0}}, {}}).empty());
    EXPECT_TRUE(triangulate({{{0, 0}, {1, 1}}, {}}).empty());
    EXPECT_TRUE(triangulate({{{0, 0}, {1, 1}, {2, 2}, {3, 3}}, {}}).empty()) << "all on a line";
    EXPECT_TRUE(triangulate({{{1, 1}, {1, 1}, {1, 1}}, {}}).empty()) << "one point three times";
    EXPECT_TRUE(triangulate({{{0, 0}, {2, 0}, {1, 0}}, {}}).empty()) << "out and back";
    const double nan = std::nan("");
    EXPECT_TRUE(triangulate({{{0, 0}, {1, 0}, {nan, 1}}, {}}).empty()) << "not a number";
}

TEST(Triangulate, DegenerateHolesAreIgnored) {
    const Polygon polygon{square(0, 0, 4), {{{1, 1}, {2, 2}, {3, 3}}, {{{1, 1}}}, {}}};
    EXPECT_DOUBLE_EQ(fill(polygon, "flat holes").area, 16);
}

TEST(Triangulate, HoleOutsideTheOutlineCutsNothing) {
    const Polygon polygon{square(0, 0, 4), {square(10, 10, 1)}};
    const auto indices = triangulate(polygon);
    EXPECT_EQ(indices.size(), 6u);
}

TEST(Triangulate, SelfIntersectingRingsEndWithoutHanging) {
    // No right answer exists for a bow tie or for random points; what matters is that the call
    // returns, with valid indices.
    const Polygon bow_tie{{{0, 0}, {4, 4}, {4, 0}, {0, 4}}, {}};
    for (const auto index : triangulate(bow_tie)) EXPECT_LT(index, 4u);

    std::mt19937 random(7);
    std::uniform_real_distribution<double> coordinate(-50, 50);
    for (int round = 0; round < 20; ++round) {
        Ring ring(300);
        for (auto& p : ring) p = {coordinate(random), coordinate(random)};
        Ring hole(30);
        for (auto& p : hole) p = {coordinate(random) / 5, coordinate(random) / 5};
        const auto indices = triangulate({ring, {hole}});
        for (const auto index : indices) ASSERT_LT(index, 330u);
    }
}

} // namespace
} // namespace pavilion::content
