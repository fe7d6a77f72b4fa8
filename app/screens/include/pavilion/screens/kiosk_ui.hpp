#pragma once
// All visitor screens behind one face: show a route in a language, draw a frame, get back what
// the visitor asked for. Views are rebuilt only when the route or the language changes.

#include "pavilion/content/model.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/screens/detail_screen.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/info_screens.hpp"
#include "pavilion/screens/list_screen.hpp"
#include "pavilion/screens/map_screen.hpp"
#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/views.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::screens {

class ViewBuilder;

struct SessionLook {
    bool larger_text = false;
    bool high_contrast = false;
    std::optional<float> still_there_seconds; // the countdown, while "Still there?" shows
    float countdown_seconds = 10;
};

// Reads an item's body when the catalog holds none (the kiosk opens packs with bodies on
// demand); nullopt when it cannot, and the item shows without one.
using BodyLookup = std::function<std::optional<content::ItemBody>(const std::string& ref)>;

class KioskUi {
public:
    // bodies: empty when the catalog holds the items' bodies itself.
    explicit KioskUi(const content::Catalog& catalog, BodyLookup bodies = {});

    // A new route or language; returns false for a route this pack cannot show (unknown item).
    bool show(const core::Route& route, const std::string& locale);
    const core::Route& route() const { return route_; }

    // Draws the current screen, its chrome and overlays, and resolves this frame's taps.
    std::vector<Intent> draw(Frame& frame, const SessionLook& look);

    // Whether the next frame differs from this one without input (animations, inertia).
    bool animating(float screen_age_s) const;

    // The pictures the current screen shows first, and whether as thumbnails (lists) or full,
    // so they can be decoded before the first frame asks: for a list, its first kFirstScreenCards.
    static constexpr std::size_t kFirstScreenCards = 16;
    struct Picture {
        std::string media_id;
        bool thumbnail = false;
    };
    std::vector<Picture> pictures_of_current_screen() const;

private:
    void rebuild();
    void update_map(const ViewBuilder& builder, const std::string& focus);

    const content::ItemBody* body_of(const std::string& ref);

    const content::Catalog& catalog_;
    BodyLookup bodies_;
    // The last item's body, kept while the visitor switches language on its page.
    std::string body_ref_;
    std::optional<content::ItemBody> body_;
    core::Route route_;
    std::string locale_;
    ChromeText chrome_;
    std::string title_;
    HomeView home_;
    ListView list_;
    std::optional<DetailView> detail_;
    FiguresView figures_;
    SourcesView sources_;
    AttractView attract_;
    MapView map_;
    bool map_built_ = false; // map_ holds the places in locale_ (map_.locale)
    std::string first_figure_;
    ListScreen& list_screen_for(core::Route::Screen screen);

    // One per list, so a list keeps its filter and scroll while the visitor reads its items.
    ListScreen initiatives_screen_;
    ListScreen stories_screen_;
    DetailScreen detail_screen_;
    FiguresScreen figures_screen_;
    SourcesScreen sources_screen_;
    MapScreen map_screen_;
    MapSketch home_sketch_; // the map tile on Home
};

} // namespace pavilion::screens
