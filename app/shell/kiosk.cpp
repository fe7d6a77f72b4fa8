#include "kiosk.hpp"

#include "pavilion/content/catalog_cache.hpp"

#include "pavilion/core/ui_scale.hpp"
#include "pavilion/screens/map_mesh_builder.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <chrono>
#include <thread>

namespace pavilion::shell {

int fail(const std::string& message) {
    std::fprintf(stderr, "pavilion: %s\n", message.c_str());
    return 1;
}


core::SessionSettings Kiosk::current_session_settings() const {
    auto settings = session_settings(pack_.catalog());
    if (settings_.idle_timeout_s) settings.idle_timeout_ms = static_cast<core::Millis>(*settings_.idle_timeout_s) * 1000;
    const auto& locales = pack_.catalog().meta.locales;
    if (settings_.default_locale && std::any_of(locales.begin(), locales.end(), [&](const content::Locale& l) {
            return l.code == *settings_.default_locale;
        }))
        settings.default_locale = *settings_.default_locale;
    return settings;
}

core::SessionSettings session_settings(const content::Catalog& catalog) {
    core::SessionSettings settings;
    settings.idle_timeout_ms = static_cast<core::Millis>(catalog.meta.idle_timeout_s) * 1000;
    settings.default_locale = catalog.meta.default_locale;
    return settings;
}


Kiosk::Kiosk(LoadedContent loaded, std::unique_ptr<Graphics> graphics, core::KioskOptions options)
    : pack_(std::move(*loaded.pack)), options_(std::move(options)), session_(session_settings(pack_.catalog())),
      ui_(std::in_place, pack_.catalog(), body_lookup()), fonts_(loaded.fonts), font_setup_(std::move(loaded.font_setup)),
      atlas_(std::move(loaded.atlas)), graphics_(std::move(graphics)), window_(&graphics_->window()),
      backend_(&graphics_->backend()), early_pictures_(std::move(loaded.pictures)), font_scale_(loaded.font_scale) {}

screens::BodyLookup Kiosk::body_lookup() {
    // Through `this`, not the pack: the lookup must follow pack_ across reloads.
    return [this](const std::string& ref) -> std::optional<content::ItemBody> {
        if (pack_.bodies_in_catalog()) return std::nullopt;
        auto body = pack_.item_body(ref);
        if (!body) {
            std::fprintf(stderr, "pavilion: %s; %s shows without its text\n", body.error().message.c_str(), ref.c_str());
            return std::nullopt;
        }
        return std::move(body).value();
    };
}

bool Kiosk::start_graphics(int width, int height, bool interactive, std::string& error) {
    const auto gl = platform::query_gl_info();
    max_texture_side_ = std::min(4096, gl.max_texture_size > 0 ? gl.max_texture_size : 4096);
    theme_.scale = core::ui_scale_for(width, height);
    // Off-screen runs (screenshots, scripts) assume a 96 dpi panel, so they are reproducible.
    if (interactive) theme_.pixels_per_mm = window_->pixels_per_mm();
    core::GestureConfig gesture_config;
    gesture_config.pixels_per_mm = theme_.pixels_per_mm;
    gestures_ = core::GestureRecognizer(gesture_config);

    interactive_ = interactive;
    make_texture_cache();
    for (auto& picture : early_pictures_) textures_->adopt(picture.media_id, picture.thumbnail, std::move(picture.pixels));
    early_pictures_.clear();
    ui_->show(session_.navigator().current(), session_.locale());
    for (const auto& picture : ui_->pictures_of_current_screen()) textures_->prefetch(picture.media_id, picture.thumbnail);
    // The atlas was built for the planned window within 4096 px: rebuilt only if the window or
    // the GPU's limit turned out different.
    if (fonts_.atlas_width > max_texture_side_ || fonts_.atlas_height > max_texture_side_) font_scale_ = 0;
    if (!rebuild_fonts(error)) return false;
    if (!fonts_uploaded_) graphics_->use_fonts(*atlas_);
    fonts_uploaded_ = true;
    std::fprintf(stderr, "fonts: atlas %dx%d at scale %.2f on %s (max texture %d), %s\n", fonts_.atlas_width,
                 fonts_.atlas_height, theme_.scale, gl.renderer.c_str(), gl.max_texture_size,
                 font_setup_->last_build_cached() ? "from the font cache" : "rasterized");
    return true;
}

std::unique_ptr<platform::OffscreenTarget> Kiosk::start_off_screen(core::PixelSize size, std::string& error) {
    if (!start_graphics(size.width, size.height, false, error)) return nullptr;
    wait_for_map_ = true;
    auto target = std::make_unique<platform::OffscreenTarget>(size.width, size.height);
    if (!target->complete()) {
        error = "cannot create an off-screen framebuffer";
        return nullptr;
    }
    return target;
}

void Kiosk::make_texture_cache() {
    platform::TextureCacheConfig config;
    config.max_texture_side = max_texture_side_;
    config.decode_threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()) - 1, 1, 3);
    textures_ = std::make_unique<platform::TextureCache>(pack_, config, interactive_ ? platform::Window::post_wake
                                                                                     : std::function<void()>{});
}

bool Kiosk::reload(const std::string& path, std::string& error) {
    // A new pack is checked whole (a file whose catalog was kept passed a check when it was
    // read); its catalog is kept, so the next start restores it.
    auto pack = content::CatalogCache(cache_directory(options_)).open(path, content::PackCheck::whole_file);
    if (!pack) {
        error = pack.error().message;
        return false;
    }
    auto font_setup = std::make_unique<FontSetup>(cache_directory(options_));
    if (!font_setup->load(*pack, error)) return false;
    // Everything that points into the old pack goes before it does.
    textures_.reset();
    map_renderer_.reset();
    if (map_loading_.valid()) map_loading_.wait();
    map_loading_ = {};
    map_unavailable_ = false;
    ui_.reset();
    pack_ = std::move(pack).value();
    font_setup_ = std::move(font_setup); // the atlas still points into the old files: rebuilt below
    ui_.emplace(pack_.catalog(), body_lookup());
    session_ = core::KioskSession(current_session_settings());
    gestures_.reset();
    pointer_ = {};
    pending_gestures_.clear();
    open_start_screen("home");
    shown_revision_ = ~std::uint64_t{0};
    font_scale_ = 0;
    make_texture_cache();
    if (!rebuild_fonts(error)) return false;
    needs_frame_ = true;
    return true;
}

bool Kiosk::rebuild_fonts(std::string& error) {
    const float scale = theme_.scale * session_.text_scale();
    if (scale == font_scale_) return true;
    // Building clears the atlas first, so after a failure no font is valid: the next call must
    // rebuild whatever its scale, never trust the old one.
    font_scale_ = 0;
    if (!font_setup_->build(*atlas_, pack_, scale, max_texture_side_, fonts_, error)) return false;
    font_scale_ = scale;
    graphics_->use_fonts(*atlas_);
    fonts_uploaded_ = true;
    return true;
}

void Kiosk::take_input(core::Millis now, const std::vector<core::PointerEvent>& events) {
    if (operator_.watch(events, now, theme_.touch())) { // the hidden hold: the keypad opens
        gestures_.reset();
        pending_gestures_.clear();
        swallowing_touch_ = true; // the holding finger is not a key press
        remember("operator: keypad opened");
    } else if (operator_.tick(now) && operator_.stage() == core::OperatorMode::Stage::off) {
        session_ = core::KioskSession(current_session_settings()); // left alone: back to visitors
        needs_frame_ = true;
    }
    const bool operating = operator_.stage() != core::OperatorMode::Stage::off;
    for (const auto& event : events) {
        const bool press = event.type == core::PointerEvent::Type::down;
        const bool lift = event.type == core::PointerEvent::Type::up || event.type == core::PointerEvent::Type::cancel;
        auto& nav = session_.navigator();
        if (nav.at_attract() && !operating) {
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
    if (!ui_->show(nav.current(), session_.locale())) {
        // A route the pack cannot show (a stale link): stay where the visitor was.
        std::fprintf(stderr, "pavilion: no such screen %s\n", nav.current().to_string().c_str());
        session_.navigator().back();
        ui_->show(session_.navigator().current(), session_.locale());
    }
    shown_revision_ = nav.revision();
    shown_locale_ = session_.locale();
    if (new_screen) record_screen_change(now);
    if (new_screen) screen_opened_ = now;
    std::fprintf(stderr, "screen=%s lang=%s\n", nav.current().to_string().c_str(), session_.locale().c_str());
}

void Kiosk::act(const screens::Intent& intent, core::Millis now) {
    needs_frame_ = true; // whatever changed is drawn by the next frame, not at the next event
    auto& nav = session_.navigator();
    auto open = [&](const std::string& route, bool replace) {
        auto parsed = core::Route::parse(route);
        if (!parsed) return;
        if (replace) nav.replace(*parsed);
        else nav.open(*parsed);
        gestures_.reset(); // a gesture never continues onto the next screen
    };
    switch (intent.kind) {
    case screens::Intent::Kind::open: open(intent.value, false); break;
    case screens::Intent::Kind::replace: open(intent.value, true); break;
    case screens::Intent::Kind::back: nav.back(); break;
    case screens::Intent::Kind::home: nav.home(); break;
    case screens::Intent::Kind::language: session_.set_locale(intent.value); break;
    case screens::Intent::Kind::toggle_larger_text:
        // Only the setting changes here: the atlas is locked inside a frame, so draw() rebuilds
        // the fonts before the next one.
        session_.set_larger_text(!session_.larger_text());
        break;
    case screens::Intent::Kind::toggle_high_contrast: session_.set_high_contrast(!session_.high_contrast()); break;
    case screens::Intent::Kind::wake:
    case screens::Intent::Kind::filter:
    case screens::Intent::Kind::map_reset:
    case screens::Intent::Kind::operator_action: break; // handled by the screens that send them
    }
    (void)now;
}

void Kiosk::draw(core::Millis now, ImVec2 size) {
    sync_screen(now);
    // After an idle reset the accessibility choices are off again: the look follows the session.
    theme_.palette = session_.high_contrast() ? screens::high_contrast_palette() : screens::calm_palette();
    std::string error;
    if (!rebuild_fonts(error)) {
        std::fprintf(stderr, "pavilion: larger text unavailable: %s\n", error.c_str());
        session_.set_larger_text(false);
        if (!rebuild_fonts(error)) std::fprintf(stderr, "pavilion: %s\n", error.c_str());
    }

    auto& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // ImGui never sees the pointer: no hover, ever
    ImGui::NewFrame();
    textures_->begin_frame();
    // The base map loads once the first screen is complete (pictures in): start-up is not its
    // to pay. A screen that shows a map asks for it at once.
    const auto screen = session_.navigator().current().screen;
    const bool shows_map = screen == core::Route::Screen::map || core::is_item_screen(screen);
    if (wait_for_map_ || shows_map || (frames_drawn_++ > 0 && !textures_->busy())) update_base_map(wait_for_map_);
    screens::FrameInput input{std::move(pending_gestures_), pointer_, wheel_.steps, ImVec2(wheel_.x, wheel_.y)};
    pending_gestures_.clear();
    wheel_.steps = 0;
    tap_targets_.clear();
    screens::Frame frame{theme_, fonts_, *textures_, ImGui::GetBackgroundDrawList(), size, now,
                    static_cast<float>(now - screen_opened_) / 1000.0f, input, tap_targets_, map_renderer_.get()};
    screens::SessionLook look{session_.larger_text(), session_.high_contrast(), std::nullopt,
                         static_cast<float>(session_.settings().countdown_ms) / 1000.0f};
    if (idle_.phase == core::KioskSession::IdleStatus::Phase::still_there)
        look.still_there_seconds = static_cast<float>(idle_.remaining_ms) / 1000.0f;
    if (operator_.stage() != core::OperatorMode::Stage::off) draw_operator(frame);
    else
        for (const auto& intent : ui_->draw(frame, look)) act(intent, now);
    if (updates_)
        if (auto banner = updates_->banner()) screens::draw_update_banner(frame, *banner);
    ImGui::Render();
}

void Kiosk::update_base_map(bool wait) {
    if (map_renderer_ || map_unavailable_) return;
    if (!map_loading_.valid()) {
        const bool wake = options_.screenshot_path.empty() && options_.script_path.empty() && !options_.bench;
        map_loading_ = std::async(std::launch::async, [this, wake] {
            auto base_map = pack_.base_map();
            core::MapMesh mesh;
            if (!base_map) std::fprintf(stderr, "pavilion: no base map: %s\n", base_map.error().message.c_str());
            else mesh = screens::build_map_mesh(*base_map);
            if (wake) platform::Window::post_wake(); // the loop sleeps until something happens
            return mesh;
        });
    }
    if (!wait && map_loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    const auto mesh = map_loading_.get();
    if (mesh.empty()) {
        map_unavailable_ = true;
        return;
    }
    map_renderer_ = std::make_unique<platform::GlMapRenderer>(mesh);
    needs_frame_ = true;
    std::fprintf(stderr, "map: %zu levels, %.1f MB on the GPU\n", mesh.levels.size(),
                 static_cast<double>(map_renderer_->gpu_bytes()) / 1e6);
}

bool Kiosk::animating(core::Millis now) {
    const bool pending = needs_frame_;
    needs_frame_ = false;
    const bool banner = updates_ && updates_->banner().has_value();
    return pending || banner || operator_.holding() || operator_panel_.animating() || ui_->animating(static_cast<float>(now - screen_opened_) / 1000.0f) || pointer_.down;
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


void Kiosk::render_off_screen(platform::OffscreenTarget& target, core::Millis now, ImVec2 size) {
    backend_->new_frame();
    draw(now, size);
    target.bind();
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    backend_->render(ImGui::GetDrawData());
    // No swap ends an off-screen frame, so nothing else makes the driver run the queued
    // commands: Mesa then keeps every frame's draw data (about 1.5 MB a frame at 1080p, found
    // by the soak monkey). The live loop's swap does this.
    glFlush();
    textures_->end_frame();
}

int Kiosk::run(const std::string& locale) {
    session_.set_locale(locale);
    const int code = options_.bench                      ? run_bench()
                     : options_.monkey_seed              ? run_monkey()
                     : !options_.script_path.empty()     ? run_script()
                     : !options_.screenshot_path.empty() ? run_screenshot()
                                                         : run_interactive();
    touch_.reset();    // its thread wakes GLFW, so it stops first
    textures_.reset(); // GL objects go before the context
    map_renderer_.reset();
    graphics_.reset();
    return code;
}


} // namespace pavilion::shell
