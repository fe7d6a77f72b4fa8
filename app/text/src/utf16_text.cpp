#include "utf16_text.hpp"

#include "pavilion/core/utf8.hpp"

#include <algorithm>

namespace pavilion::text::detail {

std::size_t Utf16Text::unit_at_byte(std::size_t byte) const {
    const auto found = std::lower_bound(byte_at.begin(), byte_at.end() - 1, byte);
    return static_cast<std::size_t>(found - byte_at.begin());
}

Utf16Text to_utf16(std::string_view text, std::size_t begin, std::size_t end) {
    Utf16Text result;
    result.units.reserve(end - begin);
    result.byte_at.reserve(end - begin + 1);
    for (std::size_t at = begin; at < end;) {
        std::size_t length = 1;
        const char32_t c = core::decode_utf8(text.substr(0, end), at, length);
        if (c >= 0x10000) {
            result.units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
            result.units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
            result.byte_at.push_back(at);
        } else {
            result.units.push_back(static_cast<char16_t>(c));
        }
        result.byte_at.push_back(at);
        at += length;
    }
    result.byte_at.push_back(end);
    return result;
}

char32_t code_point_at(const Utf16Text& text, std::size_t unit) {
    const char16_t lead = text.units[unit];
    if (lead >= 0xD800 && lead < 0xDC00 && unit + 1 < text.size()) {
        const char16_t trail = text.units[unit + 1];
        if (trail >= 0xDC00 && trail < 0xE000) return 0x10000 + ((char32_t(lead) - 0xD800) << 10) + (trail - 0xDC00);
    }
    return lead;
}

} // namespace pavilion::text::detail
