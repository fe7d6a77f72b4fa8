#pragma once
// Text from outside (a file name on a stick, a comment in a signature) made fit to show on the
// kiosk's screen: short, one line, and unable to pass for the kiosk's own words. Control
// characters (C0, C1, DEL, line and paragraph separators) and the invisible format characters
// that reorder or hide text (bidi embeddings, overrides and isolates, marks, zero-width and
// tag characters) become U+FFFD; malformed UTF-8 does too; the result is cut to max_code_points
// with a trailing ellipsis.

#include <cstddef>
#include <string>
#include <string_view>

namespace pavilion::core {

std::string safe_label(std::string_view text, std::size_t max_code_points);

} // namespace pavilion::core
