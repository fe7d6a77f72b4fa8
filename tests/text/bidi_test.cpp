// The visual order Pavilion draws mixed right-to-left and left-to-right text in, against GNU
// FriBidi's command line (libfribidi-bin), an independent implementation of UAX #9: its visual-to-
// logical map turned into code points must equal the code points of our runs in visual order.

#include "text_fixture.hpp"

#include <ostream>

#include "test_support.hpp"

#include <filesystem>
#include <sstream>

namespace pavilion::text {
namespace {

struct Mixed {
    const char* name;
    Direction base;
    const char* text;
};

// gtest names a failing case by this, not by the struct's bytes.
inline void PrintTo(const Mixed& sample, std::ostream* out) { *out << sample.name; }

const Mixed kMixed[] = {
    {"latin_around_arabic", Direction::auto_detect, "abc سلام (123) def"},
    {"hebrew_then_latin", Direction::auto_detect, "שלום abc"},
    {"arabic_with_latin_name_and_year", Direction::auto_detect, "مرحبا بكم في Pavilion 2025"},
    {"latin_with_arabic_word", Direction::auto_detect, "The word مرحبا means hello"},
    {"arabic_with_grouped_number", Direction::auto_detect, "عدد الزوار 1,234 في عام 2024."},
    {"hebrew_brackets_and_numbers", Direction::auto_detect, "שלום (עולם) 42 abc"},
    {"arabic_indic_digits", Direction::auto_detect, "سنة ٢٠٢٤ ميلادية"},
    {"persian_with_percent", Direction::auto_detect, "رشد ۲۵٪ در سال 2024"},
    {"urdu_with_english_phrase", Direction::auto_detect, "یہ Belt and Road منصوبہ ہے"},
    {"latin_forced_right_to_left", Direction::rtl, "abc 123 def"},
    {"arabic_forced_left_to_right", Direction::ltr, "مرحبا (بكم) 12"},
    {"numbers_first_then_arabic", Direction::auto_detect, "12 345 مرحبا abc"},
};

// FriBidi's visual order of text as code points (its --vtol map applied to the text).
std::vector<char32_t> fribidi_visual(const std::string& text, Direction base, std::string& error) {
    pavilion::testing::TempDir dir;
    pavilion::testing::write_text(dir / "line.txt", text + "\n");
    std::vector<std::string> argv{"fribidi", "--nopad", "--nobreak", "--novisual", "--vtol"};
    if (base == Direction::rtl) argv.push_back("--rtl");
    if (base == Direction::ltr) argv.push_back("--ltr");
    argv.push_back(dir / "line.txt");
    const auto result = pavilion::testing::run_command(argv);
    if (result.exit_code != 0) error = result.output;
    const auto logical = testing::code_points(text, 0, text.size());
    std::vector<char32_t> visual;
    std::istringstream indices(result.output);
    for (std::size_t index; indices >> index;) {
        if (index >= logical.size()) {
            error = "index out of range in: " + result.output;
            break;
        }
        visual.push_back(logical[index]);
    }
    return visual;
}

class Bidi : public ::testing::TestWithParam<Mixed> {};

TEST_P(Bidi, VisualOrderEqualsFribidi) {
    if (!std::filesystem::exists("/usr/bin/fribidi")) GTEST_SKIP() << "the fribidi command is not installed (libfribidi-bin)";
    std::string why;
    auto fonts = testing::open_noto(NotoScript::arabic, why);
    if (!fonts) GTEST_SKIP() << why;
    const Mixed& sample = GetParam();
    const auto paragraph = layout_paragraph(*fonts, sample.text, LayoutOptions{24, 0, sample.base, "ar"});
    ASSERT_TRUE(paragraph) << paragraph.error().message;
    ASSERT_EQ(paragraph->lines.size(), 1u);

    std::string error;
    const auto expected = fribidi_visual(sample.text, sample.base, error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_EQ(expected.size(), testing::code_points(sample.text, 0, std::string(sample.text).size()).size());
    EXPECT_EQ(testing::visual_code_points(*paragraph, sample.text), expected);
}

INSTANTIATE_TEST_SUITE_P(Mixed, Bidi, ::testing::ValuesIn(kMixed), [](const auto& info) { return std::string(info.param.name); });

TEST(Bidi, BaseDirectionIsTheFirstStrongCharactersUnlessAsked) {
    std::string why;
    auto fonts = testing::open_noto(NotoScript::arabic, why);
    if (!fonts) GTEST_SKIP() << why;
    auto direction_of = [&](const char* text, Direction base) {
        return layout_paragraph(*fonts, text, LayoutOptions{20, 0, base, ""})->base_direction;
    };
    EXPECT_EQ(direction_of("2024 مرحبا abc", Direction::auto_detect), Direction::rtl);
    EXPECT_EQ(direction_of("(abc) مرحبا", Direction::auto_detect), Direction::ltr);
    EXPECT_EQ(direction_of("123 ...", Direction::auto_detect), Direction::ltr); // no strong character
    EXPECT_EQ(direction_of("abc", Direction::rtl), Direction::rtl);
}

TEST(Bidi, ARightToLeftRunsGlyphsComeInVisualOrder) {
    // HarfBuzz returns a right-to-left run's glyphs left to right on the screen: the clusters fall.
    std::string why;
    auto fonts = testing::open_noto(NotoScript::arabic, why);
    if (!fonts) GTEST_SKIP() << why;
    const auto paragraph = layout_paragraph(*fonts, "مرحبا", LayoutOptions{20, 0, Direction::auto_detect, "ar"});
    ASSERT_TRUE(paragraph);
    const auto& glyphs = paragraph->lines.at(0).runs.at(0).glyphs;
    ASSERT_GE(glyphs.size(), 2u);
    EXPECT_GT(glyphs.front().cluster, glyphs.back().cluster);
}

} // namespace
} // namespace pavilion::text
