#pragma once
// The kiosk's command line, parsed without side effects so it can be tested.

#include "pavilion/core/expected.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::core {

struct PixelSize {
    int width = 0;
    int height = 0;
};

struct KioskOptions {
    std::string pack_path;                // "" = the default pack installed with the kiosk
    std::string language;                 // "" = the pack's default locale
    std::optional<PixelSize> windowed;    // a desktop window instead of full screen
    std::string screenshot_path;          // render one frame off-screen, write a PNG, exit
    PixelSize screenshot_size{1920, 1080};
    std::string screen;                   // route to show first, e.g. "home"
    std::string script_path;              // replay input from a script, off-screen, then exit
    std::string touch_device;             // "" = find the touchscreen; "none" = pointer only
    int touch_rotation = 0;               // 0, 90, 180 or 270: how the panel is turned
    bool bench = false;                   // measure frame times per screen, print JSON, exit
    long bench_frames = 300;              // frames measured per screen (after a warm-up)
    bool bench_floor = false;             // time a bare window, GL context and cleared frame, exit
    bool operator_bench = false;          // a scripted operator session's longest frame, JSON, exit
    std::string state_dir;                // installed packs, trusted keys, PIN, statistics ("" = none)
    // Built font atlases: "" = STATE/cache with --state, else the user's cache directory;
    // "none" = build them at every start.
    std::string cache_dir;
    std::vector<std::string> inboxes;     // folders watched for new packs, besides sticks
    bool set_pin = false;                 // read a new operator PIN from stdin into state_dir, exit
    std::optional<std::uint32_t> monkey_seed; // the soak monkey: random touches off-screen, JSON, exit
    long monkey_frames = 100000;          // how many frames the monkey runs
    std::string reload_pack_path;         // the monkey's other pack ("" = reload the same one)
    bool help = false;
};

// The options, or ErrorCode::invalid_argument with one line for the user ("--frames wants a
// count from 1 to 100000000, not '0'"). --help is an option like any other (options.help).
Expected<KioskOptions> parse_kiosk_options(const std::vector<std::string>& args);

// "1920x1080" -> size; nullopt unless both sides are 1..16384.
std::optional<PixelSize> parse_pixel_size(const std::string& text);

const char* kiosk_usage();

} // namespace pavilion::core
