// The text engine (app/text: HarfBuzz shaping, ICU bidi and line breaking) on the story body the
// detail screen shows, at its text column's width and the body size: TextEngine/layout (shape and
// break every block, nothing cached: a story's first frame) and TextEngine/cached (what a frame
// pays once the paragraph cache holds them).

#include "benchmarks.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/text/layout.hpp"
#include "pavilion/text/noto_fonts.hpp"
#include "pavilion/text/paragraph_cache.hpp"

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

namespace pavilion::bench {
namespace {

constexpr float kStoryTextWidth = 1021; // as text_benchmarks.cpp: the detail screen's text column

struct EngineInputs {
    text::FontSet fonts;
    std::vector<std::string> blocks;
    text::LayoutOptions options;
};

std::size_t bytes_of(const std::vector<std::string>& blocks) {
    std::size_t bytes = 0;
    for (const auto& block : blocks) bytes += block.size();
    return bytes;
}

void layout_blocks(benchmark::State& state, const EngineInputs& in, bool new_layouter_each_time) {
    auto& fonts = const_cast<text::FontSet&>(in.fonts); // one benchmark at a time uses it
    text::ParagraphLayouter layouter(fonts);
    std::size_t lines = 0;
    for (auto _ : state) {
        std::unique_ptr<text::ParagraphLayouter> fresh;
        if (new_layouter_each_time) fresh = std::make_unique<text::ParagraphLayouter>(fonts);
        text::ParagraphLayouter& use = fresh ? *fresh : layouter;
        lines = 0;
        for (const auto& block : in.blocks) {
            auto paragraph = use.layout(block, in.options);
            if (!paragraph) {
                state.SkipWithError(paragraph.error().message.c_str());
                return;
            }
            lines += paragraph->lines.size();
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(in.blocks)));
    state.counters["lines"] = static_cast<double>(lines);
}

void cached_blocks(benchmark::State& state, const EngineInputs& in) {
    text::ParagraphLayouter layouter(const_cast<text::FontSet&>(in.fonts));
    text::ParagraphCache cache(layouter, 256);
    for (const auto& block : in.blocks) (void)cache.get(block, in.options); // warm
    for (auto _ : state)
        for (const auto& block : in.blocks) benchmark::DoNotOptimize(cache.get(block, in.options));
    state.counters["shape_calls_in_loop"] = static_cast<double>(layouter.shape_calls());
}

} // namespace

void register_text_engine_benchmarks(const BenchInputs& inputs) {
    const float body_size = screens::drawn_size(inputs.fonts.fonts().body);
    for (const char* locale : {"en", "zh"}) {
        auto fonts = text::FontSet::open(text::noto_fallback(text::noto_script_for_language(locale)));
        if (!fonts) {
            benchmark::RegisterBenchmark(("TextEngine/unavailable/" + std::string(locale)).c_str(),
                                         [message = fonts.error().message](benchmark::State& state) {
                                             state.SkipWithError(message.c_str());
                                         });
            continue;
        }
        auto in = std::make_shared<EngineInputs>(EngineInputs{std::move(*fonts), {}, {body_size, kStoryTextWidth, text::Direction::auto_detect, locale}});
        for (const auto& block : inputs.story->text.at(locale).blocks) in->blocks.push_back(block.text);
        const std::string suffix = std::string("/") + locale;
        benchmark::RegisterBenchmark(("TextEngine/layout" + suffix).c_str(),
                                     [in](benchmark::State& state) { layout_blocks(state, *in, false); });
        benchmark::RegisterBenchmark(("TextEngine/layout_new_layouter" + suffix).c_str(),
                                     [in](benchmark::State& state) { layout_blocks(state, *in, true); });
        benchmark::RegisterBenchmark(("TextEngine/cached" + suffix).c_str(),
                                     [in](benchmark::State& state) { cached_blocks(state, *in); });
    }
}

} // namespace pavilion::bench
