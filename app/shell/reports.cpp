#include "reports.hpp"

#include "pavilion/core/quantile.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::shell {

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

Json soak_report_json(const core::SoakReport& r) {
    Json actions = Json::object();
    for (int k = 0; k < core::MonkeyAction::kKinds; ++k)
        actions[std::string(core::monkey_action_name(static_cast<core::MonkeyAction::Kind>(k)))] =
            r.actions[static_cast<std::size_t>(k)];
    double pss_max = 0;
    for (const auto& sample : r.memory) pss_max = std::max(pss_max, sample.pss_mb);
    const auto& v = r.rss;
    Json json;
    json["seed"] = r.seed;
    json["frames"] = r.frames;
    json["simulated_minutes"] = rounded(static_cast<double>(r.simulated_ms) / 60000.0);
    json["wall_seconds"] = rounded(r.wall_s);
    json["size"] = r.size;
    json["packs"] = r.packs;
    json["actions"] = actions;
    json["screens"] = r.screens;
    json["reloads"] = r.reloads;
    json["still_there"] = r.still_there;
    json["idle_resets"] = r.idle_resets;
    json["memory_samples"] = r.memory.size();
    json["rss_mb"] = {{"warm_up", rounded(v.warm_up_mb)},
                      {"end", rounded(v.end_mb)},
                      {"max", rounded(v.max_mb)},
                      {"growth", rounded(v.growth_mb)},
                      {"tolerance", rounded(v.tolerance_mb)},
                      {"trend_per_10k_frames", rounded(v.trend_mb_per_10k_frames, 2)},
                      {"warm_up_frame", v.warm_up_frame}};
    json["pss_mb"] = {{"end", rounded(r.memory.empty() ? 0 : r.memory.back().pss_mb)}, {"max", rounded(pss_max)}};
    json["rss_flat"] = r.rss_judged ? Json(v.flat) : Json(nullptr);
    return json;
}

Json screen_figures_json(const ScreenFigures& f) {
    std::vector<double> total(f.build_ms.size());
    for (std::size_t i = 0; i < total.size(); ++i) total[i] = f.build_ms[i] + f.submit_ms[i];
    auto ms = [](const std::vector<double>& series, double p) { return rounded(core::quantile(series, p), 3); };
    return {{"build_p50_ms", ms(f.build_ms, 0.5)},  {"build_p99_ms", ms(f.build_ms, 0.99)},
            {"submit_p50_ms", ms(f.submit_ms, 0.5)}, {"submit_p99_ms", ms(f.submit_ms, 0.99)},
            {"frame_p50_ms", ms(total, 0.5)},        {"frame_p99_ms", ms(total, 0.99)},
            {"vertices", f.vertices},                {"draw_calls", f.draw_calls}};
}

} // namespace pavilion::shell
