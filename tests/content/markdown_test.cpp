// How item bodies written in Markdown become blocks and styled spans, seen through a build:
// each test writes one en.md body into a copy of the mini-pack and reads the blocks back.

#include "content_test_support.hpp"

namespace pavilion::content::test {
namespace {

const char* const kFrontMatter =
    "+++\n"
    "title = \"Green Silk Road\"\n"
    "summary = \"Clean energy and green finance.\"\n"
    "key_points = [\"Wind and solar projects.\"]\n"
    "+++\n";

// Builds the mini-pack with `file_text` as initiatives/green-silk-road/en.md and returns the
// item's English text; a failed build is a test failure.
ItemText built_text(const std::string& file_text) {
    SourceCopy source;
    source.write(kGreenEn, file_text);
    const auto report = source.build();
    if (!report) throw std::runtime_error("build failed: " + report.error().message);
    auto reader = PackReader::open(source.output());
    if (!reader) throw std::runtime_error("open failed: " + reader.error().message);
    return reader->catalog().find_item("initiative/green-silk-road")->text.at("en");
}

std::vector<Block> blocks_of(const std::string& body) { return built_text(kFrontMatter + body).blocks; }

Block paragraph(std::string text, std::vector<TextSpan> spans = {}) {
    return {BlockKind::paragraph, 0, std::move(text), std::move(spans)};
}

std::string styled(const Block& block, std::size_t span) {
    const auto& s = block.spans.at(span);
    return block.text.substr(s.begin, s.end - s.begin);
}

TEST(Markdown, ParagraphsAreSeparatedByBlankLines) {
    EXPECT_EQ(blocks_of("First paragraph.\n\nSecond paragraph.\n"),
              (std::vector<Block>{paragraph("First paragraph."), paragraph("Second paragraph.")}));
}

TEST(Markdown, LineBreakInEnglishBecomesOneSpace) {
    EXPECT_EQ(blocks_of("The railway links\nKunming and\nVientiane.\n"),
              (std::vector<Block>{paragraph("The railway links Kunming and Vientiane.")}));
}

TEST(Markdown, LineBreakBetweenChineseCharactersVanishes) {
    EXPECT_EQ(blocks_of("中老铁路连接\n昆明和万象。\n"),
              (std::vector<Block>{paragraph("中老铁路连接昆明和万象。")}));
}

TEST(Markdown, LineBreakAfterChinesePunctuationVanishes) {
    EXPECT_EQ(blocks_of("倡议始于2013年，\n如今已覆盖多个国家。\n"),
              (std::vector<Block>{paragraph("倡议始于2013年，如今已覆盖多个国家。")}));
}

// The fixture's case without styles: in a Chinese sentence the line break before a number must
// not become a space either (the "如今已覆盖150多个国家").
TEST(Markdown, LineBreakInChineseBeforeDigitsVanishes) {
    EXPECT_EQ(blocks_of("如今已覆盖\n150多个国家。\n"), (std::vector<Block>{paragraph("如今已覆盖150多个国家。")}));
}

// A style that starts on a new line covers its words only, not the space the line break became.
TEST(Markdown, StyleAfterALineBreakDoesNotCoverTheSpace) {
    const auto blocks = blocks_of("It now spans more than\n**150 countries** and *grows*.\n");
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].text, "It now spans more than 150 countries and grows.");
    ASSERT_EQ(blocks[0].spans.size(), 2u);
    EXPECT_EQ(styled(blocks[0], 0), "150 countries");
    EXPECT_EQ(blocks[0].spans[0], (TextSpan{23, 36, SpanStyle::strong}));
    EXPECT_EQ(styled(blocks[0], 1), "grows");
}

TEST(Markdown, SpansAreByteRangesOfUtf8Text) {
    const auto blocks = blocks_of("On the Možura *ridge*, **莫祖拉风电站** stands.\n");
    ASSERT_EQ(blocks.size(), 1u);
    const auto& block = blocks[0];
    EXPECT_EQ(block.text, "On the Možura ridge, 莫祖拉风电站 stands.");
    // "On the Možura " is 15 bytes (ž takes two); each Chinese character takes three.
    EXPECT_EQ(block.spans, (std::vector<TextSpan>{{15, 20, SpanStyle::emphasis},
                                                 {22, 40, SpanStyle::strong}}));
    EXPECT_EQ(styled(block, 0), "ridge");
    EXPECT_EQ(styled(block, 1), "莫祖拉风电站");
}

TEST(Markdown, UnderscoresAndNestedStyles) {
    const auto blocks = blocks_of("An _emphasised_ word and ***both at once***.\n");
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].text, "An emphasised word and both at once.");
    ASSERT_EQ(blocks[0].spans.size(), 3u);
    EXPECT_EQ(blocks[0].spans[0], (TextSpan{3, 13, SpanStyle::emphasis}));
    for (std::size_t i = 1; i < 3; ++i) EXPECT_EQ(styled(blocks[0], i), "both at once");
    EXPECT_NE(blocks[0].spans[1].style, blocks[0].spans[2].style) << "one em and one strong";
}

TEST(Markdown, HeadingsKeepTheirLevel) {
    EXPECT_EQ(blocks_of("# One\n\n## Two\n\n### Three\n\nText.\n"),
              (std::vector<Block>{{BlockKind::heading, 1, "One", {}},
                                  {BlockKind::heading, 2, "Two", {}},
                                  {BlockKind::heading, 3, "Three", {}},
                                  paragraph("Text.")}));
}

TEST(Markdown, UnderlinedHeadings) {
    EXPECT_EQ(blocks_of("Title\n=====\n\nSection\n-------\n"),
              (std::vector<Block>{{BlockKind::heading, 1, "Title", {}},
                                  {BlockKind::heading, 2, "Section", {}}}));
}

TEST(Markdown, BulletsAreOneBlockEachAndWrapWithSpaces) {
    EXPECT_EQ(blocks_of("- first point,\n  continued\n* second point\n+ third with **strong** word\n"),
              (std::vector<Block>{{BlockKind::bullet, 0, "first point, continued", {}},
                                  {BlockKind::bullet, 0, "second point", {}},
                                  {BlockKind::bullet, 0, "third with strong word", {{11, 17, SpanStyle::strong}}}}));
}

TEST(Markdown, LooseListItemsAreStillBullets) {
    EXPECT_EQ(blocks_of("- one\n\n- two\n"),
              (std::vector<Block>{{BlockKind::bullet, 0, "one", {}}, {BlockKind::bullet, 0, "two", {}}}));
}

// A bullet with two paragraphs must not glue the last word of one to the first of the next.
TEST(Markdown, ListItemWithTwoParagraphsKeepsWordsApart) {
    const auto blocks = blocks_of("- first paragraph\n\n  second paragraph\n- next\n");
    ASSERT_FALSE(blocks.empty());
    EXPECT_EQ(blocks[0].text.find("paragraphsecond"), std::string::npos)
        << "words glued together: " << blocks[0];
}

TEST(Markdown, QuotesJoinTheirLines) {
    EXPECT_EQ(blocks_of("> Cooperation is a long-term\n> plan, the author argues.\n\nAfter.\n"),
              (std::vector<Block>{{BlockKind::quote, 0, "Cooperation is a long-term plan, the author argues.", {}},
                                  paragraph("After.")}));
}

TEST(Markdown, QuoteWithTwoParagraphsGivesTwoQuoteBlocks) {
    EXPECT_EQ(blocks_of("> First.\n>\n> Second.\n"),
              (std::vector<Block>{{BlockKind::quote, 0, "First.", {}}, {BlockKind::quote, 0, "Second.", {}}}));
}

TEST(Markdown, EntitiesAreDecoded) {
    EXPECT_EQ(blocks_of("Trade &amp; finance, 1 &lt; 2 &gt; 0, &quot;quoted&quot;.\n"),
              (std::vector<Block>{paragraph("Trade & finance, 1 < 2 > 0, \"quoted\".")}));
}

TEST(Markdown, BackslashEscapesAreText) {
    EXPECT_EQ(blocks_of("Not a \\# heading, not a \\[link\\], not \\_emphasis\\_.\n"),
              (std::vector<Block>{paragraph("Not a # heading, not a [link], not _emphasis_.")}));
}

// CommonMark's way to write a literal asterisk is to escape it; the check for unclosed '**'
// markers must not reject what the author escaped on purpose.
TEST(Markdown, EscapedAsteriskIsText) {
    EXPECT_EQ(blocks_of("Marked \\* are estimates.\n"),
              (std::vector<Block>{paragraph("Marked * are estimates.")}));
}

TEST(Markdown, HardLineBreakIsASpace) {
    EXPECT_EQ(blocks_of("First line  \nsecond line\n"),
              (std::vector<Block>{paragraph("First line second line")}));
}

TEST(Markdown, WindowsLineEndingsGiveTheSameText) {
    const std::string unix_file = std::string(kFrontMatter) +
                                  "The railway links\nKunming and Vientiane.\n\n## Heading\n\n- a *point*\n";
    std::string windows_file;
    for (char c : unix_file) windows_file += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto unix_text = built_text(unix_file);
    const auto windows_text = built_text(windows_file);
    EXPECT_EQ(windows_text.title, "Green Silk Road");
    EXPECT_EQ(windows_text.key_points, unix_text.key_points);
    EXPECT_EQ(windows_text.blocks, unix_text.blocks);
    for (const auto& block : windows_text.blocks)
        EXPECT_EQ(block.text.find('\r'), std::string::npos) << block;
}

} // namespace
} // namespace pavilion::content::test
