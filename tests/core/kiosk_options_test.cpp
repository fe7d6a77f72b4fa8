#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/ui_scale.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

// The options of a command line that must be accepted.
KioskOptions options_of(const std::vector<std::string>& args) {
    auto parsed = parse_kiosk_options(args);
    EXPECT_TRUE(parsed) << parsed.error().message;
    return parsed ? std::move(parsed).value() : KioskOptions{};
}

// The message of a command line that must be refused, as invalid_argument.
std::string error_of(const std::vector<std::string>& args) {
    const auto parsed = parse_kiosk_options(args);
    if (parsed) return "(accepted)";
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_argument) << parsed.error().message;
    return parsed.error().message;
}

TEST(KioskOptions, DefaultsToFullScreenDefaultPack) {
    const auto o = options_of({});
    EXPECT_TRUE(o.pack_path.empty());
    EXPECT_FALSE(o.windowed.has_value());
    EXPECT_TRUE(o.screenshot_path.empty());
    EXPECT_FALSE(o.help);
}

TEST(KioskOptions, ReadsEveryOption) {
    const auto o = options_of({"--pack", "a.pack", "--lang", "zh", "--windowed", "800x480",
                               "--screenshot", "out.png", "--size", "1080x1920", "--screen", "home",
                               "--touch-device", "none", "--touch-rotation", "270", "--script",
                               "demo.txt"});
    EXPECT_EQ(o.pack_path, "a.pack");
    EXPECT_EQ(o.language, "zh");
    ASSERT_TRUE(o.windowed.has_value());
    EXPECT_EQ(o.windowed->width, 800);
    EXPECT_EQ(o.windowed->height, 480);
    EXPECT_EQ(o.screenshot_path, "out.png");
    EXPECT_EQ(o.screenshot_size.width, 1080);
    EXPECT_EQ(o.screenshot_size.height, 1920);
    EXPECT_EQ(o.screen, "home");
    EXPECT_EQ(o.touch_device, "none");
    EXPECT_EQ(o.touch_rotation, 270);
    EXPECT_EQ(o.script_path, "demo.txt");
}

TEST(KioskOptions, HelpIsAnOptionNotAnError) {
    EXPECT_TRUE(options_of({"--help"}).help);
    EXPECT_TRUE(options_of({"--pack", "a.pack", "-h"}).help);
    EXPECT_EQ(error_of({"--help", "--bogus"}), "unknown argument '--bogus'");
}

TEST(KioskOptions, ReadsTheDeviceStateAndInboxes) {
    const auto o = options_of({"--state", "/var/lib/pavilion", "--inbox", "/srv/a", "--inbox", "/srv/b"});
    EXPECT_EQ(o.state_dir, "/var/lib/pavilion");
    EXPECT_EQ(o.inboxes, (std::vector<std::string>{"/srv/a", "/srv/b"}));
    EXPECT_FALSE(o.set_pin);
    EXPECT_TRUE(options_of({"--state", "s", "--set-pin"}).set_pin);
    EXPECT_EQ(error_of({"--inbox"}), "--inbox needs a value");
}

TEST(KioskOptions, TheOperatorBenchNeedsADevice) {
    EXPECT_TRUE(options_of({"--state", "s", "--bench-operator"}).operator_bench);
    EXPECT_FALSE(options_of({"--state", "s"}).operator_bench);
    EXPECT_EQ(error_of({"--bench-operator"}), "--bench-operator needs --state DIR (a kiosk with an installed pack and a PIN)");
}

TEST(KioskOptions, ReadsTheFontCacheDirectory) {
    EXPECT_EQ(options_of({}).cache_dir, ""); // the default: decided at start
    EXPECT_EQ(options_of({"--cache", "/tmp/c"}).cache_dir, "/tmp/c");
    EXPECT_EQ(options_of({"--cache", "none"}).cache_dir, "none");
    EXPECT_EQ(error_of({"--cache", ""}), "--cache wants a directory or none");
    EXPECT_EQ(error_of({"--cache"}), "--cache needs a value");
}

TEST(KioskOptions, BenchFramesHaveTheirOwnDefault) {
    EXPECT_EQ(options_of({"--bench"}).bench_frames, 300);
    const auto quick = options_of({"--bench", "--frames", "40"});
    EXPECT_EQ(quick.bench_frames, 40);
    EXPECT_EQ(quick.monkey_frames, 100000);
    EXPECT_EQ(options_of({"--monkey", "1", "--frames", "40"}).bench_frames, 300);
    EXPECT_TRUE(options_of({"--bench-floor"}).bench_floor);
    EXPECT_FALSE(options_of({"--bench"}).bench_floor);
}

TEST(KioskOptions, ReadsTheSoakMonkey) {
    const auto o = options_of({"--monkey", "4294967295", "--frames", "2500", "--reload-pack", "b.pack"});
    ASSERT_TRUE(o.monkey_seed.has_value());
    EXPECT_EQ(*o.monkey_seed, 4294967295u);
    EXPECT_EQ(o.monkey_frames, 2500);
    EXPECT_EQ(o.bench_frames, 300);
    EXPECT_EQ(o.reload_pack_path, "b.pack");
    EXPECT_EQ(options_of({"--monkey", "0"}).monkey_frames, 100000); // the documented soak
    EXPECT_FALSE(options_of({}).monkey_seed.has_value());

    EXPECT_EQ(error_of({"--monkey", "-1"}), "--monkey wants a seed from 0 to 4294967295, not '-1'");
    EXPECT_EQ(error_of({"--monkey", "4294967296"}),
              "--monkey wants a seed from 0 to 4294967295, not '4294967296'");
    EXPECT_EQ(error_of({"--monkey", "1", "--frames", "0"}),
              "--frames wants a count from 1 to 100000000, not '0'");
    EXPECT_EQ(error_of({"--monkey", "1", "--frames", "12k"}),
              "--frames wants a count from 1 to 100000000, not '12k'");
    EXPECT_EQ(error_of({"--frames", "10"}), "--frames goes with --monkey SEED or --bench");
    EXPECT_EQ(error_of({"--reload-pack", "b.pack"}), "--reload-pack goes with --monkey SEED");
    EXPECT_EQ(error_of({"--bench", "--reload-pack", "b.pack"}), "--reload-pack goes with --monkey SEED");
}

TEST(KioskOptions, ReportsMistakesClearly) {
    EXPECT_EQ(error_of({"--pack"}), "--pack needs a value");
    EXPECT_EQ(error_of({"--size", "big"}), "--size wants WIDTHxHEIGHT, like 1920x1080, not 'big'");
    EXPECT_EQ(error_of({"--windowed", "0x480"}), "--windowed wants WIDTHxHEIGHT, like 1920x1080, not '0x480'");
    EXPECT_EQ(error_of({"--bogus"}), "unknown argument '--bogus'");
    EXPECT_EQ(error_of({"--touch-rotation", "45"}), "--touch-rotation wants 0, 90, 180 or 270, not '45'");
    // The first mistake is the one reported; a value is never read as an option.
    EXPECT_EQ(error_of({"--lang", "--bogus", "--pack"}), "--pack needs a value");
    EXPECT_EQ(error_of({"--size", "big", "--bogus"}), "--size wants WIDTHxHEIGHT, like 1920x1080, not 'big'");
}

TEST(KioskOptions, PixelSizesMustBeSane) {
    EXPECT_TRUE(parse_pixel_size("3840x2160").has_value());
    EXPECT_FALSE(parse_pixel_size("0x100").has_value());
    EXPECT_FALSE(parse_pixel_size("100x").has_value());
    EXPECT_FALSE(parse_pixel_size("100x100x3").has_value());
    EXPECT_FALSE(parse_pixel_size("99999x10").has_value());
}

TEST(UiScale, FollowsTheShortSideWithinLimits) {
    EXPECT_FLOAT_EQ(ui_scale_for(1920, 1080), 1.0f);
    EXPECT_FLOAT_EQ(ui_scale_for(1080, 1920), 1.0f); // portrait: same design scale
    EXPECT_FLOAT_EQ(ui_scale_for(3840, 2160), 2.0f);
    EXPECT_FLOAT_EQ(ui_scale_for(800, 480), 0.5f);   // clamped: text stays readable
    EXPECT_FLOAT_EQ(ui_scale_for(10000, 8000), 3.0f);
}

} // namespace
} // namespace pavilion::core
