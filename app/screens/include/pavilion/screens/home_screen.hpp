#pragma once
// Home: the pack's title and five large doors: initiatives, project stories, map, key figures,
// sources. Landscape puts the two picture tiles side by side with the three others stacked
// beside them; portrait stacks them.

#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/views.hpp"

namespace pavilion::screens {

struct HomeExtras {
    const std::vector<content::MapFeature>* features = nullptr; // for the map tile's sketch
    std::string first_figure;                                   // e.g. "150+", for the figures tile
    MapSketch* sketch = nullptr; // draws the map tile; the caller's, so it keeps its dots between frames
};

void draw_home(Frame& frame, const HomeView& view, const HomeExtras& extras, float top);

} // namespace pavilion::screens
