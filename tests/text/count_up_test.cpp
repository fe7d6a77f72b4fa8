// The figures' count-up: the final text decides form, unit, decimals and sign, so the text on the
// way only changes its digits and never grows past the final one or switches form.

#include "pavilion/text/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pavilion::text {
namespace {

const NumberStyle kEn{"en", ""}, kZh{"zh", ""}, kRu{"ru", ""}, kArLatn{"ar", "latn"};

// Characters, not bytes: what a width in tabular digits follows.
std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (const unsigned char byte : text) count += (byte & 0xC0) != 0x80;
    return count;
}

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

TEST(CountedUp, EasesFromZeroToTheValue) {
    EXPECT_EQ(counted_up(1000, 0), 0);
    EXPECT_EQ(counted_up(1000, 1), 1000);
    EXPECT_EQ(counted_up(1000, 2), 1000);
    EXPECT_EQ(counted_up(1000, 0.5f), 875) << "ease out: 1 - (1 - t)^3";
    EXPECT_FALSE(std::signbit(counted_up(-5, 0))) << "no -0 at the start of a negative count";
    EXPECT_EQ(counted_up(1000, std::numeric_limits<float>::quiet_NaN()), 0);
    double before = 0;
    for (int step = 1; step <= 100; ++step) {
        const double now = counted_up(1e12, step / 100.0f);
        EXPECT_GE(now, before);
        before = now;
    }
}

TEST(CountUp, AtTheEndIsExactlyTheFinalText) {
    NumberFormats formats;
    for (const auto& style : {kEn, kZh, kRu, kArLatn}) {
        for (const double value : {0.0, 150.0, -1234.5, 100000.0, 1.23e12, 1e300}) {
            EXPECT_EQ(formats.count_up(value, 1, NumberForm::full, 1, style), format_number(value, 1, style));
            EXPECT_EQ(formats.count_up(value, 1, NumberForm::compact, 1, style), format_compact(value, style));
        }
    }
}

TEST(CountUp, FullFormKeepsItsDecimalsAndNeverGrowsPastTheFinal) {
    NumberFormats formats;
    EXPECT_EQ(formats.count_up(12.5, 1, NumberForm::full, 0, kEn), "0.0");
    EXPECT_EQ(formats.count_up(12.5, 1, NumberForm::full, 0.5f, kEn), "10.9");
    EXPECT_EQ(formats.count_up(1234567, 0, NumberForm::full, 0.5f, kRu), "1\u00A0080\u00A0246");
    const auto final_text = format_number(1234567.25, 2, kEn);
    std::size_t width = 0;
    for (int step = 0; step <= 60; ++step) {
        const auto text = formats.count_up(1234567.25, 2, NumberForm::full, step / 60.0f, kEn);
        EXPECT_EQ(text.substr(text.size() - 3, 1), ".") << text << ": always two decimals";
        EXPECT_GE(code_points(text), width) << text << ": the width only grows";
        EXPECT_LE(code_points(text), code_points(final_text)) << text;
        width = code_points(text);
    }
}

TEST(CountUp, CompactFormCountsInTheFinalUnit) {
    NumberFormats formats;
    // 1.23e12 is "1.2T": the count is in T with one decimal, never "875B" on the way.
    EXPECT_EQ(formats.count_up(1.23e12, 0, NumberForm::compact, 0, kEn), "0.0T");
    EXPECT_EQ(formats.count_up(1.23e12, 0, NumberForm::compact, 0.1f, kEn), "0.3T");
    EXPECT_EQ(formats.count_up(1.23e12, 0, NumberForm::compact, 0.5f, kEn), "1.1T");
    EXPECT_EQ(formats.count_up(100000, 0, NumberForm::compact, 0.5f, kZh), "9万");
    EXPECT_EQ(formats.count_up(1.23e12, 0, NumberForm::compact, 0.5f, kRu), "1,1\u00A0трлн");
    EXPECT_EQ(formats.count_up(-1234, 0, NumberForm::compact, 0.5f, kEn), "-1.1K") << "the sign stays";
    EXPECT_EQ(formats.count_up(-1234, 0, NumberForm::compact, 0.5f, kArLatn), "\u200E-1.1\u00A0ألف");
    EXPECT_EQ(formats.count_up(-1234.5, 0, NumberForm::compact, 0.5f, kZh), "-1080") << "no unit, no grouping";
    for (int step = 0; step <= 60; ++step) {
        const float progress = step / 60.0f;
        const auto trillions = formats.count_up(1.23e12, 0, NumberForm::compact, progress, kEn);
        EXPECT_TRUE(ends_with(trillions, "T")) << trillions;
        EXPECT_EQ(code_points(trillions), 4u) << trillions << ": d.dT throughout";
        const auto wan = formats.count_up(100000, 0, NumberForm::compact, progress, kZh);
        EXPECT_TRUE(ends_with(wan, "万")) << wan;
        EXPECT_LE(code_points(wan), 3u) << wan;
    }
}

TEST(CountUp, ScientificAndNonFiniteFiguresStayInTheirForm) {
    NumberFormats formats;
    EXPECT_EQ(formats.count_up(1e300, 0, NumberForm::full, 0.5f, kEn), "8.8E299");
    EXPECT_EQ(formats.count_up(1e300, 0, NumberForm::compact, 0, kEn), "0E0");
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(formats.count_up(inf, 0, NumberForm::full, 0.2f, kEn), "∞") << "nothing to count to";
    EXPECT_EQ(formats.count_up(std::nan(""), 0, NumberForm::compact, 0.2f, kEn), "NaN");
}

} // namespace
} // namespace pavilion::text
