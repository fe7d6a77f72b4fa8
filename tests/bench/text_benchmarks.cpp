// Text as the screens set it: a story body laid out every frame (the typesetter's paragraph
// cache holds it after the first), a long list cut to three lines, and the start-up work of
// planning the texts and building the glyph atlas (shaping every text, rasterizing its glyphs).

#include "benchmarks.hpp"

#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/text_fonts.hpp"
#include "pavilion/screens/widgets.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace pavilion::bench {
namespace {

// The detail screen's text column on a landscape 1920x1080 panel (detail_screen.cpp: margins,
// a 40% picture column and a 64 dp gap leave 1021 px).
constexpr float kStoryTextWidth = 1021;

std::size_t body_bytes(const content::ItemText& text) {
    std::size_t bytes = 0;
    for (const auto& block : text.blocks) bytes += block.text.size();
    return bytes;
}

// The story's text column measured as DetailScreen::draw_text_column measures it each frame:
// key points and every rich-text block, without emitting vertices.
void story_layout(benchmark::State& state, const BenchInputs& inputs, const char* locale) {
    const auto found = inputs.story->text.find(locale);
    if (found == inputs.story->text.end()) return state.SkipWithError("the story has no text in this language");
    const auto& text = found->second;
    const auto& fonts = inputs.fonts.fonts();
    fonts.text->set_locale(locale);
    core::NoImages images;
    const screens::FrameInput input;
    screens::TapTargets targets;
    screens::Frame frame{inputs.fonts.theme(), fonts, images, nullptr, ImVec2(kScreenWidth, kScreenHeight),
                         0, 5.0f, input, targets};
    const float body = screens::drawn_size(fonts.body);
    float height = 0;
    for (auto _ : state) {
        height = 0;
        for (const auto& point : text.key_points)
            height += screens::text_height(frame, fonts.body, body, point, kStoryTextWidth - frame.dp(90), 0, 1.45f);
        for (const auto& block : text.blocks) height += screens::draw_block(frame, block, ImVec2(0, height), kStoryTextWidth, false);
        benchmark::DoNotOptimize(height);
    }
    std::size_t bytes = body_bytes(text);
    for (const auto& point : text.key_points) bytes += point.size();
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["height_px"] = height;
}

// Three lines of a list of `names` story titles, as the sources screen shows who cites a
// source: once laid out, a frame pays a cache lookup whatever the list's length.
void three_lines_of_a_list(benchmark::State& state, const BenchInputs& inputs) {
    std::string list;
    for (std::int64_t i = 0; i < state.range(0); ++i)
        list += (i ? " \xC2\xB7 " : "") + std::string("Almaty Training Centre ") + std::to_string(i);
    const auto& fonts = inputs.fonts.fonts();
    fonts.text->set_locale("en");
    core::NoImages images;
    const screens::FrameInput input;
    screens::TapTargets targets;
    screens::Frame frame{inputs.fonts.theme(), fonts, images, nullptr, ImVec2(kScreenWidth, kScreenHeight),
                         0, 5.0f, input, targets};
    for (auto _ : state) {
        const float height = screens::text_height(frame, fonts.body, screens::drawn_size(fonts.body), list, kStoryTextWidth, 3);
        benchmark::DoNotOptimize(height);
    }
    state.counters["list_bytes"] = static_cast<double>(list.size());
}

// Which texts each style draws: the whole catalog, every locale (start-up, pack switch).
void text_plan(benchmark::State& state, const BenchInputs& inputs) {
    std::size_t texts = 0;
    for (auto _ : state) {
        const screens::TextPlan plan(inputs.pack.catalog());
        texts = 0;
        for (auto style : {screens::TextStyle::body, screens::TextStyle::body_bold, screens::TextStyle::heading,
                           screens::TextStyle::display})
            texts += plan.texts(style).size();
        benchmark::DoNotOptimize(texts);
    }
    state.counters["texts"] = static_cast<double>(texts);
}

// The glyph atlas without its cache: every planned text shaped, every glyph rasterized and
// packed (FreeType, CPU only; the upload is not included), at start-up and again when a visitor
// taps "larger text" (kLargerTextScale) for the first time on this machine.
void glyph_atlas(benchmark::State& state, const BenchInputs& inputs, float ui_scale) {
    const screens::TextPlan plan(inputs.pack.catalog());
    std::size_t pages = 0, glyphs = 0, bytes = 0;
    for (auto _ : state) {
        auto fonts = screens::open_text_fonts(screens::kiosk_font_files(), ui_scale);
        if (!fonts) return state.SkipWithError(fonts.error().message.c_str());
        screens::build_text_atlas(*fonts, plan);
        pages = fonts->atlas.pages.size();
        glyphs = fonts->atlas.glyphs.size();
        bytes = 0;
        for (const auto& page : fonts->atlas.pages) bytes += page.alpha.size();
        benchmark::DoNotOptimize(fonts->atlas.pages.data());
    }
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["glyphs"] = static_cast<double>(glyphs);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

} // namespace

void register_text_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs; // captured by the lambdas: the inputs outlive the run
    for (const char* locale : {"en", "zh", "ru", "ar"}) {
        benchmark::RegisterBenchmark((std::string("StoryLayout/") + locale).c_str(),
                                     [in, locale](benchmark::State& state) { story_layout(state, *in, locale); });
    }
    benchmark::RegisterBenchmark("TextHeight/three_lines_of_a_list", [in](benchmark::State& state) {
        three_lines_of_a_list(state, *in);
    })->Arg(20)->Arg(2000);
    benchmark::RegisterBenchmark("TextPlan", [in](benchmark::State& state) { text_plan(state, *in); });
    const float ui_scale = inputs.fonts.theme().scale;
    benchmark::RegisterBenchmark("GlyphAtlasBuild/start_up", [in, ui_scale](benchmark::State& state) {
        glyph_atlas(state, *in, ui_scale);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("GlyphAtlasBuild/larger_text", [in, ui_scale](benchmark::State& state) {
        glyph_atlas(state, *in, ui_scale * core::kLargerTextScale);
    })->Unit(benchmark::kMillisecond);
}

} // namespace pavilion::bench
