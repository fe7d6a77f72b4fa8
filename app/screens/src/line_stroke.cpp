#include "pavilion/screens/line_stroke.hpp"

#include <algorithm>
#include <array>

namespace pavilion::screens {
namespace {

bool touches(const core::ScreenPoint& a, const core::ScreenPoint& b, const core::ScreenRect& view) {
    return std::max(a.x, b.x) >= view.min_x && std::min(a.x, b.x) <= view.max_x && std::max(a.y, b.y) >= view.min_y &&
           std::min(a.y, b.y) <= view.max_y;
}

ImVec2 to_imvec(const core::ScreenPoint& p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

// Collects a run of points in a fixed buffer (no allocation per frame) and strokes it when full,
// keeping its last point as the next piece's first.
class PieceStroker {
public:
    PieceStroker(ImDrawList& draw, ImU32 color, float width, int& budget)
        : draw_(draw), color_(color), width_(width), budget_(budget) {}

    bool add(const core::ScreenPoint& p) {
        points_[count_++] = to_imvec(p);
        if (count_ < kStrokePiecePoints) return true;
        const ImVec2 last = points_[count_ - 1];
        if (!flush()) return false;
        points_[count_++] = last;
        return true;
    }
    // Strokes what is collected (a single point draws nothing); false when out of budget.
    bool flush() {
        const int count = count_;
        count_ = 0;
        if (count < 2) return true;
        const int vertices = count * kStrokeVerticesPerPoint;
        if (vertices > budget_) {
            budget_ = 0;
            return false;
        }
        budget_ -= vertices;
        draw_.AddPolyline(points_.data(), count, color_, 0, width_);
        return true;
    }

private:
    ImDrawList& draw_;
    ImU32 color_;
    float width_;
    int& budget_;
    std::array<ImVec2, kStrokePiecePoints> points_{};
    int count_ = 0;
};

} // namespace

int vertex_room(const ImDrawList& draw, int reserve) {
    return std::max(0, kDrawListVertexLimit - 1 - draw.VtxBuffer.Size - reserve);
}

bool stroke_in_view(ImDrawList& draw, const std::vector<core::ScreenPoint>& line, const core::ScreenRect& view,
                    ImU32 color, float width, int& vertex_budget) {
    // The line's width and anti-aliased fringe reach past its points.
    const double margin = width + 2.0;
    const core::ScreenRect grown{view.min_x - margin, view.min_y - margin, view.max_x + margin, view.max_y + margin};
    PieceStroker piece(draw, color, width, vertex_budget);
    bool in_run = false;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const bool seen = touches(line[i - 1], line[i], grown);
        if (seen && !in_run && !piece.add(line[i - 1])) return false;
        if (seen && !piece.add(line[i])) return false;
        if (!seen && in_run && !piece.flush()) return false;
        in_run = seen;
    }
    return piece.flush();
}

} // namespace pavilion::screens
