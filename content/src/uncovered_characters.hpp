#pragma once
// Characters of a pack's visitor text that no font the kiosk draws it with has a glyph for: a
// visitor would see an empty box (tofu). Each is an authoring error at its file:line, naming the
// locale, the character and its code point, so a pack that would show boxes does not build.

#include "diagnostics.hpp"
#include "pack_source.hpp"
#include "pavilion/content/expected.hpp"
#include "pavilion/content/glyph_coverage.hpp"

#include <cstddef>
#include <string>

namespace pavilion::content {

// Whether c is drawn at all: spaces, line breaks, control characters, format controls (joiners,
// direction marks, bidi controls) and variation selectors take no glyph of their own, so no
// font needs to cover them (the control-character check warns about the harmful ones).
bool is_drawn(char32_t c);

// Opens the pack's fonts with `open` (its font, from `source.font_path`, first) and reports
// every uncovered character of source_dir's visitor text to diagnostics, each character once per
// line, at most `limit` of them and then one line saying how many more there are. A pack font
// that cannot be opened is reported at pack.toml's `font` line. The error returned is the
// machine's: a fallback font that is missing.
Status check_glyph_coverage(const std::string& source_dir, const PackSource& source, const OpenGlyphCoverage& open,
                            Diagnostics& diagnostics, std::size_t limit = 50);

} // namespace pavilion::content
