#include "pavilion/platform/render_surface.hpp"

#include "pavilion/platform/imgui_backend.hpp"

#include <GLES3/gl3.h>

namespace pavilion::platform {

void present(RenderSurface& surface, ImGuiBackend* backend, ImDrawData* draw_data) {
    surface.bind();
    glViewport(0, 0, surface.width(), surface.height());
    // A scissor left enabled by earlier drawing (the map renderer clips to its rectangle) would
    // limit the clear to that rectangle and leave the last frame's pixels around it.
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (backend && draw_data) backend->render(draw_data);
    surface.finish();
}

} // namespace pavilion::platform
