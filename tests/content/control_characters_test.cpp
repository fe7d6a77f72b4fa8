// Invisible characters in visitor text: the build warns at file:line and still succeeds. A bidi
// override can make a visitor read words in another order than anyone reviewing the source saw.

#include "content_test_support.hpp"
#include "pavilion/content/pack_builder.hpp"

#include <gtest/gtest.h>

namespace pavilion::content {
namespace {

using test::SourceCopy;

bool warns(const std::vector<std::string>& warnings, const std::string& start) {
    for (const auto& warning : warnings)
        if (warning.rfind(start, 0) == 0) return true;
    return false;
}

TEST(ControlCharacters, ACleanSourceBuildsWithoutWarnings) {
    const SourceCopy source;
    const auto report = build_pack(source.root(), source.output());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->warnings.empty()) << report->warnings.front();
}

TEST(ControlCharacters, BidiOverridesAndControlsAreNamedAtTheirLine) {
    const SourceCopy source;
    source.replace("initiatives/overview/en.md", "title = \"", "title = \"\u202Eevil\u202C ");
    // TOML itself refuses raw control characters in strings; Markdown bodies take them.
    source.replace("initiatives/green-silk-road/en.md", "a shared goal", "a shared\x07goal");
    const auto report = build_pack(source.root(), source.output());
    ASSERT_TRUE(report) << "warnings, not errors: " << report.error().message;
    const int title_line = source.line("initiatives/overview/en.md", "title = ");
    EXPECT_TRUE(warns(report->warnings, "initiatives/overview/en.md:" + std::to_string(title_line) +
                                            ": U+202E is a bidi embedding or override"))
        << ::testing::PrintToString(report->warnings);
    EXPECT_TRUE(warns(report->warnings, "initiatives/overview/en.md:" + std::to_string(title_line) + ": U+202C"));
    EXPECT_TRUE(warns(report->warnings, "initiatives/green-silk-road/en.md:6: U+0007 is a control character"))
        << ::testing::PrintToString(report->warnings);
}

TEST(ControlCharacters, TheCliPrintsTheWarningsAndSucceeds) {
    const SourceCopy source;
    source.replace("initiatives/overview/en.md", "title = \"", "title = \"\u2067");
    const auto result = pavilion::testing::run_command({PAVILION_PACK_TOOL, "build", source.root(), "-o", source.output()});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("pavilion-pack: warning: initiatives/overview/en.md:"), std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("U+2067 is a bidi isolate"), std::string::npos) << result.output;
}

} // namespace
} // namespace pavilion::content
