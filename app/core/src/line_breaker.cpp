#include "pavilion/core/line_breaker.hpp"

#include "pavilion/core/utf8.hpp"

#include <algorithm>

namespace pavilion::core {
namespace {

struct CodePoint {
    char32_t value;
    std::size_t begin;
    std::size_t end;
};

// The code point starting at byte `at` of `text` (which ends where the paragraph ends).
CodePoint decode_at(std::string_view text, std::size_t at) {
    std::size_t length;
    const char32_t value = decode_utf8(text, at, length);
    return {value, at, at + length};
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

bool is_dash(char32_t c) { return c == '-' || c == 0x2013; }

bool is_alnum(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F);
}

// Whether a line may end between a and b; `before` precedes a (0 at a paragraph's start).
bool may_break_between(char32_t before, char32_t a, char32_t b) {
    if (is_space(b)) return false; // spaces stay at the end of the line they follow
    if (is_space(a)) return true;
    if (is_closing_punctuation(b) || is_opening_punctuation(a)) return false;
    if (is_dash(a)) return is_alnum(before) && is_alnum(b);
    return is_cjk(a) || is_cjk(b);
}

// Byte offset where a line ending at `end` stops once trailing spaces are dropped.
std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (end >= begin + 3 && text.substr(end - 3, 3) == "\xE3\x80\x80") end -= 3; // ideographic space
    return end;
}

class Breaker {
public:
    Breaker(std::string_view text, float max_width, const MeasureText& measure, std::size_t max_lines)
        : text_(text), max_width_(max_width), measure_(measure), max_lines_(max_lines) {}

    std::vector<LineRange> run() {
        // Paragraphs split at "\n" are broken independently.
        std::size_t start = 0;
        while (!full()) {
            const auto newline = text_.find('\n', start);
            const auto end = newline == std::string_view::npos ? text_.size() : newline;
            paragraph(start, end);
            if (newline == std::string_view::npos) break;
            start = newline + 1;
        }
        if (full()) lines_.resize(max_lines_);
        return std::move(lines_);
    }

private:
    float width(std::size_t begin, std::size_t end) const {
        return measure_(text_.substr(begin, trim_end(text_, begin, end) - begin));
    }

    void emit(std::size_t begin, std::size_t end) {
        lines_.push_back({begin, trim_end(text_, begin, end)});
    }
    bool full() const { return max_lines_ > 0 && lines_.size() >= max_lines_; }

    // Walks the paragraph once, a code point at a time, and stops as soon as the lines are full:
    // a line limit bounds the work by what is shown, not by the length of the text (a source
    // credited by 2,000 stories lists them all in one string, and shows three lines of it).
    void paragraph(std::size_t begin, std::size_t end) {
        if (begin == end) return emit(begin, begin);
        const std::string_view text = text_.substr(0, end);
        std::size_t line_start = begin;
        std::size_t unit_start = begin;
        // Units are the unbreakable runs between break opportunities.
        auto unit_ends_at = [&](std::size_t unit_end) {
            if (line_start < unit_start && width(line_start, unit_end) > max_width_) {
                emit(line_start, unit_start);
                line_start = unit_start;
                if (full()) return;
            }
            if (width(line_start, unit_end) > max_width_) line_start = split_long(line_start, unit_end);
            unit_start = unit_end;
        };
        char32_t before = 0;
        CodePoint previous = decode_at(text, begin);
        while (previous.end < end) {
            const CodePoint current = decode_at(text, previous.end);
            if (may_break_between(before, previous.value, current.value)) {
                unit_ends_at(current.begin);
                if (full()) return;
            }
            before = previous.value;
            previous = current;
        }
        unit_ends_at(end);
        if (!full()) emit(line_start, end);
    }

    // A run wider than a whole line: break it between characters. Returns the start of the
    // last, unfinished piece.
    std::size_t split_long(std::size_t begin, std::size_t end) {
        const std::string_view text = text_.substr(0, end);
        std::size_t line_start = begin;
        for (CodePoint point = decode_at(text, begin); point.end < end;) {
            point = decode_at(text, point.end);
            if (width(line_start, point.end) > max_width_ && point.begin > line_start) {
                emit(line_start, point.begin);
                line_start = point.begin;
                if (full()) break;
            }
        }
        return line_start;
    }

    std::string_view text_;
    float max_width_;
    const MeasureText& measure_;
    std::size_t max_lines_; // 0: no limit
    std::vector<LineRange> lines_;
};

} // namespace

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_closing_punctuation(char32_t c) {
    static constexpr char32_t kClosing[] = {
        0xFF0C, 0x3002, 0x3001, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F, 0x300B,
        0x3009, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x201D, 0x2019, 0x2026, 0x2025, 0x30FB,
        0xFF05, 0xFF0E, 0x00B7, ',', '.', ';', ':', '!', '?', ')', ']', '}', '%'};
    return std::find(std::begin(kClosing), std::end(kClosing), c) != std::end(kClosing);
}

bool is_opening_punctuation(char32_t c) {
    static constexpr char32_t kOpening[] = {0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010,
                                            0x3014, 0x3016, 0x3018, 0x301A, 0x201C, 0x2018,
                                            '(', '[', '{'};
    return std::find(std::begin(kOpening), std::end(kOpening), c) != std::end(kOpening);
}

std::vector<LineRange> break_lines(std::string_view text, float max_width,
                                   const MeasureText& measure, std::size_t max_lines) {
    return Breaker(text, max_width, measure, max_lines).run();
}

} // namespace pavilion::core
