#pragma once
// One visitor screen behind a small interface (after ImHex's View: open, close, draw), so the
// Deck that shows them needs no switch on the route. A screen builds its view from the catalog
// when it opens, keeps what must outlive a frame (scroll, filter, camera), and draws.

#include "pavilion/content/model.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/model/intent.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/views.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pavilion::screens {

class ViewBuilder;

// A picture a screen shows first, and whether as a thumbnail (lists) or full, so it can be
// decoded before the first frame asks for it.
struct Picture {
    std::string media_id;
    bool thumbnail = false;
};

// A list's first screenful: 4 columns by 4 rows is more than any supported layout shows at once.
constexpr std::size_t kFirstScreenCards = 16;

// What every screen may read while it builds its view. Valid during on_open only, except the
// catalog and the map, which live as long as the Deck.
struct ScreenContext {
    const content::Catalog& catalog;
    const ViewBuilder& views;      // in the current locale
    const core::Route& route;
    const content::ItemBody* body; // the item's text once the model has read it, else nullptr
    const MapView& map;            // every place, built once per language, shared by map/home/detail
};

class Screen {
public:
    virtual ~Screen() = default;
    // Arrived, or the language or the item's body changed while here.
    virtual void on_open(const ScreenContext& context) = 0;
    // The visitor went to `next`, which another screen shows. Called after every route change on
    // every screen but the one arriving, so a screen that keeps something for the visitor while
    // they are elsewhere (a list's filter and scroll, while they read its items) knows when to
    // let it go.
    virtual void on_close(const core::Route& next) { (void)next; }
    // Draws below top (the chrome's bar); gestures other than taps that mean an intent (a swipe,
    // a tap the map hit-tests itself) are added to intents. Taps are resolved by the Deck after
    // drawing, from the frame's targets.
    virtual void draw(Frame& frame, float top, std::vector<model::Intent>& intents) = 0;
    // A tap on one of this screen's own targets that the model never hears of.
    virtual void act(const TapAction& local) { (void)local; }
    // Whether the next frame differs without input (animations, inertia).
    virtual bool animating(float screen_age_s) const {
        (void)screen_age_s;
        return false;
    }
    virtual std::vector<Picture> first_pictures() const { return {}; }
    virtual std::string title() const { return {}; } // shown in the chrome
    virtual bool framed() const { return true; }      // false: draws the whole display, no chrome (attract)
};

} // namespace pavilion::screens
