#include "kiosk_app.hpp"

#include "font_setup.hpp"
#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/input_script.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/evdev_touch_reader.hpp"
#include "pavilion/platform/imgui_backend.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/ui/kiosk_ui.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

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

core::SessionSettings session_settings(const content::Catalog& catalog) {
    core::SessionSettings settings;
    settings.idle_timeout_ms = static_cast<core::Millis>(catalog.meta.idle_timeout_s) * 1000;
    settings.default_locale = catalog.meta.default_locale;
    return settings;
}

// Everything the running kiosk holds, owned in one place.
class Kiosk {
public:
    Kiosk(content::PackReader pack, core::KioskOptions options)
        : pack_(std::move(pack)), options_(std::move(options)), session_(session_settings(pack_.catalog())),
          ui_(pack_.catalog()) {}

    // locale: the language the kiosk starts in (a visitor's session returns to the pack's default).
    int run(const std::string& locale);

private:
    bool start_graphics(int width, int height, bool interactive, std::string& error);
    bool rebuild_fonts(std::string& error);
    void take_input(core::Millis now, const std::vector<core::PointerEvent>& events);
    void sync_screen(core::Millis now);
    void draw(core::Millis now, ImVec2 size);
    void act(const ui::Intent& intent, core::Millis now);
    bool animating(core::Millis now) const;
    int run_interactive();
    void open_touchscreen(int width, int height);
    std::vector<core::PointerEvent> collect_input();
    int run_screenshot();
    int run_script();
    bool open_start_screen(const std::string& route_text);

    content::PackReader pack_;
    core::KioskOptions options_;
    core::KioskSession session_;
    core::GestureRecognizer gestures_;
    ui::KioskUi ui_;
    ui::Theme theme_;
    ui::Fonts fonts_;
    FontSetup font_setup_;
    std::unique_ptr<platform::Window> window_;
    std::unique_ptr<platform::ImGuiBackend> backend_;
    std::unique_ptr<platform::TextureCache> textures_;
    std::unique_ptr<platform::EvdevTouchReader> touch_; // multi-touch from the kernel, if a panel exists
    int max_texture_side_ = 4096;
    float font_scale_ = 0; // the scale the atlas was built for

    // Input between frames.
    std::vector<core::Gesture> pending_gestures_;
    ui::PointerState pointer_;
    bool swallowing_touch_ = false; // the touch that woke the kiosk or answered "Still there?"
    core::KioskSession::IdleStatus idle_;

    // What is on screen, to log and animate changes.
    std::uint64_t shown_revision_ = ~std::uint64_t{0};
    std::string shown_locale_;
    core::Millis screen_opened_ = 0;
};

bool Kiosk::start_graphics(int width, int height, bool interactive, std::string& error) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    auto& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk writes no settings files
    io.LogFilename = nullptr;
    const auto gl = platform::query_gl_info();
    max_texture_side_ = std::min(4096, gl.max_texture_size > 0 ? gl.max_texture_size : 4096);
    theme_.scale = core::ui_scale_for(width, height);
    // Off-screen runs (screenshots, scripts) assume a 96 dpi panel, so they are reproducible.
    if (interactive) theme_.pixels_per_mm = window_->pixels_per_mm();
    core::GestureConfig gesture_config;
    gesture_config.pixels_per_mm = theme_.pixels_per_mm;
    gestures_ = core::GestureRecognizer(gesture_config);
    if (!font_setup_.load(pack_, error) || !rebuild_fonts(error)) return false;
    // ImGui draws; touch is ours (gesture recognizer), so ImGui installs no input callbacks.
    backend_ = std::make_unique<platform::ImGuiBackend>(*window_, false);
    platform::TextureCacheConfig config;
    config.max_texture_side = max_texture_side_;
    textures_ = std::make_unique<platform::TextureCache>(pack_, config, interactive ? platform::Window::post_wake
                                                                                    : std::function<void()>{});
    std::fprintf(stderr, "fonts: atlas %dx%d at scale %.2f on %s (max texture %d)\n", fonts_.atlas_width,
                 fonts_.atlas_height, theme_.scale, gl.renderer.c_str(), gl.max_texture_size);
    return true;
}

bool Kiosk::rebuild_fonts(std::string& error) {
    const float scale = theme_.scale * session_.text_scale();
    if (scale == font_scale_) return true;
    if (!font_setup_.build(*ImGui::GetIO().Fonts, pack_.catalog(), scale, max_texture_side_, fonts_, error)) return false;
    font_scale_ = scale;
    if (backend_) backend_->reload_fonts_texture();
    return true;
}

void Kiosk::take_input(core::Millis now, const std::vector<core::PointerEvent>& events) {
    for (const auto& event : events) {
        const bool press = event.type == core::PointerEvent::Type::down;
        const bool lift = event.type == core::PointerEvent::Type::up || event.type == core::PointerEvent::Type::cancel;
        auto& nav = session_.navigator();
        if (nav.at_attract()) {
            if (press && nav.wake()) { // the first touch wakes; it is not also a tap on Home
                session_.on_touch(event.time);
                swallowing_touch_ = true;
                gestures_.reset();
            }
            continue;
        }
        if (session_.on_touch(event.time) && press) swallowing_touch_ = true; // it answered "Still there?"
        if (swallowing_touch_) {
            if (lift) swallowing_touch_ = false;
            continue;
        }
        pointer_.position = ImVec2(event.x, event.y);
        if (press) pointer_.down = true, pointer_.dragging = false;
        if (lift) pointer_.down = false, pointer_.dragging = false;
        for (auto& gesture : gestures_.feed(event)) pending_gestures_.push_back(gesture);
    }
    for (auto& gesture : gestures_.tick(now)) pending_gestures_.push_back(gesture);
    for (const auto& gesture : pending_gestures_) {
        if (gesture.kind == core::Gesture::Kind::drag_begin || gesture.kind == core::Gesture::Kind::pinch_begin)
            pointer_.dragging = true;
    }
    const auto previous = idle_.phase;
    idle_ = session_.update(now);
    if (idle_.changed && idle_.phase == core::KioskSession::IdleStatus::Phase::attract && previous != idle_.phase) {
        gestures_.reset();
        pointer_ = {};
    }
}

void Kiosk::sync_screen(core::Millis now) {
    const auto& nav = session_.navigator();
    if (nav.revision() == shown_revision_ && session_.locale() == shown_locale_) return;
    const bool new_screen = nav.revision() != shown_revision_;
    if (!ui_.show(nav.current(), session_.locale())) {
        // A route the pack cannot show (a stale link): stay where the visitor was.
        std::fprintf(stderr, "pavilion: no such screen %s\n", nav.current().to_string().c_str());
        session_.navigator().back();
        ui_.show(session_.navigator().current(), session_.locale());
    }
    shown_revision_ = nav.revision();
    shown_locale_ = session_.locale();
    if (new_screen) screen_opened_ = now;
    std::fprintf(stderr, "screen=%s lang=%s\n", nav.current().to_string().c_str(), session_.locale().c_str());
}

void Kiosk::act(const ui::Intent& intent, core::Millis now) {
    auto& nav = session_.navigator();
    auto open = [&](const std::string& route, bool replace) {
        auto parsed = core::Route::parse(route);
        if (!parsed) return;
        if (replace) nav.replace(*parsed);
        else nav.open(*parsed);
        gestures_.reset(); // a gesture never continues onto the next screen
    };
    switch (intent.kind) {
    case ui::Intent::Kind::open: open(intent.value, false); break;
    case ui::Intent::Kind::replace: open(intent.value, true); break;
    case ui::Intent::Kind::back: nav.back(); break;
    case ui::Intent::Kind::home: nav.home(); break;
    case ui::Intent::Kind::language: session_.set_locale(intent.value); break;
    case ui::Intent::Kind::toggle_larger_text: {
        session_.set_larger_text(!session_.larger_text());
        std::string error;
        if (!rebuild_fonts(error)) {
            std::fprintf(stderr, "pavilion: larger text unavailable: %s\n", error.c_str());
            session_.set_larger_text(false);
            rebuild_fonts(error);
        }
        break;
    }
    case ui::Intent::Kind::toggle_high_contrast: session_.set_high_contrast(!session_.high_contrast()); break;
    case ui::Intent::Kind::wake:
    case ui::Intent::Kind::filter: break;
    }
    (void)now;
}

void Kiosk::draw(core::Millis now, ImVec2 size) {
    sync_screen(now);
    // After an idle reset the accessibility choices are off again: the look follows the session.
    theme_.palette = session_.high_contrast() ? ui::high_contrast_palette() : ui::calm_palette();
    theme_.text_scale = session_.text_scale();
    std::string error;
    if (!rebuild_fonts(error)) std::fprintf(stderr, "pavilion: %s\n", error.c_str());

    auto& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // ImGui never sees the pointer: no hover, ever
    ImGui::NewFrame();
    textures_->begin_frame();
    ui::FrameInput input{std::move(pending_gestures_), pointer_};
    pending_gestures_.clear();
    ui::TapTargets targets;
    ui::Frame frame{theme_, fonts_, *textures_, ImGui::GetBackgroundDrawList(), size, now,
                    static_cast<float>(now - screen_opened_) / 1000.0f, input, targets};
    ui::SessionLook look{session_.larger_text(), session_.high_contrast(), std::nullopt,
                         static_cast<float>(session_.settings().countdown_ms) / 1000.0f};
    if (idle_.phase == core::KioskSession::IdleStatus::Phase::still_there)
        look.still_there_seconds = static_cast<float>(idle_.remaining_ms) / 1000.0f;
    for (const auto& intent : ui_.draw(frame, look)) act(intent, now);
    ImGui::Render();
}

bool Kiosk::animating(core::Millis now) const {
    return ui_.animating(static_cast<float>(now - screen_opened_) / 1000.0f) || pointer_.down;
}

// Opens a route as if the visitor had walked there from Home, so Back works as usual.
bool Kiosk::open_start_screen(const std::string& route_text) {
    const auto route = core::Route::parse(route_text.empty() ? "home" : route_text);
    if (!route) return false;
    auto& nav = session_.navigator();
    if (route->screen == core::Route::Screen::attract) return true;
    nav.wake();
    if (route->screen == core::Route::Screen::home) return true;
    if (core::is_item_screen(route->screen)) nav.open(core::parent_of(*route));
    nav.open(*route);
    return true;
}

int Kiosk::run_script() {
    std::ifstream in(options_.script_path, std::ios::binary);
    if (!in) return fail(options_.script_path + ": cannot read the script");
    std::ostringstream text;
    text << in.rdbuf();
    const auto script = core::parse_input_script(text.str(), options_.script_path, 0);
    if (!script.error.empty()) return fail(script.error);

    const auto size = options_.screenshot_size;
    std::string error;
    if (!start_graphics(size.width, size.height, false, error)) return fail(error);
    platform::OffscreenTarget target(size.width, size.height);
    if (!target.complete()) return fail("cannot create an off-screen framebuffer");
    if (!options_.screen.empty()) open_start_screen(options_.screen);
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));
    auto render = [&](core::Millis now) {
        backend_->new_frame();
        draw(now, display);
        target.bind();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
        textures_->end_frame();
    };
    // Time belongs to the script. Every step is delivered at its own time; between steps, frames
    // come every 100 ms while something moves (animations are functions of time and inertia is
    // frame-rate independent, so sparser frames give the same pictures), otherwise time jumps to
    // the next step or idle deadline, as the real loop would sleep until then.
    constexpr core::Millis kFrameMs = 100;
    core::Millis now = 0;
    std::size_t next = 0;
    while (true) {
        std::vector<core::PointerEvent> events;
        while (next < script.steps.size() && script.steps[next].at <= now) {
            const auto& step = script.steps[next++];
            if (step.kind == core::ScriptStep::Kind::pointer) events.push_back(step.event);
            if (step.kind == core::ScriptStep::Kind::key && (step.key == "escape" || step.key == "back"))
                session_.navigator().back();
            if (step.kind == core::ScriptStep::Kind::screenshot) {
                take_input(now, events);
                events.clear();
                render(now);
                textures_->finish_pending(); // a shot shows the screen with its pictures
                render(now);
                const auto problem = platform::write_png(step.screenshot, size.width, size.height, target.read_pixels());
                if (!problem.empty()) return fail(problem);
                std::fprintf(stderr, "shot=%s screen=%s lang=%s\n", step.screenshot.c_str(),
                             session_.navigator().current().to_string().c_str(), session_.locale().c_str());
            }
        }
        take_input(now, events);
        render(now);
        if (next >= script.steps.size() && now >= script.end_time) break;
        core::Millis upcoming = next < script.steps.size() ? script.steps[next].at : script.end_time;
        upcoming = std::min(upcoming, session_.next_deadline(now));
        const bool moving = animating(now) || pointer_.down;
        now = moving ? std::min(now + kFrameMs, std::max(now + 1, upcoming)) : std::max(now + 1, upcoming);
    }
    target.unbind();
    return 0;
}

int Kiosk::run_screenshot() {
    const auto size = options_.screenshot_size;
    std::string error;
    if (!start_graphics(size.width, size.height, false, error)) return fail(error);
    platform::OffscreenTarget target(size.width, size.height);
    if (!target.complete()) return fail("cannot create an off-screen framebuffer");
    auto& nav = session_.navigator();
    const auto route = core::Route::parse(options_.screen.empty() ? "home" : options_.screen);
    open_start_screen(options_.screen);
    // Time is synthetic: the shot shows the screen settled, after its entrance animations and
    // count-ups, with every picture it needs decoded.
    core::Millis now = 1000;
    const ImVec2 display(static_cast<float>(size.width), static_cast<float>(size.height));
    auto render = [&] {
        backend_->new_frame();
        draw(now, display);
        target.bind();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
        textures_->end_frame();
    };
    render(); // asks for the pictures
    textures_->finish_pending();
    for (int frame = 0; frame < 3; ++frame) {
        now += route->screen == core::Route::Screen::attract ? 700 : 1500;
        render();
        textures_->finish_pending();
    }
    if (nav.current() != *route) return fail("screen '" + route->to_string() + "' does not exist in this pack");
    const auto pixels = target.read_pixels();
    target.unbind();
    if (auto problem = platform::write_png(options_.screenshot_path, size.width, size.height, pixels); !problem.empty())
        return fail(problem);
    std::fprintf(stderr, "screenshot %s (%dx%d)\n", options_.screenshot_path.c_str(), size.width, size.height);
    return 0;
}

// Pinch needs every finger, which only the kernel reports (X gives one pointer). Without a
// touchscreen (a desktop, or --touch-device none) the pointer is the input.
void Kiosk::open_touchscreen(int width, int height) {
    if (options_.touch_device == "none") return;
    platform::TouchReaderOptions touch;
    touch.device_path = options_.touch_device;
    touch.screen_width = width;
    touch.screen_height = height;
    touch.rotation = options_.touch_rotation == 90    ? platform::Rotation::cw90
                     : options_.touch_rotation == 180 ? platform::Rotation::cw180
                     : options_.touch_rotation == 270 ? platform::Rotation::cw270
                                                      : platform::Rotation::none;
    touch.wake = platform::Window::post_wake;
    std::string error;
    touch_ = platform::EvdevTouchReader::open(touch, error);
    if (touch_) std::fprintf(stderr, "touch: %s (%s)\n", touch_->device_name().c_str(), touch_->device_path().c_str());
    else std::fprintf(stderr, "touch: %s; using the pointer\n", error.c_str());
}

std::vector<core::PointerEvent> Kiosk::collect_input() {
    auto pointer = window_->take_pointer_events();
    if (!touch_) return pointer;
    // X also turns each touch into pointer events; with the panel read directly they are echoes.
    auto touches = touch_->drain();
    if (auto failure = touch_->take_failure(); !failure.empty()) {
        std::fprintf(stderr, "touch: %s; using the pointer\n", failure.c_str());
        touch_.reset();
    }
    return touches;
}

int Kiosk::run_interactive() {
    int width = 0, height = 0;
    window_->framebuffer_size(width, height);
    std::string error;
    if (!start_graphics(width, height, true, error)) return fail(error);
    if (!options_.screen.empty()) open_start_screen(options_.screen);
    open_touchscreen(width, height);
    bool redraw = true;
    while (!window_->should_close()) {
        const core::Millis now = window_->now_ms();
        if (!redraw) {
            // Nothing moves: sleep in the kernel until input, a decoded picture, or the idle timer.
            const auto deadline = session_.next_deadline(now);
            const double wait_s = deadline == core::kNoDeadline ? 5.0 : std::clamp((deadline - now) / 1000.0, 0.0, 5.0);
            window_->wait_events(wait_s);
        } else {
            window_->poll_events();
        }
        const bool activity = window_->take_activity();
        const core::Millis frame_time = window_->now_ms();
        take_input(frame_time, collect_input());
        window_->framebuffer_size(width, height);
        backend_->new_frame();
        draw(frame_time, ImVec2(static_cast<float>(width), static_cast<float>(height)));
        glViewport(0, 0, width, height);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        backend_->render(ImGui::GetDrawData());
        window_->swap_buffers();
        const bool uploaded = textures_->end_frame();
        redraw = activity || uploaded || animating(frame_time) || idle_.changed;
    }
    return 0;
}

int Kiosk::run(const std::string& locale) {
    session_.set_locale(locale);
    platform::WindowConfig config;
    config.title = "Pavilion";
    const bool off_screen = !options_.screenshot_path.empty() || !options_.script_path.empty();
    if (off_screen) {
        config.mode = platform::WindowMode::hidden;
        config.width = config.height = 64;
    } else if (options_.windowed) {
        config.mode = platform::WindowMode::windowed;
        config.width = options_.windowed->width;
        config.height = options_.windowed->height;
    }
    std::string error;
    window_ = platform::Window::create(config, error);
    if (!window_) return fail(error);
    if (config.mode == platform::WindowMode::fullscreen) window_->hide_cursor();
    const int code = !options_.script_path.empty()     ? run_script()
                     : !options_.screenshot_path.empty() ? run_screenshot()
                                                         : run_interactive();
    touch_.reset();    // its thread wakes GLFW, so it stops first
    textures_.reset(); // GL objects go before the context
    backend_.reset();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    return code;
}

} // namespace

int run_kiosk(const core::KioskOptions& options) {
    const auto path = options.pack_path.empty() ? default_pack_path() : options.pack_path;
    auto pack = content::PackReader::open(path);
    if (!pack) return fail(pack.error().message);
    const auto& meta = pack->catalog().meta;
    const std::string locale = options.language.empty() ? meta.default_locale : options.language;
    const bool known = std::any_of(meta.locales.begin(), meta.locales.end(),
                                   [&](const content::Locale& l) { return l.code == locale; });
    if (!known) return fail("the pack has no language '" + locale + "'");
    if (!options.screen.empty() && !core::Route::parse(options.screen))
        return fail("unknown screen '" + options.screen + "' (attract, home, initiatives, initiative/ID, stories, "
                    "story/ID, figures, map, sources)");
    Kiosk kiosk(std::move(pack).value(), options);
    return kiosk.run(locale);
}

} // namespace pavilion::app
