#include "pavilion/ui/home_view.hpp"

namespace pavilion::ui {
namespace {

std::string pick(const content::Localized& texts, const std::string& locale,
                 const std::string& fallback) {
    if (auto it = texts.find(locale); it != texts.end()) return it->second;
    if (auto it = texts.find(fallback); it != texts.end()) return it->second;
    return {};
}

HomeSection section_of(const content::Catalog& catalog, const std::vector<content::Item>& items,
                       const std::string& heading, const std::string& locale) {
    HomeSection section{heading, {}};
    for (const auto& item : items) {
        auto text = item.text.find(locale);
        if (text == item.text.end()) text = item.text.find(catalog.meta.default_locale);
        if (text == item.text.end()) continue;
        section.tiles.push_back({item.ref, text->second.title, text->second.summary});
    }
    return section;
}

} // namespace

std::string ui_string(const content::Catalog& catalog, const std::string& locale,
                      const std::string& key) {
    for (const auto& code : {locale, catalog.meta.default_locale}) {
        if (auto table = catalog.strings.find(code); table != catalog.strings.end()) {
            if (auto it = table->second.find(key); it != table->second.end()) return it->second;
        }
    }
    return key;
}

HomeView make_home_view(const content::Catalog& catalog, const std::string& locale) {
    const auto& fallback = catalog.meta.default_locale;
    HomeView view;
    view.title = pick(catalog.meta.title, locale, fallback);
    view.subtitle = pick(catalog.meta.subtitle, locale, fallback);
    if (!catalog.initiatives.empty())
        view.sections.push_back(section_of(catalog, catalog.initiatives,
                                           ui_string(catalog, locale, "initiatives"), locale));
    if (!catalog.stories.empty())
        view.sections.push_back(
            section_of(catalog, catalog.stories, ui_string(catalog, locale, "stories"), locale));
    for (const auto& language : catalog.meta.locales)
        view.languages.push_back({language.code, language.name, language.code == locale});
    return view;
}

} // namespace pavilion::ui
