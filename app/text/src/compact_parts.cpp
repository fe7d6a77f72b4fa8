#include "compact_parts.hpp"

#include "icu_number_formatter.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

namespace pavilion::text::detail {
namespace {

bool is_number_part(int32_t field) {
    return field == UNUM_INTEGER_FIELD || field == UNUM_FRACTION_FIELD || field == UNUM_DECIMAL_SEPARATOR_FIELD ||
           field == UNUM_GROUPING_SEPARATOR_FIELD;
}

// The value of the digits in text[begin, end), separators skipped. u_getNumericValue, not
// u_charDigitValue: the Han decimal digits (hanidec, "一〇") are numeric but not Nd.
double digits_value(const icu::UnicodeString& text, int32_t begin, int32_t end, int fraction_digits) {
    double value = 0;
    for (int32_t at = begin; at < end; at = text.moveIndex32(at, 1)) {
        const double digit = u_getNumericValue(text.char32At(at));
        if (digit >= 0 && digit <= 9 && digit == std::floor(digit)) value = value * 10 + digit;
    }
    return value / std::pow(10.0, fraction_digits);
}

} // namespace

std::optional<CompactParts> split_compact(const icu::number::FormattedNumber& formatted) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = formatted.toString(status);
    icu::ConstrainedFieldPosition position;
    position.constrainCategory(UFIELD_CATEGORY_NUMBER);
    int32_t begin = -1;
    int32_t end = -1;
    int fraction_digits = 0;
    while (U_SUCCESS(status) && formatted.nextPosition(position, status)) {
        if (!is_number_part(position.getField())) continue;
        begin = begin < 0 ? position.getStart() : std::min(begin, position.getStart());
        end = std::max(end, position.getLimit());
        if (position.getField() == UNUM_FRACTION_FIELD)
            fraction_digits = text.countChar32(position.getStart(), position.getLimit() - position.getStart());
    }
    if (U_FAILURE(status) || begin < 0) return std::nullopt;
    CompactParts parts;
    parts.before = to_utf8(text.tempSubStringBetween(0, begin));
    parts.after = to_utf8(text.tempSubStringBetween(end));
    parts.fraction_digits = fraction_digits;
    parts.shown = digits_value(text, begin, end, fraction_digits);
    return parts;
}

} // namespace pavilion::text::detail
