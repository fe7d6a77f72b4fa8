#pragma once
// Density-independent units. Layouts are written in dp for a 1080-pixel short side; the scale
// maps them to the actual screen, so the same design fills 800x480 and 3840x2160, landscape or
// portrait.

namespace pavilion::core {

constexpr float kReferenceShortSide = 1080.0f;

// Pixels per dp for a framebuffer of width x height.
float ui_scale_for(int width, int height);

} // namespace pavilion::core
