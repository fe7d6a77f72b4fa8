#include "pavilion/text/number_format.hpp"

#include "compact_parts.hpp"
#include "icu_number_formatter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace pavilion::text {
namespace {

using detail::FormatterKey;
using detail::FormatterKind;
using icu::number::LocalizedNumberFormatter;

// A screen uses a handful of (kind, decimals, locale) keys; the bound only keeps a pack with
// odd decimals in every language from growing the map without end.
constexpr std::size_t kMaxFormatters = 64;

// Only if ICU itself fails (out of memory): still a text, never an exception or "".
std::string last_resort(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

std::string write(const LocalizedNumberFormatter& formatter, double value) {
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = formatter.formatDouble(value, status);
    const auto text = formatted.toString(status);
    if (U_FAILURE(status)) return last_resort(value);
    auto utf8 = detail::to_utf8(text);
    return utf8.empty() ? last_resort(value) : utf8;
}

FormatterKey key_of(FormatterKind kind, int decimals, const NumberStyle& style) {
    return {kind, detail::clamp_decimals(decimals), style.locale, style.digits};
}

} // namespace

struct NumberFormats::Cache {
    std::map<FormatterKey, LocalizedNumberFormatter> formatters;

    // The reference is good until the next call (a full cache starts again).
    const LocalizedNumberFormatter& get(const FormatterKey& key) {
        if (auto found = formatters.find(key); found != formatters.end()) return found->second;
        if (formatters.size() >= kMaxFormatters) formatters.clear();
        return formatters.emplace(key, detail::make_formatter(key)).first->second;
    }
};

NumberFormats::NumberFormats() : cache_(std::make_unique<Cache>()) {}
NumberFormats::~NumberFormats() = default;

std::size_t NumberFormats::formatters() const { return cache_->formatters.size(); }

std::string NumberFormats::format(double value, int decimals, NumberForm form, const NumberStyle& style) {
    if (form == NumberForm::compact) value = detail::compact_input(value);
    return write(cache_->get(key_of(detail::kind_for(value, form), decimals, style)), value);
}

std::string NumberFormats::number(double value, int decimals, const NumberStyle& style) {
    return format(value, decimals, NumberForm::full, style);
}

std::string NumberFormats::compact(double value, const NumberStyle& style) {
    return format(value, 0, NumberForm::compact, style);
}

std::string NumberFormats::count_up(double value, int decimals, NumberForm form, float progress,
                                    const NumberStyle& style) {
    if (progress >= 1 || !std::isfinite(value)) return format(value, decimals, form, style);
    if (form == NumberForm::compact) value = detail::compact_input(value);
    const double shown = counted_up(value, progress);
    const FormatterKind kind = detail::kind_for(value, form);
    // Full and scientific texts: the final's kind and decimals, whatever the value on the way.
    if (kind != FormatterKind::compact) return write(cache_->get(key_of(kind, decimals, style)), shown);

    // Compact: the final text's unit, sign and fraction digits around the counting number.
    UErrorCode status = U_ZERO_ERROR;
    const auto final_text = cache_->get(key_of(kind, 0, style)).formatDouble(value, status);
    const auto parts = U_SUCCESS(status) ? detail::split_compact(final_text) : std::nullopt;
    if (!parts) return write(cache_->get(key_of(kind, 0, style)), shown);
    // The unit's power of ten: 1e12 for "1.2T" of 1.23e12 (rounding moves the ratio, not the power).
    const double scale = parts->shown > 0 ? std::pow(10.0, std::round(std::log10(std::fabs(value) / parts->shown))) : 1;
    const auto& counting = cache_->get(key_of(FormatterKind::compact_count, parts->fraction_digits, style));
    return parts->before + write(counting, std::fabs(shown) / scale) + parts->after;
}

std::string format_number(double value, int decimals, const NumberStyle& style) {
    return NumberFormats().number(value, decimals, style);
}

std::string format_compact(double value, const NumberStyle& style) { return NumberFormats().compact(value, style); }

double counted_up(double value, float progress) {
    if (!(progress > 0)) return 0; // NaN progress too
    if (progress >= 1) return value;
    const double t = progress;
    const double shown = value * (1 - std::pow(1 - t, 3)); // ease out (cubic), as the screens had it
    return shown == 0 ? 0.0 : shown;                       // never -0
}

} // namespace pavilion::text
