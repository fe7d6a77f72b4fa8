#include "pavilion/ui/text_draw.hpp"

#include "pavilion/core/line_breaker.hpp"

#include <string>

namespace pavilion::ui {
namespace {

std::vector<core::LineRange> layout(ImFont* font, std::string_view text, float width) {
    const float size = drawn_size(font);
    const core::MeasureText measure = [&](std::string_view piece) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size()).x;
    };
    return core::break_lines(text, width, measure);
}

} // namespace

float wrapped_text_height(ImFont* font, std::string_view text, float width, int max_lines) {
    auto lines = layout(font, text, width).size();
    if (max_lines > 0 && lines > static_cast<std::size_t>(max_lines)) lines = max_lines;
    return static_cast<float>(lines) * drawn_size(font) * 1.3f;
}

float draw_wrapped_text(ImDrawList* list, ImFont* font, ImVec2 pos, float width, ImU32 color,
                        std::string_view text, int max_lines) {
    const auto lines = layout(font, text, width);
    const float size = drawn_size(font);
    const float line_height = size * 1.3f;
    float y = pos.y;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        std::string piece(text.substr(line.begin, line.end - line.begin));
        const bool last_allowed = max_lines > 0 && i + 1 == static_cast<std::size_t>(max_lines);
        if (last_allowed && i + 1 < lines.size()) piece += "\xE2\x80\xA6"; // "…": more follows
        list->AddText(font, size, ImVec2(pos.x, y), color, piece.c_str());
        y += line_height;
        if (last_allowed) break;
    }
    return y - pos.y;
}

} // namespace pavilion::ui
