#pragma once
// ICU's number formatters as the engine uses them: which kind a value is written in, making the
// formatter for a (kind, decimals, locale, digits) key, and its output as UTF-8.

#include "pavilion/text/number_format.hpp"

#include <unicode/numberformatter.h>

#include <string>
#include <tuple>

namespace pavilion::text::detail {

enum class FormatterKind {
    full,          // fixed fraction digits, the locale's grouping
    compact,       // compact-short, CLDR's rounding
    compact_count, // the number inside a compact text while it counts up: fixed fraction digits,
                   // grouped only from five digits on, as compact texts are ("1234", "12,345")
    scientific,    // two significant digits at most: "1.2E300"
};

struct FormatterKey {
    FormatterKind kind = FormatterKind::full;
    int decimals = 0;
    std::string locale;
    std::string digits;

    bool operator<(const FormatterKey& other) const {
        return std::tie(kind, decimals, locale, digits) <
               std::tie(other.kind, other.decimals, other.locale, other.digits);
    }
};

// From 10^15 on, a double no longer holds every whole number, and the full form is a row of
// digits no card holds: such values are written in scientific notation in every form.
constexpr double kLargestWrittenOut = 1e15;
constexpr int kMaxDecimals = 6;

int clamp_decimals(int decimals);
// The kind a finite or non-finite value is written in, for the form asked.
FormatterKind kind_for(double value, NumberForm form);
// A compact value below 1 rounded to two decimals first: CLDR's compact rounding keeps two
// significant digits, which for 5e-324 is three hundred zeros.
double compact_input(double value);

icu::number::LocalizedNumberFormatter make_formatter(const FormatterKey& key);
// "" when ICU fails (it does not for a formatter make_formatter built; callers fall back).
std::string to_utf8(const icu::UnicodeString& text);

} // namespace pavilion::text::detail
