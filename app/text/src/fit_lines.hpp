#pragma once
// Greedy line filling at ICU's break opportunities, measured by shaped advances (no shaping here).

#include "utf16_text.hpp"

#include <unicode/brkiter.h>

#include <cstddef>
#include <vector>

namespace pavilion::text::detail {

struct UnitRange {
    std::size_t begin = 0; // units of the Utf16Text; trailing white space excluded from end
    std::size_t end = 0;
};

struct LineFitInput {
    const Utf16Text& text;
    icu::BreakIterator& line_breaks; // a line instance, its text already set to `text`
    icu::BreakIterator& graphemes;   // a character instance on the same text (long words)
    const std::vector<double>& advance_before; // [i]: width of units [0, i); size() + 1 entries
    float max_width;                           // <= 0: break only where a break is mandatory
};

// Each line takes as many break opportunities as fit; a line must break at a mandatory break; a
// piece with no opportunity that fits is cut between grapheme clusters (at least one per line).
std::vector<UnitRange> fit_lines(const LineFitInput& input);

} // namespace pavilion::text::detail
