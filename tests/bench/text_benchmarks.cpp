// Text: Pavilion's own line breaking (ImGui wraps only at spaces, so Chinese needs it), the
// layout of a story body as the detail screen does it every frame, and the start-up work of
// choosing and rasterizing the glyphs.

#include "benchmarks.hpp"

#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/line_breaker.hpp"
#include "pavilion/screens/glyph_plan.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <benchmark/benchmark.h>

#include <cfloat>
#include <string>

namespace pavilion::bench {
namespace {

// The detail screen's text column on a landscape 1920x1080 panel (detail_screen.cpp: margins,
// a 40% picture column and a 64 dp gap leave 1021 px).
constexpr float kStoryTextWidth = 1021;

float font_width(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char byte : text) count += (byte & 0xC0) != 0x80;
    return count;
}

std::size_t body_bytes(const content::ItemText& text) {
    std::size_t bytes = 0;
    for (const auto& block : text.blocks) bytes += block.text.size();
    return bytes;
}

enum class Measure { font, fixed_advance };

// Every block of the story's body broken at the text column's width.
void line_breaking(benchmark::State& state, const BenchInputs& inputs, const char* locale, Measure how) {
    const auto& text = inputs.story->text.at(locale);
    ImFont* font = inputs.fonts.fonts().body;
    const float size = screens::drawn_size(font);
    // The glyphs' real advances, as the screens measure...
    const core::MeasureText by_font = [font, size](std::string_view piece) { return font_width(font, size, piece); };
    // ...or a fixed advance per character (CJK, three UTF-8 bytes, twice as wide), which leaves
    // only the breaking rules and the UTF-8 decoding in the measurement.
    const core::MeasureText by_count = [size](std::string_view piece) {
        float width = 0;
        for (unsigned char byte : piece) {
            if ((byte & 0xC0) == 0x80) continue;
            width += byte >= 0xE0 ? size : size * 0.5f;
        }
        return width;
    };
    const core::MeasureText& measure = how == Measure::font ? by_font : by_count;
    std::size_t lines = 0;
    for (auto _ : state) {
        lines = 0;
        for (const auto& block : text.blocks) {
            auto broken = core::break_lines(block.text, kStoryTextWidth, measure);
            lines += broken.size();
            benchmark::DoNotOptimize(broken.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body_bytes(text)));
    state.counters["lines"] = static_cast<double>(lines);
    // How many characters the breaker hands to measure() per character of text (once, untimed):
    // it re-measures each candidate line from its start, so this grows with the line's length.
    std::size_t measured = 0, characters = 0;
    const core::MeasureText counting = [&](std::string_view piece) {
        measured += code_points(piece);
        return measure(piece);
    };
    for (const auto& block : text.blocks) {
        characters += code_points(block.text);
        core::break_lines(block.text, kStoryTextWidth, counting);
    }
    state.counters["measured_per_char"] = static_cast<double>(measured) / static_cast<double>(characters);
}

// Three lines of a list of `names` story titles, as the sources screen shows who cites a
// source: the time must not grow with the list, only with what the three lines hold.
void three_lines_of_a_list(benchmark::State& state, const BenchInputs& inputs) {
    std::string list;
    for (std::int64_t i = 0; i < state.range(0); ++i) list += (i ? " \xC2\xB7 " : "") + std::string("Almaty Training Centre ") + std::to_string(i);
    ImFont* font = inputs.fonts.fonts().body;
    const float size = screens::drawn_size(font);
    const core::MeasureText measure = [font, size](std::string_view piece) { return font_width(font, size, piece); };
    for (auto _ : state) {
        auto lines = core::break_lines(list, kStoryTextWidth, measure, 4); // three shown, one to know
        benchmark::DoNotOptimize(lines.data());
    }
    state.counters["list_bytes"] = static_cast<double>(list.size());
}

// The story's text column laid out as DetailScreen::draw_text_column measures it: key points
// and every rich-text block (styled runs in two fonts), without emitting vertices.
void story_layout(benchmark::State& state, const BenchInputs& inputs, const char* locale) {
    const auto& text = inputs.story->text.at(locale);
    const auto& fonts = inputs.fonts.fonts();
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
            height += screens::text_height(fonts.body, body, point, kStoryTextWidth - frame.dp(90), 0, 1.45f);
        for (const auto& block : text.blocks) height += screens::draw_block(frame, block, ImVec2(0, height), kStoryTextWidth, false);
        benchmark::DoNotOptimize(height);
    }
    std::size_t bytes = body_bytes(text);
    for (const auto& point : text.key_points) bytes += point.size();
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["height_px"] = height;
}

// Which characters each font size needs: the whole catalog, every locale (start-up, pack switch).
void glyph_plan(benchmark::State& state, const BenchInputs& inputs) {
    std::size_t glyphs = 0;
    for (auto _ : state) {
        const auto plan = screens::plan_glyphs(inputs.pack.catalog());
        glyphs = plan.body.size() + plan.heading.size() + plan.display.size();
        benchmark::DoNotOptimize(glyphs);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * glyphs));
    state.counters["glyphs"] = static_cast<double>(glyphs);
}

// Rasterizing the four fonts into the atlas (FreeType, CPU only; the upload is not included):
// at start-up, and again when a visitor taps "larger text" (kLargerTextScale).
void font_atlas(benchmark::State& state, const BenchInputs& inputs, float ui_scale) {
    const auto plan = screens::plan_glyphs(inputs.pack.catalog());
    ImFontAtlas atlas;
    screens::FontAtlasBuilder builder;
    for (auto _ : state) {
        const auto fonts = builder.build(atlas, inputs.fonts.sources(), plan, ui_scale, 4096);
        if (!fonts) {
            state.SkipWithError(fonts.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(atlas.TexPixelsAlpha8);
    }
    state.counters["atlas_w"] = atlas.TexWidth;
    state.counters["atlas_h"] = atlas.TexHeight;
}

} // namespace

void register_text_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs; // captured by the lambdas: the inputs outlive the run
    for (const char* locale : {"en", "zh"}) {
        const std::string suffix = std::string("/") + locale;
        benchmark::RegisterBenchmark(("LineBreak/font" + suffix).c_str(), [in, locale](benchmark::State& state) {
            line_breaking(state, *in, locale, Measure::font);
        });
        benchmark::RegisterBenchmark(("LineBreak/fixed_advance" + suffix).c_str(),
                                     [in, locale](benchmark::State& state) {
                                         line_breaking(state, *in, locale, Measure::fixed_advance);
                                     });
        benchmark::RegisterBenchmark(("StoryLayout" + suffix).c_str(),
                                     [in, locale](benchmark::State& state) { story_layout(state, *in, locale); });
    }
    benchmark::RegisterBenchmark("LineBreak/three_lines_of_a_list", [in](benchmark::State& state) {
        three_lines_of_a_list(state, *in);
    })->Arg(20)->Arg(2000);
    benchmark::RegisterBenchmark("GlyphPlan", [in](benchmark::State& state) { glyph_plan(state, *in); });
    const float ui_scale = inputs.fonts.theme().scale;
    benchmark::RegisterBenchmark("FontAtlasBuild/start_up", [in, ui_scale](benchmark::State& state) {
        font_atlas(state, *in, ui_scale);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("FontAtlasBuild/larger_text", [in, ui_scale](benchmark::State& state) {
        font_atlas(state, *in, ui_scale * core::kLargerTextScale);
    })->Unit(benchmark::kMillisecond);
}

} // namespace pavilion::bench
