#pragma once
// All visitor screens behind one face: show what the model says is current, draw a frame, get
// back the model's intents. The Deck holds one Screen per core::Route::Screen in a table indexed
// by the enum (the two lists are two ListScreens; both kinds of item share one DetailScreen), so
// nothing here switches on the route.

#include "pavilion/content/model.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/model/intent.hpp"
#include "pavilion/model/look.hpp"
#include "pavilion/model/update_banner.hpp"
#include "pavilion/screens/attract_screen.hpp"
#include "pavilion/screens/detail_screen.hpp"
#include "pavilion/screens/figures_screen.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/home_screen.hpp"
#include "pavilion/screens/list_screen.hpp"
#include "pavilion/screens/map_screen.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/sources_screen.hpp"
#include "pavilion/screens/views.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace pavilion::screens {

class Deck {
public:
    // Opens on the attract loop in the pack's default language. The catalog outlives the Deck.
    explicit Deck(const content::Catalog& catalog);
    // Screens keep pointers to the Deck's map of places: a Deck stays where it was made.
    Deck(const Deck&) = delete;
    Deck& operator=(const Deck&) = delete;

    // What the model says is current. Views are rebuilt only when route, locale or body changed
    // (body: nullptr until the model has read the item's text; then the page shows it). The
    // route is one the pack has (the model checks); an unknown item simply shows nothing.
    // The body is read during the call only: the page keeps its own copy.
    void show(const core::Route& route, const std::string& locale, const content::ItemBody* body);
    const core::Route& route() const { return route_; }

    // Draws the screen, its chrome (from look: larger text / high contrast state) and "Still
    // there?" (look.still_there_seconds), handles screen-local taps, returns the model's intents:
    // the screen's own (swipes, the map's taps) first, then the taps', in order.
    std::vector<model::Intent> draw(Frame& frame, const model::Look& look);
    // The update banner over any screen, in the visitor's language where the pack has the words.
    // It registers no tap targets: the screen under it stays usable.
    void draw_update_banner(Frame& frame, const model::UpdateBanner& banner) const;

    // Whether the next frame differs from this one without input (animations, inertia).
    bool animating(float screen_age_s) const;

    // The pictures the current screen shows first, so they can be decoded before the first frame
    // asks: for a list, its first kFirstScreenCards thumbnails.
    static constexpr std::size_t kFirstScreenCards = screens::kFirstScreenCards;
    std::vector<Picture> pictures_of_current_screen() const;

    // The screen that shows routes of this kind; nullptr for a kind the Deck does not know (a
    // screen added to core::Route without one here: the tests ask for every kind).
    const Screen* screen_for(core::Route::Screen screen) const {
        return index_of(screen) < table_.size() ? table_[index_of(screen)] : nullptr;
    }

private:
    static constexpr std::size_t kScreenKinds = static_cast<std::size_t>(core::Route::Screen::sources) + 1;
    static constexpr std::size_t index_of(core::Route::Screen screen) { return static_cast<std::size_t>(screen); }
    Screen& current() const { return *table_[index_of(route_.screen)]; }
    void close_all_but(const Screen& arriving, const core::Route& next);
    std::vector<model::Intent> draw_screen(Frame& frame, const model::Look& look);
    std::vector<model::Intent> draw_mirrored(Frame& frame, const model::Look& look);
    void draw_framed(Frame& frame, Screen& screen, const model::Look& look, std::vector<model::Intent>& intents);
    void resolve_taps(const Frame& frame, Screen& screen, std::vector<model::Intent>& intents);

    const content::Catalog& catalog_;
    core::Route route_;
    std::string locale_;
    bool right_to_left_ = false; // locale_ is written right to left: the screens are mirrored
    const content::ItemBody* body_ = nullptr;
    ChromeText chrome_;
    MapView map_; // every place and its card, in locale_; shared by map, home and detail
    bool opened_ = false;
    bool language_sheet_open_ = false; // the bar's sheet of languages, while the visitor picks one

    AttractScreen attract_;
    HomeScreen home_;
    ListScreen initiatives_{content::ItemKind::initiative};
    ListScreen stories_{content::ItemKind::story};
    DetailScreen detail_;
    FiguresScreen figures_;
    SourcesScreen sources_;
    MapScreen map_screen_;
    std::array<Screen*, kScreenKinds> table_{};
};

} // namespace pavilion::screens
