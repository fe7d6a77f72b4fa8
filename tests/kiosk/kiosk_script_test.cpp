// A visitor's walk, replayed by `pavilion --script` with scripted time: the screens it reaches
// (from the kiosk's one-line log) and what the screenshots show.

#include "pavilion/content/image_codec.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace pavilion {
namespace {

using testing::run_command;
using testing::TempDir;

content::Pixels load(const std::string& path) {
    const auto bytes = testing::read_bytes(path);
    auto decoded = content::decode_image(bytes.data(), bytes.size(), 4);
    return decoded ? std::move(decoded).value() : content::Pixels{};
}

// Mean brightness of a region, 0..765.
double brightness(const content::Pixels& image, int x0, int y0, int x1, int y1) {
    double sum = 0;
    int count = 0;
    for (int y = y0; y < y1 && y < image.height; ++y) {
        for (int x = x0; x < x1 && x < image.width; ++x) {
            const auto* p = &image.data[(static_cast<std::size_t>(y) * image.width + x) * 4];
            sum += p[0] + p[1] + p[2];
            ++count;
        }
    }
    return count ? sum / count : 0;
}

// Pixels in the gold of the accent (the prompt pill, the current language).
int gold_pixels(const content::Pixels& image, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y < y1 && y < image.height; ++y) {
        for (int x = x0; x < x1 && x < image.width; ++x) {
            const auto* p = &image.data[(static_cast<std::size_t>(y) * image.width + x) * 4];
            count += p[0] > 170 && p[1] > 110 && p[2] < 130 && p[0] > p[2] + 80;
        }
    }
    return count;
}

std::vector<std::string> screens_in(const std::string& log) {
    std::vector<std::string> screens;
    std::istringstream lines(log);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("screen=", 0) == 0) screens.push_back(line);
    }
    return screens;
}

TEST(KioskScript, AVisitorsWalkFromAttractBackToAttract) {
    TempDir dir;
    testing::write_text(dir / "walk.txt",
                        "wait 300\n"
                        "tap 960 540\n"                 // wakes: Home, and no tap on Home
                        "shot " + dir / "home.png\n"
                        "tap 960 650\n"                 // the stories tile
                        "tap 280 420\n"                 // the first story
                        "shot " + dir / "story.png\n"
                        "drag 1500 600 700 620 180\n"   // swipe left: the next story
                        "tap 94 56\n"                   // Back
                        "tap 1767 55\n"                 // the language button (four languages: a sheet)
                        "tap 1706 250\n"                // 中文, the sheet's second row
                        "shot " + dir / "chinese.png\n"
                        "tap 1629 55\n"                 // high contrast (first: larger text widens the button)
                        "tap 1539 55\n"                 // larger text
                        "shot " + dir / "contrast.png\n"
                        "wait 95000\n"                  // idle: "Still there?"
                        "shot " + dir / "still-there.png\n"
                        "wait 12000\n"                  // countdown over: attract, English again
                        "shot " + dir / "attract.png\n"
                        "tap 960 540\n"                 // the next visitor
                        "shot " + dir / "next-visitor.png\n");
    const auto result = run_command({PAVILION_KIOSK, "--script", dir / "walk.txt", "--size", "1920x1080"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_EQ(screens_in(result.output),
              (std::vector<std::string>{"screen=attract lang=en", "screen=home lang=en", "screen=stories lang=en",
                                        "screen=story/china-laos-railway lang=en",
                                        "screen=story/mozura-wind-farm lang=en", "screen=stories lang=en",
                                        "screen=stories lang=zh", "screen=attract lang=en",
                                        "screen=home lang=en"}))
        << result.output;
    EXPECT_NE(result.output.find("shot=" + dir / "still-there.png" + " screen=stories lang=zh"), std::string::npos);

    // The story's hero picture fills the left column (a bright sky, unlike the navy background).
    const auto story = load(dir / "story.png");
    ASSERT_EQ(story.width, 1920);
    EXPECT_GT(brightness(story, 80, 140, 760, 400), 400);
    EXPECT_LT(brightness(story, 0, 1040, 60, 1080), 200);
    // "Still there?" darkens the screen around its card.
    const auto still = load(dir / "still-there.png");
    const auto chinese = load(dir / "chinese.png");
    EXPECT_LT(brightness(still, 80, 900, 400, 1060), brightness(chinese, 80, 900, 400, 1060) * 0.6);
    // High contrast: a black background where the calm palette is navy; the next visitor
    // gets the calm palette back.
    const auto contrast = load(dir / "contrast.png");
    EXPECT_LT(brightness(contrast, 0, 1040, 60, 1080), 30); // navy is about 140
    EXPECT_GT(brightness(chinese, 0, 1040, 60, 1080), 60);
    const auto next = load(dir / "next-visitor.png");
    EXPECT_GT(brightness(next, 0, 1040, 60, 1080), 60);
    // The attract loop is a full-screen picture again, with its prompt pill.
    const auto attract = load(dir / "attract.png");
    EXPECT_GT(gold_pixels(attract, 700, 950, 1220, 1010), 8000);
}

TEST(KioskScript, ABrokenScriptIsRefusedWithItsLine) {
    TempDir dir;
    testing::write_text(dir / "bad.txt", "tap 10 10\nfly 1 2\n");
    const auto result = run_command({PAVILION_KIOSK, "--script", dir / "bad.txt"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("bad.txt:2:"), std::string::npos) << result.output;
}

} // namespace
} // namespace pavilion
