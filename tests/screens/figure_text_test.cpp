// What a key figure reads as while it counts up and when it settles: the kiosk's own formatting,
// or the display form a pack gives for a language ("10万+" for 100,000+ in Chinese).

#include "pavilion/screens/figures_screen.hpp"

#include <gtest/gtest.h>

namespace pavilion::screens {
namespace {

// The figure's text in locale at progress, in the full form or the compact one.
std::string shown(const FigureView& figure, float progress, const std::string& locale,
                  text::NumberForm form = text::NumberForm::full, const std::string& digits = "") {
    text::NumberFormats formats;
    return figure_text(figure, progress, form, text::NumberStyle{locale, digits}, formats);
}

FigureView figure(double value, int decimals, const std::string& suffix, const std::string& display = "") {
    FigureView view;
    view.value = value;
    view.decimals = decimals;
    view.suffix = suffix;
    view.display = display;
    return view;
}

TEST(FigureText, WithoutADisplayFormTheValueIsGroupedAndSuffixed) {
    EXPECT_EQ(shown(figure(100000, 0, "+"), 1, "en"), "100,000+");
    EXPECT_EQ(shown(figure(12.5, 1, "%"), 1, "en"), "12.5%");
    EXPECT_EQ(shown(figure(100000, 0, "+"), 0, "en"), "0+");
}

TEST(FigureText, EachLanguageGroupsAsItWritesNumbers) {
    EXPECT_EQ(shown(figure(100000, 0, "+"), 1, "ru"), "100\u00A0000+");
    EXPECT_EQ(shown(figure(100000, 0, "+"), 1, "ar", text::NumberForm::full, "latn"), "100,000+");
    EXPECT_EQ(shown(figure(100000, 0, "+"), 1, "ar", text::NumberForm::full, "arab"),
              "\u0661\u0660\u0660\u066C\u0660\u0660\u0660+")
        << "the pack's choice of digits";
}

// A figure too large for its card is set in compact form; its count-up keeps that form.
TEST(FigureText, TheCompactFormIsShortAndCountsUpInItsUnit) {
    EXPECT_EQ(shown(figure(1e12, 0, ""), 1, "en", text::NumberForm::compact), "1T");
    EXPECT_EQ(shown(figure(1e12, 0, ""), 0, "en", text::NumberForm::compact), "0T");
    EXPECT_EQ(shown(figure(100000, 0, "+"), 1, "zh", text::NumberForm::compact), "10\u4E07+");
}

TEST(FigureText, ADisplayFormSettlesExactlyAsWritten) {
    EXPECT_EQ(shown(figure(100000, 0, "+", "10万+"), 1, "zh"), "10万+");
    EXPECT_EQ(shown(figure(150, 0, "+", "逾150"), 1, "zh"), "逾150");
    EXPECT_EQ(shown(figure(3, 0, "", "三"), 0.5f, "zh"), "三") << "no digits: nothing counts";
}

TEST(FigureText, TheDisplayFormsFirstNumberCountsUp) {
    EXPECT_EQ(shown(figure(100000, 0, "+", "10万+"), 0, "zh"), "0万+");
    const auto halfway = shown(figure(100000, 0, "+", "10万+"), 0.5f, "zh");
    EXPECT_EQ(halfway, "9万+") << "eased out: 10 × (1 − 0.5³) = 8.75, shown whole";
    EXPECT_EQ(shown(figure(1.5e12, 0, "", "1.5万亿"), 0, "zh"), "0.0万亿") << "decimals as written";
    EXPECT_EQ(shown(figure(150, 0, "", "逾150个"), 0, "zh"), "逾0个") << "words before and after stay";
}

} // namespace
} // namespace pavilion::screens
