#pragma once
// Where a frame is drawn, and the one sequence that puts a frame there. The live loop, the
// screenshot and script modes and the benchmarks all present frames through present(), so the
// clear colour, the viewport and the end of a frame (swap or flush) are decided once.

struct ImDrawData;

namespace pavilion::platform {

class ImGuiBackend;

// Where a frame is drawn: the window's back buffer or an off-screen framebuffer.
class RenderSurface {
public:
    virtual ~RenderSurface() = default;
    virtual int width() const = 0;
    virtual int height() const = 0;
    virtual void bind() = 0;   // later GL drawing goes here
    virtual void finish() = 0; // the frame is complete: swap (window) or flush (off-screen)
};

// The one sequence that puts a frame on a surface: bind, viewport, clear to black, draw ImGui's
// lists (draw_data null: a cleared frame only, e.g. the start-up floor benchmark), finish.
// backend may be null only with draw_data null. Needs the surface's GL context current.
void present(RenderSurface& surface, ImGuiBackend* backend, ImDrawData* draw_data);

} // namespace pavilion::platform
