// Whole screens: the CPU side of one frame (Pavilion's layout and ImGui's draw lists, between
// NewFrame and Render) for the screens a visitor spends time on. No GPU: pictures are not
// decoded yet (placeholders) and the base map is not drawn; `pavilion --bench` measures frames
// with the GPU, these isolate the code under them.

#include "benchmarks.hpp"

#include "pavilion/core/image_source.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/screens/deck.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace pavilion::bench {
namespace {

constexpr core::Millis kFrameMs = 16;

// screen_age_s: how long the screen has been open, which decides the animations still running
// (entrances settle within a second; the map's corridors flow for its first 8 s).
void screen_frame(benchmark::State& state, const BenchInputs& inputs, const std::string& route_text,
                  const std::string& locale, float screen_age_s) {
    ImGui::SetCurrentContext(inputs.fonts.context());
    const auto& catalog = inputs.pack.catalog();
    const auto route = core::Route::parse(route_text);
    // The model only shows routes the pack has; an unknown item would measure an empty page.
    if (!route || (core::is_item_screen(route->screen) && !catalog.find_item(route_text))) {
        state.SkipWithError(("the pack cannot show " + route_text).c_str());
        return;
    }
    screens::Deck screens(catalog);
    screens.show(*route, locale, nullptr); // the bench pack's catalog holds the items' bodies
    core::NoImages images;
    screens::TapTargets targets;
    const screens::FrameInput input;
    const model::Look look;
    auto& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kScreenWidth, kScreenHeight);
    io.DeltaTime = kFrameMs / 1000.0f;
    core::Millis now = 100000;
    int vertices = 0;
    for (auto _ : state) {
        ImGui::NewFrame();
        targets.clear();
        screens::Frame frame{inputs.fonts.theme(), inputs.fonts.fonts(), images, ImGui::GetBackgroundDrawList(),
                        io.DisplaySize, now, screen_age_s, input, targets};
        const auto intents = screens.draw(frame, look);
        ImGui::Render();
        vertices = ImGui::GetDrawData()->TotalVtxCount;
        benchmark::DoNotOptimize(intents.data());
        now += kFrameMs;
    }
    state.counters["vertices"] = vertices;
    state.counters["tap_targets"] = static_cast<double>(targets.all().size());
}

} // namespace

void register_frame_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs;
    struct Screen {
        const char* route;
        float age_s;
    };
    for (const Screen& screen : {Screen{"home", 10}, Screen{kStoryRef, 10}, Screen{"map", 2}}) {
        for (const char* locale : {"en", "zh"}) {
            const std::string name = std::string("ScreenFrame/") + screen.route + "/" + locale;
            benchmark::RegisterBenchmark(name.c_str(), [in, screen, locale](benchmark::State& state) {
                screen_frame(state, *in, screen.route, locale, screen.age_s);
            });
        }
    }
}

} // namespace pavilion::bench
