#pragma once
// Lines of any length, drawn within what ImGui 1.86 on this kiosk can take:
// - ImDrawList::AddPolyline takes its scratch space for normals with alloca, points x 5 x 8
//   bytes of stack for a thick line (a million-point route: 40 MB on an 8 MB stack, the SIGSEGV
//   of issue 19);
// - Debian's ImGui draws with 16-bit indices, and our GLES 3.0 backend (imgui_impl_opengl3 with
//   IMGUI_IMPL_OPENGL_ES3) has no glDrawElementsBaseVertex, so it does not set
//   ImGuiBackendFlags_RendererHasVtxOffset and ImGui never starts a new vertex range: one draw
//   list holds at most 65,536 vertices, and ImGui::Render aborts (IM_ASSERT) past that.
// So a line is stroked in pieces of a bounded number of points, only where it is in view, and
// only while the draw list has room for it.

#include "pavilion/core/map_camera.hpp"

#include <imgui.h>

#include <vector>

namespace pavilion::screens {

// Vertices one draw list can index with 16-bit indices and no vertex offset.
constexpr int kDrawListVertexLimit = 65536;
// Points per AddPolyline call: 10 KB of ImGui's alloca, far from the stack's end.
constexpr int kStrokePiecePoints = 256;
// The most vertices AddPolyline makes per point (a thick anti-aliased line: 4; a textured or
// thin one 2 or 3).
constexpr int kStrokeVerticesPerPoint = 4;

// Vertices `draw` can still take while leaving `reserve` for what is drawn after; never negative.
int vertex_room(const ImDrawList& draw, int reserve);

// Strokes the segments of `line` that touch `view`, in pieces of at most kStrokePiecePoints
// points, each starting on the previous one's last point so the line stays whole. Each piece
// takes its vertices from vertex_budget first; when the budget cannot pay for the next piece the
// line is cut short there and false returned.
bool stroke_in_view(ImDrawList& draw, const std::vector<core::ScreenPoint>& line, const core::ScreenRect& view,
                    ImU32 color, float width, int& vertex_budget);

} // namespace pavilion::screens
