#include "shape_run.hpp"

namespace pavilion::text::detail {

GlyphRun shape_run(hb_buffer_t* buffer, hb_font_t* font, const ShapeRequest& request) {
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, request.text.data(), static_cast<int>(request.text.size()),
                       static_cast<unsigned>(request.byte_begin),
                       static_cast<int>(request.byte_end - request.byte_begin));
    hb_buffer_set_direction(buffer, request.right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, hb_script_from_string(uscript_getShortName(request.script), -1));
    if (request.language != HB_LANGUAGE_INVALID) hb_buffer_set_language(buffer, request.language);
    hb_shape(font, buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    GlyphRun run;
    run.direction = request.right_to_left ? Direction::rtl : Direction::ltr;
    run.byte_begin = request.byte_begin;
    run.byte_end = request.byte_end;
    run.glyphs.reserve(count);
    constexpr float kPixelsPerUnit = 1.0f / 64.0f; // 26.6 fixed point
    for (unsigned i = 0; i < count; ++i) {
        run.glyphs.push_back(Glyph{infos[i].codepoint, infos[i].cluster,
                                   static_cast<float>(positions[i].x_advance) * kPixelsPerUnit,
                                   static_cast<float>(positions[i].x_offset) * kPixelsPerUnit,
                                   static_cast<float>(positions[i].y_offset) * kPixelsPerUnit});
    }
    return run;
}

} // namespace pavilion::text::detail
