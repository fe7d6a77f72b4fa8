#pragma once
// Initiatives or project stories as cards with thumbnails, in a grid that scrolls with the
// finger, with filter chips when the pack defines themes or regions.

#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

class ListScreen {
public:
    void draw(Frame& frame, const ListView& view, float top);
    void set_filter(std::string facet) {
        filter_ = std::move(facet);
        scroll_.reset();
    }
    const std::string& filter() const { return filter_; }
    void reset() {
        filter_.clear();
        scroll_.reset();
    }
    bool animating() const { return scroll_.animating(); }

private:
    ScrollArea scroll_;
    std::string filter_;
};

} // namespace pavilion::screens
