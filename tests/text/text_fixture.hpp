#pragma once
// The fonts the text tests lay out with: Debian's Noto fonts, skipped with a clear message where
// the packages (fonts-noto-core, fonts-noto-cjk) are not installed.

#include "pavilion/text/font_set.hpp"
#include "pavilion/text/layout.hpp"
#include "pavilion/text/noto_fonts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::text::testing {

// The set with every Noto script, primary first. Empty optional (and a message) when one is missing.
inline std::optional<FontSet> open_noto(NotoScript primary, std::string& why_not) {
    const auto files = noto_fallback(primary);
    for (const auto& file : files)
        if (!std::filesystem::exists(file.path)) {
            why_not = file.path + " is not installed (fonts-noto-core, fonts-noto-cjk)";
            return std::nullopt;
        }
    auto fonts = FontSet::open(files);
    if (!fonts) {
        why_not = fonts.error().message;
        return std::nullopt;
    }
    return std::move(*fonts);
}

// A test that lays out with the Noto set whose primary script is Primary; skipped where a font is
// missing.
template <NotoScript Primary>
class NotoLayoutTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string why;
        auto fonts = open_noto(Primary, why);
        if (!fonts) GTEST_SKIP() << why;
        fonts_.emplace(std::move(*fonts));
        layouter_.emplace(*fonts_);
    }
    std::optional<FontSet> fonts_;
    std::optional<ParagraphLayouter> layouter_;
};

// The code points of text[begin, end), in logical order.
std::vector<char32_t> code_points(const std::string& text, std::size_t begin, std::size_t end);

// The paragraph's characters in visual order (right-to-left runs reversed), line after line.
std::vector<char32_t> visual_code_points(const Paragraph& paragraph, const std::string& text);

// Each line's text, [byte_begin, byte_end).
std::vector<std::string> line_texts(const Paragraph& paragraph, const std::string& text);

} // namespace pavilion::text::testing
