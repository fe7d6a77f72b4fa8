// The coverage check with the kiosk's real fonts (app/text's FontSet over Debian's Noto fonts,
// as pavilion-pack runs it): the fixture and default packs build; a private-use character and
// a script no Noto fallback face has fail at their line; a pack font comes first and Noto falls
// back for what it lacks; missing fonts are one error naming the file.

#include "content_test_support.hpp"
#include "kiosk_fonts.hpp"

#include <gtest/gtest.h>

namespace pavilion::content {
namespace {

namespace fs = std::filesystem;
using pavilion::testing::TempDir;
using test::reports;
using test::SourceCopy;

const std::string kNotoCore = "/usr/share/fonts/truetype/noto";
const std::string kRunicFont = kNotoCore + "/NotoSansRunic-Regular.ttf"; // fonts-noto-core, no fallback face
const std::string kRunes = "ᚠᚢᚦ";                                          // U+16A0 U+16A2 U+16A6

BuildOptions kiosk_fonts() {
    BuildOptions options;
    options.glyph_coverage = tools::kiosk_font_coverage();
    options.world_atlas_dir = PAVILION_WORLD_ATLAS_DIR;
    return options;
}

// A copy of the mini-pack whose pack.toml names `fonts/own.ttf`, a copy of `font_file`.
void give_pack_font(const SourceCopy& source, const std::string& font_file) {
    fs::create_directories(source.path("fonts"));
    fs::copy_file(font_file, source.path("fonts/own.ttf"));
    source.replace(test::kPackToml, "idle_timeout_s = 60", "idle_timeout_s = 60\nfont = \"fonts/own.ttf\"");
}

TEST(KioskFonts, TheFixturePacksAndTheDefaultPackAreCovered) {
    TempDir out;
    for (const std::string& pack : {test::mini_pack_fixture(), std::string(PAVILION_FIXTURES_DIR) + "/scripts-pack",
                                    std::string(PAVILION_SOURCE_DIR) + "/content/default-pack"}) {
        const auto report = build_pack(pack, out / "out.pack", kiosk_fonts());
        EXPECT_TRUE(report) << pack << ": " << report.error().message;
    }
}

TEST(KioskFonts, APrivateUseCharacterFailsAtItsLineNamingTheFontsTried) {
    const SourceCopy source;
    source.replace(test::kGreenEn, "a shared goal", "a shared \uE000 goal");
    const auto report = build_pack(source.root(), source.output(), kiosk_fonts());
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::authoring);
    EXPECT_TRUE(reports(report.error().message, test::kGreenEn, 6,
                        "en text has \"\uE000\" (U+E000), which no font covers (Noto Sans, Noto Naskh Arabic,"))
        << report.error().message;
    EXPECT_NE(report.error().message.find("Noto Sans CJK)"), std::string::npos) << report.error().message;
}

TEST(KioskFonts, AScriptNoFallbackFaceHasFailsEachCharacter) {
    const SourceCopy source;
    source.replace(test::kLaosEn, "title = \"China–Laos Railway\"", "title = \"China–Laos Railway " + kRunes + "\"");
    const auto report = build_pack(source.root(), source.output(), kiosk_fonts());
    ASSERT_FALSE(report);
    for (const char* code : {"(U+16A0)", "(U+16A2)", "(U+16A6)"})
        EXPECT_TRUE(reports(report.error().message, test::kLaosEn, 2, code));
    EXPECT_EQ(test::count_lines(report.error().message), 3) << report.error().message;
}

TEST(KioskFonts, APackFontComesFirstAndCoversWhatNotoLacks) {
    const SourceCopy source;
    give_pack_font(source, kRunicFont);
    source.replace(test::kLaosEn, "title = \"China–Laos Railway\"", "title = \"China–Laos Railway " + kRunes + "\"");
    const auto report = build_pack(source.root(), source.output(), kiosk_fonts());
    EXPECT_TRUE(report) << report.error().message;
}

TEST(KioskFonts, APackFontWithoutChineseStillBuildsBecauseNotoCjkFallsBack) {
    const SourceCopy source; // the mini-pack's Chinese, with a font of runes only
    give_pack_font(source, kRunicFont);
    const auto report = build_pack(source.root(), source.output(), kiosk_fonts());
    EXPECT_TRUE(report) << report.error().message;
    // And what neither has is named with the pack font first.
    source.replace(test::kGreenEn, "a shared goal", "a shared \uE000 goal");
    const auto failed = build_pack(source.root(), source.output("again.pack"), kiosk_fonts());
    ASSERT_FALSE(failed);
    EXPECT_TRUE(reports(failed.error().message, test::kGreenEn, 6, "no font covers (pack font fonts/own.ttf, Noto Sans,"));
}

TEST(KioskFonts, APackFontThatIsNotAFontIsAnErrorAtItsLine) {
    const SourceCopy source;
    source.write("fonts/own.ttf", "plain text, not a font");
    source.replace(test::kPackToml, "idle_timeout_s = 60", "idle_timeout_s = 60\nfont = \"fonts/own.ttf\"");
    const auto report = build_pack(source.root(), source.output(), kiosk_fonts());
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::authoring);
    EXPECT_TRUE(reports(report.error().message, "pack.toml", source.line("pack.toml", "font ="),
                        "font 'fonts/own.ttf' cannot be used:"));
}

TEST(KioskFonts, MissingNotoFontsAreOneErrorNamingTheFile) {
    const SourceCopy source;
    TempDir empty;
    BuildOptions options;
    options.glyph_coverage = tools::kiosk_font_coverage(empty / "noto", empty / "noto-cjk");
    const auto report = build_pack(source.root(), source.output(), options);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::unavailable);
    EXPECT_NE(report.error().message.find(empty / "noto/NotoSans-Regular.ttf"), std::string::npos) << report.error().message;
    EXPECT_NE(report.error().message.find("fonts-noto-core"), std::string::npos) << report.error().message;
    EXPECT_EQ(report.error().message.find('\n'), std::string::npos) << report.error().message;
}

TEST(KioskFonts, FamiliesAreNamedFromTheirFiles) {
    EXPECT_EQ(tools::font_family_of("/x/NotoNaskhArabic-Regular.ttf"), "Noto Naskh Arabic");
    EXPECT_EQ(tools::font_family_of("/x/NotoSansCJK-Regular.ttc"), "Noto Sans CJK");
    EXPECT_EQ(tools::font_family_of("NotoSans-Regular.ttf"), "Noto Sans");
}

// --- the pavilion-pack binary -------------------------------------------------------------------

TEST(KioskFontsCli, AnUncoveredCharacterExitsOneWithFileLineAndCodePoint) {
    const SourceCopy source;
    source.replace(test::kGreenEn, "a shared goal", "a shared \uE000 goal");
    const auto result = pavilion::testing::run_command({PAVILION_PACK_TOOL, "build", source.root(), "-o", source.output()});
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find(test::kGreenEn + ":6: en text has \"\uE000\" (U+E000), which no font covers"),
              std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("build failed: 1 problem"), std::string::npos) << result.output;
    EXPECT_FALSE(fs::exists(source.output()));
}

TEST(KioskFontsCli, TheScriptsPackBuildsWithItsSevenLanguages) {
    TempDir out;
    const auto result = pavilion::testing::run_command(
        {PAVILION_PACK_TOOL, "build", std::string(PAVILION_FIXTURES_DIR) + "/scripts-pack", "-o", out / "scripts.pack"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    auto reader = PackReader::open(out / "scripts.pack");
    ASSERT_TRUE(reader) << reader.error().message;
    std::vector<std::string> names;
    for (const auto& locale : reader->catalog().meta.locales) names.push_back(locale.code + "=" + locale.name);
    EXPECT_EQ(names, (std::vector<std::string>{"en=English", "ar=العربية", "hi=हिन्दी", "th=ไทย", "ru=Русский",
                                               "zh=中文", "he=עברית"}));
}

} // namespace
} // namespace pavilion::content
