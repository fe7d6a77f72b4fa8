#include "graphics.hpp"

namespace pavilion::shell {

core::Expected<std::unique_ptr<Graphics>> Graphics::start(const platform::WindowConfig& config) {
    auto window = platform::Window::create(config);
    if (!window) return window.error();
    std::unique_ptr<Graphics> graphics(new Graphics());
    graphics->window_ = std::move(window).value();
    if (config.mode == platform::WindowMode::fullscreen) graphics->window_->hide_cursor();
    IMGUI_CHECKVERSION();
    graphics->initial_fonts_ = std::make_unique<ImFontAtlas>();
    graphics->context_ = ImGui::CreateContext(graphics->initial_fonts_.get());
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk writes no settings files
    io.LogFilename = nullptr;
    // ImGui draws; touch is ours (gesture recognizer), so ImGui installs no input callbacks.
    graphics->backend_ = std::make_unique<platform::ImGuiBackend>(*graphics->window_, false);
    graphics->backend_->warm_up();
    return graphics;
}

Graphics::~Graphics() {
    backend_.reset();
    if (context_) ImGui::DestroyContext(context_);
    window_.reset();
}

void Graphics::use_fonts(ImFontAtlas& atlas) {
    ImGui::GetIO().Fonts = &atlas;
    backend_->upload_fonts(atlas);
}

} // namespace pavilion::shell
