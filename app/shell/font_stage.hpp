#pragma once
// The font atlas the screens draw with, built off the render thread. ImGui bakes every glyph up
// front, so the atlas must be built again for larger text (a visitor's 1.4x) and for another
// pack's characters. The atlas in use stays until its replacement is ready, then swaps in
// between frames: larger text grows a frame or two after the tap (at once when the atlas was
// built before: the font cache keeps it), and a new pack's atlas is ready before the model shows it.

#include "font_setup.hpp"
#include "graphics.hpp"

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/core/serial_worker.hpp"
#include "pavilion/screens/font_atlas.hpp"

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

// An atlas and what it was built from.
struct BuiltFonts {
    std::unique_ptr<FontSetup> setup;   // the font files, mapped while the atlas refers to them
    std::unique_ptr<ImFontAtlas> atlas; // filled, not yet on the GPU
    screens::Fonts fonts;
    float scale = 0;
    std::string pack_path; // whose characters it holds
};

// Loads a pack's fonts and builds its atlas at `scale` (any thread: atlases are separate
// objects, FreeType gets a library per build; ImGui's only shared state touched is its count of
// allocations, a statistic).
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

    const screens::Fonts& fonts() const { return current_.fonts; }
    float scale() const { return current_.scale; }
    const BuiltFonts& current() const { return current_; }
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
    BuiltFonts current_;
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
