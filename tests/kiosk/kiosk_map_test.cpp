// The map screen end to end, through `pavilion --script` with scripted time: the base map is on
// screen in both languages, a pinch keeps the place under the fingers, a tap on a place shows
// its card and the card opens the story.
#include "pavilion/content/image_codec.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace pavilion {
namespace {

using testing::run_command;
using testing::TempDir;

content::Pixels load(const std::string& path) {
    const auto bytes = testing::read_bytes(path);
    auto decoded = content::decode_image(bytes.data(), bytes.size(), 4);
    return decoded ? std::move(decoded).value() : content::Pixels{};
}

struct Rgb {
    int r, g, b;
};
Rgb pixel(const content::Pixels& image, int x, int y) {
    const auto* p = &image.data[(static_cast<std::size_t>(y) * image.width + x) * 4];
    return {p[0], p[1], p[2]};
}

// Pixels of the pack's base map style (content/default-pack/map.toml): water #0a2133, land
// #1f4257; the colours the map used before it stopped singling out countries and drawing borders:
// partner countries #52605a, borders #4d7487.
int pixels_near(const content::Pixels& image, Rgb colour) {
    int count = 0;
    for (int y = 0; y < image.height; y += 2) {
        for (int x = 0; x < image.width; x += 2) {
            const auto p = pixel(image, x, y);
            count += std::abs(p.r - colour.r) < 6 && std::abs(p.g - colour.g) < 6 && std::abs(p.b - colour.b) < 6;
        }
    }
    return count;
}

bool is_gold(Rgb p) { return p.r > 170 && p.g > 110 && p.b < 130 && p.r > p.b + 80; }

// Where the China-Laos Railway's place is drawn on the landscape map's home view (1920x1080).
constexpr int kLaosX = 1353, kLaosY = 665;

TEST(KioskMap, BothLanguagesShowLandAndWaterWithoutBordersOrHighlights) {
    TempDir dir;
    for (const char* lang : {"en", "zh"}) {
        SCOPED_TRACE(lang);
        const auto shot = dir / (std::string("map-") + lang + ".png");
        const auto result = run_command({PAVILION_KIOSK, "--screenshot", shot, "--screen", "map", "--lang", lang,
                                         "--size", lang == std::string("en") ? "1920x1080" : "1080x1920"});
        ASSERT_EQ(result.exit_code, 0) << result.output;
        EXPECT_NE(result.output.find("map: 2 levels"), std::string::npos) << result.output;
        const auto image = load(shot);
        ASSERT_GT(image.width, 0);
        const int samples = image.width * image.height / 4;
        EXPECT_GT(pixels_near(image, {0x0a, 0x21, 0x33}), samples / 10);  // water
        EXPECT_GT(pixels_near(image, {0x1f, 0x42, 0x57}), samples / 20);  // land
        EXPECT_LT(pixels_near(image, {0x52, 0x60, 0x5a}), samples / 2000); // no partner countries (were > 1/20)
        EXPECT_LT(pixels_near(image, {0x4d, 0x74, 0x87}), samples / 2000); // no borders
    }
}

TEST(KioskMap, PinchKeepsThePlaceUnderTheFingersAndATapOpensItsStory) {
    TempDir dir;
    const std::string centre = std::to_string(kLaosX) + " " + std::to_string(kLaosY);
    testing::write_text(dir / "map.txt",
                        "shot " + dir / "home-view.png\n"
                        "pinch " + centre + " 2.5 500\n"   // zoom in about the place
                        "wait 1000\n"
                        "tap " + centre + "\n"             // the place is still under the fingers
                        "wait 1000\n"
                        "shot " + dir / "card.png\n"
                        "tap 960 840\n"                    // its card
                        "shot " + dir / "story.png\n");
    const auto result = run_command({PAVILION_KIOSK, "--script", dir / "map.txt", "--screen", "map", "--size",
                                     "1920x1080"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("screen=map lang=en\nscreen=story/china-laos-railway lang=en"), std::string::npos)
        << result.output;

    // The selected place turns gold, where it was before the pinch; the zoomed map differs.
    const auto before = load(dir / "home-view.png");
    const auto card = load(dir / "card.png");
    ASSERT_EQ(card.width, 1920);
    EXPECT_FALSE(is_gold(pixel(before, kLaosX, kLaosY)));
    EXPECT_TRUE(is_gold(pixel(card, kLaosX, kLaosY)));
    int changed = 0;
    for (int y = 200; y < 1000; y += 10)
        for (int x = 100; x < 1800; x += 10) changed += pixel(before, x, y).b != pixel(card, x, y).b;
    EXPECT_GT(changed, 3000);
}

} // namespace
} // namespace pavilion
