// A route of a million points crashed the kiosk on Home, the story page and the map (issue 19:
// SIGSEGV in ImDrawList::AddPolyline, whose alloca ran off the stack; and past 65,535 vertices
// ImGui's 16-bit indices, which our GLES 3.0 backend cannot offset, overflow and ImGui::Render
// aborts). Drawn on the CPU here, through ImGui::Render: a line at the pack's limit, and one far
// beyond it (as if the reader were bypassed), draw every screen without crashing, within one
// draw list's 65,536 vertices, and cost a frame little.

#include "screen_test_support.hpp"

#include "pavilion/screens/deck.hpp"
#include "pavilion/screens/line_stroke.hpp"
#include "pavilion/screens/map_canvas.hpp"

#include <chrono>
#include <cstdio>

namespace pavilion::screens::screen_tests {
namespace {

// The limit content/src/pack_limits.hpp holds a pack's lines to (kMaxFeaturePoints).
constexpr std::size_t kPointsAtTheLimit = 20'000;

// A corridor from 60°E eastwards, zigzagging between 18°N and 19°N (through the fixture's story
// in Laos, so its page's small map and the map flown there show it), `step` degrees of longitude
// a point: a degree is several pixels at every zoom, so thinning to the pixel cannot make it
// short, only the vertex budget can.
content::MapFeature zigzag_corridor(std::size_t points, double step) {
    content::MapFeature corridor{"long-route", content::FeatureKind::line, "corridor", "initiative/overview", {}, {}};
    corridor.name["en"] = "A long route";
    corridor.coords.reserve(points);
    for (std::size_t i = 0; i < points; ++i)
        corridor.coords.push_back({60 + static_cast<double>(i) * step, i % 2 ? 19.0 : 18.0});
    return corridor;
}

content::Catalog with_corridor(std::size_t points, double step) {
    auto catalog = pavilion::testing::mini_pack().catalog();
    catalog.features.push_back(zigzag_corridor(points, step));
    return catalog;
}

class LongLine : public ScreenTest {
protected:
    struct Drawn {
        int vertices = 0;     // in the frame's draw lists
        bool fits = true;     // every list within 16-bit indices, no vertex offsets
        double frame_ms = 0;  // the screen's draw, the last frame
    };

    // The route drawn for a few frames a second apart (the map's flights settle) and rendered;
    // what the last frame's draw data holds.
    Drawn draw(const content::Catalog& catalog, const std::string& route) {
        Deck deck(catalog);
        deck.show(*core::Route::parse(route), "en", nullptr);
        Drawn drawn;
        for (int frame = 0; frame < 4; ++frame) {
            draw_frame(ImVec2(1920, 1080), [&](Frame& f) {
                const auto start = std::chrono::steady_clock::now();
                deck.draw(f, model::Look{});
                drawn.frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            }, false, {}, 1.0f); // a second in: the corridors still flow
        }
        return inspect(drawn);
    }

    // What ImGui::Render left: every command's indices within its list's vertices, and no list
    // past what 16-bit indices without a vertex offset can reach.
    static Drawn inspect(Drawn drawn) {
        const ImDrawData* data = ImGui::GetDrawData();
        drawn.vertices = data->TotalVtxCount;
        for (int i = 0; i < data->CmdListsCount; ++i) {
            const ImDrawList* list = data->CmdLists[i];
            if (list->VtxBuffer.Size >= kDrawListVertexLimit) drawn.fits = false;
            for (const auto& command : list->CmdBuffer)
                if (command.VtxOffset != 0) drawn.fits = false;
            for (const ImDrawIdx index : list->IdxBuffer)
                if (index >= list->VtxBuffer.Size) drawn.fits = false;
        }
        return drawn;
    }
};

const char* const kScreensWithTheLine[] = {"home", "map", "story/china-laos-railway", "map/story-china-laos-railway"};

TEST_F(LongLine, ALineAtThePacksLimitDrawsEveryScreenWithinOneDrawList) {
    const auto plain = pavilion::testing::mini_pack().catalog();
    const auto at_limit = with_corridor(kPointsAtTheLimit, 0.005); // 100° of zigzag
    for (const std::string route : kScreensWithTheLine) {
        const auto without = draw(plain, route);
        const auto with = draw(at_limit, route);
        EXPECT_TRUE(with.fits) << route;
        EXPECT_GT(with.vertices, without.vertices) << route << ": the line is drawn";
        EXPECT_LT(with.vertices, kDrawListVertexLimit) << route;
        std::printf("[ figures  ] %s: without the line %d vertices, %.2f ms to draw; with %zu points %d vertices, %.2f ms\n",
                    route.c_str(), without.vertices, without.frame_ms, kPointsAtTheLimit, with.vertices, with.frame_ms);
    }
}

TEST_F(LongLine, AMillionPointLinePastTheReaderStillDrawsEveryScreen) {
    const auto million = with_corridor(1'000'000, 0.0001); // the pack of issue 19, 100° of zigzag
    for (const std::string route : kScreensWithTheLine) {
        const auto drawn = draw(million, route);
        EXPECT_TRUE(drawn.fits) << route;
        EXPECT_LT(drawn.vertices, kDrawListVertexLimit) << route;
        std::printf("[ figures  ] %s with a million-point line: %d vertices, the screen's draw %.1f ms\n", route.c_str(),
                    drawn.vertices, drawn.frame_ms);
    }
}

TEST_F(LongLine, AtTheClosestZoomTheLineAndThousandsOfPlacesStayWithinOneDrawList) {
    // At the closest zoom every place keeps its own marker, however many: 3,000 places 30 px
    // apart fill the screen, and the zigzag runs across it.
    core::MapCamera camera(core::MapViewport{1920, 1080, std::nullopt});
    core::ProjectedBounds spot;
    spot.include(core::equal_earth(110.0, 18.5));
    camera.fit(spot);
    ASSERT_GE(camera.scale(), camera.max_scale() * 0.999);
    for (const std::size_t points : {kPointsAtTheLimit, std::size_t{1'000'000}}) {
        auto layers = project_layers({zigzag_corridor(points, 100.0 / static_cast<double>(points))}, "en", "en");
        for (int i = 0; i < 3000; ++i) {
            const auto at = camera.screen_to_world({15.0 + (i % 64) * 30, 15.0 + (i / 64) * 30});
            layers.places.push_back({"crowd-" + std::to_string(i), "site", "", "Place " + std::to_string(i), at});
        }
        MapCanvas canvas;
        MapCanvasStyle style;
        style.flow = true;
        Drawn drawn;
        std::size_t markers = 0;
        draw_frame(ImVec2(1920, 1080), [&](Frame& f) {
            const auto start = std::chrono::steady_clock::now();
            markers = canvas.draw(f, camera, layers, style, ImVec2(0, 0), ImVec2(1920, 1080)).clusters.size();
            drawn.frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        });
        drawn = inspect(drawn);
        EXPECT_GE(markers, 2000u) << "the places do not merge at this zoom";
        EXPECT_TRUE(drawn.fits) << points;
        EXPECT_LT(drawn.vertices, kDrawListVertexLimit) << points;
        std::printf("[ figures  ] closest zoom, a %zu-point line and %zu markers in view: %d vertices, the map's draw %.1f ms\n",
                    points, markers, drawn.vertices, drawn.frame_ms);
    }
}

TEST_F(LongLine, AMapAtThePacksLimitCostsItsThinningOnlyWhileItMoves) {
    // Two and a half corridors at the limit of a feature: the most points a pack's lines may
    // hold (kMaxPackLinePoints, 50,000).
    std::vector<content::MapFeature> features;
    for (int i = 0; i < 3; ++i) {
        auto corridor = zigzag_corridor(i < 2 ? kPointsAtTheLimit : kPointsAtTheLimit / 2, 0.005);
        corridor.id += std::to_string(i);
        for (auto& point : corridor.coords) point.lat += 5 * i;
        features.push_back(std::move(corridor));
    }
    const auto layers = project_layers(features, "en", "en");
    core::MapCamera camera(core::MapViewport{1920, 1080, std::nullopt});
    MapCanvas canvas;
    MapCanvasStyle style;
    style.flow = true;
    auto average_ms = [&](bool moving) {
        double total = 0;
        for (int frame = 0; frame < 20; ++frame) {
            if (moving) camera.pan_by(1, 0);
            draw_frame(ImVec2(1920, 1080), [&](Frame& f) {
                const auto start = std::chrono::steady_clock::now();
                canvas.draw(f, camera, layers, style, ImVec2(0, 0), ImVec2(1920, 1080));
                total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            });
            EXPECT_TRUE(inspect({}).fits);
        }
        return total / 20;
    };
    const double moving = average_ms(true), still = average_ms(false);
    EXPECT_LT(still, moving);
    std::printf("[ figures  ] the map with 50,000 points of lines: %.2f ms a frame while it pans, %.2f ms at rest\n",
                moving, still);
}

TEST_F(LongLine, StrokingStopsAtItsBudgetAndPiecesOverlapByAPoint) {
    std::vector<core::ScreenPoint> zigzag;
    for (int i = 0; i < 1000; ++i) zigzag.push_back({100 + i * 1.5, i % 2 ? 100.0 : 140.0});
    const core::ScreenRect view{0, 0, 1920, 1080};
    draw_frame(ImVec2(1920, 1080), [&](Frame& f) {
        ImDrawList& list = *f.draw;
        int budget = 1 << 20;
        const int before = list.VtxBuffer.Size;
        EXPECT_TRUE(stroke_in_view(list, zigzag, view, IM_COL32_WHITE, 3.5f, budget));
        // 1,000 points in pieces of 256 overlapping by one: 4 pieces, 1,003 points stroked.
        const int pieces = (1000 - 1 + kStrokePiecePoints - 2) / (kStrokePiecePoints - 1);
        EXPECT_EQ(pieces, 4);
        EXPECT_EQ((1 << 20) - budget, (1000 + pieces - 1) * kStrokeVerticesPerPoint);
        EXPECT_LE(list.VtxBuffer.Size - before, (1 << 20) - budget) << "never more than it paid for";

        int small = 600;
        const int at = list.VtxBuffer.Size;
        EXPECT_FALSE(stroke_in_view(list, zigzag, view, IM_COL32_WHITE, 3.5f, small)) << "cut short";
        EXPECT_EQ(small, 0);
        EXPECT_LE(list.VtxBuffer.Size - at, 600);

        int untouched = 1000;
        EXPECT_TRUE(stroke_in_view(list, zigzag, {3000, 3000, 4000, 4000}, IM_COL32_WHITE, 3.5f, untouched));
        EXPECT_EQ(untouched, 1000) << "out of view: nothing drawn, nothing paid";
    });
}

} // namespace
} // namespace pavilion::screens::screen_tests
