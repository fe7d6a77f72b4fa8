#include "pavilion/core/line_breaker.hpp"
#include "pavilion/core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pavilion::core {
namespace {

// A monospace measure: every code point is one unit wide, CJK two (like real fonts).
float measure(std::string_view text) {
    float width = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length;
        const char32_t c = decode_utf8(text, at, length);
        width += is_cjk(c) ? 2.0f : 1.0f;
        at += length;
    }
    return width;
}

std::vector<std::string> lines_of(std::string_view text, float width) {
    std::vector<std::string> lines;
    for (const auto& line : break_lines(text, width, measure))
        lines.emplace_back(text.substr(line.begin, line.end - line.begin));
    return lines;
}

using Lines = std::vector<std::string>;

TEST(LineBreaker, EnglishBreaksAtSpacesAndDropsThem) {
    EXPECT_EQ(lines_of("the quick brown fox jumps", 10), (Lines{"the quick", "brown fox", "jumps"}));
}

TEST(LineBreaker, WithALineLimitGivesTheSameFirstLinesAndMeasuresOnlyThem) {
    // A long list (a source used by thousands of stories) shown in three lines must cost three
    // lines, not the whole text.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += (i ? " · " : "") + std::string(i % 2 ? "Wind Farm " : "万象铁路 ") + std::to_string(i);
    text += "\nand a second paragraph";
    int measured_unlimited = 0, measured_limited = 0;
    const auto all = break_lines(text, 60, [&](std::string_view piece) { ++measured_unlimited; return measure(piece); });
    const auto three = break_lines(text, 60, [&](std::string_view piece) { ++measured_limited; return measure(piece); }, 3);
    ASSERT_EQ(three.size(), 3u);
    for (std::size_t i = 0; i < three.size(); ++i) {
        EXPECT_EQ(three[i].begin, all[i].begin) << "line " << i;
        EXPECT_EQ(three[i].end, all[i].end) << "line " << i;
    }
    EXPECT_GT(all.size(), 300u);
    EXPECT_LT(measured_limited * 50, measured_unlimited) << measured_limited << " measurements for three lines";
}

TEST(LineBreaker, ALimitAboveTheLinesChangesNothing) {
    const std::string text = "the quick brown fox\njumps";
    EXPECT_EQ(break_lines(text, 10, measure, 10).size(), break_lines(text, 10, measure).size());
    EXPECT_EQ(break_lines(text, 10, measure, 2).size(), 2u);
    EXPECT_EQ(break_lines("一带一路倡议十周年", 4, measure, 1).size(), 1u); // split between characters
}

TEST(LineBreaker, TextThatFitsStaysOnOneLine) {
    EXPECT_EQ(lines_of("short text", 100), (Lines{"short text"}));
}

TEST(LineBreaker, EnglishBreaksAfterHyphenBetweenLetters) {
    EXPECT_EQ(lines_of("people-to-people exchange", 10), (Lines{"people-to-", "people", "exchange"}));
}

TEST(LineBreaker, LongWordIsSplitBetweenCharacters) {
    EXPECT_EQ(lines_of("abcdefghijkl", 5), (Lines{"abcde", "fghij", "kl"}));
}

TEST(LineBreaker, ChineseBreaksBetweenAnyTwoCharacters) {
    // Each CJK character is 2 units: 3 fit in 6.
    EXPECT_EQ(lines_of("一带一路倡议", 6), (Lines{"一带一", "路倡议"}));
}

TEST(LineBreaker, ClosingPunctuationNeverStartsALine) {
    // "路，" must stay together: the comma moves down with the character before it.
    EXPECT_EQ(lines_of("一带一路，合作", 8), (Lines{"一带一", "路，合作"}));
    EXPECT_EQ(lines_of("共建。成果", 4), (Lines{"共", "建。", "成果"}));
}

TEST(LineBreaker, OpeningPunctuationNeverEndsALine) {
    // "「" must not end a line: it moves down with the character after it.
    EXPECT_EQ(lines_of("我们「丝路", 6), (Lines{"我们", "「丝路"}));
}

TEST(LineBreaker, ChineseQuotesFollowTheSameRules) {
    EXPECT_EQ(lines_of("高质量“一带一路”", 8), (Lines{"高质量", "“一带一", "路”"}));
}

TEST(LineBreaker, MixedTextBreaksAtSpacesAndBetweenChineseCharacters) {
    // "2013年" may break before 年; the English part breaks at spaces only.
    EXPECT_EQ(lines_of("Since 2013年以来", 11), (Lines{"Since 2013", "年以来"}));
    EXPECT_EQ(lines_of("中欧班列 China Railway Express", 14),
              (Lines{"中欧班列 China", "Railway", "Express"}));
}

TEST(LineBreaker, NewlineAlwaysEndsALine) {
    EXPECT_EQ(lines_of("one\ntwo three", 100), (Lines{"one", "two three"}));
}

TEST(LineBreaker, EmptyTextGivesOneEmptyLine) {
    EXPECT_EQ(lines_of("", 10), (Lines{""}));
}

TEST(LineBreaker, MalformedUtf8DoesNotLoopOrOverrun) {
    const std::string broken = "ab\xE4\xB8" "cd\xFF\xFE" "efgh";
    const auto lines = break_lines(broken, 3, measure);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back().end, broken.size());
    for (const auto& line : lines) EXPECT_LE(line.end, broken.size());
}

TEST(Utf8, DecodesAllLengthsAndRejectsMalformedBytes) {
    std::size_t length = 0;
    EXPECT_EQ(decode_utf8("A", 0, length), U'A');
    EXPECT_EQ(length, 1u);
    EXPECT_EQ(decode_utf8("\xC5\xBE", 0, length), U'ž');
    EXPECT_EQ(length, 2u);
    EXPECT_EQ(decode_utf8("路", 0, length), U'路');
    EXPECT_EQ(length, 3u);
    EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80", 0, length), char32_t{0x1F600});
    EXPECT_EQ(length, 4u);
    EXPECT_EQ(decode_utf8("\xE8\xB7", 0, length), kReplacementCharacter); // cut off
    EXPECT_EQ(length, 1u);
    EXPECT_EQ(decode_utf8("\xC0\x80", 0, length), kReplacementCharacter); // overlong
    EXPECT_EQ(decode_utf8("\xED\xA0\x80", 0, length), kReplacementCharacter); // surrogate
}

TEST(Utf8, FindsTheFirstByteThatIsNotWellFormed) {
    EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("一带一路 road \xF0\x9F\x98\x80"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("a real \xEF\xBF\xBD is fine"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("ab\xFF" "cd"), 2u);
    EXPECT_EQ(first_invalid_utf8("路\xC0\x80"), 3u);      // overlong
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);  // a surrogate
    EXPECT_EQ(first_invalid_utf8("ok \xE8\xB7"), 3u);     // cut off at the end
}

TEST(Utf8, CollectsDistinctCodePoints) {
    CodepointSet set;
    add_codepoints("一带一路 road", set);
    EXPECT_EQ(set, (CodepointSet{U'一', U'带', U'路', U' ', U'r', U'o', U'a', U'd'}));
}

} // namespace
} // namespace pavilion::core
