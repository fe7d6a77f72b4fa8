#include "kiosk_app.hpp"

#include "bench_floor.hpp"
#include "content_loader.hpp"
#include "graphics.hpp"
#include "kiosk.hpp"
#include "pavilion/content/pack_store.hpp"
#include "pavilion/content/pin_lock.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/window.hpp"

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <future>
#include <iostream>

#ifndef PAVILION_DATA_DIR
#define PAVILION_DATA_DIR "/usr/share/pavilion"
#endif

namespace pavilion::shell {
namespace {

std::string default_pack_path() {
    const auto beside = platform::executable_dir() + "/packs/default.pack";
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) return beside;
    return std::string(PAVILION_DATA_DIR) + "/packs/default.pack";
}

platform::WindowConfig window_config_for(const core::KioskOptions& options) {
    platform::WindowConfig config;
    config.title = "Pavilion";
    const bool off_screen = !options.screenshot_path.empty() || !options.script_path.empty() || options.bench ||
                            options.monkey_seed.has_value();
    if (off_screen) {
        // Off-screen modes draw into a framebuffer of options.screenshot_size; the window only
        // carries the context.
        config.mode = platform::WindowMode::hidden;
        config.width = config.height = 64;
    } else if (options.windowed) {
        config.mode = platform::WindowMode::windowed;
        config.width = options.windowed->width;
        config.height = options.windowed->height;
    }
    return config;
}

// The size the first frame is drawn at, which decides the font size.
bool planned_frame_size(const core::KioskOptions& options, const platform::WindowConfig& config, int& width,
                        int& height, std::string& error) {
    if (config.mode == platform::WindowMode::hidden) {
        width = options.screenshot_size.width;
        height = options.screenshot_size.height;
        return true;
    }
    return platform::Window::planned_size(config, width, height, error);
}

std::string check_options_against(const content::Catalog& catalog, const std::string& locale) {
    const auto& locales = catalog.meta.locales;
    const bool known = std::any_of(locales.begin(), locales.end(), [&](const content::Locale& l) { return l.code == locale; });
    return known ? "" : "the pack has no language '" + locale + "'";
}

// The pack to show: --pack if given, else the one installed in the state directory, else the
// built-in default. A damaged installation is reported and the built-in pack shown.
std::string pack_to_show(const core::KioskOptions& options) {
    if (!options.pack_path.empty()) return options.pack_path;
    if (!options.state_dir.empty()) {
        auto store = content::PackStore::open(options.state_dir);
        if (!store) {
            std::fprintf(stderr, "pavilion: %s; showing the built-in pack\n", store.error().message.c_str());
        } else if (auto active = store->active(); !active) {
            std::fprintf(stderr, "pavilion: %s; showing the built-in pack\n", active.error().message.c_str());
        } else if (*active) {
            return (*active)->path;
        }
    }
    return default_pack_path();
}

// pavilion --state DIR --set-pin: the provisioning script pipes the PIN in.
int set_pin(const core::KioskOptions& options) {
    if (options.state_dir.empty()) return fail("--set-pin needs --state DIR");
    std::string pin;
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (!content::PinLock::is_valid_pin(pin)) return fail("a PIN is 4 to 8 digits");
    auto lock = content::PinLock::open(options.state_dir);
    if (!lock) return fail(lock.error().message);
    if (auto set = lock->set_pin(pin); !set) return fail(set.error().message);
    std::fprintf(stderr, "pavilion: operator PIN set in %s\n", options.state_dir.c_str());
    return 0;
}

} // namespace

int run_kiosk(const core::KioskOptions& options) {
    if (options.set_pin) return set_pin(options);
    if (options.bench_floor) return run_bench_floor(options);
    if (!options.screen.empty() && !core::Route::parse(options.screen))
        return fail("unknown screen '" + options.screen + "' (attract, home, initiatives, initiative/ID, stories, "
                    "story/ID, figures, map, sources)");
    auto path = pack_to_show(options);
    const auto window_config = window_config_for(options);
    std::string error;
    int width = 0, height = 0;
    if (!planned_frame_size(options, window_config, width, height, error)) return fail(error);

    // The screen the first frame shows (off-screen modes and --screen choose; live: attract).
    const std::string first_route = options.bench ? "home" : options.screen.empty() ? "attract" : options.screen;
    // The two slow halves of start-up run at once: content on a worker, GL here.
    Kiosk::StartTimes times;
    ContentRequest request;
    request.pack_path = path;
    request.font_scale = core::ui_scale_for(width, height);
    request.cache_dir = cache_directory(options);
    request.first_route = first_route;
    request.locale = options.language;
    auto loading = std::async(std::launch::async, [&] {
        auto loaded = load_content(request);
        times.content_ready = process_age_ms();
        return loaded;
    });
    auto graphics = Graphics::start(window_config, error);
    times.graphics_ready = process_age_ms();
    auto loaded = loading.get(); // also joins the worker before an early return
    times.content = loaded.timings;
    if (!graphics) return fail(error);
    if (!loaded.error.empty() && path != default_pack_path() && options.pack_path.empty()) {
        // An installed pack that no longer opens: never a dead kiosk, show the built-in one.
        std::fprintf(stderr, "pavilion: %s; showing the built-in pack\n", loaded.error.c_str());
        request.pack_path = default_pack_path();
        request.first_route.clear();
        loaded = load_content(request);
    }
    if (!loaded.error.empty()) return fail(loaded.error);

    const auto& meta = loaded.pack->catalog().meta;
    std::fprintf(stderr, "pack: %s, %zu stories, %s\n", loaded.pack->path().c_str(),
                 loaded.pack->catalog().stories.size(),
                 loaded.timings.catalog_cached ? "catalog from the catalog cache" : "catalog read from the pack");
    const std::string locale = options.language.empty() ? meta.default_locale : options.language;
    if (auto problem = check_options_against(loaded.pack->catalog(), locale); !problem.empty()) return fail(problem);
    Kiosk kiosk(std::move(loaded), std::move(graphics), options);
    kiosk.set_start_times(times);
    return kiosk.run(locale);
}

} // namespace pavilion::shell
