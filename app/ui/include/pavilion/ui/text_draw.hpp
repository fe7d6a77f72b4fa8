#pragma once
// Wrapped text drawn with Pavilion's own line breaking (core::break_lines), which handles Chinese.

#include <imgui.h>

#include <string_view>

namespace pavilion::ui {

// Height the text takes when wrapped to width.
float wrapped_text_height(ImFont* font, std::string_view text, float width, int max_lines = 0);

// Draws text wrapped to width at pos; returns the height used. max_lines > 0 truncates with "…".
float draw_wrapped_text(ImDrawList* list, ImFont* font, ImVec2 pos, float width, ImU32 color,
                        std::string_view text, int max_lines = 0);

// Font size as drawn (the atlas may rasterize smaller and scale up).
inline float drawn_size(const ImFont* font) { return font->FontSize * font->Scale; }

} // namespace pavilion::ui
