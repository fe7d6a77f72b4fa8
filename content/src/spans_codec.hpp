#pragma once
// Inline styles of a text block, stored as "em:0-5;strong:10-20" (byte ranges).

#include "pavilion/content/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content {

std::string encode_spans(const std::vector<TextSpan>& spans);
// nullopt when the text is malformed or a range falls outside text_size.
std::optional<std::vector<TextSpan>> decode_spans(std::string_view encoded, std::size_t text_size);

} // namespace pavilion::content
