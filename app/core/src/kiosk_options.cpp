#include "pavilion/core/kiosk_options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace pavilion::core {
namespace {

// A whole decimal number within [low, high], nothing else on the text.
std::optional<unsigned long long> parse_whole(const std::string& text, unsigned long long low, unsigned long long high) {
    unsigned long long number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || number < low || number > high) return std::nullopt;
    return number;
}

} // namespace

std::optional<PixelSize> parse_pixel_size(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    PixelSize size;
    const char* begin = text.data();
    const char* end = begin + text.size();
    auto w = std::from_chars(begin, begin + x, size.width);
    auto h = std::from_chars(begin + x + 1, end, size.height);
    if (w.ec != std::errc() || w.ptr != begin + x || h.ec != std::errc() || h.ptr != end)
        return std::nullopt;
    if (size.width < 1 || size.height < 1 || size.width > 16384 || size.height > 16384)
        return std::nullopt;
    return size;
}

namespace {

// The options that take the next argument as their value.
constexpr std::array<std::string_view, 15> kValuedOptions = {
    "--state", "--cache", "--inbox", "--pack", "--lang", "--screen", "--touch-device",
    "--touch-rotation", "--script", "--monkey", "--frames", "--reload-pack", "--screenshot",
    "--windowed", "--size"};

bool takes_value(const std::string& arg) {
    return std::find(kValuedOptions.begin(), kValuedOptions.end(), arg) != kValuedOptions.end();
}

Error invalid(std::string message) {
    return make_error(ErrorCode::invalid_argument, std::move(message));
}

// An option without a value; false when `arg` is not one.
bool apply_flag(const std::string& arg, KioskOptions& options) {
    if (arg == "--help" || arg == "-h") options.help = true;
    else if (arg == "--bench") options.bench = true;
    else if (arg == "--bench-floor") options.bench_floor = true;
    else if (arg == "--bench-operator") options.operator_bench = true;
    else if (arg == "--set-pin") options.set_pin = true;
    else return false;
    return true;
}

// An option of kValuedOptions with its value. --frames is only kept in `frames`: whether it
// counts for --monkey or --bench is known once every argument is read.
Status apply_value(const std::string& arg, const std::string& text, KioskOptions& options,
                   std::optional<long>& frames) {
    if (arg == "--state") {
        options.state_dir = text;
    } else if (arg == "--cache") {
        if (text.empty()) return invalid("--cache wants a directory or none");
        options.cache_dir = text;
    } else if (arg == "--inbox") {
        options.inboxes.push_back(text);
    } else if (arg == "--pack") {
        options.pack_path = text;
    } else if (arg == "--lang") {
        options.language = text;
    } else if (arg == "--screen") {
        options.screen = text;
    } else if (arg == "--touch-device") {
        options.touch_device = text;
    } else if (arg == "--touch-rotation") {
        if (text != "0" && text != "90" && text != "180" && text != "270")
            return invalid("--touch-rotation wants 0, 90, 180 or 270, not '" + text + "'");
        options.touch_rotation = std::stoi(text);
    } else if (arg == "--script") {
        options.script_path = text;
    } else if (arg == "--monkey") {
        const auto seed = parse_whole(text, 0, 0xffffffffull);
        if (!seed) return invalid("--monkey wants a seed from 0 to 4294967295, not '" + text + "'");
        options.monkey_seed = static_cast<std::uint32_t>(*seed);
    } else if (arg == "--frames") {
        const auto count = parse_whole(text, 1, 100000000);
        if (!count) return invalid("--frames wants a count from 1 to 100000000, not '" + text + "'");
        frames = static_cast<long>(*count);
    } else if (arg == "--reload-pack") {
        options.reload_pack_path = text;
    } else if (arg == "--screenshot") {
        options.screenshot_path = text;
    } else if (arg == "--windowed" || arg == "--size") {
        const auto size = parse_pixel_size(text);
        if (!size) return invalid(arg + " wants WIDTHxHEIGHT, like 1920x1080, not '" + text + "'");
        if (arg == "--windowed") options.windowed = size;
        else options.screenshot_size = *size;
    }
    return ok();
}

} // namespace

Expected<KioskOptions> parse_kiosk_options(const std::vector<std::string>& args) {
    KioskOptions options;
    std::optional<long> frames;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (apply_flag(arg, options)) continue;
        if (!takes_value(arg)) return invalid("unknown argument '" + arg + "'");
        if (i + 1 == args.size()) return invalid(arg + " needs a value");
        if (auto applied = apply_value(arg, args[++i], options, frames); !applied)
            return applied.error();
    }
    if (frames && !options.monkey_seed && !options.bench)
        return invalid("--frames goes with --monkey SEED or --bench");
    if (!options.monkey_seed && !options.reload_pack_path.empty())
        return invalid("--reload-pack goes with --monkey SEED");
    if (options.operator_bench && options.state_dir.empty())
        return invalid("--bench-operator needs --state DIR (a kiosk with an installed pack and a PIN)");
    if (frames && options.monkey_seed) options.monkey_frames = *frames;
    if (frames && options.bench) options.bench_frames = *frames;
    return options;
}

const char* kiosk_usage() {
    return "usage: pavilion [--pack PACK] [--lang CODE] [--windowed WxH] [--screen ROUTE]\n"
           "       pavilion [--pack PACK] [--lang CODE] --screenshot OUT.png [--size WxH] [--screen ROUTE]\n"
           "       pavilion [--pack PACK] [--lang CODE] --script FILE [--size WxH]\n"
           "       pavilion [--pack PACK] --bench [--frames N] [--size WxH]\n"
           "       pavilion [--pack PACK] [--lang CODE] --monkey SEED [--frames N] [--reload-pack PACK] [--size WxH]\n"
           "       pavilion --state DIR --bench-operator [--size WxH] < pin.txt\n"
           "\n"
           "Pavilion, the offline exhibition kiosk. Shows a content pack full screen.\n"
           "\n"
           "  --pack PACK        the content pack to show (default: the installed default pack)\n"
           "  --lang CODE        the language to start in (default: the pack's default)\n"
           "  --windowed WxH     a desktop window of that size instead of full screen\n"
           "  --screenshot FILE  render the first screen off-screen, write a PNG and exit\n"
           "  --size WxH         size of the screenshot (default 1920x1080)\n"
           "  --screen ROUTE     the screen to show first: attract, home, initiatives,\n"
           "                     initiative/ID, stories, story/ID, figures, map, sources\n"
           "  --bench            measure start-up and frame times per screen off-screen, print JSON\n"
           "  --frames N         --bench: frames measured per screen (default 300); --monkey: frames run\n"
           "  --bench-floor      time only a window, a GL context and one cleared frame, print JSON\n"
           "  --bench-operator   a scripted operator session off-screen (the PIN from standard input):\n"
           "                     the longest main-thread frame while the panel gathers its facts, JSON\n"
           "  --state DIR        the device's state: installed packs, keys/*.pub trusted to sign packs,\n"
           "                     the operator PIN, visitor statistics (a deployed kiosk: /var/lib/pavilion)\n"
           "  --cache DIR        keep built font atlases and read catalogs in DIR, so a start skips\n"
           "                     rasterizing fonts and reading tables (default: STATE/cache with\n"
           "                     --state, else ~/.cache/pavilion); none: keep none\n"
           "  --inbox DIR        also watch DIR for signed packs to install (repeatable); sticks are\n"
           "                     watched anyway, in their PAVILION/ folder\n"
           "  --set-pin          read a new operator PIN (4-8 digits) from standard input into --state\n"
           "  --touch-device DEV the multi-touch device (default: found in /dev/input; none: pointer only)\n"
           "  --touch-rotation R the touch panel's rotation relative to the screen: 0, 90, 180, 270\n"
           "  --script FILE      replay touches from FILE off-screen (tap X Y, drag X1 Y1 X2 Y2 MS,\n"
           "                     pinch CX CY SCALE MS, wait MS, shot NAME.png) with scripted time\n";
}

} // namespace pavilion::core
