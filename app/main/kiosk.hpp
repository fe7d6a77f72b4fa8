#pragma once
// The running kiosk: one object owning the pack, the session, input, fonts, textures and the
// screens. main() builds it; its run modes (live, screenshot, script, benchmark) share one
// frame step: take input, sync the screen, draw, act on what the visitor asked for.

#include "content_loader.hpp"
#include "font_setup.hpp"
#include "graphics.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/platform/evdev_touch_reader.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/ui/kiosk_ui.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pavilion::app {

int fail(const std::string& message); // prints "pavilion: message", returns 1
core::SessionSettings session_settings(const content::Catalog& catalog);
double process_age_ms(); // since the kernel started this process (kiosk_bench.cpp)

class Kiosk {
public:
    // loaded: a complete load_content() result (no error). graphics: made for this run's mode.
    Kiosk(LoadedContent loaded, std::unique_ptr<Graphics> graphics, core::KioskOptions options);

    // locale: the language the kiosk starts in (a visitor's session returns to the pack's default).
    int run(const std::string& locale);

    // Start-up milestones, as process ages in ms, for --bench (set by run_kiosk).
    struct StartTimes {
        double content_ready = 0;  // pack open and font atlas rasterized (worker thread)
        double graphics_ready = 0; // window, GL context, shaders compiled and warmed up
    };
    void set_start_times(StartTimes times) { start_times_ = times; }

private:
    bool start_graphics(int width, int height, bool interactive, std::string& error);
    bool rebuild_fonts(std::string& error);
    void take_input(core::Millis now, const std::vector<core::PointerEvent>& events);
    void sync_screen(core::Millis now);
    void draw(core::Millis now, ImVec2 size);
    void act(const ui::Intent& intent, core::Millis now);
    // Whether another frame is due without input; consumes the "an intent changed something" flag.
    bool animating(core::Millis now);
    // Run modes (kiosk_modes.cpp, kiosk_bench.cpp).
    int run_interactive();
    void open_touchscreen(int width, int height);
    std::vector<core::PointerEvent> collect_input();
    int run_screenshot();
    int run_script();
    int run_bench();
    bool open_start_screen(const std::string& route_text);
    // Renders one off-screen frame at `now` into target (screenshots, scripts, benchmarks).
    void render_off_screen(platform::OffscreenTarget& target, core::Millis now, ImVec2 size);

    content::PackReader pack_;
    core::KioskOptions options_;
    core::KioskSession session_;
    core::GestureRecognizer gestures_;
    ui::KioskUi ui_;
    ui::Theme theme_;
    ui::Fonts fonts_;
    std::unique_ptr<FontSetup> font_setup_;
    std::unique_ptr<ImFontAtlas> atlas_; // borrowed by ImGui's context: outlives graphics_
    std::unique_ptr<Graphics> graphics_;
    platform::Window* window_;           // graphics_'s
    platform::ImGuiBackend* backend_;    // graphics_'s
    StartTimes start_times_;
    std::unique_ptr<platform::TextureCache> textures_;
    std::unique_ptr<platform::EvdevTouchReader> touch_; // multi-touch from the kernel, if a panel exists
    int max_texture_side_ = 4096;
    float font_scale_ = 0; // the scale the atlas was built for (0: must rebuild)
    bool fonts_uploaded_ = false;

    // Input between frames.
    std::vector<core::Gesture> pending_gestures_;
    ui::PointerState pointer_;
    bool swallowing_touch_ = false;
    bool needs_frame_ = false;      // an intent changed the screen, language or look // the touch that woke the kiosk or answered "Still there?"
    core::KioskSession::IdleStatus idle_;

    // What is on screen, to log and animate changes.
    std::uint64_t shown_revision_ = ~std::uint64_t{0};
    std::string shown_locale_;
    core::Millis screen_opened_ = 0;
};

} // namespace pavilion::app
