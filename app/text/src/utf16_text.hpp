#pragma once
// A piece of UTF-8 text as the UTF-16 ICU works in, with the byte offset of every unit, so ICU's
// positions (bidi runs, break opportunities) map back to the byte offsets HarfBuzz and callers use.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::text::detail {

struct Utf16Text {
    std::u16string units;
    // byte_at[i]: the byte offset in the whole text of the character unit i belongs to (both
    // units of a surrogate pair share it); byte_at[units.size()] is the piece's end.
    std::vector<std::size_t> byte_at;

    std::size_t size() const { return units.size(); }
    // The first unit whose character starts at or after byte (size() past the end).
    std::size_t unit_at_byte(std::size_t byte) const;
};

// text[begin, end) decoded; malformed bytes become U+FFFD (one per byte core::decode_utf8 skips).
Utf16Text to_utf16(std::string_view text, std::size_t begin, std::size_t end);

// The code point at unit i (a surrogate pair read whole).
char32_t code_point_at(const Utf16Text& text, std::size_t unit);

} // namespace pavilion::text::detail
