// The base map renderer with a real GL context (a hidden window under the test's X server): a
// still view is drawn twice and then copied from its snapshot, pixel for pixel what drawing it
// gives; anything that changes the picture draws it again.

#include "pavilion/platform/gl_map_renderer.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/window.hpp"

#include <gtest/gtest.h>

#include <GLES3/gl3.h>

namespace pavilion::platform {
namespace {

constexpr int kWidth = 160, kHeight = 100;

// One square "country" from (-1, -1) to (1, 1), with its four borders.
core::MapMesh square_world() {
    core::MapMeshLevel level;
    level.positions = {-1, -1, 1, -1, 1, 1, -1, 1};
    level.land = {0, 1, 2, 0, 2, 3};
    level.borders = {-1, -1, 1, -1, 1, -1, 1, 1, 1, 1, -1, 1, -1, 1, -1, -1};
    core::MapMesh mesh;
    mesh.levels.push_back(level);
    return mesh;
}

core::MapDrawRequest view(double offset_x) {
    core::MapDrawRequest request;
    request.scale = 30;
    request.offset_x = offset_x;
    request.offset_y = 50;
    request.clip = {20, 10, 140, 90}; // the map's rectangle inside the frame
    request.framebuffer_width = kWidth;
    request.framebuffer_height = kHeight;
    request.water = {0, 0, 1, 1};
    request.land = {0, 1, 0, 1};
    request.highlighted = {1, 1, 0, 1};
    request.border = {1, 1, 1, 1};
    request.border_width_px = 2;
    return request;
}

class GlMapRendererTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto window = Window::create({"pavilion-test", WindowMode::hidden, 64, 64});
        ASSERT_TRUE(window) << window.error().message;
        window_ = std::move(window).value();
        target_.emplace(kWidth, kHeight);
        ASSERT_TRUE(target_->complete());
    }
    void TearDown() override { target_.reset(); }

    // Clears the frame to red, draws the request over it, returns the pixels (top row first).
    std::vector<std::uint8_t> frame(GlMapRenderer& renderer, const core::MapDrawRequest& request) {
        target_->bind();
        glDisable(GL_SCISSOR_TEST);
        glClearColor(1, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer.render(request);
        glDisable(GL_SCISSOR_TEST);
        auto pixels = target_->read_pixels();
        target_->unbind();
        return pixels;
    }
    static std::array<int, 4> pixel(const std::vector<std::uint8_t>& pixels, int x, int y) {
        const auto* p = &pixels[(static_cast<std::size_t>(y) * kWidth + x) * 4];
        return {p[0], p[1], p[2], p[3]};
    }

    std::unique_ptr<Window> window_;
    std::optional<OffscreenTarget> target_;
};

TEST_F(GlMapRendererTest, AStillViewIsCopiedFromItsSnapshotExactlyAsDrawn) {
    GlMapRenderer renderer(square_world());
    const auto drawn = frame(renderer, view(80));
    EXPECT_EQ(pixel(drawn, 80, 50), (std::array<int, 4>{0, 255, 0, 255})) << "land at the centre";
    EXPECT_EQ(pixel(drawn, 25, 15), (std::array<int, 4>{0, 0, 255, 255})) << "water in the clip's corner";
    EXPECT_EQ(pixel(drawn, 5, 5), (std::array<int, 4>{255, 0, 0, 255})) << "outside the clip: untouched";

    EXPECT_EQ(frame(renderer, view(80)), drawn); // still: drawn again, and kept
    EXPECT_EQ(renderer.snapshot_hits(), 0);
    EXPECT_EQ(frame(renderer, view(80)), drawn); // from the snapshot, over a red frame
    EXPECT_EQ(frame(renderer, view(80)), drawn);
    EXPECT_EQ(renderer.snapshot_hits(), 2);
}

TEST_F(GlMapRendererTest, AMovedOrRecolouredViewIsDrawnAgain) {
    GlMapRenderer renderer(square_world());
    const auto still = frame(renderer, view(80));
    frame(renderer, view(80));
    ASSERT_EQ(frame(renderer, view(80)), still);
    ASSERT_EQ(renderer.snapshot_hits(), 1);

    const auto moved = frame(renderer, view(60)); // panned 20 px left: the square moved
    EXPECT_EQ(renderer.snapshot_hits(), 1);
    EXPECT_EQ(pixel(moved, 60, 50), (std::array<int, 4>{0, 255, 0, 255}));
    EXPECT_EQ(pixel(moved, 105, 50), (std::array<int, 4>{0, 0, 255, 255})) << "land at 105 was the old view's";

    auto recoloured = view(60);
    recoloured.land = {1, 1, 0, 1};
    const auto yellow = frame(renderer, recoloured);
    EXPECT_EQ(pixel(yellow, 60, 50), (std::array<int, 4>{255, 255, 0, 255}));
    EXPECT_EQ(renderer.snapshot_hits(), 1);

    // Back to the first view: the snapshot still holds it (views shown once are not kept).
    EXPECT_EQ(frame(renderer, view(80)), still);
    EXPECT_EQ(renderer.snapshot_hits(), 2);
}

TEST_F(GlMapRendererTest, AMovingViewNeverCopies) {
    GlMapRenderer renderer(square_world());
    for (int x = 40; x < 120; x += 4) {
        const auto pixels = frame(renderer, view(x));
        EXPECT_EQ(pixel(pixels, x, 50), (std::array<int, 4>{0, 255, 0, 255})) << x;
    }
    EXPECT_EQ(renderer.snapshot_hits(), 0);
}

} // namespace
} // namespace pavilion::platform
