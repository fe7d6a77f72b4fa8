// pavilion-bench: every figure the README's table quotes, from one command, as one JSON object.
//
// The kiosk's own figures (start-up, frame times per screen, opening a story, memory) come from
// `pavilion --bench`, run as fresh processes because start-up belongs to a new process; the
// start-up figure is the median of --runs of them. Pack build time runs the real pavilion-pack;
// opening, search and install run the content library here, as the kiosk does.

#include "command_output.hpp"
#include "content_figures.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/core/quantile.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using pavilion::core::Error;
using pavilion::core::Expected;

namespace {

const char* kUsage =
    "usage: pavilion-bench [--pack PACK] [--runs N] [--size WxH] [--work-dir DIR] [--quick]\n"
    "                      [--pack-source DIR --world-atlas DIR] [--kiosk PATH] [--pack-tool PATH]\n"
    "\n"
    "Measures Pavilion on this machine and prints JSON: start-up and per-screen frame times of the\n"
    "kiosk (needs a display: run under xvfb-run without one), opening a story to its full image,\n"
    "peak RSS and PSS, pack build and open times, search latency in English and Chinese, and install\n"
    "throughput against a plain copy plus hash of the same file in --work-dir (put it on the disk\n"
    "the kiosk's state lives on). --quick: fewer repetitions, for a smoke run.\n";

struct Options {
    std::string here = fs::canonical("/proc/self/exe").parent_path().string();
    std::string pack = here + "/packs/default.pack";
    std::string kiosk = here + "/pavilion";
    std::string pack_tool = here + "/pavilion-pack";
    std::string pack_source = PAVILION_DEFAULT_PACK_SOURCE;
    std::string world_atlas = PAVILION_WORLD_ATLAS_DIR;
    std::string work_dir = here;
    std::string size = "1920x1080";
    int runs = 3;
    bool quick = false;
};

bool parse(int argc, char** argv, Options& options) {
    const std::map<std::string, std::string*> values = {
        {"--pack", &options.pack},           {"--kiosk", &options.kiosk},
        {"--pack-tool", &options.pack_tool}, {"--pack-source", &options.pack_source},
        {"--world-atlas", &options.world_atlas}, {"--work-dir", &options.work_dir},
        {"--size", &options.size}};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            options.quick = true;
        } else if (arg == "--runs" && i + 1 < argc) {
            options.runs = std::max(1, std::atoi(argv[++i]));
        } else if (auto it = values.find(arg); it != values.end() && i + 1 < argc) {
            *it->second = argv[++i];
        } else {
            std::fputs(kUsage, arg == "--help" ? stdout : stderr);
            return false;
        }
    }
    if (options.quick) options.runs = 1;
    return true;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0 || line.rfind("Model", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

// `pavilion --bench` once with an empty cache (the first start after a pack or font change:
// FreeType rasterizes the atlas and every table of the pack is read), then --runs times with
// that cache filled (every later start):
// start-up as the median of those, the rest from the median run.
Error kiosk_failure(std::string message) {
    return pavilion::core::make_error(pavilion::core::ErrorCode::unavailable, std::move(message));
}

// One `pavilion --bench` process: its JSON, or why there is none.
Expected<json> run_kiosk_bench(const Options& options, const char* frames, const fs::path& cache) {
    const auto run = pavilion::bench::run_command({options.kiosk, "--pack", options.pack, "--bench", "--size",
                                                   options.size, "--frames", frames, "--cache", cache.string()});
    if (run.exit_code != 0) {
        return kiosk_failure(options.kiosk + " --bench failed (exit " + std::to_string(run.exit_code) +
                             "); is there a display?");
    }
    auto parsed = json::parse(run.out, nullptr, false);
    if (parsed.is_discarded()) return kiosk_failure(options.kiosk + " --bench printed something that is not JSON");
    return parsed;
}

// The floor under start-up: the same binary making only its window, GL context and one
// cleared frame, as many times, interleaved with nothing else.
Expected<json> measure_platform_floor(const Options& options) {
    std::vector<double> floor_ms;
    for (int i = 0; i < options.runs; ++i) {
        const auto run = pavilion::bench::run_command({options.kiosk, "--bench-floor", "--size", options.size});
        const auto floor = json::parse(run.out, nullptr, false);
        if (run.exit_code != 0 || floor.is_discarded() || !floor.contains("first_cleared_frame_ms")) {
            return kiosk_failure(options.kiosk + " --bench-floor failed (exit " + std::to_string(run.exit_code) + ")");
        }
        floor_ms.push_back(floor["first_cleared_frame_ms"].get<double>());
    }
    return json{{"median", pavilion::core::quantile(floor_ms, 0.5)},
                {"what", "process start to a GL context and one cleared frame, nothing else"}};
}

Expected<json> measure_kiosk(const Options& options) {
    const auto cache = fs::path(options.work_dir) / ("pavilion-bench-cache-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(cache, ec);
    const auto cold_run = run_kiosk_bench(options, "1", cache);
    if (!cold_run) return cold_run.error();
    const json& cold = *cold_run;
    std::vector<json> runs;
    std::vector<double> start_ms;
    for (int i = 0; i < options.runs; ++i) {
        // --quick: a smoke run's frame figures need not be stable, only present.
        auto run = run_kiosk_bench(options, options.quick ? "30" : "300", cache);
        if (!run) return run.error();
        runs.push_back(std::move(*run));
        start_ms.push_back(runs.back().value("start_to_first_home_ms", 0.0));
    }
    fs::remove_all(cache, ec);
    const double median = pavilion::core::quantile(start_ms, 0.5);
    json kiosk = runs.front();
    for (const auto& run : runs)
        if (run.value("start_to_first_home_ms", 0.0) == median) kiosk = run;
    double peak_rss = 0;
    for (const auto& run : runs) peak_rss = std::max(peak_rss, run["memory_mb"].value("peak_rss", 0.0));
    kiosk["start_to_first_home_ms"] = {{"median", median},
                                       {"min", pavilion::core::quantile(start_ms, 0)},
                                       {"max", pavilion::core::quantile(start_ms, 1)},
                                       {"runs", start_ms.size()},
                                       {"fonts", "from the font cache"},
                                       {"catalog", "from the catalog cache"}};
    kiosk["start_to_first_home_cold_cache_ms"] = {
        {"ms", cold.value("start_to_first_home_ms", 0.0)},
        {"fonts_ms", cold["content_parts_ms"].value("fonts", 0.0)},
        {"pack_ms", cold["content_parts_ms"].value("pack", 0.0)},
        {"fonts_from_cache", cold.value("fonts_from_cache", true)},
        {"catalog_from_cache", cold.value("catalog_from_cache", true)},
        {"what", "one start with an empty cache: the first after a new pack, scale or font"}};
    kiosk["memory_mb"]["peak_rss"] = peak_rss; // the worst run's
    auto floor = measure_platform_floor(options);
    if (!floor) return floor.error();
    kiosk["platform_floor_ms"] = std::move(*floor);
    return kiosk;
}

json measure_pack_build(const Options& options) {
    if (!fs::is_directory(options.pack_source)) return {{"skipped", "no pack source at " + options.pack_source}};
    const auto out = fs::path(options.work_dir) / ("pavilion-bench-build-" + std::to_string(::getpid()) + ".pack");
    std::vector<double> seconds;
    const int repeats = options.quick ? 1 : 2;
    for (int i = 0; i < repeats; ++i) {
        const auto run = pavilion::bench::run_command({options.pack_tool, "build", options.pack_source, "-o", out.string(),
                                                       "--world-atlas", options.world_atlas});
        if (run.exit_code != 0) return {{"error", "pavilion-pack build failed (exit " + std::to_string(run.exit_code) + ")"}};
        seconds.push_back(run.wall_ms / 1000);
    }
    std::error_code ec;
    const double megabytes = static_cast<double>(fs::file_size(out, ec)) / (1 << 20);
    fs::remove(out, ec);
    return {{"source", options.pack_source}, {"seconds_p50", pavilion::core::quantile(seconds, 0.5)},
            {"pack_mb", megabytes}, {"threads", std::thread::hardware_concurrency()}};
}

int failed(const Error& error) {
    std::fprintf(stderr, "pavilion-bench: %s\n", error.message.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) return 2;
    const int repeats = options.quick ? 3 : 30;
    json result;
    result["machine"] = {{"cpu", cpu_model()}, {"cores", std::thread::hardware_concurrency()}};
    result["pack"] = options.pack;
    auto kiosk = measure_kiosk(options);
    if (!kiosk) return failed(kiosk.error());
    result["kiosk"] = std::move(*kiosk);
    result["pack_build"] = measure_pack_build(options);
    result["pack_open_ms"] = pavilion::bench::measure_pack_open(options.pack, repeats);
    result["search_ms"] = pavilion::bench::measure_search(options.pack, options.quick ? 1 : 20);
    auto install = pavilion::bench::measure_install(options.pack, options.work_dir, options.quick ? 1 : 5);
    if (!install) return failed(install.error());
    result["install"] = std::move(*install);
    std::printf("%s\n", result.dump(2).c_str());
    return 0;
}
