#pragma once
// The kiosk on a screen: the model (model::Kiosk) composed with what draws it (the screens, the
// fonts, the pictures on the GPU, the base map) and with the window. Every run mode, live or
// off-screen, moves it one frame at a time through the same step:
//
//   build(now, input, size)  the model takes the input and time; resources follow the model
//                            (another pack, another text size); the screens draw into ImGui's
//                            lists; what the visitor asked for goes back to the model
//   submit(surface)          the frame goes to the GPU (platform::present), pictures upload
//
// Nothing here blocks on the disk: the model's workers, the font stage, the map layer and the
// texture cache's decoders all hand results back through the model's one RunQueue, drained
// once per frame inside build().

#include "content_loader.hpp"
#include "font_stage.hpp"
#include "frame_clock.hpp"
#include "graphics.hpp"
#include "map_layer.hpp"

#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/model/kiosk.hpp"
#include "pavilion/platform/render_surface.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"
#include "pavilion/screens/deck.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/operator_panel.hpp"
#include "pavilion/screens/operator_pin.hpp"
#include "pavilion/screens/theme.hpp"

#include <memory>
#include <string>
#include <vector>

namespace pavilion::shell {

struct ShellOptions {
    core::KioskOptions kiosk;
    // A live window: the monitor's density, and background results wake the sleeping loop.
    bool interactive = false;
    // Off-screen runs: every frame complete (the fonts for its text size, the item's text, the
    // base map), so scripts and the soak run see the same screens whatever the machine's speed.
    bool complete_frames = false;
};

// What the input since the last frame was.
struct FrameInput {
    std::vector<core::PointerEvent> touches;
    std::vector<content::MediaEvent> media;
    platform::Window::Wheel wheel;
};

class Shell {
public:
    // size: the first frame's; the GL context must be current.
    static core::Expected<std::unique_ptr<Shell>> start(LoadedContent content, std::unique_ptr<Graphics> graphics,
                                                        ShellOptions options, core::PixelSize size);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    void build(core::Millis now, FrameInput input, core::PixelSize size);
    // True when a picture was uploaded (worth another frame).
    bool submit(platform::RenderSurface& surface);
    bool step(core::Millis now, FrameInput input, platform::RenderSurface& surface);

    // Whether the next frame differs from the last without input, and when the model changes
    // next by itself (the live loop sleeps until then).
    bool animating(core::Millis now) const;
    core::Millis next_change() const { return next_change_; }

    // Off-screen runs: waits for the background work under way (fonts, the map, the model's
    // jobs) and applies it at `now`; with pictures, also every picture asked for.
    void complete(core::Millis now, bool pictures);
    void set_complete_frames(bool complete) { options_.complete_frames = complete; }
    // Whether start-up's background work is still arriving: pictures, the base map, fonts.
    bool loading() const { return textures_->busy() || map_->loading() || !map_->settled() || fonts_->pending(); }

    model::Kiosk& kiosk() { return *kiosk_; }
    platform::TextureCache& textures() { return *textures_; }
    Graphics& graphics() { return *graphics_; }
    FrameClock& frame_clock() { return frame_clock_; }
    const screens::Theme& theme() const { return theme_; }
    // The last frame's: where a tap means something (the soak monkey aims there).
    const screens::TapTargets& tap_targets() const { return tap_targets_; }
    // The last frame's model: its route, language and layer.
    const model::FrameModel& last_frame() const { return frame_; }

private:
    Shell(std::unique_ptr<Graphics> graphics, ShellOptions options);
    void start_model(LoadedContent& content);
    core::Status start_screens(LoadedContent& content);
    void make_texture_cache();
    // Another pack is shown: the fonts, pictures, map and screens follow it.
    void follow_pack();
    std::vector<model::Intent> draw_layers(screens::Frame& frame);
    screens::Diagnostics diagnostics(core::Millis now);
    bool shows_map() const;

    ShellOptions options_;
    std::unique_ptr<Graphics> graphics_;
    std::unique_ptr<model::Kiosk> kiosk_;
    std::unique_ptr<FontStage> fonts_;
    std::unique_ptr<MapLayer> map_;
    std::unique_ptr<platform::TextureCache> textures_;
    std::unique_ptr<screens::Deck> deck_;
    screens::OperatorPanel panel_;
    screens::Theme theme_;
    screens::TapTargets tap_targets_;
    FrameClock frame_clock_;
    int max_texture_side_ = 4096; // ours: the GPU's limit, at most the Pi's 4096 px
    int gl_max_texture_ = 0;      // the GPU's own, for the diagnostics
    std::string gl_renderer_;
    model::FrameModel frame_;
    std::uint64_t shown_pack_generation_ = 0;
    core::Millis next_change_ = 0;
    bool intents_applied_ = false;        // the last frame changed something: draw the next
    bool first_screen_complete_ = false;  // the base map waits for it
    core::Millis memory_read_at_ = 0;
    double resident_mb_ = 0;
};

} // namespace pavilion::shell
