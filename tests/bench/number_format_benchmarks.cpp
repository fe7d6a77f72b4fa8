// app/text's number formatting (ICU) as the figures screen calls it every frame: a key figure
// through NumberFormats (formatter kept) and through format_number (a formatter made per call),
// full and compact, and one frame of a compact count-up.

#include "benchmarks.hpp"

#include "pavilion/text/number_format.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace pavilion::bench {
namespace {

constexpr double kFigure = 1234567.5; // a key figure with a decimal, grouped in every locale

void cached(benchmark::State& state, text::NumberStyle style, text::NumberForm form) {
    text::NumberFormats formats;
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto formatted = formats.format(kFigure, 1, form, style);
        bytes += formatted.size();
        benchmark::DoNotOptimize(formatted);
    }
    benchmark::DoNotOptimize(bytes);
}

void fresh(benchmark::State& state, text::NumberStyle style) {
    for (auto _ : state) {
        auto formatted = text::format_number(kFigure, 1, style);
        benchmark::DoNotOptimize(formatted);
    }
}

void count_up(benchmark::State& state, text::NumberStyle style) {
    text::NumberFormats formats;
    float progress = 0;
    for (auto _ : state) {
        progress = progress >= 0.99f ? 0 : progress + 0.01f; // a frame along a count-up
        auto formatted = formats.count_up(1.23e12, 0, text::NumberForm::compact, progress, style);
        benchmark::DoNotOptimize(formatted);
    }
}

} // namespace

void register_number_format_benchmarks(const BenchInputs&) {
    for (const char* locale : {"en", "ar", "zh"}) {
        const std::string suffix = "/" + std::string(locale);
        const text::NumberStyle style{locale, ""};
        benchmark::RegisterBenchmark(("NumberFormat/cached" + suffix).c_str(), cached, style, text::NumberForm::full);
        benchmark::RegisterBenchmark(("NumberFormat/cached_compact" + suffix).c_str(), cached, style,
                                     text::NumberForm::compact);
        benchmark::RegisterBenchmark(("NumberFormat/fresh" + suffix).c_str(), fresh, style);
        benchmark::RegisterBenchmark(("NumberFormat/count_up_compact" + suffix).c_str(), count_up, style);
    }
}

} // namespace pavilion::bench
