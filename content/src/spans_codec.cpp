#include "spans_codec.hpp"

#include <charconv>

namespace pavilion::content {
namespace {

bool parse_number(std::string_view text, std::uint32_t& out) {
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end && !text.empty();
}

std::optional<TextSpan> decode_one(std::string_view part) {
    const auto colon = part.find(':');
    const auto dash = part.find('-');
    if (colon == std::string_view::npos || dash == std::string_view::npos || dash < colon)
        return std::nullopt;
    TextSpan span;
    const auto style = part.substr(0, colon);
    if (style == "em") span.style = SpanStyle::emphasis;
    else if (style == "strong") span.style = SpanStyle::strong;
    else return std::nullopt;
    if (!parse_number(part.substr(colon + 1, dash - colon - 1), span.begin) ||
        !parse_number(part.substr(dash + 1), span.end))
        return std::nullopt;
    return span;
}

} // namespace

std::string encode_spans(const std::vector<TextSpan>& spans) {
    std::string out;
    for (const auto& span : spans) {
        if (!out.empty()) out += ';';
        out += span.style == SpanStyle::strong ? "strong:" : "em:";
        out += std::to_string(span.begin) + "-" + std::to_string(span.end);
    }
    return out;
}

std::optional<std::vector<TextSpan>> decode_spans(std::string_view encoded,
                                                  std::size_t text_size) {
    std::vector<TextSpan> spans;
    while (!encoded.empty()) {
        const auto semicolon = encoded.find(';');
        const auto part = encoded.substr(0, semicolon);
        const auto span = decode_one(part);
        if (!span || span->begin > span->end || span->end > text_size) return std::nullopt;
        spans.push_back(*span);
        if (semicolon == std::string_view::npos) break;
        encoded.remove_prefix(semicolon + 1);
    }
    return spans;
}

} // namespace pavilion::content
