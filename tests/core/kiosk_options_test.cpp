#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/ui_scale.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

TEST(KioskOptions, DefaultsToFullScreenDefaultPack) {
    const auto parsed = parse_kiosk_options({});
    EXPECT_TRUE(parsed.error.empty());
    EXPECT_TRUE(parsed.options.pack_path.empty());
    EXPECT_FALSE(parsed.options.windowed.has_value());
    EXPECT_TRUE(parsed.options.screenshot_path.empty());
}

TEST(KioskOptions, ReadsEveryOption) {
    const auto parsed = parse_kiosk_options({"--pack", "a.pack", "--lang", "zh", "--windowed",
                                             "800x480", "--screenshot", "out.png", "--size",
                                             "1080x1920", "--screen", "home"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    const auto& o = parsed.options;
    EXPECT_EQ(o.pack_path, "a.pack");
    EXPECT_EQ(o.language, "zh");
    ASSERT_TRUE(o.windowed.has_value());
    EXPECT_EQ(o.windowed->width, 800);
    EXPECT_EQ(o.windowed->height, 480);
    EXPECT_EQ(o.screenshot_path, "out.png");
    EXPECT_EQ(o.screenshot_size.width, 1080);
    EXPECT_EQ(o.screenshot_size.height, 1920);
    EXPECT_EQ(o.screen, "home");
}

TEST(KioskOptions, ReadsTheDeviceStateAndInboxes) {
    const auto parsed = parse_kiosk_options({"--state", "/var/lib/pavilion", "--inbox", "/srv/a", "--inbox", "/srv/b"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.options.state_dir, "/var/lib/pavilion");
    EXPECT_EQ(parsed.options.inboxes, (std::vector<std::string>{"/srv/a", "/srv/b"}));
    EXPECT_FALSE(parsed.options.set_pin);
    EXPECT_TRUE(parse_kiosk_options({"--state", "s", "--set-pin"}).options.set_pin);
    EXPECT_NE(parse_kiosk_options({"--inbox"}).error.find("--inbox needs a value"), std::string::npos);
}

TEST(KioskOptions, ReadsTheFontCacheDirectory) {
    EXPECT_EQ(parse_kiosk_options({}).options.cache_dir, ""); // the default: decided at start
    EXPECT_EQ(parse_kiosk_options({"--cache", "/tmp/c"}).options.cache_dir, "/tmp/c");
    EXPECT_EQ(parse_kiosk_options({"--cache", "none"}).options.cache_dir, "none");
    EXPECT_NE(parse_kiosk_options({"--cache", ""}).error.find("--cache wants a directory"), std::string::npos);
    EXPECT_NE(parse_kiosk_options({"--cache"}).error.find("--cache needs a value"), std::string::npos);
}

TEST(KioskOptions, BenchFramesHaveTheirOwnDefault) {
    EXPECT_EQ(parse_kiosk_options({"--bench"}).options.bench_frames, 300);
    const auto quick = parse_kiosk_options({"--bench", "--frames", "40"});
    ASSERT_TRUE(quick.error.empty()) << quick.error;
    EXPECT_EQ(quick.options.bench_frames, 40);
    EXPECT_EQ(parse_kiosk_options({"--monkey", "1", "--frames", "40"}).options.bench_frames, 300);
    EXPECT_TRUE(parse_kiosk_options({"--bench-floor"}).options.bench_floor);
    EXPECT_FALSE(parse_kiosk_options({"--bench"}).options.bench_floor);
}

TEST(KioskOptions, ReadsTheSoakMonkey) {
    const auto parsed = parse_kiosk_options({"--monkey", "4294967295", "--frames", "2500", "--reload-pack", "b.pack"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    ASSERT_TRUE(parsed.options.monkey_seed.has_value());
    EXPECT_EQ(*parsed.options.monkey_seed, 4294967295u);
    EXPECT_EQ(parsed.options.monkey_frames, 2500);
    EXPECT_EQ(parsed.options.reload_pack_path, "b.pack");
    EXPECT_EQ(parse_kiosk_options({"--monkey", "0"}).options.monkey_frames, 100000); // the documented soak
    EXPECT_FALSE(parse_kiosk_options({}).options.monkey_seed.has_value());

    EXPECT_EQ(parse_kiosk_options({"--monkey", "-1"}).error, "--monkey wants a seed from 0 to 4294967295, not '-1'");
    EXPECT_NE(parse_kiosk_options({"--monkey", "4294967296"}).error, "");
    EXPECT_EQ(parse_kiosk_options({"--monkey", "1", "--frames", "0"}).error,
              "--frames wants a count from 1 to 100000000, not '0'");
    EXPECT_NE(parse_kiosk_options({"--monkey", "1", "--frames", "12k"}).error, "");
    EXPECT_EQ(parse_kiosk_options({"--frames", "10"}).error, "--frames goes with --monkey SEED or --bench");
    EXPECT_EQ(parse_kiosk_options({"--reload-pack", "b.pack"}).error, "--reload-pack goes with --monkey SEED");
    EXPECT_EQ(parse_kiosk_options({"--bench", "--reload-pack", "b.pack"}).error, "--reload-pack goes with --monkey SEED");
}

TEST(KioskOptions, ReportsMistakesClearly) {
    EXPECT_NE(parse_kiosk_options({"--pack"}).error.find("--pack needs a value"), std::string::npos);
    EXPECT_NE(parse_kiosk_options({"--size", "big"}).error.find("WIDTHxHEIGHT"), std::string::npos);
    EXPECT_NE(parse_kiosk_options({"--bogus"}).error.find("unknown argument '--bogus'"), std::string::npos);
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
