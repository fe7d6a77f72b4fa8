#include "icu_number_formatter.hpp"

#include <unicode/locid.h>
#include <unicode/numsys.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace pavilion::text::detail {
namespace {

namespace number = icu::number;

// A numbering system ICU knows and writes with ten digits of its own; anything else ("roman",
// "hebr", a typo) leaves the locale's default, which is what the pack builder's check allows.
bool is_decimal_digits(const std::string& name) {
    if (name.empty()) return false;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberingSystem> system(icu::NumberingSystem::createInstanceByName(name.c_str(), status));
    return U_SUCCESS(status) && system && !system->isAlgorithmic() && system->getRadix() == 10;
}

icu::Locale locale_of(const FormatterKey& key) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(key.locale, status);
    if (U_FAILURE(status) || locale.isBogus()) locale = icu::Locale::getRoot();
    if (is_decimal_digits(key.digits)) {
        status = U_ZERO_ERROR;
        locale.setKeywordValue("numbers", key.digits.c_str(), status); // on failure: the default
    }
    return locale;
}

} // namespace

int clamp_decimals(int decimals) { return std::clamp(decimals, 0, kMaxDecimals); }

FormatterKind kind_for(double value, NumberForm form) {
    if (std::isfinite(value) && std::fabs(value) >= kLargestWrittenOut) return FormatterKind::scientific;
    return form == NumberForm::compact ? FormatterKind::compact : FormatterKind::full;
}

double compact_input(double value) {
    if (!std::isfinite(value) || std::fabs(value) >= 1) return value;
    return std::round(value * 100) / 100;
}

number::LocalizedNumberFormatter make_formatter(const FormatterKey& key) {
    // SIGN_NEGATIVE: no "-0" for -0 or for a small negative value rounded to zero.
    const auto base = number::NumberFormatter::withLocale(locale_of(key)).sign(UNUM_SIGN_NEGATIVE);
    const int decimals = clamp_decimals(key.decimals);
    switch (key.kind) {
    case FormatterKind::compact:
        return base.notation(number::Notation::compactShort());
    case FormatterKind::compact_count:
        return base.precision(number::Precision::fixedFraction(decimals)).grouping(UNUM_GROUPING_MIN2);
    case FormatterKind::scientific:
        return base.notation(number::Notation::scientific()).precision(number::Precision::maxSignificantDigits(2));
    case FormatterKind::full:
        break;
    }
    return base.precision(number::Precision::fixedFraction(decimals));
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace pavilion::text::detail
