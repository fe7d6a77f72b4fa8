// The builder's check that every character of visitor text has a glyph, against a test-only
// coverage (no fonts): what is reported, where, in which locale, what is left out, and that the
// builder without a coverage checks nothing. kiosk_fonts_test.cpp runs the real fonts.

#include "../../content/src/uncovered_characters.hpp"
#include "content_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

namespace pavilion::content {
namespace {

namespace fs = std::filesystem;
using test::kAnyLine;
using test::reports;
using test::SourceCopy;

// Covers what `covered` says, under the name "fake font".
class FakeCoverage : public GlyphCoverage {
public:
    explicit FakeCoverage(std::function<bool(char32_t)> covered) : covered_(std::move(covered)) {}
    bool covers(char32_t c) const override { return covered_(c); }
    std::string fonts() const override { return "fake font"; }

private:
    std::function<bool(char32_t)> covered_;
};

// Everything but the private use area (where no font of the kiosk has glyphs).
bool all_but_private_use(char32_t c) { return c < 0xE000 || c > 0xF8FF; }

BuildOptions covered_by(std::function<bool(char32_t)> covered, std::optional<PackFontFile>* asked = nullptr) {
    BuildOptions options;
    options.glyph_coverage = [covered, asked](const std::optional<PackFontFile>& pack_font)
        -> Expected<std::unique_ptr<GlyphCoverage>> {
        if (asked) *asked = pack_font;
        return std::unique_ptr<GlyphCoverage>(std::make_unique<FakeCoverage>(covered));
    };
    return options;
}

std::string errors_of(const SourceCopy& source, const BuildOptions& options) {
    auto report = build_pack(source.root(), source.output(), options);
    if (report) {
        ADD_FAILURE() << "the build succeeded, but a character no font covers was expected to fail it";
        return "";
    }
    EXPECT_EQ(report.error().code, ErrorCode::authoring) << report.error().message;
    EXPECT_FALSE(fs::exists(source.output())) << "nothing is written when the build fails";
    return report.error().message;
}

TEST(GlyphCoverage, TheMiniPackIsCoveredAndNoPackFontIsAskedFor) {
    const SourceCopy source;
    std::optional<PackFontFile> asked = PackFontFile{"not asked", ""};
    const auto report = build_pack(source.root(), source.output(), covered_by(all_but_private_use, &asked));
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(asked.has_value()) << "the mini-pack has no font of its own";
}

TEST(GlyphCoverage, AnUncoveredCharacterInAMarkdownBodyNamesFileLineLocaleAndCodePoint) {
    const SourceCopy source;
    source.replace(test::kGreenEn, "a shared goal", "a shared \uE000 goal");
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    EXPECT_TRUE(reports(errors, test::kGreenEn, 6,
                        "en text has \"\uE000\" (U+E000), which no font covers (fake font)"));
    EXPECT_EQ(test::count_lines(errors), 1) << errors;
}

TEST(GlyphCoverage, TomlTextsAreNamedByTheLocaleTheirKeySays) {
    const SourceCopy source;
    source.replace("figures.toml", "zh = \"个国家\"", "zh = \"个\uE001国家\"");
    source.replace("strings.toml", "back = \"返回\"", "back = \"返\uE002回\"");
    source.replace("pack.toml", "zh = \"欧洲\"", "zh = \"欧\\uE003洲\""); // a TOML escape counts too
    source.replace(test::kOverviewEn, "title = \"The", "title = \"\uE004 The");
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    EXPECT_TRUE(reports(errors, "figures.toml", source.line("figures.toml", "个"), "zh text has \"\uE001\" (U+E001)"));
    EXPECT_TRUE(reports(errors, "strings.toml", source.line("strings.toml", "返"), "zh text has \"\uE002\" (U+E002)"));
    EXPECT_TRUE(reports(errors, "pack.toml", source.line("pack.toml", "欧"), "zh text has \"\uE003\" (U+E003)"));
    EXPECT_TRUE(reports(errors, test::kOverviewEn, 2, "en text has \"\uE004\" (U+E004)"));
    EXPECT_EQ(test::count_lines(errors), 4) << errors;
}

TEST(GlyphCoverage, TextWrittenOnceForEveryLanguageSaysSo) {
    const SourceCopy source;
    source.replace("sources.toml", "author = \"A. Author\"", "author = \"A. \uE000uthor\"");
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    EXPECT_TRUE(reports(errors, "sources.toml", 3, "text shown in every language has \"\uE000\" (U+E000)"));
}

TEST(GlyphCoverage, EachCharacterIsReportedOncePerLineAndEveryLineOfAMultiLineText) {
    const SourceCopy source;
    source.replace(test::kOverviewEn, "The initiative began", "\uE000 and \uE000 and \uE001. The initiative began");
    source.replace(test::kOverviewEn, "- soft connectivity", "- soft \uE000 connectivity");
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    const int first = source.line(test::kOverviewEn, "The initiative began");
    const int bullet = source.line(test::kOverviewEn, "- soft");
    EXPECT_TRUE(reports(errors, test::kOverviewEn, first, "(U+E000)"));
    EXPECT_TRUE(reports(errors, test::kOverviewEn, first, "(U+E001)"));
    EXPECT_TRUE(reports(errors, test::kOverviewEn, bullet, "(U+E000)"));
    EXPECT_EQ(test::count_lines(errors), 3) << errors;
}

TEST(GlyphCoverage, CharactersThatAreNotDrawnNeedNoGlyph) {
    const SourceCopy source;
    // A no-break space, a zero-width joiner, an emoji variation selector, a right-to-left mark and
    // a tab: a coverage that knows only ASCII and the mini-pack's Chinese still passes them.
    source.replace(test::kGreenEn, "a shared goal", "a\u00A0shared\u200D\uFE0F\u200F\tgoal");
    const auto ascii_and_han = [](char32_t c) { return c < 0x80 || (c >= 0x3000 && c <= 0x9FFF) || c >= 0xFF00; };
    // The mini-pack's own text has a few more: the dash of "China–Laos", "Možura".
    const auto mini_pack_text = [&](char32_t c) { return ascii_and_han(c) || c == U'–' || c == U'ž'; };
    const auto report = build_pack(source.root(), source.output(), covered_by(mini_pack_text));
    ASSERT_TRUE(report) << report.error().message;
    for (char32_t c : {U'\u00A0', U'\u200D', U'\uFE0F', U'\u200F', U'\t', U'\n', U' ', U'\U000E0100'})
        EXPECT_FALSE(is_drawn(c)) << static_cast<unsigned>(c);
    for (char32_t c : {U'a', U'中', U'\u0651', U'\uE000', U'\U0001F600'}) EXPECT_TRUE(is_drawn(c)) << static_cast<unsigned>(c);
}

TEST(GlyphCoverage, FilePathsAreNotVisitorText) {
    const SourceCopy source;
    fs::copy_file(source.path("images/rail.svg"), source.path("images/r\uE000il.svg"));
    source.replace(test::kOverviewItem, "image = \"images/rail.svg\"", "image = \"images/r\uE000il.svg\"");
    const auto report = build_pack(source.root(), source.output(), covered_by(all_but_private_use));
    EXPECT_TRUE(report) << report.error().message;
}

TEST(GlyphCoverage, DatesAndLinksAreVisitorText) {
    const SourceCopy source;
    source.replace("sources.toml", "date = \"2024-02-27\"", "date = \"2024-02-27\uE000\"");
    source.replace("sources.toml", "https://example.org/article-one", "https://example.org/\uE001");
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    EXPECT_TRUE(reports(errors, "sources.toml", source.line("sources.toml", "date ="), "(U+E000)"));
    EXPECT_TRUE(reports(errors, "sources.toml", source.line("sources.toml", "url ="), "(U+E001)"));
}

TEST(GlyphCoverage, AfterFiftyTheRestAreCountedOnOneLine) {
    const SourceCopy source;
    std::string many;
    for (char32_t c = 0xE000; c < 0xE000 + 60; ++c) {
        many += "\n\n";
        many += std::string("\xEE") + static_cast<char>(0x80 | ((c >> 6) & 0x3F)) + static_cast<char>(0x80 | (c & 0x3F));
    }
    source.append(test::kGreenEn, many);
    const auto errors = errors_of(source, covered_by(all_but_private_use));
    EXPECT_EQ(test::count_lines(errors), 51) << errors;
    EXPECT_TRUE(reports(errors, test::kGreenEn, kAnyLine, "and 10 more characters no font covers"));
    EXPECT_TRUE(reports(errors, test::kGreenEn, kAnyLine, "(U+E031)"));
    EXPECT_EQ(errors.find("(U+E032)"), std::string::npos) << "the 51st is not listed";
}

TEST(GlyphCoverage, WithoutACoverageNothingIsChecked) {
    const SourceCopy source;
    source.replace(test::kGreenEn, "a shared goal", "a shared \uE000 goal");
    const auto report = build_pack(source.root(), source.output());
    EXPECT_TRUE(report) << report.error().message;
}

TEST(GlyphCoverage, ThePackFontIsAskedForByItsPathAndName) {
    const SourceCopy source;
    source.write("fonts/own.ttf", "not checked by the fake");
    source.replace(test::kPackToml, "idle_timeout_s = 60", "idle_timeout_s = 60\nfont = \"fonts/own.ttf\"");
    std::optional<PackFontFile> asked;
    const auto report = build_pack(source.root(), source.output(), covered_by(all_but_private_use, &asked));
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_TRUE(asked.has_value());
    EXPECT_EQ(asked->name, "fonts/own.ttf");
    EXPECT_EQ(asked->path, source.path("fonts/own.ttf"));
}

TEST(GlyphCoverage, APackFontTheFontsRefuseIsReportedAtItsLine) {
    const SourceCopy source;
    source.write("fonts/own.ttf", "not a font");
    source.replace(test::kPackToml, "idle_timeout_s = 60", "idle_timeout_s = 60\nfont = \"fonts/own.ttf\"");
    BuildOptions options;
    options.glyph_coverage = [](const std::optional<PackFontFile>&) -> Expected<std::unique_ptr<GlyphCoverage>> {
        return make_error(ErrorCode::authoring, "font 'fonts/own.ttf' cannot be used: not a font");
    };
    const auto errors = errors_of(source, options);
    EXPECT_TRUE(reports(errors, "pack.toml", source.line("pack.toml", "font ="), "font 'fonts/own.ttf' cannot be used"));
}

TEST(GlyphCoverage, MissingFallbackFontsFailTheBuildAsTheMachinesError) {
    const SourceCopy source;
    BuildOptions options;
    options.glyph_coverage = [](const std::optional<PackFontFile>&) -> Expected<std::unique_ptr<GlyphCoverage>> {
        return make_error(ErrorCode::unavailable, "font /nowhere/NotoSans-Regular.ttf (face 0): missing");
    };
    const auto report = build_pack(source.root(), source.output(), options);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::unavailable);
    EXPECT_NE(report.error().message.find("/nowhere/NotoSans-Regular.ttf"), std::string::npos);
    EXPECT_FALSE(fs::exists(source.output()));
}

} // namespace
} // namespace pavilion::content
