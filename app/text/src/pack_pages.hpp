#pragma once
// Places rectangles (glyph bitmaps) on as few pages as hold them, no page over max_side a side.

#include <cstdint>
#include <optional>
#include <vector>

namespace pavilion::text::detail {

struct RectSize {
    int width = 0;
    int height = 0;
};

struct Placement {
    std::uint32_t page = 0;
    int x = 0; // top-left corner
    int y = 0;
};

struct PagePlan {
    std::vector<RectSize> pages; // each page's size: width a power of two, height as used
    std::vector<std::optional<Placement>> places; // one per rectangle; empty when larger than a page
};

// Each rectangle is kept `padding` pixels from the ones right of and below it. Deterministic.
PagePlan plan_pages(const std::vector<RectSize>& rects, int max_side, int padding);

} // namespace pavilion::text::detail
