#include "pack_pages.hpp"

// Debian's libstb-dev: the skyline packer Dear ImGui's own atlas uses. Static, so its symbols can
// never meet the copy inside libimgui.a when the kiosk links both.
#define STBRP_STATIC
#define STB_RECT_PACK_IMPLEMENTATION
#include <stb/stb_rect_pack.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace pavilion::text::detail {
namespace {

int power_of_two_at_least(double value) {
    int side = 1;
    while (side < value) side *= 2;
    return side;
}

// A page about square for what is left, so a small atlas is a small texture: the width is the
// power of two at least the square root of the area, the height is what the packer used.
int page_width_for(const std::vector<stbrp_rect>& rects, int max_side) {
    double area = 0;
    int widest = 1;
    for (const auto& rect : rects) {
        area += static_cast<double>(rect.w) * rect.h;
        widest = std::max(widest, static_cast<int>(rect.w));
    }
    // 10 % for what a skyline wastes between glyphs of different heights.
    return std::min(max_side, power_of_two_at_least(std::max<double>(widest, std::sqrt(area * 1.1))));
}

// Packs as many of rects as fit on one page; returns the page's size and leaves the rest.
RectSize pack_one_page(std::vector<stbrp_rect>& rects, const std::vector<RectSize>& sizes, int max_side,
                       std::uint32_t page, std::vector<std::optional<Placement>>& places) {
    const int width = page_width_for(rects, max_side);
    std::vector<stbrp_node> nodes(static_cast<std::size_t>(width));
    stbrp_context context;
    stbrp_init_target(&context, width, max_side, nodes.data(), width);
    stbrp_pack_rects(&context, rects.data(), static_cast<int>(rects.size()));
    int height = 0;
    std::vector<stbrp_rect> left;
    for (const auto& rect : rects) {
        if (!rect.was_packed) {
            left.push_back(rect);
            continue;
        }
        const auto id = static_cast<std::size_t>(rect.id);
        places[id] = Placement{page, rect.x, rect.y};
        height = std::max(height, rect.y + sizes[id].height); // the padding below may overhang

    }
    rects = std::move(left);
    return RectSize{width, std::max(height, 1)};
}

} // namespace

PagePlan plan_pages(const std::vector<RectSize>& rects, int max_side, int padding) {
    PagePlan plan;
    plan.places.resize(rects.size());
    std::vector<stbrp_rect> waiting;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const int width = rects[i].width + padding, height = rects[i].height + padding;
        // Larger than a page even without its padding is left out; the padding may overhang.
        if (rects[i].width > max_side || rects[i].height > max_side) continue;
        stbrp_rect rect{};
        rect.id = static_cast<int>(i);
        rect.w = std::min(width, max_side);
        rect.h = std::min(height, max_side);
        waiting.push_back(rect);
    }
    while (!waiting.empty()) {
        const std::size_t before = waiting.size();
        plan.pages.push_back(
            pack_one_page(waiting, rects, max_side, static_cast<std::uint32_t>(plan.pages.size()), plan.places));
        if (waiting.size() == before) { // nothing fitted an empty page: cannot happen, never loop
            plan.pages.pop_back();
            break;
        }
    }
    return plan;
}

} // namespace pavilion::text::detail
