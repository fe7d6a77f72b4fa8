#include "pavilion/core/soak_report.hpp"

#include <algorithm>
#include <cstdio>

namespace pavilion::core {
namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string number(double value, int decimals = 1) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Slope of rss over frames (least squares), per 10,000 frames.
double trend_per_10k(const std::vector<MemorySample>& samples) {
    if (samples.size() < 2) return 0;
    double mean_x = 0, mean_y = 0;
    for (const auto& s : samples) mean_x += static_cast<double>(s.frame), mean_y += s.rss_mb;
    mean_x /= static_cast<double>(samples.size());
    mean_y /= static_cast<double>(samples.size());
    double sxy = 0, sxx = 0;
    for (const auto& s : samples) {
        const double dx = static_cast<double>(s.frame) - mean_x;
        sxy += dx * (s.rss_mb - mean_y);
        sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx * 10000 : 0;
}

} // namespace

RssVerdict judge_rss(const std::vector<MemorySample>& samples, long warm_up_frame, double tolerance_mb) {
    RssVerdict verdict;
    verdict.tolerance_mb = tolerance_mb;
    for (const auto& s : samples) verdict.max_mb = std::max(verdict.max_mb, s.rss_mb);
    const auto warm = std::find_if(samples.begin(), samples.end(),
                                   [&](const MemorySample& s) { return s.frame >= warm_up_frame; });
    if (warm == samples.end() || warm + 1 == samples.end()) {
        verdict.problem = "too few memory samples after warm-up (frame " + std::to_string(warm_up_frame) +
                          ") to judge RSS";
        return verdict;
    }
    const std::vector<MemorySample> after(warm, samples.end());
    const auto window = static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, after.size() / 10));
    auto median_rss = [](auto begin, auto end) {
        std::vector<double> rss;
        for (auto it = begin; it != end; ++it) rss.push_back(it->rss_mb);
        return median(rss);
    };
    verdict.warm_up_frame = warm->frame;
    verdict.warm_up_mb = median_rss(after.begin(), after.begin() + window);
    verdict.end_mb = median_rss(after.end() - window, after.end());
    verdict.growth_mb = verdict.end_mb - verdict.warm_up_mb;
    verdict.trend_mb_per_10k_frames = trend_per_10k(after);
    verdict.flat = verdict.growth_mb <= tolerance_mb;
    if (!verdict.flat)
        verdict.problem = "RSS grew " + number(verdict.growth_mb) + " MB after warm-up (median " +
                          number(verdict.warm_up_mb) + " MB from frame " + std::to_string(verdict.warm_up_frame) +
                          ", " + number(verdict.end_mb) + " MB at the end; allowed " + number(tolerance_mb) + " MB)";
    return verdict;
}

std::string soak_report_json(const SoakReport& r) {
    std::string out = "{\n";
    auto field = [&](const std::string& name, const std::string& value, bool last = false) {
        out += "  " + quoted(name) + ": " + value + (last ? "\n" : ",\n");
    };
    field("seed", std::to_string(r.seed));
    field("frames", std::to_string(r.frames));
    field("simulated_minutes", number(static_cast<double>(r.simulated_ms) / 60000.0));
    field("wall_seconds", number(r.wall_s));
    field("size", quoted(r.size));
    std::string packs = "[";
    for (std::size_t i = 0; i < r.packs.size(); ++i) packs += (i ? ", " : "") + quoted(r.packs[i]);
    field("packs", packs + "]");
    std::string actions = "{";
    for (int k = 0; k < MonkeyAction::kKinds; ++k)
        actions += (k ? ", " : "") + quoted(std::string(monkey_action_name(static_cast<MonkeyAction::Kind>(k)))) + ": " +
                   std::to_string(r.actions[static_cast<std::size_t>(k)]);
    field("actions", actions + "}");
    std::string screens = "{";
    for (const auto& [kind, count] : r.screens)
        screens += (screens.size() > 1 ? ", " : "") + quoted(kind) + ": " + std::to_string(count);
    field("screens", screens + "}");
    field("reloads", std::to_string(r.reloads));
    field("still_there", std::to_string(r.still_there));
    field("idle_resets", std::to_string(r.idle_resets));
    double pss_max = 0;
    for (const auto& s : r.memory) pss_max = std::max(pss_max, s.pss_mb);
    const auto& v = r.rss;
    field("memory_samples", std::to_string(r.memory.size()));
    field("rss_mb", "{\"warm_up\": " + number(v.warm_up_mb) + ", \"end\": " + number(v.end_mb) + ", \"max\": " +
                        number(v.max_mb) + ", \"growth\": " + number(v.growth_mb) + ", \"tolerance\": " +
                        number(v.tolerance_mb) + ", \"trend_per_10k_frames\": " + number(v.trend_mb_per_10k_frames, 2) +
                        ", \"warm_up_frame\": " + std::to_string(v.warm_up_frame) + "}");
    field("pss_mb", "{\"end\": " + number(r.memory.empty() ? 0 : r.memory.back().pss_mb) + ", \"max\": " +
                        number(pss_max) + "}");
    field("rss_flat", !r.rss_judged ? "null" : v.flat ? "true" : "false", true);
    return out + "}\n";
}

} // namespace pavilion::core
