#include "pavilion/core/utf8.hpp"

namespace pavilion::core {

char32_t decode_utf8(std::string_view text, std::size_t at, std::size_t& length) {
    length = 1;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return lead;
    std::size_t extra;
    char32_t code;
    if ((lead & 0xE0) == 0xC0) extra = 1, code = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0) extra = 2, code = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0) extra = 3, code = lead & 0x07;
    else return kReplacementCharacter;
    if (at + extra >= text.size()) return kReplacementCharacter; // cut off at the end
    for (std::size_t i = 1; i <= extra; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return kReplacementCharacter;
        code = (code << 6) | (byte(i) & 0x3F);
    }
    static constexpr char32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return kReplacementCharacter;
    length = extra + 1;
    return code;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length;
        if (decode_utf8(text, at, length) == kReplacementCharacter && text.compare(at, 3, "\xEF\xBF\xBD") != 0)
            return at;
        at += length;
    }
    return std::nullopt;
}

void add_codepoints(std::string_view text, CodepointSet& set) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length;
        set.insert(decode_utf8(text, at, length));
        at += length;
    }
}

} // namespace pavilion::core
