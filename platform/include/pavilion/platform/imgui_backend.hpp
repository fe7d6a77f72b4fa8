#pragma once
// Dear ImGui's GLFW and OpenGL ES 3 backends, bound to one window. The backends are compiled
// from the sources Debian ships with IMGUI_IMPL_OPENGL_ES3 (libimgui.a's copies target desktop GL).
//
// Two departures from the stock start-up, both for the time to the first frame:
// - the shader program is compiled when the backend is made, not at the first frame, so it
//   compiles while another thread is still rasterizing the fonts;
// - the font atlas is uploaded as a one-channel texture swizzled to white-with-alpha. ImGui's
//   own upload converts the atlas to RGBA first: four times the bytes for the CJK atlas, and
//   tens of milliseconds under software GL.

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace pavilion::platform {

class Window;

// One page of a glyph atlas: width x height coverage bytes, top row first.
struct CoveragePage {
    int width = 0;
    int height = 0;
    const std::uint8_t* alpha = nullptr;
};

class ImGuiBackend {
public:
    // Needs a current ImGui context and GL context. install_input_callbacks: false for
    // off-screen rendering and for a kiosk that reads touch itself.
    ImGuiBackend(Window& window, bool install_input_callbacks);
    ~ImGuiBackend();
    ImGuiBackend(const ImGuiBackend&) = delete;
    ImGuiBackend& operator=(const ImGuiBackend&) = delete;

    void new_frame();
    void render(ImDrawData* draw_data);
    // Uploads a built atlas (replacing the previous one) and sets its texture id. The atlas's
    // CPU copy of the pixels is freed: only the GPU needs them from now on.
    void upload_fonts(ImFontAtlas& atlas);
    // Uploads the text's glyph atlas pages as one-channel textures (white with the page's
    // coverage as alpha), replacing the previous set, which must no longer be drawn; returns
    // their ids in page order.
    std::vector<ImTextureID> upload_glyph_pages(const std::vector<CoveragePage>& pages);
    // Draws one small frame with every pipeline state the kiosk uses (a glyph-style one-channel
    // texture and an RGBA picture), so drivers that compile shader variants at first use
    // (llvmpipe, V3D) do so now, while start-up is still waiting for content, and not inside
    // the first visible frame.
    void warm_up();

private:
    // The atlas ImGui's stock device set-up uploads: tiny, replaced by upload_fonts.
    std::unique_ptr<ImFontAtlas> placeholder_fonts_;
    unsigned font_texture_ = 0;
    std::vector<unsigned> glyph_textures_;
};

} // namespace pavilion::platform
