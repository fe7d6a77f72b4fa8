#include "shell.hpp"
#include "startup.hpp"

#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/offscreen_target.hpp"
#include "pavilion/platform/process_memory.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <thread>

#ifndef PAVILION_VERSION
#define PAVILION_VERSION "dev"
#endif

namespace pavilion::shell {
namespace {

screens::PointerState pointer_state(const model::Pointer& pointer) {
    return {pointer.down, pointer.dragging, ImVec2(pointer.x, pointer.y)};
}

ImVec2 to_imvec(core::PixelSize size) { return ImVec2(static_cast<float>(size.width), static_cast<float>(size.height)); }

} // namespace

Shell::Shell(std::unique_ptr<Graphics> graphics, ShellOptions options)
    : options_(std::move(options)), graphics_(std::move(graphics)) {}

core::Expected<std::unique_ptr<Shell>> Shell::start(LoadedContent content, std::unique_ptr<Graphics> graphics,
                                                    ShellOptions options, core::PixelSize size) {
    std::unique_ptr<Shell> shell(new Shell(std::move(graphics), std::move(options)));
    const auto gl = platform::query_gl_info();
    shell->max_texture_side_ = std::min(4096, gl.max_texture_size > 0 ? gl.max_texture_size : 4096);
    shell->gl_renderer_ = gl.renderer;
    shell->gl_max_texture_ = gl.max_texture_size;
    shell->theme_.scale = core::ui_scale_for(size.width, size.height);
    // Off-screen runs (screenshots, scripts) assume a 96 dpi panel, so they are reproducible.
    if (shell->options_.interactive) shell->theme_.pixels_per_mm = shell->graphics_->window().pixels_per_mm();
    shell->start_model(content);
    if (auto started = shell->start_screens(content); !started) return started.error();
    return shell;
}

Shell::~Shell() {
    // Every worker that posts to the model's queue stops before the model (and its queue) go;
    // every GL object goes before the context; the ImGui backend, whose shutdown writes into
    // the font atlas it was given, goes before the atlas.
    if (fonts_) fonts_->stop();
    if (map_) map_->stop();
    textures_.reset();
    map_.reset();
    kiosk_.reset();
    graphics_.reset();
    fonts_.reset();
}

void Shell::start_model(LoadedContent& content) {
    model::KioskConfig config;
    config.start_locale = options_.kiosk.language;
    config.cache_dir = cache_directory(options_.kiosk);
    if (options_.interactive) config.wake = platform::Window::post_wake;
    // A new pack's fonts are built on the model's worker before the model shows it.
    config.prepare_pack = [this](const content::PackReader& pack) { return fonts_->prepare(pack); };
    config.built_in_pack_path = default_pack_path();
    kiosk_ = std::make_unique<model::Kiosk>(content.pack, std::move(content.device), std::move(config));
    kiosk_->set_display({theme_.pixels_per_mm, theme_.touch()});
    for (const auto& line : content.notices) kiosk_->report("pavilion: " + line);
}

core::Status Shell::start_screens(LoadedContent& content) {
    const auto report = [this](std::string line) { kiosk_->report(std::move(line)); };
    fonts_ = std::make_unique<FontStage>(*graphics_, kiosk_->results(), cache_directory(options_.kiosk),
                                         max_texture_side_, report);
    fonts_->set_base_scale(theme_.scale);
    // The atlas was built for the planned window within 4096 px: built again, before the first
    // frame, only if the window or the GPU's limit turned out different.
    const auto& pages = content.fonts.fonts.atlas.pages;
    const bool too_large = std::any_of(pages.begin(), pages.end(), [this](const text::AtlasPage& page) {
        return page.width > max_texture_side_ || page.height > max_texture_side_;
    });
    if (content.fonts.scale != theme_.scale || too_large) {
        auto rebuilt = build_fonts(*content.pack, theme_.scale, max_texture_side_, cache_directory(options_.kiosk));
        if (!rebuilt) return rebuilt.error();
        content.fonts = std::move(rebuilt).value();
    }
    const bool cached = content.fonts.setup->last_build_cached();
    fonts_->adopt(std::move(content.fonts));
    const auto& atlas = fonts_->typesetter()->atlas();
    std::string sizes;
    for (const auto& page : atlas.pages)
        sizes += (sizes.empty() ? "" : " + ") + std::to_string(page.width) + "x" + std::to_string(page.height);
    char line[384];
    std::snprintf(line, sizeof line, "fonts: glyph atlas %s (%zu glyphs) at scale %.2f on %s (max texture %d), %s",
                  sizes.empty() ? "empty" : sizes.c_str(), atlas.glyphs.size(), theme_.scale, gl_renderer_.c_str(),
                  gl_max_texture_, cached ? "from the font cache" : "shaped and rasterized");
    kiosk_->journal(line);

    map_ = std::make_unique<MapLayer>(kiosk_->results(), report,
                                      [this](std::string_view news) { kiosk_->journal(news); });
    map_->use(kiosk_->pack());
    make_texture_cache();
    for (auto& picture : content.pictures) textures_->adopt(picture.media_id, picture.thumbnail, std::move(picture.pixels));
    deck_ = std::make_unique<screens::Deck>(kiosk_->pack()->catalog());
    shown_pack_generation_ = kiosk_->pack_generation();
    return core::ok();
}

void Shell::make_texture_cache() {
    platform::TextureCacheConfig config;
    config.max_texture_side = max_texture_side_;
    config.decode_threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()) - 1, 1, 3);
    textures_ = std::make_unique<platform::TextureCache>(kiosk_->pack(), config, kiosk_->results());
}

void Shell::follow_pack() {
    if (kiosk_->pack_generation() == shown_pack_generation_) return;
    // Another pack is shown: everything drawn from the old one follows it. The screens go first:
    // they refer to the old catalog, which the texture cache and the map still keep alive.
    deck_ = std::make_unique<screens::Deck>(kiosk_->pack()->catalog());
    textures_.reset();
    fonts_->show_pack(kiosk_->pack()->path());
    map_->use(kiosk_->pack());
    make_texture_cache();
    first_screen_complete_ = false;
    shown_pack_generation_ = kiosk_->pack_generation();
}

bool Shell::shows_map() const {
    const auto screen = kiosk_->session().navigator().current().screen;
    return screen == core::Route::Screen::map || core::is_item_screen(screen);
}

void Shell::build(core::Millis now, FrameInput input, core::PixelSize size) {
    kiosk_->input(now, input.touches, input.media);
    kiosk_->poll(now);
    follow_pack();
    fonts_->want_scale(kiosk_->pack(), theme_.scale * kiosk_->session().text_scale());
    // The base map loads once the first screen is complete (pictures in): start-up is not its to
    // pay. A screen that shows a map asks for it at once.
    if (options_.complete_frames || shows_map() || first_screen_complete_) map_->want();
    if (options_.complete_frames) {
        complete(now, false);
        follow_pack();
    }
    const auto previous_layer = frame_.layer;
    frame_ = kiosk_->frame(now);
    if (frame_.layer == model::FrameModel::Layer::panel && previous_layer != frame_.layer) panel_.reset();
    deck_->show(frame_.route, frame_.locale, frame_.body);
    // After an idle reset the accessibility choices are off again: the look follows the visit.
    theme_.palette = frame_.look.high_contrast ? screens::high_contrast_palette() : screens::calm_palette();

    graphics_->backend().new_frame(); // sets the window's size: the frame's own goes over it
    auto& io = ImGui::GetIO();
    io.DisplaySize = to_imvec(size);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // ImGui never sees the pointer: no hover, ever
    ImGui::NewFrame();
    textures_->begin_frame();
    screens::FrameInput screen_input{std::move(frame_.gestures), pointer_state(frame_.pointer), input.wheel.steps,
                                     ImVec2(input.wheel.x, input.wheel.y)};
    tap_targets_.clear();
    const float screen_age_s = static_cast<float>(now - frame_.screen_opened_at) / 1000.0f;
    screens::Frame frame{theme_,       fonts_->fonts(), *textures_,  ImGui::GetBackgroundDrawList(), to_imvec(size),
                         now,          screen_age_s,    screen_input, tap_targets_,                  map_->renderer()};
    const auto intents = draw_layers(frame);
    ImGui::Render();
    for (const auto& intent : intents) kiosk_->apply(intent, now);
    intents_applied_ = !intents.empty();
    next_change_ = frame_.next_change;
}

std::vector<model::Intent> Shell::draw_layers(screens::Frame& frame) {
    std::vector<model::Intent> intents;
    using Layer = model::FrameModel::Layer;
    if (frame_.layer == Layer::visitor) intents = deck_->draw(frame, frame_.look);
    else if (frame_.layer == Layer::pin) intents = screens::draw_operator_pin(frame, frame_.pin);
    else intents = panel_.draw(frame, frame_.panel, diagnostics(frame.now));
    if (frame_.banner) deck_->draw_update_banner(frame, *frame_.banner);
    return intents;
}

screens::Diagnostics Shell::diagnostics(core::Millis now) {
    // The resident size comes from /proc: read once a second, not on every frame.
    if (now - memory_read_at_ >= 1000 || memory_read_at_ == 0) {
        resident_mb_ = platform::read_resident_mb();
        memory_read_at_ = now;
    }
    screens::Diagnostics d;
    d.fps = frame_clock_.frames_in_last_second(now);
    d.frame_p50_ms = frame_clock_.median_ms();
    d.frame_p99_ms = frame_clock_.p99_ms();
    d.rss_mb = resident_mb_;
    d.textures_mb = static_cast<double>(textures_->resident_bytes()) / 1e6;
    d.gl_renderer = gl_renderer_;
    d.max_texture = gl_max_texture_; // what the GPU says; textures stay within 4096 px anyway
    d.version = PAVILION_VERSION;
    return d;
}

bool Shell::submit(platform::RenderSurface& surface) {
    platform::present(surface, &graphics_->backend(), ImGui::GetDrawData());
    const bool uploaded = textures_->end_frame();
    if (!textures_->busy()) first_screen_complete_ = true;
    return uploaded;
}

bool Shell::step(core::Millis now, FrameInput input, platform::RenderSurface& surface) {
    build(now, std::move(input), {surface.width(), surface.height()});
    return submit(surface);
}

bool Shell::animating(core::Millis now) const {
    using Layer = model::FrameModel::Layer;
    const float screen_age_s = static_cast<float>(now - frame_.screen_opened_at) / 1000.0f;
    const bool screen_moves = frame_.layer == Layer::visitor ? deck_->animating(screen_age_s)
                              : frame_.layer == Layer::panel ? panel_.animating()
                                                             : false;
    // Fonts, the map and pictures being built need no frames meanwhile: their results wake the
    // loop when they are posted.
    return frame_.animating || intents_applied_ || screen_moves;
}

void Shell::complete(core::Millis now, bool pictures) {
    while (true) {
        fonts_->wait_for_builds();
        map_->wait_for_load();
        if (pictures) textures_->wait_for_decodes();
        kiosk_->settle(now); // applies what they posted, and the model's own jobs
        if (pictures) textures_->upload_arrived();
        const bool waiting = fonts_->pending() || map_->loading() || (pictures && textures_->busy());
        if (!waiting) return;
    }
}

} // namespace pavilion::shell
