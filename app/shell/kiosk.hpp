#pragma once
// The running kiosk: one object owning the pack, the session, input, fonts, textures and the
// screens. main() builds it; its run modes (live, screenshot, script, benchmark) share one
// frame step: take input, sync the screen, draw, act on what the visitor asked for.

#include "content_loader.hpp"
#include "font_setup.hpp"
#include "graphics.hpp"
#include "kiosk_settings.hpp"
#include "update_service.hpp"
#include "pavilion/content/pin_lock.hpp"
#include "pavilion/content/visit_stats.hpp"
#include "pavilion/core/operator_mode.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/platform/evdev_touch_reader.hpp"
#include "pavilion/platform/gl_map_renderer.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/screens/kiosk_ui.hpp"

#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::shell {

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
        LoadedContent::Timings content; // the worker's parts: pack, fonts, first pictures
    };
    void set_start_times(StartTimes times) { start_times_ = times; }

private:
    bool start_graphics(int width, int height, bool interactive, std::string& error);
    // The off-screen modes' start (screenshot, script, monkey): graphics for a size, every frame
    // complete with the base map, and the framebuffer they draw into; null and error if not.
    std::unique_ptr<platform::OffscreenTarget> start_off_screen(core::PixelSize size, std::string& error);
    bool rebuild_fonts(std::string& error);
    screens::BodyLookup body_lookup();
    void make_texture_cache();
    // Shows another pack without a restart (an installed update, a rollback): new catalog, fonts
    // and pictures, the visitor back at Home in the pack's default language. If the pack cannot
    // be opened, nothing changes and error says why.
    bool reload(const std::string& path, std::string& error);

    // The device's state (kiosk_operator.cpp): updates, operator mode, statistics.
    void start_device_services();
    void poll_updates();
    void draw_operator(screens::Frame& frame);
    void operator_action(const std::string& action, core::Millis now);
    void refresh_operator_facts();
    screens::OperatorView operator_view(core::Millis now);
    void record_screen_change(core::Millis now);
    void remember(const std::string& line, bool print = true); // for the operator's log (and stderr)
    core::SessionSettings current_session_settings() const;
    void take_input(core::Millis now, const std::vector<core::PointerEvent>& events);
    void sync_screen(core::Millis now);
    void draw(core::Millis now, ImVec2 size);
    void act(const screens::Intent& intent, core::Millis now);
    // The base map: loaded and projected on a worker once the first frame is out, then uploaded
    // here. wait: block until it is on the GPU (off-screen modes draw complete frames).
    void update_base_map(bool wait);
    // Whether another frame is due without input; consumes the "an intent changed something" flag.
    bool animating(core::Millis now);
    // Run modes (kiosk_modes.cpp, kiosk_bench.cpp).
    int run_interactive();
    void open_touchscreen(int width, int height);
    std::vector<core::PointerEvent> collect_input();
    int run_screenshot();
    int run_script();
    int run_bench();
    int run_monkey(); // kiosk_monkey.cpp
    // --bench: wall ms from tapping a story (its pictures not yet decoded) until the frame that
    // shows its full hero image, frames paced at 60 Hz as on a display; the slowest frame's CPU ms
    // on the way shows the wait never stalled a frame.
    struct StoryOpen {
        double to_full_image_ms = 0;
        double slowest_frame_ms = 0;
        int frames = 0;
    };
    StoryOpen bench_story_open(const content::Item& story, platform::OffscreenTarget& target, ImVec2 display);
    bool open_start_screen(const std::string& route_text);
    // Renders one off-screen frame at `now` into target (screenshots, scripts, benchmarks).
    void render_off_screen(platform::OffscreenTarget& target, core::Millis now, ImVec2 size);

    content::PackReader pack_;
    core::KioskOptions options_;
    core::KioskSession session_;
    core::GestureRecognizer gestures_;
    std::optional<screens::KioskUi> ui_; // refers into pack_'s catalog: rebuilt with it
    screens::Theme theme_;
    screens::Fonts fonts_;
    std::unique_ptr<FontSetup> font_setup_;
    std::unique_ptr<ImFontAtlas> atlas_; // borrowed by ImGui's context: outlives graphics_
    std::unique_ptr<Graphics> graphics_;
    platform::Window* window_;           // graphics_'s
    platform::ImGuiBackend* backend_;    // graphics_'s
    StartTimes start_times_;
    std::vector<EarlyPicture> early_pictures_; // decoded during start-up, handed to textures_
    std::future<core::MapMesh> map_loading_;
    std::unique_ptr<platform::GlMapRenderer> map_renderer_;
    bool map_unavailable_ = false; // the pack has none, or it failed to load (logged once)
    bool wait_for_map_ = false;    // off-screen modes: every frame complete
    int frames_drawn_ = 0;
    platform::Window::Wheel wheel_;

    // Device services; all absent without --state.
    std::unique_ptr<UpdateService> updates_;
    std::optional<content::PinLock> pins_;
    std::optional<content::VisitStats> stats_;
    KioskSettings settings_;
    core::OperatorMode operator_;
    screens::OperatorPanel operator_panel_;
    screens::OperatorView operator_facts_; // the panel's slow-to-gather parts (refresh_operator_facts)
    bool operator_facts_stale_ = true;
    std::deque<std::string> log_lines_;
    std::vector<double> frame_ms_;         // recent frame times, for the diagnostics
    std::deque<core::Millis> frame_starts_; // when recent frames began, for the frame rate
    core::Millis stats_flushed_ = 0;
    std::string stats_screen_;     // the screen being visited, for its dwell time
    std::unique_ptr<platform::TextureCache> textures_;
    std::unique_ptr<platform::EvdevTouchReader> touch_; // multi-touch from the kernel, if a panel exists
    int max_texture_side_ = 4096;
    bool interactive_ = false;
    float font_scale_ = 0; // the scale the atlas was built for (0: must rebuild)
    bool fonts_uploaded_ = false;

    // Input between frames.
    std::vector<core::Gesture> pending_gestures_;
    screens::PointerState pointer_;
    bool swallowing_touch_ = false;
    bool needs_frame_ = false;      // an intent changed the screen, language or look // the touch that woke the kiosk or answered "Still there?"
    core::KioskSession::IdleStatus idle_;
    screens::TapTargets tap_targets_; // the last frame's: where a tap means something (the soak monkey aims there)

    // What is on screen, to log and animate changes.
    std::uint64_t shown_revision_ = ~std::uint64_t{0};
    std::string shown_locale_;
    core::Millis screen_opened_ = 0;
};

} // namespace pavilion::shell
