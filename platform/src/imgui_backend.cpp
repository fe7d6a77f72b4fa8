#include "pavilion/platform/imgui_backend.hpp"

#include "pavilion/platform/window.hpp"

#include "gl_texture.hpp"

#include <GLES3/gl3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>
#include <vector>

namespace pavilion::platform {
namespace {

// A one-channel texture that samples as (1, 1, 1, coverage): what ImGui's shader expects of
// its font texture, at a quarter of the memory.
GLuint make_coverage_texture(int width, int height, const void* pixels) {
    const GLuint texture = make_texture(GL_R8, GL_RED, width, height, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_RED);
    return texture;
}

ImTextureID texture_id(GLuint texture) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)); }

} // namespace

ImGuiBackend::ImGuiBackend(Window& window, bool install_input_callbacks)
    : placeholder_fonts_(std::make_unique<ImFontAtlas>()) {
    ImGui_ImplGlfw_InitForOpenGL(window.native(), install_input_callbacks);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // The stock set-up uploads whatever io.Fonts holds, converted to RGBA: let it upload a
    // placeholder with one tiny font, then put the kiosk's atlas back.
    auto& io = ImGui::GetIO();
    ImFontAtlas* fonts = io.Fonts;
    ImFontConfig tiny;
    tiny.SizePixels = 8;
    placeholder_fonts_->Flags |= ImFontAtlasFlags_NoMouseCursors;
    placeholder_fonts_->AddFontDefault(&tiny);
    io.Fonts = placeholder_fonts_.get();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts = fonts;
}

ImGuiBackend::~ImGuiBackend() {
    // The stock shutdown deletes its own (placeholder) font texture; ours goes here.
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    if (!glyph_textures_.empty()) glDeleteTextures(static_cast<GLsizei>(glyph_textures_.size()), glyph_textures_.data());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
}

void ImGuiBackend::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void ImGuiBackend::render(ImDrawData* draw_data) { ImGui_ImplOpenGL3_RenderDrawData(draw_data); }

void ImGuiBackend::upload_fonts(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    GLint last_texture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    font_texture_ = make_coverage_texture(width, height, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    atlas.SetTexID(texture_id(font_texture_));
    atlas.ClearTexData();
}

std::vector<ImTextureID> ImGuiBackend::upload_glyph_pages(const std::vector<CoveragePage>& pages) {
    GLint last_texture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    if (!glyph_textures_.empty()) glDeleteTextures(static_cast<GLsizei>(glyph_textures_.size()), glyph_textures_.data());
    glyph_textures_.clear();
    std::vector<ImTextureID> ids;
    for (const auto& page : pages) {
        glyph_textures_.push_back(make_coverage_texture(page.width, page.height, page.alpha));
        ids.push_back(texture_id(glyph_textures_.back()));
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    return ids;
}

void ImGuiBackend::warm_up() {
    GLuint target = 0, colour = 0;
    glGenFramebuffers(1, &target);
    colour = make_texture(GL_RGBA8, GL_RGBA, 16, 16, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour, 0);
    const std::vector<std::uint8_t> white(4 * 4 * 4, 255);
    const GLuint coverage = make_coverage_texture(4, 4, white.data());
    const GLuint picture = make_texture(GL_RGBA8, GL_RGBA, 4, 4, white.data());

    // One frame drawn with the placeholder fonts: the kiosk's own atlas may still be building.
    auto& io = ImGui::GetIO();
    ImFontAtlas* fonts = io.Fonts;
    const ImVec2 display = io.DisplaySize;
    io.Fonts = placeholder_fonts_.get();
    io.DisplaySize = ImVec2(16, 16);
    ImGui::NewFrame();
    auto* draw = ImGui::GetBackgroundDrawList();
    draw->AddImage(texture_id(coverage), ImVec2(0, 0), ImVec2(8, 8));
    draw->AddImage(texture_id(picture), ImVec2(8, 8), ImVec2(16, 16));
    draw->AddRectFilled(ImVec2(0, 8), ImVec2(8, 16), IM_COL32(10, 20, 30, 128), 2.0f);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
    io.Fonts = fonts;
    io.DisplaySize = display;

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &target);
    const GLuint textures[] = {colour, coverage, picture};
    glDeleteTextures(3, textures);
}

} // namespace pavilion::platform
