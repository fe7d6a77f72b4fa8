// present(), the one frame sequence, under Mesa (a hidden window under the test's X server):
// it clears the whole surface to black whatever came before, draws ImGui's lists into it, and
// goes bind -> viewport -> draw -> finish on any surface, the window's back buffer included.

#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/render_surface.hpp"
#include "pavilion/platform/window.hpp"

#include <gtest/gtest.h>

#include <GLES3/gl3.h>
#include <imgui.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace pavilion::platform {
namespace {

constexpr int kWidth = 48, kHeight = 40; // not the window's 64 x 64: the surface's size must win
using Rgba = std::array<int, 4>;
constexpr Rgba kBlack{0, 0, 0, 255};

Rgba pixel(const std::vector<std::uint8_t>& pixels, int width, int x, int y) {
    const auto* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

void clear_to(float r, float g, float b) {
    glDisable(GL_SCISSOR_TEST);
    glClearColor(r, g, b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
}

// Wraps another surface and records what present() did to it, checking GL state at finish().
class RecordingSurface : public RenderSurface {
public:
    explicit RecordingSurface(RenderSurface& inner) : inner_(inner) {}
    int width() const override { return inner_.width(); }
    int height() const override { return inner_.height(); }
    void bind() override {
        calls += "bind ";
        inner_.bind();
        glViewport(0, 0, 1, 1); // a stale viewport: present() must set its own after bind
    }
    void finish() override {
        calls += "finish ";
        glGetIntegerv(GL_VIEWPORT, viewport.data());
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, corner.data());
        inner_.finish();
    }

    std::string calls;
    std::array<GLint, 4> viewport{};
    GLint framebuffer = -1;
    std::array<std::uint8_t, 4> corner{}; // pixel (1, 1) from the bottom-left, before finish
private:
    RenderSurface& inner_;
};

class PresentTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto window = Window::create({"pavilion-test", WindowMode::hidden, 64, 64});
        ASSERT_TRUE(window) << window.error().message;
        window_ = std::move(window).value();
        target_ = std::make_unique<OffscreenTarget>(kWidth, kHeight);
        ASSERT_TRUE(target_->complete());
    }
    void TearDown() override { target_.reset(); }

    std::vector<std::uint8_t> pixels() {
        auto read = target_->read_pixels();
        target_->unbind();
        return read;
    }
    int count_not(const std::vector<std::uint8_t>& frame, Rgba colour) const {
        int others = 0;
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) others += pixel(frame, kWidth, x, y) != colour;
        return others;
    }

    std::unique_ptr<Window> window_;
    std::unique_ptr<OffscreenTarget> target_;
};

TEST_F(PresentTest, ClearsAnOffscreenTargetToBlackAfterAColouredFrame) {
    target_->bind();
    clear_to(1, 0, 0);
    ASSERT_EQ(pixel(pixels(), kWidth, 3, 3), (Rgba{255, 0, 0, 255})) << "the coloured frame";

    present(*target_, nullptr, nullptr);
    EXPECT_EQ(count_not(pixels(), kBlack), 0);
}

TEST_F(PresentTest, ClearsTheWholeSurfaceEvenWithAScissorLeftOn) {
    target_->bind();
    clear_to(0, 0, 1);
    glEnable(GL_SCISSOR_TEST); // as a clipped draw (the map renderer) may leave it
    glScissor(0, 0, 4, 4);

    present(*target_, nullptr, nullptr);
    EXPECT_EQ(count_not(pixels(), kBlack), 0);
}

TEST_F(PresentTest, BindsSetsTheSurfacesViewportThenFinishesOnce) {
    RecordingSurface surface(*target_);
    present(surface, nullptr, nullptr);
    EXPECT_EQ(surface.calls, "bind finish ");
    EXPECT_EQ(surface.viewport, (std::array<GLint, 4>{0, 0, kWidth, kHeight}));
    EXPECT_NE(surface.framebuffer, 0) << "drawn into the target's framebuffer";
}

TEST_F(PresentTest, TheWindowIsASurfaceOfItsFramebuffersSize) {
    int width = 0, height = 0;
    window_->framebuffer_size(width, height);
    EXPECT_EQ(window_->width(), width);
    EXPECT_EQ(window_->height(), height);
    EXPECT_GT(width, 0);

    window_->bind();
    clear_to(1, 1, 0);
    target_->bind(); // the last binding is an off-screen one: the window's bind must undo it
    RecordingSurface surface(*window_);
    present(surface, nullptr, nullptr);
    EXPECT_EQ(surface.calls, "bind finish ");
    EXPECT_EQ(surface.framebuffer, 0) << "the window's own (default) framebuffer";
    EXPECT_EQ(surface.viewport, (std::array<GLint, 4>{0, 0, width, height}));
    EXPECT_EQ(surface.corner, (std::array<std::uint8_t, 4>{0, 0, 0, 255})) << "cleared before the swap";
}

// ImGui's lists land in the surface: a filled rectangle on the background draw list.
TEST_F(PresentTest, DrawsImGuisListsIntoTheSurface) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a test leaves no imgui.ini behind
    {
        ImGuiBackend backend(*window_, false);
        io.Fonts->AddFontDefault();
        backend.upload_fonts(*io.Fonts);

        target_->bind();
        clear_to(1, 1, 1); // white: the frame must replace it, not draw over it
        backend.new_frame();
        io.DisplaySize = ImVec2(kWidth, kHeight); // the target's size, not the window's
        io.DisplayFramebufferScale = ImVec2(1, 1);
        ImGui::NewFrame();
        ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(10, 8), ImVec2(30, 20), IM_COL32(255, 128, 0, 255));
        ImGui::Render();
        present(*target_, &backend, ImGui::GetDrawData());
    }
    ImGui::DestroyContext(context);

    const auto frame = pixels();
    EXPECT_EQ(pixel(frame, kWidth, 20, 14), (Rgba{255, 128, 0, 255})) << "inside the rectangle";
    EXPECT_EQ(pixel(frame, kWidth, 10, 8), (Rgba{255, 128, 0, 255})) << "its top-left pixel";
    EXPECT_EQ(pixel(frame, kWidth, 5, 14), kBlack) << "left of it: cleared";
    EXPECT_EQ(pixel(frame, kWidth, 20, 30), kBlack) << "below it: cleared";
    EXPECT_EQ(count_not(frame, kBlack), 20 * 12) << "exactly the rectangle's pixels are drawn";
}

} // namespace
} // namespace pavilion::platform
