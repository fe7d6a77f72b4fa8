#include "bench_inputs.hpp"

#include "../support/typesetter_fixture.hpp"

#include "pavilion/core/input_script.hpp"
#include "pavilion/core/ui_scale.hpp"

#include <fstream>
#include <iterator>

namespace pavilion::bench {
namespace {

bool read_whole_file(const std::string& path, std::vector<std::uint8_t>& bytes) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    return !file.bad();
}

// The kiosk's script syntax (input_script.hpp) keeps the trace readable and reviewable; the
// parser turns each command into the timestamped events a touchscreen would deliver.
constexpr const char* kVisitorScript = R"(# Home: a door.
tap 1200 540
wait 900
# The story list: a quick fling up, a catch, a slower fling back down.
drag 960 900 960 300 180
wait 250
drag 960 400 960 800 300
wait 600
# A story: a finger resting while reading (a long press), then swipes to the next and back.
drag 1400 600 1400 600 800
drag 1600 500 500 520 220
drag 500 520 1500 500 250
# The map: a double tap, pinching in and out, a slow pan, a tap on a place.
tap 900 500
wait 120
tap 902 503
pinch 960 540 2.5 700
pinch 960 540 0.5 500
drag 700 600 1300 400 1500
tap 1000 450
)";

} // namespace

FontContext::~FontContext() {
    if (context_) ImGui::DestroyContext(context_);
}

core::Status FontContext::build(const content::Catalog& catalog) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().IniFilename = nullptr; // a benchmark must not leave imgui.ini behind
    unsigned char* pixels = nullptr; // ImGui starts no frame without a built atlas of its own
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->AddFontDefault();
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    theme_.scale = core::ui_scale_for(kScreenWidth, kScreenHeight);
    auto built = testing::make_typesetter(catalog, theme_.scale);
    if (!built) return built.error();
    typesetter_ = std::move(*built);
    fonts_ = screens::fonts_of(*typesetter_);
    return core::ok();
}

std::vector<core::PointerEvent> visitor_trace() {
    const auto parsed = core::parse_input_script(kVisitorScript, "visitor trace");
    std::vector<core::PointerEvent> events;
    if (!parsed) return events; // the caller reports an empty trace
    for (const auto& step : parsed->steps)
        if (step.kind == core::ScriptStep::Kind::pointer) events.push_back(step.event);
    return events;
}

core::Expected<std::unique_ptr<BenchInputs>> load_bench_inputs(const std::string& pack_path) {
    auto opened = content::PackReader::open(pack_path);
    if (!opened) {
        return opened.error();
    }
    auto inputs = std::make_unique<BenchInputs>(std::move(opened).value());
    inputs->pack_path = pack_path;
    if (!read_whole_file(pack_path, inputs->pack_bytes)) {
        return core::make_error(core::ErrorCode::unavailable, pack_path + ": cannot be read");
    }
    auto base_map = inputs->pack.base_map();
    if (!base_map || base_map->levels.size() < 2) {
        return core::make_error(core::ErrorCode::unavailable, pack_path + ": " + (base_map ? "the base map needs two levels" : base_map.error().message));
    }
    inputs->base_map = std::move(base_map).value();

    inputs->story = inputs->pack.catalog().find_item(kStoryRef);
    if (!inputs->story || inputs->story->image.empty()) {
        return core::make_error(core::ErrorCode::unavailable, pack_path + ": no " + kStoryRef + " with a picture (the benchmarks read the default pack)");
    }
    for (const char* locale : {"en", "zh"}) {
        if (!inputs->story->text.count(locale)) {
            return core::make_error(core::ErrorCode::unavailable, pack_path + ": " + kStoryRef + " has no '" + locale + "' text");
        }
    }
    auto hero = inputs->pack.image_bytes(inputs->story->image, content::ImageVariant::full);
    auto thumbnail = inputs->pack.image_bytes(inputs->story->image, content::ImageVariant::thumbnail);
    if (!hero || !thumbnail) {
        return hero ? thumbnail.error() : hero.error();
    }
    inputs->hero_bytes = std::move(hero).value();
    inputs->thumbnail_bytes = std::move(thumbnail).value();

    inputs->visitor_trace = visitor_trace();
    if (inputs->visitor_trace.empty()) {
        return core::make_error(core::ErrorCode::unavailable, "the visitor trace does not parse");
    }
    if (auto built = inputs->fonts.build(inputs->pack.catalog()); !built) return built.error();
    return inputs;
}

} // namespace pavilion::bench
