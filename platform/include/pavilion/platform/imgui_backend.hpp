#pragma once
// Dear ImGui's GLFW and OpenGL ES 3 backends, bound to one window. The backends are compiled
// from the sources Debian ships with IMGUI_IMPL_OPENGL_ES3 (libimgui.a's copies target desktop GL).

struct ImDrawData;

namespace pavilion::platform {

class Window;

class ImGuiBackend {
public:
    // Needs a current ImGui context. install_input_callbacks: false for off-screen rendering.
    ImGuiBackend(Window& window, bool install_input_callbacks);
    ~ImGuiBackend();
    ImGuiBackend(const ImGuiBackend&) = delete;
    ImGuiBackend& operator=(const ImGuiBackend&) = delete;

    void new_frame();
    void render(ImDrawData* draw_data);
    // After the font atlas was rebuilt (pack change): upload it again.
    void reload_fonts_texture();
};

} // namespace pavilion::platform
