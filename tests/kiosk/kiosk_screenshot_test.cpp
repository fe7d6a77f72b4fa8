// Runs the real pavilion executable. The test command runs the suite under xvfb-run, so an X
// server with Mesa's software OpenGL ES is there, exactly as in CI.

#include "screenshot_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace pavilion {
namespace {

using testing::bright_pixels;
using testing::run_command;
using testing::Screenshot;
using testing::TempDir;

const std::string kKiosk = PAVILION_KIOSK;
const std::string kMiniPack = [] {
    static TempDir dir;
    const auto path = dir / "mini.pack";
    const auto built = run_command({PAVILION_PACK_TOOL, "build",
                                    std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", "-o", path});
    if (built.exit_code != 0) throw std::runtime_error(built.output);
    return path;
}();

Screenshot take(const std::vector<std::string>& extra, const std::string& size) {
    return testing::take_screenshot(extra, size);
}

TEST(KioskScreenshot, LandscapeHomeShowsTheTitleAsText) {
    const auto shot = take({"--pack", kMiniPack}, "1280x720");
    ASSERT_EQ(shot.pixels.width, 1280);
    ASSERT_EQ(shot.pixels.height, 720);
    // The title sits top-left below the 112 dp bar (0.67 px/dp); text makes many bright pixels.
    EXPECT_GT(bright_pixels(shot.pixels, 30, 78, 600, 140), 800);
    // The gap between the title block and the tiles is empty background.
    EXPECT_EQ(bright_pixels(shot.pixels, 700, 150, 1280, 175), 0);
    // The current language's pill (gold) is drawn at the top right.
    EXPECT_GT(bright_pixels(shot.pixels, 1000, 10, 1270, 70), 200);
    EXPECT_NE(shot.log.find("screen=home lang=en"), std::string::npos) << shot.log;
}

TEST(KioskScreenshot, PortraitChineseHomeShowsTheTitleAsText) {
    const auto shot = take({"--pack", kMiniPack, "--lang", "zh"}, "720x1280");
    ASSERT_EQ(shot.pixels.width, 720);
    // In portrait the title comes below the bar, a little lower than in landscape.
    EXPECT_GT(bright_pixels(shot.pixels, 30, 85, 500, 160), 800);
    EXPECT_NE(shot.log.find("screen=home lang=zh"), std::string::npos) << shot.log;
}

TEST(KioskScreenshot, DefaultPackIsUsedWithoutArguments) {
    const auto shot = take({}, "1920x1080");
    EXPECT_GT(bright_pixels(shot.pixels, 50, 120, 1100, 190), 3000);
}

namespace {

// The one cache entry whose name starts with `prefix`; empty if there is none or more than one.
std::filesystem::path only_entry(const std::filesystem::path& dir, const std::string& prefix) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path());
    return found.size() == 1 ? found[0] : std::filesystem::path{};
}

void damage_middle_byte(const std::filesystem::path& file) {
    auto bytes = testing::read_bytes(file.string());
    bytes[bytes.size() / 2] ^= 0xff;
    testing::write_text(file.string(), std::string(bytes.begin(), bytes.end()));
}

} // namespace

// The second start draws its text from the atlas the first one kept and its stories from the
// catalog it kept, and nothing on screen tells the two apart; a damaged cache file is
// reported, replaced, and changes nothing either.
TEST(KioskScreenshot, CachesGiveTheSamePixels) {
    TempDir cache;
    const std::vector<std::string> args{"--pack", kMiniPack, "--lang", "zh", "--cache", cache.path().string()};
    const auto first = take(args, "800x480");
    EXPECT_NE(first.log.find("rasterized"), std::string::npos) << first.log;
    EXPECT_NE(first.log.find("catalog read from the pack"), std::string::npos) << first.log;
    const auto fonts = only_entry(cache.path(), "glyphs-");
    const auto catalog = only_entry(cache.path(), "catalog-");
    ASSERT_FALSE(fonts.empty());
    ASSERT_FALSE(catalog.empty());

    const auto second = take(args, "800x480");
    EXPECT_NE(second.log.find("from the font cache"), std::string::npos) << second.log;
    EXPECT_NE(second.log.find("catalog from the catalog cache"), std::string::npos) << second.log;
    EXPECT_EQ(first.pixels.data, second.pixels.data);

    damage_middle_byte(fonts);
    damage_middle_byte(catalog);
    const auto third = take(args, "800x480");
    EXPECT_NE(third.log.find("the glyph atlas cache file is damaged"), std::string::npos) << third.log;
    EXPECT_NE(third.log.find("the catalog cache file is damaged"), std::string::npos) << third.log;
    EXPECT_NE(third.log.find("reading the pack again"), std::string::npos) << third.log;
    EXPECT_NE(third.log.find("rasterized"), std::string::npos) << third.log;
    EXPECT_EQ(first.pixels.data, third.pixels.data);
    const auto fourth = take(args, "800x480").log;
    EXPECT_NE(fourth.find("from the font cache"), std::string::npos) << "rewritten whole: " << fourth;
    EXPECT_NE(fourth.find("catalog from the catalog cache"), std::string::npos) << "rewritten whole: " << fourth;
}

TEST(KioskErrors, NoDisplayGivesOneClearLineAndNonZeroExit) {
    const auto result = run_command({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", kKiosk,
                                     "--pack", kMiniPack});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("pavilion: no display available"), std::string::npos) << result.output;
}

TEST(KioskErrors, BrokenPackIsRefusedWithItsReason) {
    TempDir dir;
    testing::write_text(dir / "junk.pack", std::string(5000, 'x'));
    const auto result = run_command({kKiosk, "--pack", dir / "junk.pack"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("not a content pack"), std::string::npos) << result.output;
}

TEST(KioskErrors, UnknownLanguageAndBadArgumentsAreRefused) {
    auto result = run_command({kKiosk, "--pack", kMiniPack, "--lang", "fr"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("no language 'fr'"), std::string::npos) << result.output;
    result = run_command({kKiosk, "--size", "huge"});
    EXPECT_EQ(result.exit_code, 2);
}

} // namespace
} // namespace pavilion
