#pragma once
// What the micro-benchmarks measure with: the default pack and the things the kiosk derives from
// it, loaded once before any benchmark runs so that no setup lands in a timed loop.

#include "pavilion/core/expected.hpp"
#include "pavilion/content/base_map.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/screens/fonts.hpp"
#include "pavilion/screens/theme.hpp"
#include "pavilion/screens/typesetter.hpp"

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::bench {

// The story the README and the screenshots use; both languages of the default pack have it.
inline constexpr const char* kStoryRef = "story/china-laos-railway";
// The kiosk's reference screen: landscape full HD (UI scale 1).
inline constexpr int kScreenWidth = 1920;
inline constexpr int kScreenHeight = 1080;

// An ImGui context and the kiosk's typesetter for the default pack, built as the kiosk builds
// them (Debian's Noto fonts, the pack's text plan, UI scale 1): text is shaped and measured with
// the real fonts.
class FontContext {
public:
    FontContext() = default;
    FontContext(const FontContext&) = delete;
    FontContext& operator=(const FontContext&) = delete;
    ~FontContext();

    // An error when no usable font is installed or the atlas cannot be built.
    core::Status build(const content::Catalog& catalog);

    const screens::Fonts& fonts() const { return fonts_; }
    const screens::Theme& theme() const { return theme_; }
    ImGuiContext* context() const { return context_; }

private:
    std::unique_ptr<screens::Typesetter> typesetter_;
    screens::Fonts fonts_;
    screens::Theme theme_;
    ImGuiContext* context_ = nullptr;
};

struct BenchInputs {
    explicit BenchInputs(content::PackReader opened) : pack(std::move(opened)) {}

    std::string pack_path;
    std::vector<std::uint8_t> pack_bytes; // the whole file, for hashing and signatures
    content::PackReader pack;
    content::BaseMap base_map;
    const content::Item* story = nullptr; // kStoryRef
    std::vector<std::uint8_t> hero_bytes;      // the story's full picture, as the pack stores it
    std::vector<std::uint8_t> thumbnail_bytes; // its thumbnail
    std::vector<core::PointerEvent> visitor_trace;
    FontContext fonts;
};

// Everything above, or one line saying what is missing.
core::Expected<std::unique_ptr<BenchInputs>> load_bench_inputs(const std::string& pack_path);

// A visitor's minute at the kiosk as pointer events, in the kiosk's own input-script format
// (`pavilion --script`): taps, a double tap, a press held into a long press, list flings, page
// swipes, pinches and a slow pan on the map, sampled every 16 ms like the tests' traces.
std::vector<core::PointerEvent> visitor_trace();

} // namespace pavilion::bench
