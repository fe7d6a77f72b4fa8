// pavilion-microbench: Google Benchmark over Pavilion's hot paths, on the default pack.
//
//   pavilion-microbench [--pack PACK] [Google Benchmark flags, e.g. --benchmark_filter=Map
//                        --benchmark_format=json --benchmark_repetitions=3]
//
// The inputs (pack, fonts, base map, pictures) load once before any benchmark runs; a missing
// one is one line on stderr and exit status 1.

#include "benchmarks.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

void print_help() {
    std::printf("usage: pavilion-microbench [--pack PACK] [benchmark flags]\n"
                "  --pack PACK  the content pack to measure with (default: the build's default pack,\n"
                "               %s)\n\n",
                PAVILION_DEFAULT_PACK);
    benchmark::PrintDefaultHelp();
}

} // namespace

int main(int argc, char** argv) {
    // Google Benchmark takes its own flags out of argv; what is left is ours.
    benchmark::Initialize(&argc, argv, print_help);
    std::string pack_path = PAVILION_DEFAULT_PACK;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pack") == 0 && i + 1 < argc) {
            pack_path = argv[++i];
        } else {
            std::fprintf(stderr, "pavilion-microbench: unknown argument '%s' (--help lists the options)\n", argv[i]);
            return 2;
        }
    }
    const auto loaded = pavilion::bench::load_bench_inputs(pack_path);
    if (!loaded) {
        std::fprintf(stderr, "pavilion-microbench: %s\n", loaded.error().message.c_str());
        return 1;
    }
    const auto& inputs = *loaded;
    pavilion::bench::register_text_benchmarks(*inputs);
    pavilion::bench::register_text_engine_benchmarks(*inputs);
    pavilion::bench::register_number_format_benchmarks(*inputs);
    pavilion::bench::register_touch_benchmarks(*inputs);
    pavilion::bench::register_map_benchmarks(*inputs);
    pavilion::bench::register_pack_benchmarks(*inputs);
    pavilion::bench::register_frame_benchmarks(*inputs);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
