#pragma once
// Home: the pack's title and five large doors: initiatives, project stories, map, key figures,
// sources. Landscape puts the two picture tiles side by side with the three others stacked
// beside them; portrait stacks them.

#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

class HomeScreen final : public Screen {
public:
    void on_open(const ScreenContext& context) override;
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    std::vector<Picture> first_pictures() const override;

private:
    HomeView view_;
    const MapView* map_ = nullptr; // the Deck's: the map tile's sketch draws its places
    std::string first_figure_;     // e.g. "150+", for the figures tile
    MapSketch sketch_;             // kept, so it keeps its dots between frames
};

} // namespace pavilion::screens
