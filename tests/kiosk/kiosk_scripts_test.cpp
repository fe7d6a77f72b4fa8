// The scripts fixture pack (seven languages in seven scripts) on the real kiosk, landscape and
// portrait: every language draws text where its layout puts it, and the right-to-left ones
// (Arabic, Hebrew) mirror the chrome: the Back arrow at the right, the screen's title beside it.

#include "screenshot_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pavilion {
namespace {


testing::Screenshot stories_in(const std::string& locale, int width, int height) {
    return testing::take_screenshot({"--pack", PAVILION_SCRIPTS_PACK, "--screen", "stories", "--lang", locale},
                                    std::to_string(width) + "x" + std::to_string(height));
}

int bright(const content::Pixels& image, int x0, int y0, int x1, int y1) {
    return testing::bright_pixels(image, x0, y0, x1, y1);
}

class ScriptsPack : public ::testing::TestWithParam<const char*> {};

TEST_P(ScriptsPack, EachLanguageDrawsItsTextAndRightToLeftMirrorsTheChrome) {
    const std::string locale = GetParam();
    const bool right_to_left = locale == "ar" || locale == "he";
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{720, 1280}}) {
        const auto shot = stories_in(locale, width, height);
        ASSERT_EQ(shot.pixels.width, width);
        EXPECT_NE(shot.log.find("screen=stories lang=" + locale), std::string::npos) << shot.log;
        // The bar (75 px at 0.67 px/dp): Back at its leading edge, then Home and the title.
        const int bar = height > width ? 60 : 75;
        const int leading_back = right_to_left ? width - 70 : 0, leading_end = leading_back + 70;
        const int trailing_back = right_to_left ? 0 : width - 70, trailing_end = trailing_back + 70;
        EXPECT_GT(bright(shot.pixels, leading_back, 0, leading_end, bar), 20) << locale << ": Back at the leading edge";
        // The title: many bright pixels on the leading half of the bar, beyond Back and Home.
        const int title_from = right_to_left ? width / 2 : 150, title_to = right_to_left ? width - 150 : width / 2;
        EXPECT_GT(bright(shot.pixels, title_from, 0, title_to, bar), 150) << locale << " " << width << "x" << height;
        // Nothing of the chrome is left at the other edge, where Back would be if not mirrored.
        EXPECT_EQ(bright(shot.pixels, trailing_back + 20, 15, trailing_end - 20, bar - 15), 0)
            << locale << ": the trailing edge holds the language button's rim, not an arrow";
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, ScriptsPack, ::testing::Values("en", "ar", "hi", "th", "ru", "zh", "he"),
                         [](const auto& info) { return std::string(info.param); });

} // namespace
} // namespace pavilion
