#include "pavilion/core/equal_earth.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace pavilion::core {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Every 15° of the globe, poles and antimeridian included, plus places the kiosk shows and
// awkward spots near the edges.
std::vector<GeoPosition> test_grid() {
    std::vector<GeoPosition> grid;
    for (int lat = -90; lat <= 90; lat += 15)
        for (int lon = -180; lon <= 180; lon += 15) grid.push_back({double(lon), double(lat)});
    const std::vector<GeoPosition> odd = {
        {116.4074, 39.9042},   // Beijing
        {102.6331, 17.9757},   // Vientiane
        {30.0619, -1.9441},    // Kigali
        {-0.1276, 51.5072},    // London
        {-70.6693, -33.4489},  // Santiago
        {179.999, 0.001},      {-179.999, -0.001}, {0.0001, 89.5},
        {-123.456, -89.5},     {37.7, 66.6},        {-151.2, -72.3},
    };
    grid.insert(grid.end(), odd.begin(), odd.end());
    return grid;
}

// What PROJ's command-line tool makes of the points.
struct ProjRun {
    bool started = false; // false: proj is not installed
    int exit_code = -1;
    std::string output;
    std::vector<ProjectedPoint> points;
};

ProjRun project_with_proj(const std::vector<GeoPosition>& points) {
    testing::TempDir dir;
    std::ostringstream input;
    input.precision(17);
    for (const GeoPosition& p : points) input << p.lon << ' ' << p.lat << '\n';
    const std::string input_path = dir / "points.txt";
    testing::write_text(input_path, input.str());

    const testing::CommandResult result =
        testing::run_command({"proj", "+proj=eqearth", "+R=1", "-f", "%.12f", input_path});
    ProjRun run;
    run.started = result.exit_code != -1; // run_command's "could not start it"
    run.exit_code = result.exit_code;
    run.output = result.output;
    std::istringstream lines(result.output);
    ProjectedPoint p;
    while (lines >> p.x >> p.y) run.points.push_back(p);
    return run;
}

TEST(EqualEarth, ForwardMatchesProjOnAGridOfTheWholeGlobe) {
    const std::vector<GeoPosition> grid = test_grid();
    const ProjRun proj = project_with_proj(grid);
    if (!proj.started)
        GTEST_SKIP() << "the `proj` command is not installed (Debian package proj-bin); "
                        "the projection is then only checked against recorded PROJ values";
    ASSERT_EQ(proj.exit_code, 0) << proj.output;
    ASSERT_EQ(proj.points.size(), grid.size()) << proj.output;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const ProjectedPoint got = equal_earth(grid[i]);
        EXPECT_NEAR(got.x, proj.points[i].x, 1e-6) << "lon " << grid[i].lon << " lat " << grid[i].lat;
        EXPECT_NEAR(got.y, proj.points[i].y, 1e-6) << "lon " << grid[i].lon << " lat " << grid[i].lat;
    }
}

// Values printed by PROJ 9.1.1 (`proj +proj=eqearth +R=1 -f %.12f`), so the projection is
// still checked against an independent implementation on machines without proj.
TEST(EqualEarth, ForwardMatchesRecordedProjValues) {
    struct Case {
        double lon, lat, x, y;
    };
    const Case cases[] = {
        {0, 0, 0, 0},
        {180, 90, 1.603588648284, 1.317362759157},
        {-180, -45, -2.319708998206, -0.860231085522},
    };
    for (const Case& c : cases) {
        const ProjectedPoint p = equal_earth(c.lon, c.lat);
        EXPECT_NEAR(p.x, c.x, 1e-11) << c.lon << ' ' << c.lat;
        EXPECT_NEAR(p.y, c.y, 1e-11) << c.lon << ' ' << c.lat;
    }
}

TEST(EqualEarth, IsSymmetricAboutTheEquatorAndTheCentralMeridian) {
    for (const GeoPosition& g : test_grid()) {
        const ProjectedPoint p = equal_earth(g);
        const ProjectedPoint west = equal_earth(-g.lon, g.lat);
        const ProjectedPoint south = equal_earth(g.lon, -g.lat);
        EXPECT_DOUBLE_EQ(west.x, -p.x);
        EXPECT_DOUBLE_EQ(west.y, p.y);
        EXPECT_DOUBLE_EQ(south.x, p.x);
        EXPECT_DOUBLE_EQ(south.y, -p.y);
    }
}

// The point of the projection: a patch of the globe covers the same area on the map wherever
// it is. The patch between two meridians and two parallels covers (lon2 - lon1)(sin lat2 -
// sin lat1) on the unit sphere; on the map it is bounded by curved meridians, so its area is
// measured as a fine polygon.
TEST(EqualEarth, PreservesArea) {
    struct Patch {
        double west, east, south, north;
    };
    const Patch patches[] = {
        {0, 10, 0, 10}, {100, 130, 20, 50}, {-180, -150, 60, 90}, {20, 50, -35, -5}, {-30, 30, -10, 10},
    };
    constexpr int kSteps = 2000;
    for (const Patch& patch : patches) {
        std::vector<ProjectedPoint> ring;
        for (int i = 0; i <= kSteps; ++i) // up the east meridian
            ring.push_back(equal_earth(patch.east, patch.south + (patch.north - patch.south) * i / kSteps));
        for (int i = 0; i <= kSteps; ++i) // down the west meridian
            ring.push_back(equal_earth(patch.west, patch.north - (patch.north - patch.south) * i / kSteps));
        double twice_area = 0;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const ProjectedPoint& a = ring[i];
            const ProjectedPoint& b = ring[(i + 1) % ring.size()];
            twice_area += a.x * b.y - b.x * a.y;
        }
        const double on_sphere = (patch.east - patch.west) * kPi / 180 *
                                 (std::sin(patch.north * kPi / 180) - std::sin(patch.south * kPi / 180));
        EXPECT_NEAR(std::abs(twice_area) / 2, on_sphere, on_sphere * 1e-5)
            << patch.west << ".." << patch.east << " x " << patch.south << ".." << patch.north;
    }
}

TEST(EqualEarth, InverseReturnsEveryGridPoint) {
    for (const GeoPosition& g : test_grid()) {
        const std::optional<GeoPosition> back = equal_earth_inverse(equal_earth(g));
        ASSERT_TRUE(back.has_value()) << "lon " << g.lon << " lat " << g.lat;
        EXPECT_NEAR(back->lon, g.lon, 1e-9) << "lat " << g.lat;
        EXPECT_NEAR(back->lat, g.lat, 1e-9) << "lon " << g.lon;
    }
}

TEST(EqualEarth, InverseRejectsPointsOffTheMap) {
    const ProjectedBounds world = equal_earth_world_bounds();
    EXPECT_FALSE(equal_earth_inverse(world.max_x + 0.01, 0));
    EXPECT_FALSE(equal_earth_inverse(0, world.max_y + 0.01));
    EXPECT_FALSE(equal_earth_inverse(0, world.min_y - 0.01));
    // Inside the bounding box but outside the rounded outline: the corner beyond the 180th
    // meridian at 60° north.
    const ProjectedPoint edge = equal_earth(180, 60);
    EXPECT_FALSE(equal_earth_inverse(edge.x + 0.01, edge.y));
    EXPECT_TRUE(equal_earth_inverse(edge.x - 0.01, edge.y));
    EXPECT_FALSE(equal_earth_inverse(std::nan(""), 0));
    EXPECT_FALSE(equal_earth_inverse(0, std::numeric_limits<double>::infinity()));
}

TEST(EqualEarth, WorldBoundsAreTheExtremesOfTheMap) {
    const ProjectedBounds world = equal_earth_world_bounds();
    EXPECT_DOUBLE_EQ(world.max_x, equal_earth(180, 0).x);
    EXPECT_DOUBLE_EQ(world.min_x, equal_earth(-180, 0).x);
    EXPECT_DOUBLE_EQ(world.max_y, equal_earth(0, 90).y);
    EXPECT_DOUBLE_EQ(world.min_y, equal_earth(0, -90).y);
    for (const GeoPosition& g : test_grid()) EXPECT_TRUE(world.contains(equal_earth(g)));
    // Twice as wide as tall, roughly: the projection's published aspect ratio is ~2.05.
    EXPECT_NEAR(world.width() / world.height(), 2.05, 0.01);
}

TEST(EqualEarth, LatitudeBeyondThePolesIsClamped) {
    const ProjectedPoint pole = equal_earth(30, 90);
    const ProjectedPoint beyond = equal_earth(30, 120);
    EXPECT_DOUBLE_EQ(beyond.x, pole.x);
    EXPECT_DOUBLE_EQ(beyond.y, pole.y);
}

TEST(ProjectedBounds, GrowsToIncludePointsAndIgnoresNonFiniteOnes) {
    ProjectedBounds b;
    EXPECT_FALSE(b.valid());
    b.include({1, 2});
    EXPECT_TRUE(b.valid());
    EXPECT_EQ(b.width(), 0);
    b.include({-1, 5});
    b.include({std::nan(""), 100});
    EXPECT_EQ(b.min_x, -1);
    EXPECT_EQ(b.max_x, 1);
    EXPECT_EQ(b.min_y, 2);
    EXPECT_EQ(b.max_y, 5);
    EXPECT_EQ(b.centre().x, 0);
    EXPECT_EQ(b.centre().y, 3.5);
}

} // namespace
} // namespace pavilion::core
