#include "pavilion/content/number_digits.hpp"

#include <algorithm>

namespace pavilion::content {

const std::vector<std::string>& allowed_number_digits() {
    // Decimal systems only: Ethiopic ("ethi"), Roman, Hebrew or Han financial numerals are
    // additive, not ten digits, and cannot write a grouped figure.
    static const std::vector<std::string> names = {
        "latn",     // 0123456789
        "arab",     // Arabic-Indic ٠١٢٣٤٥٦٧٨٩ (Arabic's default in ICU)
        "arabext",  // Extended Arabic-Indic ۰۱۲۳۴۵۶۷۸۹ (Persian, Urdu)
        "deva",     // Devanagari ०१२३४५६७८९
        "beng",     // Bengali ০১২৩৪৫৬৭৮৯
        "guru",     // Gurmukhi
        "gujr",     // Gujarati
        "orya",     // Odia
        "tamldec",  // Tamil decimal digits
        "telu",     // Telugu
        "knda",     // Kannada
        "mlym",     // Malayalam
        "thai",     // Thai ๐๑๒๓๔๕๖๗๘๙
        "laoo",     // Lao
        "khmr",     // Khmer
        "mymr",     // Myanmar
        "tibt",     // Tibetan
        "hanidec",  // Chinese 〇一二三四五六七八九 as digits
        "fullwide", // full-width ０１２３４５６７８９
    };
    return names;
}

bool is_allowed_number_digits(std::string_view name) {
    const auto& names = allowed_number_digits();
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string allowed_number_digits_list() {
    std::string list;
    for (const auto& name : allowed_number_digits()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

} // namespace pavilion::content
