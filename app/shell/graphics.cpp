#include "graphics.hpp"

namespace pavilion::shell {

core::Expected<std::unique_ptr<Graphics>> Graphics::start(const platform::WindowConfig& config) {
    auto window = platform::Window::create(config);
    if (!window) return window.error();
    std::unique_ptr<Graphics> graphics(new Graphics());
    graphics->window_ = std::move(window).value();
    if (config.mode == platform::WindowMode::fullscreen) graphics->window_->hide_cursor();
    IMGUI_CHECKVERSION();
    graphics->imgui_fonts_ = std::make_unique<ImFontAtlas>();
    ImFontConfig tiny;
    tiny.SizePixels = 8;
    graphics->imgui_fonts_->Flags |= ImFontAtlasFlags_NoMouseCursors;
    graphics->imgui_fonts_->AddFontDefault(&tiny);
    graphics->context_ = ImGui::CreateContext(graphics->imgui_fonts_.get());
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk writes no settings files
    io.LogFilename = nullptr;
    // ImGui draws; touch is ours (gesture recognizer), so ImGui installs no input callbacks.
    graphics->backend_ = std::make_unique<platform::ImGuiBackend>(*graphics->window_, false);
    graphics->backend_->upload_fonts(*graphics->imgui_fonts_);
    graphics->backend_->warm_up();
    return graphics;
}

Graphics::~Graphics() {
    backend_.reset();
    if (context_) ImGui::DestroyContext(context_);
    window_.reset();
}

std::vector<ImTextureID> Graphics::use_glyph_pages(const text::GlyphAtlas& atlas) {
    std::vector<platform::CoveragePage> pages;
    for (const auto& page : atlas.pages) pages.push_back({page.width, page.height, page.alpha.data()});
    return backend_->upload_glyph_pages(pages);
}

} // namespace pavilion::shell
