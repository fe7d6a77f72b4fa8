#pragma once
// The fonts the screens draw with, built off the render thread: the glyph atlas holds every glyph
// of the pack's texts at the sizes drawn, so it is built again for larger text (a visitor's 1.4x)
// and for another pack's texts. The fonts in use stay until their replacement is ready, then
// swap in between frames: larger text grows a frame or two after the tap (at once when the atlas
// was built before: the font cache keeps it), and a new pack's atlas is ready before the model
// shows it.

#include "font_setup.hpp"
#include "graphics.hpp"

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/core/serial_worker.hpp"
#include "pavilion/screens/fonts.hpp"
#include "pavilion/screens/typesetter.hpp"

#include <imgui.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::shell {

// Fonts with their atlas, and what they were built from.
struct BuiltFonts {
    std::unique_ptr<FontSetup> setup; // its notices, and whether the atlas came from the cache
    screens::TextFonts fonts;         // the atlas not yet on the GPU
    float scale = 0;
    std::string pack_path; // whose texts it holds
};

// Loads a pack's fonts and builds its atlas at `scale` (any thread: each build opens its own
// fonts, FreeType and HarfBuzz objects, and hands them to the render thread with the result).
core::Expected<BuiltFonts> build_fonts(const content::PackReader& pack, float scale, int max_texture_side,
                                       const std::string& cache_dir);

class FontStage {
public:
    // results: the main thread's hand-off (the model's queue). report: a line for the log.
    FontStage(Graphics& graphics, core::RunQueue& results, std::string cache_dir, int max_texture_side,
              std::function<void(std::string)> report);
    ~FontStage() { stop(); }
    FontStage(const FontStage&) = delete;
    FontStage& operator=(const FontStage&) = delete;

    // Puts an atlas on the GPU at once (start-up: built while the GL context was being made).
    void adopt(BuiltFonts built);
    // The scale a new pack starts at (a new visit has larger text off).
    void set_base_scale(float scale) { base_scale_ = scale; }

    // Any thread (the model's prepare_pack hook): builds a pack's atlas at the base scale and
    // keeps it until show_pack() takes it.
    core::Status prepare(const content::PackReader& pack);
    // Main thread: the model now shows the pack at `path`: its prepared atlas goes on the GPU.
    void show_pack(const std::string& path);

    // Main thread, every frame: the atlas should hold this pack's characters at `scale`; a build
    // starts when it does not and none is under way, and its result swaps in when results are
    // drained.
    void want_scale(const std::shared_ptr<const content::PackReader>& pack, float scale);
    // Whether a build for the screens is under way (off-screen runs wait for it).
    bool pending() const { return building_; }
    // Blocks until the builds under way have posted their results (then drain the queue).
    void wait_for_builds() { worker_.wait_idle(); }

    const screens::Fonts& fonts() const { return fonts_; }
    float scale() const { return scale_; }
    // The typesetter in use (null before the first adopt()).
    const screens::Typesetter* typesetter() const { return typesetter_.get(); }
    int max_texture_side() const { return max_texture_side_; }
    // The worker stops; the atlas in use stays.
    void stop() { worker_.stop(); }

private:
    void take(BuiltFonts built);

    Graphics& graphics_;
    core::RunQueue& results_;
    std::string cache_dir_;
    int max_texture_side_;
    std::function<void(std::string)> report_;
    std::unique_ptr<screens::Typesetter> typesetter_;
    screens::Fonts fonts_;
    float scale_ = 0;
    std::string pack_path_;
    std::atomic<float> base_scale_{1};
    bool building_ = false;
    float building_scale_ = 0;
    float unavailable_scale_ = 0; // a scale whose build failed: not tried again for this pack
    std::uint64_t generation_ = 0; // which pack a scale build belongs to
    std::mutex prepared_mutex_;
    // New packs' atlases from prepare(), by pack path, until the model shows the pack (two
    // switches in quick succession each find their own).
    std::map<std::string, BuiltFonts> prepared_;
    core::SerialWorker worker_{"fonts"};
};

} // namespace pavilion::shell
