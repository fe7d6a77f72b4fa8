#pragma once
// Line breaking for English, Chinese and mixed text.
//
// Dear ImGui wraps only at spaces, which leaves Chinese (written without spaces) unbroken. Here a
// line may end after a space or a hyphen, and between any two CJK characters, except before
// closing punctuation (，。、：；！？）」』 ...) and after opening punctuation (（「『 ...), the
// rules of Chinese typesetting. Width is measured by an injected function, so the algorithm is
// tested without fonts or a GPU.

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace pavilion::core {

// Width of a piece of UTF-8 text, in the caller's units.
using MeasureText = std::function<float(std::string_view)>;

struct LineRange {
    std::size_t begin = 0; // byte offsets into the text; trailing spaces excluded
    std::size_t end = 0;
};

// Lines of at most max_width. A word wider than a line is split between characters.
// "\n" always ends a line. max_lines > 0: stop after that many lines, without measuring the rest
// (a card showing two lines of a long text pays for two lines, not for the text).
std::vector<LineRange> break_lines(std::string_view text, float max_width,
                                   const MeasureText& measure, std::size_t max_lines = 0);

bool is_cjk(char32_t c);
bool is_closing_punctuation(char32_t c); // may not start a line
bool is_opening_punctuation(char32_t c); // may not end a line

} // namespace pavilion::core
