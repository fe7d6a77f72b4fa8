#include "text_fixture.hpp"

#include "pavilion/core/utf8.hpp"

#include <algorithm>

namespace pavilion::text::testing {

std::vector<char32_t> code_points(const std::string& text, std::size_t begin, std::size_t end) {
    std::vector<char32_t> points;
    for (std::size_t at = begin; at < end;) {
        std::size_t length = 1;
        points.push_back(core::decode_utf8(text, at, length));
        at += length;
    }
    return points;
}

std::vector<char32_t> visual_code_points(const Paragraph& paragraph, const std::string& text) {
    std::vector<char32_t> visual;
    for (const auto& line : paragraph.lines)
        for (const auto& run : line.runs) {
            auto points = code_points(text, run.byte_begin, run.byte_end);
            if (run.direction == Direction::rtl) std::reverse(points.begin(), points.end());
            visual.insert(visual.end(), points.begin(), points.end());
        }
    return visual;
}

std::vector<std::string> line_texts(const Paragraph& paragraph, const std::string& text) {
    std::vector<std::string> lines;
    for (const auto& line : paragraph.lines) lines.push_back(text.substr(line.byte_begin, line.byte_end - line.byte_begin));
    return lines;
}

} // namespace pavilion::text::testing
