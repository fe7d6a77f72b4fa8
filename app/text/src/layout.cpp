#include "pavilion/text/layout.hpp"

#include "fit_lines.hpp"
#include "itemize.hpp"
#include "shape_run.hpp"
#include "utf16_text.hpp"
#include "visual_line.hpp"

#include "pavilion/core/utf8.hpp"

#include <hb.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <string>

namespace pavilion::text {

// ICU and HarfBuzz objects reused from paragraph to paragraph.
struct detail::LayoutWorkspace {
    std::map<std::string, std::unique_ptr<icu::BreakIterator>> line_breaks; // by locale
    std::unique_ptr<icu::BreakIterator> graphemes;
    UBiDi* paragraph = ubidi_open();
    UBiDi* line = ubidi_open();
    hb_buffer_t* buffer = hb_buffer_create();

    ~LayoutWorkspace() {
        ubidi_close(line);
        ubidi_close(paragraph);
        hb_buffer_destroy(buffer);
    }

    // ICU's rules for the locale (Thai, Lao, Khmer and Burmese dictionaries are in every one).
    icu::BreakIterator* line_breaks_for(const std::string& locale) {
        auto& iterator = line_breaks[locale];
        if (!iterator) {
            UErrorCode status = U_ZERO_ERROR;
            icu::Locale icu_locale = icu::Locale::forLanguageTag(locale, status);
            if (U_FAILURE(status)) icu_locale = icu::Locale::getRoot();
            status = U_ZERO_ERROR;
            iterator.reset(icu::BreakIterator::createLineInstance(icu_locale, status));
            if (U_FAILURE(status)) iterator.reset();
        }
        return iterator.get();
    }

    icu::BreakIterator* grapheme_breaks() {
        if (!graphemes) {
            UErrorCode status = U_ZERO_ERROR;
            graphemes.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
            if (U_FAILURE(status)) graphemes.reset();
        }
        return graphemes.get();
    }
};

namespace {

// The paragraph level: the requested direction, or the first strong character's (UAX #9 P2-P3).
UBiDiLevel base_level(std::string_view text, Direction requested) {
    if (requested != Direction::auto_detect) return requested == Direction::rtl ? 1 : 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const auto direction = u_charDirection(static_cast<UChar32>(core::decode_utf8(text, at, length)));
        if (direction == U_LEFT_TO_RIGHT) return 0;
        if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC) return 1;
        at += length;
    }
    return 0;
}

// Every unit's share of the shaped width, summed: [i] is the width of units [0, i).
std::vector<double> advances_before(const detail::Utf16Text& text, const std::vector<GlyphRun>& runs) {
    std::vector<double> before(text.size() + 1, 0.0);
    for (const auto& run : runs)
        for (const auto& glyph : run.glyphs) {
            const std::size_t unit = text.unit_at_byte(glyph.cluster);
            if (unit < text.size()) before[unit + 1] += glyph.x_advance;
        }
    for (std::size_t i = 1; i < before.size(); ++i) before[i] += before[i - 1];
    return before;
}

struct Segment {
    std::size_t begin = 0; // bytes of the text, without its "\n"
    std::size_t end = 0;
    UBiDiLevel level = 0;
    hb_language_t language = HB_LANGUAGE_INVALID;
};

class SegmentLayout {
public:
    SegmentLayout(detail::LayoutWorkspace& workspace, FontSet& fonts, std::size_t& shape_calls)
        : workspace_(workspace), fonts_(fonts), shape_calls_(shape_calls) {}

    // Appends the lines of text[segment] to lines.
    core::Status run(std::string_view text, const Segment& segment, const LayoutOptions& options,
                     icu::BreakIterator& line_breaks, std::vector<Line>& lines) {
        const detail::Utf16Text units = detail::to_utf16(text, segment.begin, segment.end);
        if (units.size() == 0) {
            lines.push_back(Line{{}, 0, segment.begin, segment.begin});
            return core::ok();
        }
        UErrorCode status = U_ZERO_ERROR;
        const auto length = static_cast<std::int32_t>(units.size());
        ubidi_setPara(workspace_.paragraph, units.units.data(), length, segment.level, nullptr, &status);
        if (U_FAILURE(status)) return core::make_error(core::ErrorCode::unavailable, u_errorName(status));
        const std::vector<GlyphRun> runs = shape(text, units, segment, options.size_px);
        const auto advances = advances_before(units, runs);
        const icu::UnicodeString alias(false, units.units.data(), length); // read-only, no copy
        line_breaks.setText(alias);
        icu::BreakIterator& graphemes = *workspace_.grapheme_breaks();
        graphemes.setText(alias);
        for (const auto& range : detail::fit_lines({units, line_breaks, graphemes, advances, options.max_width_px})) {
            UBiDi* line = nullptr;
            if (range.end > range.begin) {
                ubidi_setLine(workspace_.paragraph, static_cast<std::int32_t>(range.begin),
                              static_cast<std::int32_t>(range.end), workspace_.line, &status);
                if (U_FAILURE(status)) return core::make_error(core::ErrorCode::unavailable, u_errorName(status));
                line = workspace_.line;
            }
            lines.push_back(detail::visual_line(line, units, range, runs));
        }
        return core::ok();
    }

private:
    // Every item of the segment shaped once, in logical order.
    std::vector<GlyphRun> shape(std::string_view text, const detail::Utf16Text& units, const Segment& segment,
                                float size_px) {
        std::vector<GlyphRun> runs;
        const UBiDiLevel* levels = nullptr;
        UErrorCode status = U_ZERO_ERROR;
        levels = ubidi_getLevels(workspace_.paragraph, &status);
        if (U_FAILURE(status) || !levels) return runs;
        for (const auto& item : detail::itemize(units, levels, fonts_)) {
            const detail::ShapeRequest request{text, units.byte_at[item.unit_begin], units.byte_at[item.unit_end],
                                               (item.level & 1) != 0, item.script, segment.language};
            GlyphRun run = detail::shape_run(workspace_.buffer, fonts_.hb_font_at(item.face, size_px), request);
            run.face = item.face;
            runs.push_back(std::move(run));
            ++shape_calls_;
        }
        return runs;
    }

    detail::LayoutWorkspace& workspace_;
    FontSet& fonts_;
    std::size_t& shape_calls_;
};

} // namespace

ParagraphLayouter::ParagraphLayouter(FontSet& fonts) : fonts_(fonts), workspace_(std::make_unique<detail::LayoutWorkspace>()) {}
ParagraphLayouter::ParagraphLayouter(ParagraphLayouter&&) noexcept = default;
ParagraphLayouter::~ParagraphLayouter() = default;

core::Expected<Paragraph> ParagraphLayouter::layout(std::string_view text, const LayoutOptions& options) {
    if (!(options.size_px > 0) || options.size_px > 4096)
        return core::make_error(core::ErrorCode::invalid_argument, "text size must be above 0 and at most 4096 px");
    if (text.size() > kMaxParagraphBytes)
        return core::make_error(core::ErrorCode::too_large, "a paragraph of " + std::to_string(text.size()) +
                                                                " bytes is over the limit of " +
                                                                std::to_string(kMaxParagraphBytes));
    icu::BreakIterator* line_breaks = workspace_->line_breaks_for(options.locale);
    icu::BreakIterator* graphemes = workspace_->grapheme_breaks();
    if (!line_breaks || !graphemes) return core::make_error(core::ErrorCode::unavailable, "ICU has no break rules");
    Paragraph paragraph;
    paragraph.invalid_utf8_at = core::first_invalid_utf8(text);
    const UBiDiLevel level = base_level(text, options.base);
    paragraph.base_direction = level ? Direction::rtl : Direction::ltr;
    const hb_language_t language =
        options.locale.empty() ? HB_LANGUAGE_INVALID : hb_language_from_string(options.locale.c_str(), -1);
    SegmentLayout segments(*workspace_, fonts_, shape_calls_);
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        const std::size_t content_end = end > begin && text[end - 1] == '\r' ? end - 1 : end;
        auto status = segments.run(text, Segment{begin, content_end, level, language}, options, *line_breaks,
                                   paragraph.lines);
        if (!status) return status.error();
        begin = end + 1;
        if (begin == text.size() && end < text.size()) paragraph.lines.push_back(Line{{}, 0, begin, begin});
    }
    return paragraph;
}

core::Expected<Paragraph> layout_paragraph(FontSet& fonts, std::string_view text, const LayoutOptions& options) {
    return ParagraphLayouter(fonts).layout(text, options);
}

} // namespace pavilion::text
