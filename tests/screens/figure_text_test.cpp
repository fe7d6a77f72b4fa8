// What a key figure reads as while it counts up and when it settles: the kiosk's own formatting,
// or the display form a pack gives for a language ("10万+" for 100,000+ in Chinese).

#include "pavilion/screens/figures_screen.hpp"

#include <gtest/gtest.h>

namespace pavilion::screens {
namespace {

FigureView figure(double value, int decimals, const std::string& suffix, const std::string& display = "") {
    FigureView view;
    view.value = value;
    view.decimals = decimals;
    view.suffix = suffix;
    view.display = display;
    return view;
}

TEST(FigureText, WithoutADisplayFormTheValueIsGroupedAndSuffixed) {
    EXPECT_EQ(figure_text(figure(100000, 0, "+"), 1, "en"), "100,000+");
    EXPECT_EQ(figure_text(figure(12.5, 1, "%"), 1, "en"), "12.5%");
    EXPECT_EQ(figure_text(figure(100000, 0, "+"), 0, "en"), "0+");
}

TEST(FigureText, ADisplayFormSettlesExactlyAsWritten) {
    EXPECT_EQ(figure_text(figure(100000, 0, "+", "10万+"), 1, "zh"), "10万+");
    EXPECT_EQ(figure_text(figure(150, 0, "+", "逾150"), 1, "zh"), "逾150");
    EXPECT_EQ(figure_text(figure(3, 0, "", "三"), 0.5f, "zh"), "三") << "no digits: nothing counts";
}

TEST(FigureText, TheDisplayFormsFirstNumberCountsUp) {
    EXPECT_EQ(figure_text(figure(100000, 0, "+", "10万+"), 0, "zh"), "0万+");
    const auto halfway = figure_text(figure(100000, 0, "+", "10万+"), 0.5f, "zh");
    EXPECT_EQ(halfway, "9万+") << "eased out: 10 × (1 − 0.5³) = 8.75, shown whole";
    EXPECT_EQ(figure_text(figure(1.5e12, 0, "", "1.5万亿"), 0, "zh"), "0.0万亿") << "decimals as written";
    EXPECT_EQ(figure_text(figure(150, 0, "", "逾150个"), 0, "zh"), "逾0个") << "words before and after stay";
}

} // namespace
} // namespace pavilion::screens
