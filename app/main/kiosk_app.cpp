#include "kiosk_app.hpp"

#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/ui/font_atlas.hpp"
#include "pavilion/ui/glyph_plan.hpp"
#include "pavilion/ui/home_screen.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <filesystem>
#include <memory>

#ifndef PAVILION_DATA_DIR
#define PAVILION_DATA_DIR "/usr/share/pavilion"
#endif

namespace pavilion::app {
namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "pavilion: %s\n", message.c_str());
    return 1;
}

// The build tree keeps the default pack beside the executable; an installed kiosk in its data dir.
std::string default_pack_path() {
    const auto beside = platform::executable_dir() + "/packs/default.pack";
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) return beside;
    return std::string(PAVILION_DATA_DIR) + "/packs/default.pack";
}

// Font files stay alive for the atlas, which refers to their bytes.
using FontFiles = platform::SystemFonts;

bool load_font_files(const content::PackReader& pack, FontFiles& files, std::string& error) {
    auto own = pack.font_bytes();
    if (!own) {
        error = own.error().message;
        return false;
    }
    auto system = platform::locate_system_fonts(error);
    if (!system) return false;
    files = std::move(*system);
    if (!own->empty()) { // a pack's own font is used alone, for every style
        files = FontFiles{};
        files.cjk_regular = platform::FontFile{"pack", 0, {}, *own};
        files.cjk_bold = platform::FontFile{"pack", 0, {}, std::move(*own)};
    }
    return true;
}

// Everything the running kiosk holds, owned in one place.
class Kiosk {
public:
    Kiosk(content::PackReader pack, std::string locale)
        : pack_(std::move(pack)), locale_(std::move(locale)) {}

    int run(const core::KioskOptions& options);

private:
    bool build_fonts(int width, int height, std::string& error);
    void draw_frame();
    void log_screen() const {
        std::fprintf(stderr, "screen=home lang=%s\n", locale_.c_str());
    }
    int render_screenshot(const core::KioskOptions& options);
    int run_interactive();

    content::PackReader pack_;
    std::string locale_;
    std::unique_ptr<platform::Window> window_;
    std::unique_ptr<platform::ImGuiBackend> backend_;
    FontFiles font_files_;
    ui::FontAtlasBuilder atlas_builder_;
    ui::Fonts fonts_;
    ui::Theme theme_;
    ui::HomeScreen home_;
    ui::HomeView home_view_;
};

bool Kiosk::build_fonts(int width, int height, std::string& error) {
    const auto gl = platform::query_gl_info();
    const int max_side = std::min(4096, gl.max_texture_size > 0 ? gl.max_texture_size : 4096);
    theme_.scale = core::ui_scale_for(width, height);
    auto face = [](const platform::FontFile& file) {
        return ui::FontFace{file.data(), file.size(), file.face_index};
    };
    const ui::FontSources sources{face(font_files_.latin_regular), face(font_files_.latin_bold),
                                  face(font_files_.cjk_regular), face(font_files_.cjk_bold)};
    auto fonts = atlas_builder_.build(*ImGui::GetIO().Fonts, sources,
                                      ui::plan_glyphs(pack_.catalog()), theme_.scale, max_side, error);
    if (!fonts) return false;
    fonts_ = *fonts;
    std::fprintf(stderr, "fonts: atlas %dx%d at scale %.2f on %s (max texture %d)\n",
                 fonts_.atlas_width, fonts_.atlas_height, theme_.scale, gl.renderer.c_str(),
                 gl.max_texture_size);
    return true;
}

void Kiosk::draw_frame() {
    ImGui::NewFrame();
    if (auto intent = home_.draw(home_view_, theme_, fonts_)) {
        if (intent->kind == ui::Intent::Kind::switch_language) {
            locale_ = intent->value;
            home_view_ = ui::make_home_view(pack_.catalog(), locale_);
            log_screen();
        } else {
            std::fprintf(stderr, "open=%s lang=%s\n", intent->value.c_str(), locale_.c_str());
        }
    }
    ImGui::Render();
}

int Kiosk::render_screenshot(const core::KioskOptions& options) {
    const auto size = options.screenshot_size;
    std::string error;
    if (!build_fonts(size.width, size.height, error)) return fail(error);
    backend_ = std::make_unique<platform::ImGuiBackend>(*window_, false);
    platform::OffscreenTarget target(size.width, size.height);
    if (!target.complete()) return fail("cannot create an off-screen framebuffer");
    log_screen();
    // ImGui settles layout over its first frames; the third frame is the one a visitor would see.
    for (int frame = 0; frame < 3; ++frame) {
        backend_->new_frame();
        auto& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        draw_frame();
        target.bind();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
    }
    const auto pixels = target.read_pixels();
    target.unbind();
    if (auto problem = platform::write_png(options.screenshot_path, size.width, size.height, pixels);
        !problem.empty())
        return fail(problem);
    std::fprintf(stderr, "screenshot %s (%dx%d)\n", options.screenshot_path.c_str(), size.width,
                 size.height);
    return 0;
}

int Kiosk::run_interactive() {
    int width = 0, height = 0;
    window_->framebuffer_size(width, height);
    std::string error;
    if (!build_fonts(width, height, error)) return fail(error);
    backend_ = std::make_unique<platform::ImGuiBackend>(*window_, true);
    log_screen();
    int quiet_frames = 0;
    while (!window_->should_close()) {
        // Nothing moves on this screen without a touch, so an idle kiosk sleeps in the kernel.
        if (quiet_frames >= 3) window_->wait_events(0.5);
        else window_->poll_events();
        if (window_->take_activity()) quiet_frames = 0;
        if (quiet_frames >= 3) continue;
        backend_->new_frame();
        draw_frame();
        window_->framebuffer_size(width, height);
        glViewport(0, 0, width, height);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
        window_->swap_buffers();
        ++quiet_frames;
    }
    return 0;
}

int Kiosk::run(const core::KioskOptions& options) {
    platform::WindowConfig config;
    config.title = "Pavilion";
    if (!options.screenshot_path.empty()) {
        config.mode = platform::WindowMode::hidden;
        config.width = 64;
        config.height = 64;
    } else if (options.windowed) {
        config.mode = platform::WindowMode::windowed;
        config.width = options.windowed->width;
        config.height = options.windowed->height;
    }
    std::string error;
    window_ = platform::Window::create(config, error);
    if (!window_) return fail(error);
    if (!load_font_files(pack_, font_files_, error)) return fail(error);
    if (config.mode == platform::WindowMode::fullscreen) window_->hide_cursor();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk writes no settings files
    io.LogFilename = nullptr;
    home_view_ = ui::make_home_view(pack_.catalog(), locale_);
    const int code = options.screenshot_path.empty() ? run_interactive() : render_screenshot(options);
    backend_.reset();
    ImGui::DestroyContext();
    return code;
}

} // namespace

int run_kiosk(const core::KioskOptions& options) {
    const auto path = options.pack_path.empty() ? default_pack_path() : options.pack_path;
    auto pack = content::PackReader::open(path);
    if (!pack) return fail(pack.error().message);
    const auto& meta = pack->catalog().meta;
    std::string locale = options.language.empty() ? meta.default_locale : options.language;
    const bool known = std::any_of(meta.locales.begin(), meta.locales.end(),
                                   [&](const content::Locale& l) { return l.code == locale; });
    if (!known) return fail("the pack has no language '" + locale + "'");
    if (!options.screen.empty() && options.screen != "home")
        return fail("unknown screen '" + options.screen + "' (this version has: home)");
    Kiosk kiosk(std::move(pack).value(), locale);
    return kiosk.run(options);
}

} // namespace pavilion::app
