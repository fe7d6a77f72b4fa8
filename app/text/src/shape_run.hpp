#pragma once
// One item through HarfBuzz: glyph ids and positions in pixels, clusters as byte offsets.

#include "pavilion/text/paragraph.hpp"

#include <hb.h>
#include <unicode/uscript.h>

#include <cstddef>
#include <string_view>

namespace pavilion::text::detail {

struct ShapeRequest {
    std::string_view text; // the whole paragraph: the context around the item (Arabic joining)
    std::size_t byte_begin = 0;
    std::size_t byte_end = 0;
    bool right_to_left = false;
    UScriptCode script = USCRIPT_COMMON;
    hb_language_t language = HB_LANGUAGE_INVALID;
};

// Shapes into buffer (cleared first) with font; the run's face is left for the caller to set.
GlyphRun shape_run(hb_buffer_t* buffer, hb_font_t* font, const ShapeRequest& request);

} // namespace pavilion::text::detail
