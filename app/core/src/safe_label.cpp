#include "pavilion/core/safe_label.hpp"

#include "pavilion/core/utf8.hpp"

namespace pavilion::core {
namespace {

// What could make a label lie about itself or spill out of its line.
bool is_unsafe(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return true;          // C0, DEL, C1
    if (c == 0x2028 || c == 0x2029) return true;                    // line, paragraph separators
    if (c == 0x061C || c == 0x200E || c == 0x200F) return true;     // bidi marks
    if (c >= 0x202A && c <= 0x202E) return true;                    // embeddings, overrides
    if (c >= 0x2066 && c <= 0x2069) return true;                    // isolates
    if (c >= 0x200B && c <= 0x200D) return true;                    // zero-width space, joiners
    if (c == 0x2060 || c == 0xFEFF) return true;                    // word joiner, BOM
    if (c >= 0xE0000 && c <= 0xE007F) return true;                  // tag characters
    return false;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

} // namespace

std::string safe_label(std::string_view text, std::size_t max_code_points) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size();) {
        if (count == max_code_points) {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        std::size_t length = 1;
        char32_t c = decode_utf8(text, at, length); // a malformed sequence is U+FFFD already
        if (is_unsafe(c)) c = kReplacementCharacter;
        append_utf8(out, c);
        at += length;
        ++count;
    }
    return out;
}

} // namespace pavilion::core
