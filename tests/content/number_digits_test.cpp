// strings.toml's optional `number_digits` per locale: one of a fixed list of decimal numbering
// systems, refused at its line with the list otherwise, kept in the pack's strings when right, and
// never required of the other locales.

#include "content_test_support.hpp"

#include "pavilion/content/number_digits.hpp"
#include "pavilion/content/pack_reader.hpp"

namespace pavilion::content::test {
namespace {

constexpr const char* kStrings = "strings.toml";

TEST(NumberDigits, RomanNumeralsAreRefusedAtTheirLineWithTheAllowedNames) {
    SourceCopy source;
    source.replace(kStrings, "home = \"首页\"", "home = \"首页\"\nnumber_digits = \"roman\"");
    const auto errors = source.build_errors();
    const int line = source.line(kStrings, "number_digits = \"roman\"");
    EXPECT_TRUE(reports(errors, kStrings, line, "[zh] number_digits = 'roman' is not a numbering system")) << errors;
    EXPECT_TRUE(reports(errors, kStrings, line, "use one of: latn, arab, arabext, deva, beng")) << errors;
    EXPECT_TRUE(reports(errors, kStrings, line, "hanidec, fullwide")) << errors;
    EXPECT_EQ(count_lines(errors), 1) << errors;
}

TEST(NumberDigits, ANameThatIsNotAStringIsAWrongType) {
    SourceCopy source;
    source.replace(kStrings, "home = \"首页\"", "home = \"首页\"\nnumber_digits = 1");
    const auto errors = source.build_errors();
    EXPECT_TRUE(reports(errors, kStrings, source.line(kStrings, "number_digits = 1"), "'number_digits'")) << errors;
}

TEST(NumberDigits, ArabicIndicDigitsAreAcceptedAndKeptInThePack) {
    SourceCopy source;
    // In one locale only: the others keep their default digits without being asked for the key.
    source.replace(kStrings, "home = \"首页\"", "home = \"首页\"\nnumber_digits = \"arab\"");
    const auto report = source.build();
    ASSERT_TRUE(report) << report.error().message;
    const auto reader = PackReader::open(source.output());
    ASSERT_TRUE(reader) << reader.error().message;
    const auto& strings = reader->catalog().strings;
    EXPECT_EQ(strings.at("zh").at(kNumberDigitsKey), "arab");
    EXPECT_EQ(strings.at("en").count(kNumberDigitsKey), 0u);
}

TEST(NumberDigits, TheDefaultLocaleMayChooseDigitsAloneToo) {
    SourceCopy source;
    source.replace(kStrings, "home = \"Home\"", "home = \"Home\"\nnumber_digits = \"latn\"");
    const auto report = source.build();
    EXPECT_TRUE(report) << report.error().message;
}

TEST(NumberDigits, TheListHasOnlyDecimalSystemsOnce) {
    const auto& names = allowed_number_digits();
    EXPECT_TRUE(is_allowed_number_digits("latn"));
    EXPECT_TRUE(is_allowed_number_digits("arabext"));
    EXPECT_FALSE(is_allowed_number_digits("roman"));
    EXPECT_FALSE(is_allowed_number_digits("ethi")) << "Ethiopic numerals are additive, not digits";
    EXPECT_FALSE(is_allowed_number_digits(""));
    EXPECT_FALSE(is_allowed_number_digits("Latn")) << "ICU's names are lower case";
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j) EXPECT_NE(names[i], names[j]);
}

} // namespace
} // namespace pavilion::content::test
