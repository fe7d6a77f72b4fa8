#pragma once
// Pavilion's text layout: UTF-8 in, lines of shaped glyph runs out.
//
//   itemize   bidi levels (ICU ubidi), scripts (ICU uscript; common and inherited characters take
//             their neighbours' script) and the first face that covers each character
//   shape     each item once with HarfBuzz (direction, script, language)
//   break     at ICU's line-break opportunities (UAX #14, dictionaries for Thai, Lao, Khmer and
//             Burmese), measured with the shaped clusters' advances: the paragraph is shaped once
//   reorder   each line's runs into visual order (ubidi_setLine, ubidi_getVisualRun)

#include "pavilion/core/expected.hpp"
#include "pavilion/text/font_set.hpp"
#include "pavilion/text/paragraph.hpp"

#include <cstddef>
#include <memory>
#include <string_view>

namespace pavilion::text {

namespace detail {
struct LayoutWorkspace; // ICU's iterators and bidi objects, a HarfBuzz buffer
}

// Longer paragraphs are refused (a pack's text is authored, not a book): layout time and the
// glyph buffers stay bounded whatever a pack holds.
inline constexpr std::size_t kMaxParagraphBytes = 64 * 1024;

// Lays out paragraphs with one FontSet, keeping ICU's break iterators (costly to create, they
// load the dictionaries) between paragraphs. One thread at a time, like the FontSet.
class ParagraphLayouter {
public:
    explicit ParagraphLayouter(FontSet& fonts);
    ParagraphLayouter(ParagraphLayouter&&) noexcept;
    ~ParagraphLayouter();

    // invalid_argument for a size that is not positive, too_large over kMaxParagraphBytes.
    // Malformed UTF-8 is laid out as U+FFFD and reported in Paragraph::invalid_utf8_at.
    core::Expected<Paragraph> layout(std::string_view text, const LayoutOptions& options);

    FontSet& fonts() { return fonts_; }
    // How many runs HarfBuzz has shaped: caches are tested by what they save.
    std::size_t shape_calls() const { return shape_calls_; }

private:
    FontSet& fonts_;
    std::unique_ptr<detail::LayoutWorkspace> workspace_;
    std::size_t shape_calls_ = 0;
};

// One paragraph with a layouter of its own (ICU's iterators made for this call only).
core::Expected<Paragraph> layout_paragraph(FontSet& fonts, std::string_view text, const LayoutOptions& options);

} // namespace pavilion::text
