#include "startup.hpp"

#include "bench_floor.hpp"
#include "content_loader.hpp"
#include "graphics.hpp"
#include "run_modes.hpp"
#include "shell.hpp"

#include "pavilion/content/pack_store.hpp"
#include "pavilion/content/pin_lock.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/process_memory.hpp"
#include "pavilion/platform/window.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>

#ifndef PAVILION_DATA_DIR
#define PAVILION_DATA_DIR "/usr/share/pavilion"
#endif

namespace pavilion::shell {
namespace {

} // namespace

content::PackIdentity built_in_pack() { return {PAVILION_BUILT_IN_PACK_ID, PAVILION_BUILT_IN_PACK_VERSION}; }

std::string default_pack_path() {
    const auto beside = platform::executable_dir() + "/packs/default.pack";
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) return beside;
    return std::string(PAVILION_DATA_DIR) + "/packs/default.pack";
}

namespace {

bool off_screen(const core::KioskOptions& options) {
    return !options.screenshot_path.empty() || !options.script_path.empty() || options.bench ||
           options.monkey_seed.has_value() || options.operator_bench;
}

platform::WindowConfig window_config_for(const core::KioskOptions& options) {
    platform::WindowConfig config;
    config.title = "Pavilion";
    if (off_screen(options)) {
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
core::Expected<core::PixelSize> planned_frame_size(const core::KioskOptions& options,
                                                   const platform::WindowConfig& config) {
    if (config.mode == platform::WindowMode::hidden) return options.screenshot_size;
    return platform::Window::planned_size(config);
}

// The pack to show: --pack if given, else the one installed in the state directory, else the
// built-in default. A damaged installation is reported and the built-in pack shown.
std::string pack_to_show(const core::KioskOptions& options) {
    if (!options.pack_path.empty()) return options.pack_path;
    if (!options.state_dir.empty()) {
        auto store = content::PackStore::open(options.state_dir);
        auto active = store ? store->active() : core::Expected<std::optional<content::InstalledPack>>(store.error());
        if (!active) std::fprintf(stderr, "pavilion: %s; showing the built-in pack\n", active.error().message.c_str());
        else if (*active) return (*active)->path;
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

// The screen the first frame shows: --screen, Home for the benchmark, else the attract loop.
core::Route first_route(const core::KioskOptions& options) {
    if (options.bench || options.operator_bench) return {core::Route::Screen::home, {}};
    if (options.screen.empty()) return {core::Route::Screen::attract, {}};
    return *core::Route::parse(options.screen);
}

int run_mode(Shell& shell, const core::KioskOptions& options, const StartTimes& times) {
    if (options.bench) return run_bench(shell, options, times);
    if (options.operator_bench) return run_operator_bench(shell, options);
    if (options.monkey_seed) return run_monkey(shell, options);
    if (!options.script_path.empty()) return run_script(shell, options);
    if (!options.screenshot_path.empty()) return run_screenshot(shell, options);
    return run_live(shell, options);
}

} // namespace

int fail(const std::string& message) {
    std::fprintf(stderr, "pavilion: %s\n", message.c_str());
    return 1;
}

int run_kiosk(const core::KioskOptions& options) {
    if (options.set_pin) return set_pin(options);
    if (options.bench_floor) return run_bench_floor(options);
    if (!options.screen.empty() && !core::Route::parse(options.screen))
        return fail("unknown screen '" + options.screen + "' (attract, home, initiatives, initiative/ID, stories, "
                    "story/ID, figures, map, sources)");
    const auto window_config = window_config_for(options);
    const auto size = planned_frame_size(options, window_config);
    if (!size) return fail(size.error().message);

    // The two slow halves of start-up run at once: content on a worker, GL here.
    StartTimes times;
    ContentRequest request;
    request.pack_path = pack_to_show(options);
    request.font_scale = core::ui_scale_for(size->width, size->height);
    request.cache_dir = cache_directory(options);
    request.state_dir = options.state_dir;
    request.built_in = built_in_pack();
    request.first_route = first_route(options);
    request.locale = options.language;
    auto loading = std::async(std::launch::async, [&] {
        auto loaded = load_content(request);
        times.content_ready = platform::process_age_ms();
        return loaded;
    });
    auto graphics = Graphics::start(window_config);
    times.graphics_ready = platform::process_age_ms();
    auto loaded = loading.get(); // also joins the worker before an early return
    if (!graphics) return fail(graphics.error().message);
    if (!loaded && request.pack_path != default_pack_path() && options.pack_path.empty()) {
        // An installed pack that no longer opens: never a dead kiosk, show the built-in one.
        std::fprintf(stderr, "pavilion: %s; showing the built-in pack\n", loaded.error().message.c_str());
        request.pack_path = default_pack_path();
        request.first_route.reset();
        loaded = load_content(request);
    }
    if (!loaded) return fail(loaded.error().message);
    times.content = loaded->timings;

    const auto& catalog = loaded->pack->catalog();
    std::fprintf(stderr, "pack: %s, %zu stories, %s\n", loaded->pack->path().c_str(), catalog.stories.size(),
                 loaded->timings.catalog_cached ? "catalog from the catalog cache" : "catalog read from the pack");
    const auto& locales = catalog.meta.locales;
    if (!options.language.empty() && std::none_of(locales.begin(), locales.end(), [&](const content::Locale& l) {
            return l.code == options.language;
        }))
        return fail("the pack has no language '" + options.language + "'");

    ShellOptions shell_options;
    shell_options.kiosk = options;
    shell_options.interactive = !off_screen(options);
    // Scripts, screenshots and the soak run see every frame complete; the benchmark measures the
    // frames as a visitor gets them.
    shell_options.complete_frames = off_screen(options) && !options.bench && !options.operator_bench;
    auto shell = Shell::start(std::move(loaded).value(), std::move(graphics).value(), shell_options, *size);
    if (!shell) return fail(shell.error().message);
    return run_mode(**shell, options, times);
}

} // namespace pavilion::shell
