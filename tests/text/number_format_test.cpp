// Numbers as each language writes them, checked byte for byte against what ICU 72 (Debian
// bookworm's libicu72, CLDR 42) prints. Invisible and space characters are written as escapes so
// each expectation says which bytes ICU gives: U+00A0 no-break space (Russian grouping, the space
// before a compact unit), U+200E left-to-right mark and U+061C Arabic letter mark (before a minus
// in right-to-left locales), U+2212 minus sign (Persian).

#include "pavilion/content/number_digits.hpp"
#include "pavilion/text/number_format.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

namespace pavilion::text {
namespace {

struct Case {
    NumberStyle style;
    double value;
    int decimals;
    const char* expected;
};

// Characters, not bytes (a Devanagari digit is three bytes).
std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (const unsigned char byte : text) count += (byte & 0xC0) != 0x80;
    return count;
}

std::string name_of(const NumberStyle& style) { return style.locale + (style.digits.empty() ? "" : "/" + style.digits); }

const NumberStyle kEn{"en", ""}, kZh{"zh", ""}, kRu{"ru", ""}, kAr{"ar", ""}, kArLatn{"ar", "latn"},
    kArArab{"ar", "arab"}, kHi{"hi", ""}, kHiDeva{"hi", "deva"}, kFa{"fa", ""}, kTh{"th", ""}, kThThai{"th", "thai"};

TEST(NumberFormat, GroupedAsEachLanguageGroups) {
    const Case cases[] = {
        {kEn, 100000, 0, "100,000"},
        {kEn, 150, 0, "150"},
        {kEn, 1e12, 0, "1,000,000,000,000"},
        {kEn, 0.5, 2, "0.50"},
        {kEn, -1234.5, 1, "-1,234.5"},
        {kZh, 100000, 0, "100,000"},
        {kZh, 150, 0, "150"},
        {kZh, 1e12, 0, "1,000,000,000,000"},
        {kZh, 0.5, 2, "0.50"},
        {kZh, -1234.5, 1, "-1,234.5"},
        {kRu, 100000, 0, "100\u00A0000"},
        {kRu, 150, 0, "150"},
        {kRu, 1e12, 0, "1\u00A0000\u00A0000\u00A0000\u00A0000"},
        {kRu, 0.5, 2, "0,50"},
        {kRu, -1234.5, 1, "-1\u00A0234,5"},
        // Arabic's default digits are Arabic-Indic, with the Arabic thousands (U+066C) and decimal
        // (U+066B) separators; the pack can choose Western digits instead.
        {kAr, 100000, 0, "١٠٠٬٠٠٠"},
        {kAr, 150, 0, "١٥٠"},
        {kAr, 1e12, 0, "١٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠"},
        {kAr, 0.5, 2, "٠٫٥٠"},
        {kAr, -1234.5, 1, "\u061C-١٬٢٣٤٫٥"},
        {kArArab, 100000, 0, "١٠٠٬٠٠٠"},
        {kArLatn, 100000, 0, "100,000"},
        {kArLatn, 150, 0, "150"},
        {kArLatn, 1e12, 0, "1,000,000,000,000"},
        {kArLatn, 0.5, 2, "0.50"},
        {kArLatn, -1234.5, 1, "\u200E-1,234.5"},
        // Hindi groups by lakh and crore; its default digits are Western, Devanagari on request.
        {kHi, 100000, 0, "1,00,000"},
        {kHi, 1e12, 0, "10,00,00,00,00,000"},
        {kHiDeva, 100000, 0, "१,००,०००"},
        {kHiDeva, 150, 0, "१५०"},
        {kHiDeva, 1e12, 0, "१०,००,००,००,००,०००"},
        {kHiDeva, 0.5, 2, "०.५०"},
        {kHiDeva, -1234.5, 1, "-१,२३४.५"},
        // Persian: Extended Arabic-Indic digits, a left-to-right mark and U+2212 for the minus.
        {kFa, 100000, 0, "۱۰۰٬۰۰۰"},
        {kFa, 150, 0, "۱۵۰"},
        {kFa, 1e12, 0, "۱٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰"},
        {kFa, 0.5, 2, "۰٫۵۰"},
        {kFa, -1234.5, 1, "\u200E\u2212۱٬۲۳۴٫۵"},
        // Thai writes Western digits unless asked for Thai ones.
        {kTh, 100000, 0, "100,000"},
        {kTh, 150, 0, "150"},
        {kTh, 1e12, 0, "1,000,000,000,000"},
        {kTh, 0.5, 2, "0.50"},
        {kTh, -1234.5, 1, "-1,234.5"},
        {kThThai, 100000, 0, "๑๐๐,๐๐๐"},
        {kThThai, -1234.5, 1, "-๑,๒๓๔.๕"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(format_number(c.value, c.decimals, c.style), c.expected)
            << name_of(c.style) << " " << c.value << " with " << c.decimals << " decimals";
}

TEST(NumberFormat, DecimalsAreExactAndClampedToSix) {
    EXPECT_EQ(format_number(1.005, 1, kEn), "1.0");
    EXPECT_EQ(format_number(2.5, 0, kEn), "2") << "ICU rounds half to even";
    EXPECT_EQ(format_number(3.5, 0, kEn), "4");
    EXPECT_EQ(format_number(1, 3, kEn), "1.000");
    EXPECT_EQ(format_number(1, 40, kEn), "1.000000");
    EXPECT_EQ(format_number(1, -3, kEn), "1");
}

TEST(NumberFormat, CompactFormsAsEachLanguageShortensThem) {
    const Case cases[] = {
        {kEn, 100000, 0, "100K"},
        {kEn, 150, 0, "150"},
        {kEn, 1e12, 0, "1T"},
        {kEn, 1234, 0, "1.2K"},
        {kEn, 123456789, 0, "123M"},
        {kEn, -1234.5, 0, "-1.2K"},
        {kEn, 0.5, 0, "0.5"},
        {kEn, 0.123, 0, "0.12"},
        {kZh, 100000, 0, "10万"},
        {kZh, 150, 0, "150"},
        {kZh, 1e12, 0, "1万亿"},
        {kZh, 123456789, 0, "1.2亿"},
        {kZh, -1234.5, 0, "-1234"}, // Chinese has no unit below 万
        {kRu, 100000, 0, "100\u00A0тыс."},
        {kRu, 1e12, 0, "1\u00A0трлн"},
        {kRu, -1234.5, 0, "-1,2\u00A0тыс."},
        {kRu, 0.5, 0, "0,5"},
        {kAr, 100000, 0, "١٠٠\u00A0ألف"},
        {kAr, 1e12, 0, "١\u00A0ترليون"},
        {kArLatn, 100000, 0, "100\u00A0ألف"},
        {kArLatn, 1e12, 0, "1\u00A0ترليون"},
        {kHiDeva, 100000, 0, "१\u00A0लाख"},
        {kHiDeva, 1e12, 0, "१०\u00A0ख॰"},
        {kFa, 100000, 0, "۱۰۰\u00A0هزار"},
        {kFa, 1e12, 0, "۱\u00A0تریلیون"},
        {kTh, 100000, 0, "100K"},
        {kTh, 1e12, 0, "1T"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(format_compact(c.value, c.style), c.expected) << name_of(c.style) << " " << c.value;
}

TEST(NumberFormat, NotANumberInfinityAndHugeValuesAreShortTexts) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(format_number(nan, 0, kEn), "NaN");
    EXPECT_EQ(format_number(nan, 0, kRu), "не\u00A0число");
    EXPECT_EQ(format_compact(nan, kEn), "NaN");
    EXPECT_EQ(format_number(inf, 2, kEn), "∞");
    EXPECT_EQ(format_number(-inf, 2, kEn), "-∞");
    EXPECT_EQ(format_compact(-inf, kAr), "\u061C-∞");
    // From 10^15 on: scientific notation, not hundreds of digits.
    EXPECT_EQ(format_number(999999999999999, 0, kEn), "999,999,999,999,999");
    EXPECT_EQ(format_number(1e15, 0, kEn), "1E15");
    EXPECT_EQ(format_number(1e300, 2, kEn), "1E300");
    EXPECT_EQ(format_number(-1.26e300, 2, kEn), "-1.3E300");
    EXPECT_EQ(format_compact(1e300, kEn), "1E300");
    EXPECT_EQ(format_compact(1e300, kAr), "١اس٣٠٠");
    EXPECT_EQ(format_compact(1e300, kFa), "۱×۱۰^۳۰۰");
    EXPECT_EQ(format_number(DBL_MAX, 0, kRu), "1,8E308");
    // No "-0", whether the zero was negative or a small negative value rounded to it.
    EXPECT_EQ(format_number(-0.0, 0, kEn), "0");
    EXPECT_EQ(format_number(-0.001, 2, kEn), "0.00");
    EXPECT_EQ(format_compact(-0.0, kEn), "0");
    // The smallest double: zero, not three hundred zeros before a 5.
    EXPECT_EQ(format_compact(std::numeric_limits<double>::denorm_min(), kEn), "0");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::denorm_min(), 1, kEn), "0.0");
}

TEST(NumberFormat, AnyDoubleInAnyStyleGivesAShortText) {
    std::mt19937_64 random(21);
    const NumberStyle styles[] = {kEn, kZh, kRu, kAr, kArLatn, kHiDeva, kFa, kThThai, {"", ""}, {"not a tag!", "roman"}};
    NumberFormats formats;
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t bits = random();
        double value;
        std::memcpy(&value, &bits, sizeof value); // every kind: NaNs, denormals, huge, tiny
        for (const auto& style : styles) {
            for (const auto form : {NumberForm::full, NumberForm::compact}) {
                const auto text = formats.format(value, static_cast<int>(bits % 9) - 1, form, style);
                ASSERT_FALSE(text.empty()) << name_of(style) << " " << value;
                // At most 15 digits, 6 decimals, their separators, a sign and its marks.
                ASSERT_LE(code_points(text), 32u) << name_of(style) << " " << value << ": " << text;
            }
        }
    }
}

TEST(NumberFormat, DigitsIcuDoesNotKnowOrThatAreNotDecimalLeaveTheLocalesOwn) {
    EXPECT_EQ(format_number(1234, 0, {"en", "roman"}), "1,234");
    EXPECT_EQ(format_number(1234, 0, {"ar", "nonsense"}), "١٬٢٣٤");
    EXPECT_EQ(format_number(1234, 0, {"ar", "ethi"}), "١٬٢٣٤") << "Ethiopic numerals are not digits";
    EXPECT_EQ(format_number(1234, 0, {"not a tag!", ""}), "1,234") << "ICU's root locale";
}

// content keeps its own list of names (it does not link ICU): each must be a decimal system ICU
// writes, or a pack could choose digits the kiosk silently ignores.
TEST(NumberFormat, EveryDigitsNameThePackBuilderAllowsIsOneIcuWrites) {
    const std::string western = format_number(1234567890, 0, {"en", "latn"});
    EXPECT_EQ(western, "1,234,567,890");
    for (const auto& name : content::allowed_number_digits()) {
        if (name == "latn") continue;
        EXPECT_NE(format_number(1234567890, 0, {"en", name}), western) << name << " is ignored by ICU";
    }
    EXPECT_EQ(format_number(1234567890, 0, {"zh", "hanidec"}), "一,二三四,五六七,八九〇");
    EXPECT_EQ(format_number(1234567890, 0, {"ja", "fullwide"}), "１,２３４,５６７,８９０");
}

TEST(NumberFormats, TheCacheGivesWhatAFreshFormatterGives) {
    NumberFormats formats;
    const NumberStyle styles[] = {kEn, kZh, kRu, kAr, kArLatn, kHiDeva, kFa, kTh, kThThai};
    const double values[] = {0, 1, -1, 0.5, 150, 1234.5, -98765.4321, 100000, 1e12, 1.23e14, 1e15, 1e300};
    for (int round = 0; round < 2; ++round) { // the second round reads formatters the first made
        for (const auto& style : styles) {
            for (const double value : values) {
                for (int decimals = 0; decimals <= 2; ++decimals)
                    ASSERT_EQ(formats.number(value, decimals, style), format_number(value, decimals, style))
                        << name_of(style) << " " << value;
                ASSERT_EQ(formats.compact(value, style), format_compact(value, style)) << name_of(style) << " " << value;
            }
        }
    }
    EXPECT_GT(formats.formatters(), 0u);
    EXPECT_LE(formats.formatters(), 64u) << "bounded";
}

TEST(NumberFormats, KeepsOneFormatterPerStyleAndKind) {
    NumberFormats formats;
    formats.number(1, 0, kEn);
    formats.number(2, 0, kEn);
    formats.number(3, 0, kEn);
    EXPECT_EQ(formats.formatters(), 1u);
    formats.number(3, 1, kEn);
    formats.compact(3, kEn);
    formats.number(3, 0, kArLatn);
    EXPECT_EQ(formats.formatters(), 4u);
}

} // namespace
} // namespace pavilion::text
