// Line breaking with ICU (UAX #14 with its dictionaries and CJK rules), measured with shaped
// advances. The cases of tests/core/line_breaker_test.cpp (Pavilion's former hand-written
// breaker) are kept as a reference corpus: what they required still holds. Widths there were
// "units"; here each case's width is that of its widest expected line, laid out on its own, so
// the expected lines fit and any longer choice would not.

#include "text_fixture.hpp"

#include <ostream>

#include <algorithm>

namespace pavilion::text {
namespace {

using Lines = std::vector<std::string>;
constexpr float kSize = 20;

class LineBreaking : public testing::NotoLayoutTest<NotoScript::cjk> {
protected:

    Paragraph layout(const std::string& text, float width, const std::string& locale = "zh") {
        auto paragraph = layouter_->layout(text, LayoutOptions{kSize, width, Direction::auto_detect, locale});
        EXPECT_TRUE(paragraph) << paragraph.error().message;
        return paragraph ? *paragraph : Paragraph{};
    }

    float width_of(const std::string& text, const std::string& locale = "zh") {
        return layout(text, 0, locale).width();
    }

    // Breaks text at the width of the widest of expected (plus a hair for float sums).
    Lines lines_at_width_of(const std::string& text, const Lines& expected, const std::string& locale = "zh") {
        float width = 0;
        for (const auto& line : expected) width = std::max(width, width_of(line, locale));
        return testing::line_texts(layout(text, width + 0.01f, locale), text);
    }

};

TEST_F(LineBreaking, EnglishBreaksAtSpacesAndDropsThem) {
    const Lines expected{"the quick", "brown fox", "jumps"};
    EXPECT_EQ(lines_at_width_of("the quick brown fox jumps", expected, "en"), expected);
}

TEST_F(LineBreaking, TextThatFitsStaysOnOneLine) {
    EXPECT_EQ(testing::line_texts(layout("short text", 1000, "en"), "short text"), (Lines{"short text"}));
}

TEST_F(LineBreaking, EnglishBreaksAfterHyphenBetweenLetters) {
    const Lines expected{"people-to-", "people", "exchange"};
    EXPECT_EQ(lines_at_width_of("people-to-people exchange", expected, "en"), expected);
}

TEST_F(LineBreaking, LongWordIsSplitBetweenCharacters) {
    const std::string word = "abcdefghijkl";
    const auto lines = testing::line_texts(layout(word, width_of("abcde", "en") + 0.01f, "en"), word);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], "abcde");
    std::string joined;
    for (const auto& line : lines) joined += line;
    EXPECT_EQ(joined, word);
}

TEST_F(LineBreaking, AGlyphWiderThanTheLineStillTakesALineOfItsOwn) {
    const auto lines = testing::line_texts(layout("一带一路", 5), "一带一路");
    EXPECT_EQ(lines, (Lines{"一", "带", "一", "路"}));
}

TEST_F(LineBreaking, ChineseBreaksBetweenAnyTwoCharacters) {
    const Lines expected{"一带一", "路倡议"};
    EXPECT_EQ(lines_at_width_of("一带一路倡议", expected), expected);
}

TEST_F(LineBreaking, ClosingPunctuationNeverStartsALine) {
    EXPECT_EQ(lines_at_width_of("一带一路，合作", {"一带一", "路，合作"}), (Lines{"一带一", "路，合作"}));
    EXPECT_EQ(lines_at_width_of("共建。成果", {"共", "建。", "成果"}), (Lines{"共", "建。", "成果"}));
}

TEST_F(LineBreaking, OpeningPunctuationNeverEndsALine) {
    EXPECT_EQ(lines_at_width_of("我们「丝路", {"我们", "「丝路"}), (Lines{"我们", "「丝路"}));
}

TEST_F(LineBreaking, ChineseQuotesFollowTheSameRules) {
    EXPECT_EQ(lines_at_width_of("高质量“一带一路”", {"高质量", "“一带一", "路”"}), (Lines{"高质量", "“一带一", "路”"}));
}

TEST_F(LineBreaking, MixedTextBreaksAtSpacesAndBetweenChineseCharacters) {
    EXPECT_EQ(lines_at_width_of("Since 2013年以来", {"Since 2013", "年以来"}), (Lines{"Since 2013", "年以来"}));
    const Lines railway{"中欧班列 China", "Railway", "Express"};
    EXPECT_EQ(lines_at_width_of("中欧班列 China Railway Express", railway), railway);
}

TEST_F(LineBreaking, NewlineAlwaysEndsALine) {
    EXPECT_EQ(testing::line_texts(layout("one\ntwo three", 1000, "en"), "one\ntwo three"), (Lines{"one", "two three"}));
    EXPECT_EQ(testing::line_texts(layout("one\n\ntwo\n", 0, "en"), "one\n\ntwo\n"), (Lines{"one", "", "two", ""}));
    EXPECT_EQ(testing::line_texts(layout("a\r\nb", 0, "en"), "a\r\nb"), (Lines{"a", "b"}));
}

TEST_F(LineBreaking, EmptyTextIsAnEmptyParagraph) {
    EXPECT_TRUE(layout("", 100).lines.empty());
}

TEST_F(LineBreaking, MalformedUtf8IsReplacedAndReportedNeverOverrun) {
    const std::string broken = "ab\xE4\xB8" "cd\xFF\xFE" "efgh";
    const auto paragraph = layout(broken, width_of("abc", "en"), "en");
    ASSERT_FALSE(paragraph.lines.empty());
    ASSERT_TRUE(paragraph.invalid_utf8_at.has_value());
    EXPECT_EQ(*paragraph.invalid_utf8_at, 2u);
    EXPECT_EQ(paragraph.lines.back().byte_end, broken.size());
    for (const auto& line : paragraph.lines) {
        EXPECT_LE(line.byte_end, broken.size());
        for (const auto& run : line.runs)
            for (const auto& glyph : run.glyphs) EXPECT_LT(glyph.cluster, broken.size());
    }
    EXPECT_FALSE(layout("well formed 一带一路", 0).invalid_utf8_at.has_value());
}

TEST_F(LineBreaking, ParagraphsOverTheLimitAreRefusedWithAClearError) {
    const std::string huge(kMaxParagraphBytes + 1, 'a');
    const auto refused = layouter_->layout(huge, LayoutOptions{kSize, 100, Direction::auto_detect, "en"});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::too_large);
    EXPECT_NE(refused.error().message.find("65536"), std::string::npos) << refused.error().message;
    const auto no_size = layouter_->layout("a", LayoutOptions{0, 100, Direction::auto_detect, "en"});
    ASSERT_FALSE(no_size);
    EXPECT_EQ(no_size.error().code, core::ErrorCode::invalid_argument);
    EXPECT_TRUE(layouter_->layout(std::string(kMaxParagraphBytes, 'a'), LayoutOptions{kSize, 400, Direction::auto_detect, "en"}));
}

} // namespace
} // namespace pavilion::text

namespace pavilion::text {
namespace {

struct Dictionary {
    const char* name;
    NotoScript script;
    const char* locale;
    // Written without spaces; a line may end only between them. Where ICU's dictionary knows a
    // compound as two words (แลก|เปลี่ยน "swap|change" = exchange) they are listed as two; where it
    // keeps a set phrase whole (សូមស្វាគមន៍ "welcome") as one.
    std::vector<std::string> words;
};

// gtest names a failing case by this, not by the struct's bytes.
inline void PrintTo(const Dictionary& sample, std::ostream* out) { *out << sample.name; }

const Dictionary kDictionaries[] = {
    {"thai", NotoScript::thai, "th", {"ยินดี", "ต้อนรับ", "สู่", "นิทรรศการ", "แลก", "เปลี่ยน", "วัฒนธรรม"}},
    {"lao", NotoScript::lao, "lo", {"ຍິນດີ", "ຕ້ອນຮັບ", "ສູ່", "ງານ", "ວາງ", "ສະແດງ"}},
    {"khmer", NotoScript::khmer, "km", {"សូមស្វាគមន៍", "មក", "កាន់", "ពិព័រណ៍", "វប្បធម៌"}},
    {"myanmar", NotoScript::myanmar, "my", {"ယဉ်ကျေးမှု", "ဖလှယ်", "ရေး", "ပြပွဲ", "မှ", "ကြိုဆို", "ပါ", "တယ်"}},
};

class DictionaryBreaks : public ::testing::TestWithParam<Dictionary> {};

// At every width from the longest word's to the whole text's, each line is whole words.
TEST_P(DictionaryBreaks, LinesEndOnlyBetweenWords) {
    const Dictionary& sample = GetParam();
    std::string why;
    auto fonts = testing::open_noto(sample.script, why);
    if (!fonts) GTEST_SKIP() << why;
    ParagraphLayouter layouter(*fonts);
    auto width_of = [&](const std::string& text) {
        return layouter.layout(text, LayoutOptions{kSize, 0, Direction::auto_detect, sample.locale})->width();
    };
    std::string text;
    std::vector<std::size_t> word_ends{0};
    float longest = 0;
    for (const auto& word : sample.words) {
        text += word;
        word_ends.push_back(text.size());
        longest = std::max(longest, width_of(word));
    }
    std::size_t most_lines = 0;
    for (float width = longest + 0.01f; width < width_of(text) + kSize; width += kSize / 4) {
        const auto paragraph = layouter.layout(text, LayoutOptions{kSize, width, Direction::auto_detect, sample.locale});
        ASSERT_TRUE(paragraph);
        most_lines = std::max(most_lines, paragraph->lines.size());
        for (const auto& line : paragraph->lines) {
            EXPECT_NE(std::find(word_ends.begin(), word_ends.end(), line.byte_begin), word_ends.end())
                << "a line starts inside a word at width " << width << ": " << text.substr(line.byte_begin);
            EXPECT_LE(line.width, width);
        }
    }
    EXPECT_GE(most_lines, sample.words.size() / 2) << "the narrow widths did break the text";
}

INSTANTIATE_TEST_SUITE_P(Scripts, DictionaryBreaks, ::testing::ValuesIn(kDictionaries),
                         [](const auto& info) { return std::string(info.param.name); });

// Every width from six characters to a long line over a text dense with punctuation: no line
// starts with closing punctuation or ends with opening punctuation (Chinese typesetting). Six:
// the widest piece without a break opportunity ("2023年）：") fits, so no line is an emergency
// cut between characters. A dash "——" may start a line (UAX #14 class B2), as in print.
TEST_F(LineBreaking, NoLineStartsWithClosingOrEndsWithOpeningCjkPunctuation) {
    const std::string text =
        "共建“一带一路”倡议提出十周年（2013—2023年）：合作成果丰硕，民心相通！《经济日报》报道，"
        "中欧班列开行超过7.7万列、通达欧洲25个国家；「丝路」精神——和平合作、开放包容、互学互鉴、互利共赢。"
        "老挝的万象，泰国的曼谷？都在讲述「铁路」的故事……";
    const std::u32string closing = U"，。、：；！？）」』”》…";
    const std::u32string opening = U"（「『“《";
    std::size_t broken_lines = 0;
    for (float width = 6 * kSize + 0.01f; width < 40 * kSize; width += kSize / 2) {
        const auto paragraph = layout(text, width);
        broken_lines += paragraph.lines.size();
        for (const auto& line : paragraph.lines) {
            const auto points = testing::code_points(text, line.byte_begin, line.byte_end);
            ASSERT_FALSE(points.empty());
            if (line.byte_begin > 0) {
                EXPECT_EQ(closing.find(points.front()), std::u32string::npos)
                    << "line starts with closing punctuation at width " << width << ": " << text.substr(line.byte_begin, 12);
            }
            if (line.byte_end < text.size()) {
                EXPECT_EQ(opening.find(points.back()), std::u32string::npos)
                    << "line ends with opening punctuation at width " << width;
            }
        }
    }
    EXPECT_GT(broken_lines, 150u);
}

} // namespace
} // namespace pavilion::text
