#include "pavilion/platform/imgui_backend.hpp"

#include "pavilion/platform/window.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace pavilion::platform {

ImGuiBackend::ImGuiBackend(Window& window, bool install_input_callbacks) {
    ImGui_ImplGlfw_InitForOpenGL(window.native(), install_input_callbacks);
    ImGui_ImplOpenGL3_Init("#version 300 es");
}

ImGuiBackend::~ImGuiBackend() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
}

void ImGuiBackend::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void ImGuiBackend::render(ImDrawData* draw_data) { ImGui_ImplOpenGL3_RenderDrawData(draw_data); }

void ImGuiBackend::reload_fonts_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

} // namespace pavilion::platform
