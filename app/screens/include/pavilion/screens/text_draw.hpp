#pragma once
// Font sizes as drawn. Wrapped text is drawn by widgets.hpp (draw_text, draw_block) with
// Pavilion's own line breaking.

#include <imgui.h>

namespace pavilion::screens {

// Font size as drawn (the atlas may rasterize smaller and scale up to fit the texture limit).
inline float drawn_size(const ImFont* font) { return font->FontSize * font->Scale; }

} // namespace pavilion::screens
