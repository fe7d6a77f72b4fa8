#pragma once
// Builds screen views from the catalog in one locale, falling back to the pack's default locale
// wherever a text is missing (content::in_locale, the pack's one rule).

#include "pavilion/content/model.hpp"
#include "pavilion/screens/views.hpp"

#include <optional>
#include <string>

namespace pavilion::screens {

class ViewBuilder {
public:
    ViewBuilder(const content::Catalog& catalog, std::string locale);

    ChromeText chrome() const;
    HomeView home() const;
    ListView list(content::ItemKind kind) const;
    // nullopt when the ref names no item (or is not an item ref). body: the item's key points and
    // blocks when the catalog was read without them (nullptr: the catalog's own).
    std::optional<DetailView> detail(const std::string& ref, const content::ItemBody* body = nullptr) const;
    FiguresView figures() const;
    SourcesView sources() const;
    AttractView attract() const;
    // Every place and the card a tapped place shows; built once per language (it copies them all).
    MapView map() const;

    const std::string& locale() const { return locale_; }
    // Where a text is missing in locale(): the pack's default locale.
    const std::string& fallback_locale() const { return catalog_.meta.default_locale; }

    std::string text(const std::string& key) const; // interface word; the key itself when missing
    // An optional word (one added after packs were written): the pack's, else `otherwise`.
    std::string text_or(const std::string& key, const std::string& otherwise) const;
    // A pack's word for a count ("Cited {n} times", with `one_key` for a count of one), or ""
    // when the pack has no such word: optional words keep older packs valid.
    std::string counted(const std::string& key, const std::string& one_key, std::size_t n) const;

private:
    std::optional<std::string> find_text(const std::string& key) const; // nullopt: not in the pack
    std::string pick(const content::Localized& texts) const;
    const content::ItemText* item_text(const content::Item& item) const;
    std::string source_title(const content::Source& source) const; // its id when it has no title

    const content::Catalog& catalog_;
    std::string locale_;
};

} // namespace pavilion::screens
