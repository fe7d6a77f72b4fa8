#pragma once
// UTF-8 decoding for text layout and glyph collection. Malformed bytes decode as U+FFFD and
// never read past the end, because pack text is only as good as the stick it came from.

#include <cstddef>
#include <optional>
#include <set>
#include <string_view>

namespace pavilion::core {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at text[at], stores its byte length in length (at least 1).
char32_t decode_utf8(std::string_view text, std::size_t at, std::size_t& length);

// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates, code points past U+10FFFF and sequences cut short included); nullopt when all of
// text is well formed. A real U+FFFD in the text is well formed.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

using CodepointSet = std::set<char32_t>;

// Adds every code point of text to set.
void add_codepoints(std::string_view text, CodepointSet& set);

} // namespace pavilion::core
