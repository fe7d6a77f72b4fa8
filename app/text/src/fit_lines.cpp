#include "fit_lines.hpp"

#include <unicode/rbbi.h>
#include <unicode/uchar.h>

#include <cstdint>

namespace pavilion::text::detail {
namespace {

class Fitter {
public:
    explicit Fitter(const LineFitInput& input) : in_(input) {}

    std::vector<UnitRange> run() {
        const std::size_t length = in_.text.size();
        std::size_t start = 0;
        constexpr std::size_t kNone = static_cast<std::size_t>(-1);
        std::size_t last_fit = kNone; // the furthest opportunity that fits on the current line
        for (std::int32_t at = in_.line_breaks.following(0); at != icu::BreakIterator::DONE;) {
            const auto boundary = static_cast<std::size_t>(at);
            const bool mandatory = boundary < length && in_.line_breaks.getRuleStatus() >= UBRK_LINE_HARD;
            if (boundary <= start) { // a long piece was cut right up to this boundary
                at = in_.line_breaks.next();
            } else if (fits(start, boundary)) {
                last_fit = boundary;
                if (mandatory) {
                    emit(start, boundary);
                    start = boundary;
                    last_fit = kNone;
                }
                at = in_.line_breaks.next();
            } else if (last_fit != kNone) {
                emit(start, last_fit); // then the same boundary again, measured from the new line
                start = last_fit;
                last_fit = kNone;
            } else {
                const std::size_t cut = widest_grapheme_prefix(start, boundary);
                emit(start, cut);
                start = cut;
            }
        }
        if (start < length || lines_.empty()) emit(start, length);
        return std::move(lines_);
    }

private:
    std::size_t trimmed_end(std::size_t begin, std::size_t end) const {
        while (end > begin && u_isWhitespace(static_cast<UChar32>(code_point_at(in_.text, end - 1)))) --end;
        return end;
    }

    double width(std::size_t begin, std::size_t end) const {
        return in_.advance_before[trimmed_end(begin, end)] - in_.advance_before[begin];
    }

    bool fits(std::size_t begin, std::size_t end) const {
        return in_.max_width <= 0 || width(begin, end) <= static_cast<double>(in_.max_width);
    }

    // The longest run of whole grapheme clusters from begin that fits (at least one), before end.
    std::size_t widest_grapheme_prefix(std::size_t begin, std::size_t end) {
        std::int32_t next = in_.graphemes.following(static_cast<std::int32_t>(begin));
        std::size_t cut = next == icu::BreakIterator::DONE ? end : static_cast<std::size_t>(next);
        for (next = in_.graphemes.next(); next != icu::BreakIterator::DONE; next = in_.graphemes.next()) {
            const auto candidate = static_cast<std::size_t>(next);
            if (candidate >= end || !fits(begin, candidate)) break;
            cut = candidate;
        }
        return cut < end ? cut : end;
    }

    void emit(std::size_t begin, std::size_t end) { lines_.push_back(UnitRange{begin, trimmed_end(begin, end)}); }

    const LineFitInput& in_;
    std::vector<UnitRange> lines_;
};

} // namespace

std::vector<UnitRange> fit_lines(const LineFitInput& input) { return Fitter(input).run(); }

} // namespace pavilion::text::detail
