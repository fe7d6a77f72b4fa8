#pragma once
// A compact text taken apart around its number ("‎-" "1.2" " тыс."), so a count-up can change the
// digits and keep the locale's sign, unit and spacing exactly as ICU wrote them.

#include <unicode/numberformatter.h>

#include <optional>
#include <string>

namespace pavilion::text::detail {

struct CompactParts {
    std::string before;      // UTF-8: the sign and any bidi mark ICU puts before the number
    std::string after;       // UTF-8: the unit with its spacing ("K", "\u00A0тыс.", "万亿"), or ""
    double shown = 0;        // the number as written (1.2 for "1.2K")
    int fraction_digits = 0; // digits after the decimal separator (1 for "1.2K")
};

// Empty when ICU reports no number in the text (it always does for a finite value).
std::optional<CompactParts> split_compact(const icu::number::FormattedNumber& formatted);

} // namespace pavilion::text::detail
