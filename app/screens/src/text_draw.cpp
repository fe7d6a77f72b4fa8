#include "pavilion/screens/text_draw.hpp"

namespace pavilion::screens {

Fonts fonts_of(Typesetter& typesetter) {
    const FontSizes sizes;
    const float scale = typesetter.scale();
    Fonts fonts;
    fonts.body.size = sizes.body * scale;
    fonts.body_bold.size = sizes.body * scale;
    fonts.heading.size = sizes.heading * scale;
    fonts.display.size = sizes.display * scale;
    fonts.text = &typesetter;
    return fonts;
}

float text_width(const Frame& frame, Font font, float size, std::string_view text) {
    return frame.fonts.text ? frame.fonts.text->width(font.style, size, text) : 0;
}

void draw_laid_out(Frame& frame, Font font, float size, const LaidOutText& text, ImVec2 pos, float box_width,
                   float line_advance, ImU32 color, std::size_t max_lines, const std::vector<TextSpan>& spans) {
    if (!frame.fonts.text) return;
    LinePlacement place{pos.x, pos.y, box_width, false, line_advance, max_lines};
    const bool mirrored = frame.mirrored();
    if (mirrored) {
        place.left = frame.mirror->left_of(pos.x, box_width);
        place.align_right = true;
    }
    const int first_vertex = frame.draw->VtxBuffer.Size;
    frame.fonts.text->draw(*frame.draw, font.style, size, text, place, color, spans);
    if (mirrored) frame.mirror->keep(first_vertex, frame.draw->VtxBuffer.Size);
}

float draw_line(Frame& frame, Font font, float size, ImVec2 pos, ImU32 color, std::string_view text) {
    if (!frame.fonts.text) return 0;
    const auto laid_out = frame.fonts.text->lay_out(font.style, size, text);
    const float width = laid_out.width();
    draw_laid_out(frame, font, size, laid_out, pos, width, size, color);
    return width;
}

} // namespace pavilion::screens
