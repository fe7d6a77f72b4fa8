#pragma once
// The JSON the off-screen run modes print for scripts and for pavilion-bench: the soak run's
// report and the benchmark's figures. Keys keep the order they are written in (ordered_json),
// so a person reading the output finds the headline figures first.

#include "pavilion/core/soak_report.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pavilion::shell {

using Json = nlohmann::ordered_json;

// Milliseconds and megabytes are reported to a tenth (and frame times to a thousandth):
// finer digits are noise on a shared machine.
double rounded(double value, int decimals = 1);

Json soak_report_json(const core::SoakReport& report);

// p50 and p99 of each series a screen's frames were measured in.
struct ScreenFigures {
    std::string route;
    std::vector<double> build_ms, submit_ms;
    int vertices = 0, draw_calls = 0; // of the last frame: what the screen asks the GPU to draw
};
Json screen_figures_json(const ScreenFigures& figures);

} // namespace pavilion::shell
