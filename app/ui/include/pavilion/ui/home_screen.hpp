#pragma once
// Home: the pack's title and five large doors: initiatives, project stories, map, key figures,
// sources. Landscape puts the two picture tiles side by side with the three others stacked
// beside them; portrait stacks them.

#include "pavilion/ui/frame.hpp"
#include "pavilion/ui/views.hpp"

namespace pavilion::ui {

struct HomeExtras {
    const std::vector<content::MapFeature>* features = nullptr; // for the map tile's sketch
    std::string first_figure;                                   // e.g. "150+", for the figures tile
};

void draw_home(Frame& frame, const HomeView& view, const HomeExtras& extras, float top);

} // namespace pavilion::ui
