#include "visual_line.hpp"

#include <algorithm>

namespace pavilion::text::detail {
namespace {

// The part of run drawing bytes [begin, end): its glyphs whose cluster lies there, order kept.
GlyphRun clip(const GlyphRun& run, std::size_t begin, std::size_t end) {
    GlyphRun part;
    part.face = run.face;
    part.direction = run.direction;
    part.byte_begin = std::max(begin, run.byte_begin);
    part.byte_end = std::min(end, run.byte_end);
    for (const auto& glyph : run.glyphs)
        if (glyph.cluster >= part.byte_begin && glyph.cluster < part.byte_end) part.glyphs.push_back(glyph);
    return part;
}

// The shaped runs inside one bidi run of the line, in visual order.
void add_visual_run(Line& line, std::size_t begin, std::size_t end, bool right_to_left, const std::vector<GlyphRun>& runs) {
    std::vector<GlyphRun> parts;
    for (const auto& run : runs) {
        if (run.byte_end <= begin || run.byte_begin >= end) continue;
        GlyphRun part = clip(run, begin, end);
        if (!part.glyphs.empty()) parts.push_back(std::move(part));
    }
    if (right_to_left) std::reverse(parts.begin(), parts.end());
    for (auto& part : parts) line.runs.push_back(std::move(part));
}

} // namespace

Line visual_line(UBiDi* line_bidi, const Utf16Text& text, UnitRange range, const std::vector<GlyphRun>& runs) {
    Line line;
    line.byte_begin = text.byte_at[range.begin];
    line.byte_end = text.byte_at[range.end];
    if (!line_bidi || range.begin == range.end) return line;
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t count = ubidi_countRuns(line_bidi, &status);
    for (std::int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        std::int32_t start = 0, length = 0;
        const UBiDiDirection direction = ubidi_getVisualRun(line_bidi, i, &start, &length);
        const std::size_t first = range.begin + static_cast<std::size_t>(start);
        add_visual_run(line, text.byte_at[first], text.byte_at[first + static_cast<std::size_t>(length)],
                       direction == UBIDI_RTL, runs);
    }
    for (const auto& run : line.runs) line.width += run.width();
    return line;
}

} // namespace pavilion::text::detail
