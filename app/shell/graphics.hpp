#pragma once
// The GL half of start-up: the window, an ImGui context and its backend, with the shaders
// compiled and warmed up. Made on the main thread while another thread loads the pack and
// rasterizes the fonts (content_loader.hpp); neither waits for the other until both are done.

#include "pavilion/core/expected.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/window.hpp"

#include <imgui.h>

#include <memory>

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
    // Points ImGui at a built atlas and uploads it. The atlas is the caller's and must outlive
    // its use (the context only borrows it).
    void use_fonts(ImFontAtlas& atlas);

private:
    Graphics() = default;

    std::unique_ptr<platform::Window> window_;
    // ImGui's context borrows its atlas instead of owning one, so the kiosk's atlas (built on
    // another thread, into an object of its own) can be swapped in without ImGui deleting it.
    std::unique_ptr<ImFontAtlas> initial_fonts_;
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<platform::ImGuiBackend> backend_;
};

} // namespace pavilion::shell
