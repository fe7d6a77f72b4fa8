#pragma once
// Numbers as each language writes them, with ICU's number formatting (CLDR data): grouping and
// separators per locale ("100,000", "100 000" with a no-break space, Arabic-Indic digits), the
// compact forms a figure card falls back to when the full form does not fit ("1T", "1 трлн",
// "1万亿"), and the count-up the figures screen animates.
//
// Every function takes any double and returns a text: NaN is the locale's word for it ("NaN",
// "не число"), infinity "∞", -0 "0", and a magnitude of 10^15 or more (where a double no longer
// holds every whole number) is written in scientific notation ("1E300") rather than as hundreds
// of digits. They never throw and never return an empty text.

#include <cstddef>
#include <memory>
#include <string>

namespace pavilion::text {

struct NumberStyle {
    std::string locale; // a BCP 47 tag as the pack names its locales: "en", "zh", "ar", "pt-BR"
    // An ICU numbering system with decimal digits ("latn", "arab", "arabext", "deva", "beng",
    // "thai", ...; the pack's strings.toml `number_digits`). "" is the locale's default; a name
    // ICU does not know, or one that is not decimal ("roman"), is ignored the same way.
    std::string digits;
};

enum class NumberForm {
    full,    // every digit, grouped: "1,000,000,000,000"
    compact, // ICU's compact-short: "1T", "1 трлн", "1万亿", "10万"
};

// value with exactly `decimals` fraction digits (clamped to 0..6), grouped as the locale groups.
std::string format_number(double value, int decimals, const NumberStyle& style);
// value in compact-short form: an integer part of one digit keeps one fraction digit ("1.2K"),
// larger ones none ("12K", "123M"), as CLDR writes them; below 1, two decimals at most ("0.12").
std::string format_compact(double value, const NumberStyle& style);

// Where a count-up stands after `progress` (0..1) of its animation: eased out (fast at first,
// settling on the value), exactly value at 1 and 0 at 0 (never -0).
double counted_up(double value, float progress);

// The same texts as the free functions, from ICU formatters made once per style and kept: a
// frame pays for formatting only (the free functions build a formatter per call). One thread,
// like the rest of pavilion_text.
class NumberFormats {
public:
    NumberFormats();
    ~NumberFormats();
    NumberFormats(const NumberFormats&) = delete;
    NumberFormats& operator=(const NumberFormats&) = delete;

    std::string number(double value, int decimals, const NumberStyle& style);
    std::string compact(double value, const NumberStyle& style);
    // number() or compact() by form; decimals apply to the full form only.
    std::string format(double value, int decimals, NumberForm form, const NumberStyle& style);

    // The text of a figure counting up to `value`, at `progress` (0..1) of its animation. The
    // final text decides everything but the digits, so the width never jumps: the same form,
    // number of decimals and sign as the final text throughout and, in compact form, the final's
    // unit and fraction digits ("0T" .. "1T" for 1e12, "0.0K" .. "1.2K" for 1234, "0万" .. "10万"
    // for 100000). The text grows with the digits only, never switching from "999,999,999" to
    // "1B" or from "12" to "12.5" on the way. Not a finite value: the final text at once. At
    // progress >= 1 it is exactly format(value, decimals, form, style).
    std::string count_up(double value, int decimals, NumberForm form, float progress, const NumberStyle& style);

    std::size_t formatters() const; // how many ICU formatters are kept (for tests)

private:
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

} // namespace pavilion::text
