#pragma once
// What each screen shows, as plain data in one locale. Built from the catalog by view_builder,
// drawn by the screens; tests check them without a GPU.

#include "pavilion/content/model.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/text/number_format.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::screens {

struct LanguageChoice {
    std::string code;
    std::string name;
    bool current = false;
};

// Words the frame around every screen needs.
struct ChromeText {
    std::string back;
    std::string home;
    std::string larger_text;
    std::string high_contrast;
    std::vector<LanguageChoice> languages;
    std::string still_there;      // the idle question, and what to do about it
    std::string still_there_hint;
};

struct HomeTile {
    core::Route route; // initiatives, stories, map, figures or sources
    std::string title;
    std::string caption;
    std::string image; // media id, "" for none
};

struct HomeView {
    std::string title;
    std::string subtitle;
    std::vector<HomeTile> tiles;
};

struct Card {
    core::Route route; // the item's page
    std::string title;
    std::string summary;
    std::string image; // media id (thumbnail shown)
    std::string facet; // theme or region id, "" for none
    std::string place;
};

struct FilterChip {
    std::string id; // "" = all
    std::string name;
};

struct ListView {
    std::string title;
    std::vector<Card> cards;
    std::vector<FilterChip> chips; // empty when the pack defines no facets for this list
};

struct RelatedLink {
    core::Route route;
    std::string title;
    std::string kind_label; // "Initiative" / "Project story" in the locale
};

struct DetailView {
    core::Route route; // the item's page
    std::string kind_label;
    std::string title;
    std::string summary;
    std::string place;
    std::string image;
    std::vector<content::Block> blocks;
    std::string key_points_heading;
    std::vector<std::string> key_points;
    std::string related_heading;
    std::vector<RelatedLink> related;
    std::string sources_heading;
    std::vector<std::string> source_titles;
    std::string url; // shown as a QR code when not empty
    std::string locale;
    std::string url_caption;
    std::optional<content::GeoPoint> location;
    std::optional<core::Route> previous; // swipe right; none at the start
    std::optional<core::Route> next;     // swipe left; none at the end
};

struct FigureView {
    std::string id;
    double value = 0;
    int decimals = 0;
    std::string suffix;
    std::string display; // the whole figure as the language writes it ("10万+"); "" to format value
    std::string unit;
    std::string label;
    std::string source;
};

struct FiguresView {
    std::string title;
    std::vector<FigureView> figures;
    // How numbers are written in this language: the locale, and the pack's choice of digits
    // (strings.toml `number_digits`, "" for the locale's own).
    text::NumberStyle numbers;
};

struct SourceEntry {
    std::string id;
    std::string title;
    std::string byline; // author, outlet and date, as given
    std::string summary;
    std::string url;
    std::vector<std::string> used_by; // titles of the items that draw on it
    std::string used_by_count;        // "Cited 26 times" ("" when the pack has no word for it)
    std::string used_by_line;         // the titles, joined for one line of display
};

struct SourcesView {
    std::string title;
    std::vector<SourceEntry> sources;
};

struct AttractSlideView {
    std::string image;
    std::vector<std::string> captions; // one per locale, default locale first
};

struct AttractView {
    std::string title;
    std::vector<AttractSlideView> slides;
    std::vector<std::string> touch_prompts; // "Touch to explore" in every locale
};

struct MapView {
    std::string title;
    std::vector<content::MapFeature> features;
    std::string locale;
    std::string fallback_locale;          // for names missing in locale: the pack's default
    std::map<std::string, Card> previews; // by item ref (a place's link): what its card shows
    std::string reset_label, corridors_label, routes_label, open_label, close_label;
};

} // namespace pavilion::screens
