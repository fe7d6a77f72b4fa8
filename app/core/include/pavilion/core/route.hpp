#pragma once
// Where the visitor is: one screen of the kiosk, plus the item it shows for an item screen.
// Routes are also text ("home", "story/china-laos-railway"): the --screen option, the one log
// line per screen change ("screen=story/china-laos-railway lang=zh") and the pack's item refs
// ("initiative/<slug>", "story/<slug>") all use the same spelling, so one parser serves them all.

#include <optional>
#include <string>
#include <string_view>

namespace pavilion::core {

struct Route {
    enum class Screen { attract, home, initiatives, initiative, stories, story, figures, map, sources };

    Screen screen = Screen::attract;
    // The item's slug for initiative and story; for the map, optionally the place it opens
    // centred on ("map/khorgos"); "" for every other screen.
    std::string id;

    // "home", "story/china-laos-railway". An invalid route still formats (as something parse()
    // rejects, e.g. "story/"), so a bug shows up in the log instead of being hidden.
    std::string to_string() const;

    // The inverse of to_string(). Rejects unknown screen names, a missing id on an item screen,
    // an id on any other screen, and ids that are not valid slugs. Case-sensitive, no spaces.
    static std::optional<Route> parse(std::string_view text);

    // An item screen with a valid slug, or a list/info screen with no id.
    bool valid() const;

    friend bool operator==(const Route& a, const Route& b) {
        return a.screen == b.screen && a.id == b.id;
    }
    friend bool operator!=(const Route& a, const Route& b) { return !(a == b); }
};

// "home", "initiative", ...: the first part of a route's text.
std::string_view screen_name(Route::Screen screen);

// True for initiative and story, the screens that show one item and so need an id.
bool is_item_screen(Route::Screen screen);

// The pack's id rule (content/AUTHORING.md): 1-100 characters of a-z, 0-9 and '-'.
bool is_valid_slug(std::string_view slug);

// A pack item ref, "initiative/<slug>" or "story/<slug>"; nullopt for anything else, including
// valid routes that are not items ("home"), so a bad link in a pack cannot open a list screen.
std::optional<Route> parse_item_ref(std::string_view ref);

// The screen Back leads to when there is no history: an item's list, Home for the lists and the
// figures, map and sources screens, Home for Home itself, and attract for attract. This is the
// kiosk's shape: every screen is reached from Home through its parents.
Route parent_of(const Route& route);

// Taps from Home along parent_of (home 0, lists 1, items 2); -1 for attract, which is left by
// waking, not by tapping.
int taps_from_home(const Route& route);

} // namespace pavilion::core
