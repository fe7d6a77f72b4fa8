#pragma once
// Drawing pieces shared by the screens: backgrounds, pictures, buttons, icons and rich text.
// Buttons register their tap target with the frame; none keeps state between frames.

#include "pavilion/content/model.hpp"
#include "pavilion/screens/frame.hpp"

#include <optional>
#include <string_view>

namespace pavilion::screens {

void draw_background(Frame& frame);

// Fills [min, max] with the texture, cropped to keep its aspect ratio ("cover"). zoom >= 1 and
// pan in -1..1 move the crop window (the attract loop's slow pan and zoom).
void draw_image_cover(Frame& frame, const core::Texture& texture, ImVec2 min, ImVec2 max, float rounding,
                      float alpha = 1, float zoom = 1, ImVec2 pan = {0, 0},
                      ImDrawFlags corners = ImDrawFlags_RoundCornersAll);
// A quiet gradient where a picture is still decoding.
void draw_image_placeholder(Frame& frame, ImVec2 min, ImVec2 max, float rounding,
                            ImDrawFlags corners = ImDrawFlags_RoundCornersAll);

enum class PillStyle { filled, outlined, quiet };

// A rounded button with a label; returns its width. Registers a tap target for action.
float draw_pill(Frame& frame, ImVec2 pos, float height, std::string_view label, PillStyle style,
                const TapAction& action, std::optional<Font> font = std::nullopt);
float pill_width(const Frame& frame, float height, std::string_view label, std::optional<Font> font = std::nullopt);
// A pill's shape over [min, max) and its tap target, for labels draw_pill does not make (an icon
// beside the words); returns the colour for text on it.
ImU32 draw_pill_shape(Frame& frame, ImVec2 min, ImVec2 max, PillStyle style, const TapAction& action);

enum class Icon { back, home, larger_text, contrast };
// A round icon button, min_touch in size.
void draw_icon_button(Frame& frame, ImVec2 pos, Icon icon, bool active, const TapAction& action);

// Plain text wrapped at the text engine's line breaks (ICU); returns the height used. With
// max_lines, the last line shown ends in "…" when the text goes on.
float draw_text(Frame& frame, Font font, float size, ImVec2 pos, float width, ImU32 color,
                std::string_view text, int max_lines = 0, float line_height = 1.35f);
float text_height(const Frame& frame, Font font, float size, std::string_view text, float width, int max_lines = 0,
                  float line_height = 1.35f);

// A rich-text block (heading, paragraph, bullet, quote with emphasis/strong runs); returns the
// height used. With draw == false it only measures.
float draw_block(Frame& frame, const content::Block& block, ImVec2 pos, float width, bool draw = true);

// Size of the body text (dp-scaled, with the visitor's text scale).
float body_size(const Frame& frame);

} // namespace pavilion::screens
