#pragma once
// What the home screen shows, as plain data in one locale: built from the catalog, drawn by
// HomeScreen. Keeping the two apart lets tests check content without a GPU.

#include "pavilion/content/model.hpp"

#include <string>
#include <vector>

namespace pavilion::ui {

struct Tile {
    std::string ref;   // item the tile opens
    std::string title;
    std::string summary;
};

struct HomeSection {
    std::string heading;
    std::vector<Tile> tiles;
};

struct LanguageChoice {
    std::string code;
    std::string name;
    bool current = false;
};

struct HomeView {
    std::string title;
    std::string subtitle;
    std::vector<HomeSection> sections;
    std::vector<LanguageChoice> languages;
};

// Text in `locale`, falling back to the pack's default locale where a text is missing.
HomeView make_home_view(const content::Catalog& catalog, const std::string& locale);

// Looks up an interface word, falling back to the default locale and then to the key itself.
std::string ui_string(const content::Catalog& catalog, const std::string& locale,
                      const std::string& key);

} // namespace pavilion::ui
