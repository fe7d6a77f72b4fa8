#pragma once
// The GL half of start-up: the window, an ImGui context and its backend, with the shaders
// compiled and warmed up. Made on the main thread while another thread loads the pack and
// rasterizes the fonts (content_loader.hpp); neither waits for the other until both are done.

#include "pavilion/core/expected.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/text/glyph_atlas.hpp"

#include <imgui.h>

#include <memory>
#include <vector>

namespace pavilion::shell {

class Graphics {
public:
    // An error (unavailable) with a one-line reason when no window or GL ES 3.0 context can be made.
    static core::Expected<std::unique_ptr<Graphics>> start(const platform::WindowConfig& config);
    // Backend, then ImGui context, then window: GL objects go before the context they live in.
    ~Graphics();
    Graphics(const Graphics&) = delete;
    Graphics& operator=(const Graphics&) = delete;

    platform::Window& window() { return *window_; }
    platform::ImGuiBackend& backend() { return *backend_; }
    // Uploads a glyph atlas's pages (replacing the previous ones); their texture ids, in order.
    std::vector<ImTextureID> use_glyph_pages(const text::GlyphAtlas& atlas);

private:
    Graphics() = default;

    std::unique_ptr<platform::Window> window_;
    // ImGui needs a built font atlas to start a frame; the kiosk's text never uses it (its own
    // glyph atlas is drawn by screens::Typesetter), so it holds ImGui's tiny default font only.
    std::unique_ptr<ImFontAtlas> imgui_fonts_;
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<platform::ImGuiBackend> backend_;
};

} // namespace pavilion::shell
