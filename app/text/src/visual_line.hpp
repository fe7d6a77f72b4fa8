#pragma once
// A line's shaped runs in visual order, cut from the runs the whole paragraph was shaped into.

#include "fit_lines.hpp"
#include "utf16_text.hpp"

#include "pavilion/text/paragraph.hpp"

#include <unicode/ubidi.h>

#include <vector>

namespace pavilion::text::detail {

// line_bidi: ubidi_setLine of the paragraph over `range` (null for an empty line). runs: the
// paragraph's shaped runs in logical order, each of one bidi level.
Line visual_line(UBiDi* line_bidi, const Utf16Text& text, UnitRange range, const std::vector<GlyphRun>& runs);

} // namespace pavilion::text::detail
