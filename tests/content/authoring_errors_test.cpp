// Every class of authoring mistake is reported as "file:line: what is wrong" (the file relative
// to the pack source folder), all mistakes of a build are reported together, and a failed build
// writes nothing.

#include "content_test_support.hpp"

namespace pavilion::content::test {
namespace {

// A copy of the mini-pack to break in one way per test.
class AuthoringErrors : public ::testing::Test {
protected:
    SourceCopy source_;

    int line(const std::string& file, const std::string& needle) const {
        return source_.line(file, needle);
    }
};

// A complete en.md with the given body, for Markdown errors.
std::string markdown_file(const std::string& body) {
    return "+++\n"
           "title = \"Green Silk Road\"\n"
           "summary = \"Clean energy and green finance.\"\n"
           "key_points = [\"Wind and solar projects.\"]\n"
           "+++\n" +
           body;
}

TEST_F(AuthoringErrors, TomlSyntaxErrorPointsAtItsLine) {
    source_.replace(kPackToml, "version = 3", "version = = 3");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kPackToml, line(kPackToml, "version = = 3"), ""));
    EXPECT_EQ(count_lines(errors), 1) << errors;
}

// toml11 3.7.1 reads past its buffer on some malformed UTF-8 inside a string (found by fuzzing):
// such a file is refused at its line before toml11 sees it.
TEST_F(AuthoringErrors, TextThatIsNotUtf8IsRefusedAtItsLine) {
    source_.replace(kPackToml, "version = 3", "version = 3\nnote = 'bad \xFF\xFF bytes'");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kPackToml, line(kPackToml, "version = 3") + 1, "not valid UTF-8 text")) << errors;
    EXPECT_EQ(count_lines(errors), 1) << errors;
}

TEST_F(AuthoringErrors, TomlSyntaxErrorInFrontMatterCountsTheFencesLine) {
    source_.replace(kLaosEn, "summary = \"A railway through the mountains.\"", "summary = \"unterminated");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosEn, line(kLaosEn, "summary ="), ""));
}

TEST_F(AuthoringErrors, UnknownKeyIsReportedAtItsLine) {
    source_.replace(kLaosEn, "title =", "titel =");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosEn, line(kLaosEn, "titel"), "unknown key 'titel'"));
    EXPECT_TRUE(reports(errors, kLaosEn, kAnyLine, "missing 'title'"));
}

TEST_F(AuthoringErrors, UnknownKeyInItemTomlIsReported) {
    source_.append(kLaosItem, "\n[extra]\nnote = 1\n");
    source_.replace(kLaosItem, "theme = ", "thme = ");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "thme"), "unknown key 'thme'"));
    EXPECT_TRUE(reports(errors, kLaosItem, kAnyLine, "unknown key 'extra'"));
}

TEST_F(AuthoringErrors, MissingRequiredKeyNamesTheTable) {
    source_.replace(kLaosItem, "order = 10\n", "");
    source_.replace(kLaosItem, "lat = 17.97\n", "");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, 1, "missing 'order'")) << "a top-level key: line 1";
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "[place]"), "missing 'lat'"));
}

TEST_F(AuthoringErrors, WrongTypeIsReportedAtTheValue) {
    source_.replace(kLaosItem, "order = 10", "order = \"ten\"");
    source_.replace("figures.toml", "value = 150", "value = \"many\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "order ="),
                        "'order' must be a whole number, not a string"));
    EXPECT_TRUE(reports(errors, "figures.toml", line("figures.toml", "value = \"many\""),
                        "'value' must be a number"));
}

TEST_F(AuthoringErrors, LocalizedTextMissingALocale) {
    source_.replace(kLaosItem, ", zh = \"老挝万象\"", "");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "name ="), "'name' has no text in 'zh'"));
}

TEST_F(AuthoringErrors, LocalizedTextInAnUnknownLocale) {
    source_.replace("sources.toml", "zh = \"第二篇文章\" }", "zh = \"第二篇文章\", fr = \"Le second\" }");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "sources.toml", line("sources.toml", "fr = "),
                        "'title' has text for 'fr', which is not among the pack's locales"));
}

TEST_F(AuthoringErrors, EmptyLocalizedText) {
    source_.replace("attract.toml", "zh = \"亚得里亚海岸的风电\"", "zh = \"\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "attract.toml", line("attract.toml", "zh = \"\""),
                        "'caption.zh' must be a non-empty string"));
}

TEST_F(AuthoringErrors, MissingLocaleMarkdownFile) {
    source_.remove("stories/china-laos-railway/zh.md");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "stories/china-laos-railway/zh.md", 0, "file is missing"));
}

TEST_F(AuthoringErrors, MarkdownFileForAnUnknownLocale) {
    source_.write("stories/china-laos-railway/fr.md", source_.read(kLaosEn));
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "stories/china-laos-railway/fr.md", 0,
                        "'fr' is not among the pack's locales"));
}

TEST_F(AuthoringErrors, MissingFrontMatter) {
    source_.write(kGreenEn, "Green development is a shared goal.\n");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kGreenEn, 1, "must start with front matter between '+++' lines"));
}

TEST_F(AuthoringErrors, UnclosedFrontMatter) {
    source_.write(kGreenEn, "+++\ntitle = \"Green Silk Road\"\nGreen development.\n");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kGreenEn, 1, "front matter"));
}

TEST_F(AuthoringErrors, EmptyBody) {
    source_.write(kGreenEn, markdown_file("\n   \n"));
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kGreenEn, 6, "the body text is empty")) << "the line after '+++'";
}

TEST_F(AuthoringErrors, EmptyTitle) {
    source_.replace(kLaosEn, "title = \"China–Laos Railway\"", "title = \"\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosEn, line(kLaosEn, "title ="), "'title' must not be empty"));
}

TEST_F(AuthoringErrors, TooManyKeyPoints) {
    source_.replace(kLaosEn, "key_points = [\"Opened in December 2021.\", \"1,035 km from Kunming to Vientiane.\"]",
                    "key_points = [\n  \"1\", \"2\", \"3\",\n  \"4\", \"5\", \"6\",\n  \"7\", \"8\", \"9\",\n]");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosEn, line(kLaosEn, "key_points"), "'key_points' must hold 1 to 8 points"));
}

TEST_F(AuthoringErrors, NoKeyPoints) {
    source_.replace(kLaosEn, "key_points = [\"Opened in December 2021.\", \"1,035 km from Kunming to Vientiane.\"]",
                    "key_points = []");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosEn, line(kLaosEn, "key_points"), "'key_points' must hold 1 to 8 points"));
}

TEST_F(AuthoringErrors, FolderNameThatIsNotAnId) {
    fs::rename(source_.path("stories/mozura-wind-farm"), source_.path("stories/Mozura-Wind-Farm"));
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "stories/Mozura-Wind-Farm", 0,
                        "folder name 'Mozura-Wind-Farm' is not a valid id"));
}

TEST_F(AuthoringErrors, PackIdThatIsNotAnId) {
    source_.replace(kPackToml, "id = \"mini-pack\"", "id = \"Mini Pack\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kPackToml, line(kPackToml, "id = \"Mini Pack\""), "'id'"));
}

TEST_F(AuthoringErrors, DuplicateSourceId) {
    source_.append("sources.toml", "\n[[source]]\nid = \"article_one\"\nauthor = \"\"\noutlet = \"\"\n"
                                   "title = { en = \"Again\", zh = \"再次\" }\n");
    const auto errors = source_.build_errors();
    // The second definition, at the end of the file, is the one reported.
    const auto text = source_.read("sources.toml");
    const auto second = text.rfind("id = \"article_one\"");
    const int last_id_line = line_of(text.substr(0, second) + "<here>", "<here>");
    EXPECT_TRUE(reports(errors, "sources.toml", last_id_line, "source 'article_one' is defined twice"));
}

TEST_F(AuthoringErrors, UnknownSourceReference) {
    source_.replace(kLaosItem, "sources = [\"article_one\"]", "sources = [\"nope\"]");
    const auto errors = source_.build_errors();
    // The exact format the issue gives.
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "sources ="),
                        "unknown source 'nope' (see sources.toml)"));
    EXPECT_NE(errors.find("stories/china-laos-railway/item.toml:" +
                          std::to_string(line(kLaosItem, "sources =")) +
                          ": unknown source 'nope' (see sources.toml)"),
              std::string::npos)
        << errors;
}

TEST_F(AuthoringErrors, ItemWithoutSources) {
    source_.replace(kLaosItem, "sources = [\"article_one\"]", "sources = []");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "sources ="), "at least one source"));
}

TEST_F(AuthoringErrors, UnknownRelatedItem) {
    source_.replace(kLaosItem, "related = [\"initiative/overview\"]",
                    "related = [\"initiative/overview\", \"story/atlantis\"]");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "related ="),
                        "related item 'story/atlantis' does not exist"));
    EXPECT_EQ(count_lines(errors), 1) << "initiative/overview exists: " << errors;
}

TEST_F(AuthoringErrors, UnknownThemeAndRegion) {
    source_.replace(kLaosItem, "theme = \"connectivity\"", "theme = \"transport\"");
    source_.replace(kLaosItem, "region = \"southeast-asia\"", "region = \"mars\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "theme ="), "unknown theme 'transport'"));
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "region ="), "unknown region 'mars'"));
}

TEST_F(AuthoringErrors, StoryWithoutPlace) {
    source_.write(kLaosItem, "order = 10\nimage = \"images/rail.svg\"\nsources = [\"article_one\"]\n");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, 1, "missing 'place'"));
}

TEST_F(AuthoringErrors, MapPointWithLatitudeOutOfRangeIsReportedAtTheLatitude) {
    source_.replace("map.toml", "lat = 44.2", "lat = 95");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", line("map.toml", "lat = 95"), "latitude (-90..90)"));
}

TEST_F(AuthoringErrors, MapLineWithCoordinateOutOfRangeIsReportedAtThePair) {
    source_.replace("map.toml", "coords = [[119.2, 34.6], [87.6, 43.8], [13.4, 52.5]]",
                    "coords = [\n  [119.2, 34.6],\n  [87.6, 95],\n  [13.4, 52.5],\n]");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", line("map.toml", "[87.6, 95]"), "latitude (-90..90)"));
}

TEST_F(AuthoringErrors, PlaceWithLatitudeOutOfRangeIsReportedAtTheLatitude) {
    source_.replace(kLaosItem, "lat = 17.97", "lat = 95");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "lat = 95"), "latitude (-90..90)"));
}

TEST_F(AuthoringErrors, PlaceWithLongitudeOutOfRangeIsReportedAtTheLongitude) {
    source_.replace(kLaosItem, "lon = 102.61", "lon = 200");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "lon = 200"), "longitude (-180..180)"));
}

TEST_F(AuthoringErrors, LineWithOnePoint) {
    source_.replace("map.toml", "coords = [[119.2, 34.6], [87.6, 43.8], [13.4, 52.5]]",
                    "coords = [[119.2, 34.6]]");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", line("map.toml", "coords ="), "a line needs at least two points"));
}

TEST_F(AuthoringErrors, MapLinkToAMissingItem) {
    source_.replace("map.toml", "link = \"initiative/overview\"", "link = \"initiative/nowhere\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", line("map.toml", "link ="), "'initiative/nowhere' is not an item"));
}

TEST_F(AuthoringErrors, MapFeatureIdCollidingWithAStoryPoint) {
    source_.replace("map.toml", "id = \"khorgos\"", "id = \"story-china-laos-railway\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", line("map.toml", "id = \"story-china-laos-railway\""),
                        "invalid or used twice"));
}

TEST_F(AuthoringErrors, MissingImageFile) {
    source_.replace(kLaosItem, "image = \"images/rail.svg\"", "image = \"images/missing.png\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "image ="),
                        "image 'images/missing.png' does not exist"));
}

TEST_F(AuthoringErrors, StringsMissingARequiredKeyInOneLocale) {
    source_.replace("strings.toml", "home = \"首页\"\n", "");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "strings.toml", line("strings.toml", "[zh]"), "[zh] has no 'home'"));
}

TEST_F(AuthoringErrors, StringsMissingKeyIsReportedOnce) {
    source_.replace("strings.toml", "home = \"首页\"\n", "");
    const auto errors = source_.build_errors();
    EXPECT_EQ(count_lines(errors), 1) << "one missing key is one problem:\n" << errors;
}

TEST_F(AuthoringErrors, StringsExtraKeyMustExistInEveryLocale) {
    source_.replace("strings.toml", "home = \"Home\"", "home = \"Home\"\nsearch = \"Search\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "strings.toml", line("strings.toml", "[zh]"), "[zh] has no 'search'"));
}

TEST_F(AuthoringErrors, FigureWithUnknownSource) {
    source_.replace("figures.toml", "source = \"article-two\"", "source = \"article-three\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "figures.toml", line("figures.toml", "article-three"),
                        "unknown source 'article-three' (see sources.toml)"));
}

TEST_F(AuthoringErrors, FigureWithTooManyDecimals) {
    source_.replace("figures.toml", "decimals = 1", "decimals = 7");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "figures.toml", line("figures.toml", "decimals = 7"),
                        "'decimals' must be between 0 and 6"));
}

TEST_F(AuthoringErrors, FigureDisplayFormsOnlyForThePacksLocales) {
    source_.replace("figures.toml", "display = { zh = \"逾150\" }", "display = { fr = \"plus de 150\", zh = \"\" }");
    const auto errors = source_.build_errors();
    const int at = line("figures.toml", "plus de 150");
    EXPECT_TRUE(reports(errors, "figures.toml", at, "'display' has text for 'fr', which is not among the pack's locales"))
        << errors;
    EXPECT_TRUE(reports(errors, "figures.toml", at, "'display.zh' must be a non-empty string")) << errors;
}

TEST_F(AuthoringErrors, ASourceBylinePerLanguageNamesEveryLanguage) {
    source_.replace("sources.toml", "outlet = { en = \"Test Outlet\", zh = \"《测试报》\" }", "outlet = { en = \"Test Outlet\" }");
    source_.replace("sources.toml", "author = \"A. Author\"", "author = 7");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "sources.toml", line("sources.toml", "Test Outlet"), "'outlet' has no text in 'zh'"))
        << errors;
    EXPECT_TRUE(reports(errors, "sources.toml", line("sources.toml", "author = 7"),
                        "'author' must be a string, or a table with one string per language, not an integer"))
        << errors;
}

TEST_F(AuthoringErrors, DefaultLocaleNotAmongLocales) {
    source_.replace(kPackToml, "default_locale = \"en\"", "default_locale = \"fr\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kPackToml, line(kPackToml, "default_locale"),
                        "'default_locale' must be one of 'locales'"));
}

TEST_F(AuthoringErrors, IdleTimeoutOutOfRange) {
    source_.replace(kPackToml, "idle_timeout_s = 60", "idle_timeout_s = 5");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kPackToml, line(kPackToml, "idle_timeout_s"),
                        "'idle_timeout_s' must be between 10 and 3600"));
}

TEST_F(AuthoringErrors, MissingSourceFolder) {
    const auto report = build_pack(source_.path("no-such-folder"), source_.output());
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::authoring);
    EXPECT_NE(report.error().message.find("is not a folder"), std::string::npos) << report.error().message;
}

// --- Markdown the kiosk cannot show: reported at the line where it is written. --------------

struct UnsupportedMarkdown {
    const char* name;
    const char* snippet; // follows two lines of plain paragraphs
    const char* marker;  // text on the line the error must name
    const char* what;    // words of the message
};

void PrintTo(const UnsupportedMarkdown& c, std::ostream* out) { *out << c.name; }

class UnsupportedMarkdownTest : public ::testing::TestWithParam<UnsupportedMarkdown> {};

TEST_P(UnsupportedMarkdownTest, IsReportedAtItsLine) {
    const auto& c = GetParam();
    SourceCopy source;
    source.write(kGreenEn, markdown_file("Green development is a shared goal.\n"
                                         "It is written on two lines.\n\n" +
                                         std::string(c.snippet) + "\n\nA last paragraph.\n"));
    const auto errors = source.build_errors();
    EXPECT_TRUE(reports(errors, kGreenEn, source.line(kGreenEn, c.marker), c.what));
}

INSTANTIATE_TEST_SUITE_P(
    AuthoringErrors, UnsupportedMarkdownTest,
    ::testing::Values(
        UnsupportedMarkdown{"NumberedList", "Steps:\n\n1. first step\n2. second step", "1. first step",
                            "numbered lists are not supported"},
        UnsupportedMarkdown{"Link", "Read more\non [the website](https://example.org) today.",
                            "[the website]", "links are not supported"},
        UnsupportedMarkdown{"Autolink", "See <https://example.org> for more.", "<https://",
                            "links are not supported"},
        UnsupportedMarkdown{"Image", "![A map of the corridor](images/rail.svg)", "![A map",
                            "images are not supported"},
        UnsupportedMarkdown{"InlineCode", "Run `pavilion-pack build` first.", "`pavilion-pack",
                            "inline code"},
        UnsupportedMarkdown{"DeepHeading", "#### A fourth-level heading", "####",
                            "headings deeper than ###"},
        UnsupportedMarkdown{"HorizontalRule", "Above.\n\n***\n\nBelow.", "***",
                            "horizontal rules are not supported"},
        UnsupportedMarkdown{"Table", "| year | countries |\n|------|-----------|\n| 2013 | 1 |",
                            "| year", "tables are not supported"}),
    [](const ::testing::TestParamInfo<UnsupportedMarkdown>& info) { return std::string(info.param.name); });

// A fenced code block is reported at its fence or at its first line of code.
TEST_F(AuthoringErrors, CodeBlock) {
    source_.write(kGreenEn, markdown_file("Intro.\n\n```\nlet x = 1;\n```\n\nAfter.\n"));
    const auto errors = source_.build_errors();
    const int fence = line(kGreenEn, "```");
    EXPECT_TRUE(reports(errors, kGreenEn, fence, "code blocks are not supported") ||
                reports(errors, kGreenEn, fence + 1, "code blocks are not supported"))
        << errors;
}

// --- Several problems, and what a failed build leaves behind. ------------------------------

TEST_F(AuthoringErrors, EveryProblemOfABuildIsReported) {
    source_.replace(kLaosItem, "sources = [\"article_one\"]", "sources = [\"nope\"]");
    source_.replace(kOverviewEn, "title =", "titel =");
    source_.replace("map.toml", "lat = 44.2", "lat = -95");
    source_.replace("strings.toml", "back = \"返回\"\n", "");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "sources ="), "unknown source 'nope'"));
    EXPECT_TRUE(reports(errors, kOverviewEn, line(kOverviewEn, "titel"), "unknown key 'titel'"));
    EXPECT_TRUE(reports(errors, "map.toml", kAnyLine, "latitude"));
    EXPECT_TRUE(reports(errors, "strings.toml", kAnyLine, "'back'"));
    EXPECT_GE(count_lines(errors), 4);
}

TEST_F(AuthoringErrors, ProblemsInImagesAndTextAreBothReported) {
    source_.replace(kLaosItem, "image = \"images/rail.svg\"", "image = \"images/missing.png\"");
    source_.replace(kOverviewItem, "theme = \"connectivity\"", "theme = \"nope\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, line(kLaosItem, "image ="), "does not exist"));
    EXPECT_TRUE(reports(errors, kOverviewItem, line(kOverviewItem, "theme ="), "unknown theme 'nope'"));
}

TEST_F(AuthoringErrors, FailedBuildWritesNoFile) {
    source_.replace(kLaosItem, "sources = [\"article_one\"]", "sources = [\"nope\"]");
    source_.build_errors();
    EXPECT_FALSE(fs::exists(source_.output()));
    EXPECT_FALSE(fs::exists(source_.output() + ".building")) << "no temporary file is left";
}

TEST_F(AuthoringErrors, FailedBuildLeavesAPreviousPackUntouched) {
    const auto good = source_.build();
    ASSERT_TRUE(good) << good.error().message;
    const auto before = pavilion::testing::read_bytes(source_.output());
    const auto time_before = fs::last_write_time(source_.output());

    source_.replace(kLaosItem, "sources = [\"article_one\"]", "sources = [\"nope\"]");
    source_.build_errors();
    EXPECT_TRUE(pavilion::testing::read_bytes(source_.output()) == before);
    EXPECT_EQ(fs::last_write_time(source_.output()), time_before);
    EXPECT_TRUE(PackReader::open(source_.output())) << "the earlier pack still opens";
}

TEST_F(AuthoringErrors, FailedImageProcessingLeavesAPreviousFileUntouched) {
    pavilion::testing::write_text(source_.output(), "previous pack");
    source_.write("images/broken.png", "garbage");
    source_.replace(kLaosItem, "image = \"images/rail.svg\"", "image = \"images/broken.png\"");
    source_.build_errors();
    EXPECT_EQ(pavilion::testing::read_text(source_.output()), "previous pack");
}

} // namespace
} // namespace pavilion::content::test
