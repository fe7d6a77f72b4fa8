#include "pavilion/screens/view_builder.hpp"

#include <algorithm>
#include <set>

namespace pavilion::screens {
namespace {

std::string join_byline(const content::Source& source, const content::SourceText* text) {
    std::string byline;
    const std::string& author = text ? text->author : source.author;
    const std::string& outlet = text ? text->outlet : source.outlet;
    for (const auto* part : {&author, &outlet, &source.date}) {
        if (part->empty()) continue;
        if (!byline.empty()) byline += " · ";
        byline += *part;
    }
    return byline;
}

const content::Item* neighbour(const std::vector<content::Item>& items, const content::Item& item,
                               int step) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].ref != item.ref) continue;
        const auto next = static_cast<std::ptrdiff_t>(i) + step;
        if (next < 0 || next >= static_cast<std::ptrdiff_t>(items.size())) return nullptr;
        return &items[static_cast<std::size_t>(next)];
    }
    return nullptr;
}

} // namespace

ViewBuilder::ViewBuilder(const content::Catalog& catalog, std::string locale)
    : catalog_(catalog), locale_(std::move(locale)) {}

std::string ViewBuilder::pick(const content::Localized& texts) const {
    return content::localized(texts, locale_, fallback_locale());
}

std::optional<std::string> ViewBuilder::find_text(const std::string& key) const {
    for (const auto& code : {locale_, catalog_.meta.default_locale}) {
        if (auto table = catalog_.strings.find(code); table != catalog_.strings.end()) {
            if (auto it = table->second.find(key); it != table->second.end()) return it->second;
        }
    }
    return std::nullopt;
}

std::string ViewBuilder::text(const std::string& key) const { return find_text(key).value_or(key); }

std::string ViewBuilder::text_or(const std::string& key, const std::string& otherwise) const {
    return find_text(key).value_or(otherwise);
}

const content::ItemText* ViewBuilder::item_text(const content::Item& item) const {
    return content::in_locale(item.text, locale_, fallback_locale());
}

std::string ViewBuilder::source_title(const content::Source& source) const {
    const auto* text = content::in_locale(source.text, locale_, fallback_locale());
    return text ? text->title : source.id;
}

std::string ViewBuilder::counted(const std::string& key, const std::string& one_key, std::size_t n) const {
    auto word = n == 1 ? find_text(one_key) : std::nullopt;
    if (!word) word = find_text(key);
    if (!word) return {};
    if (const auto at = word->find("{n}"); at != std::string::npos) word->replace(at, 3, std::to_string(n));
    return *word;
}

ChromeText ViewBuilder::chrome() const {
    ChromeText chrome{text("back"),        text("home"), text("larger_text"), text("high_contrast"), {},
                      text("still_there"), text("still_there_hint")};
    for (const auto& language : catalog_.meta.locales)
        chrome.languages.push_back({language.code, language.name, language.code == locale_});
    return chrome;
}

HomeView ViewBuilder::home() const {
    HomeView view;
    view.title = pick(catalog_.meta.title);
    view.subtitle = pick(catalog_.meta.subtitle);
    auto first_image = [](const std::vector<content::Item>& items) {
        return items.empty() ? std::string() : items.front().image;
    };
    auto count = [](std::size_t n) { return std::to_string(n); };
    using Screen = core::Route::Screen;
    if (!catalog_.initiatives.empty())
        view.tiles.push_back({{Screen::initiatives, ""}, text("initiatives"), count(catalog_.initiatives.size()),
                              first_image(catalog_.initiatives)});
    if (!catalog_.stories.empty())
        view.tiles.push_back({{Screen::stories, ""}, text("stories"), count(catalog_.stories.size()),
                              first_image(catalog_.stories)});
    if (!catalog_.features.empty()) view.tiles.push_back({{Screen::map, ""}, text("map"), "", ""});
    if (!catalog_.figures.empty())
        view.tiles.push_back({{Screen::figures, ""}, text("figures"), count(catalog_.figures.size()), ""});
    if (!catalog_.sources.empty())
        view.tiles.push_back({{Screen::sources, ""}, text("sources"), count(catalog_.sources.size()), ""});
    return view;
}

ListView ViewBuilder::list(content::ItemKind kind) const {
    const bool stories = kind == content::ItemKind::story;
    const auto& items = stories ? catalog_.stories : catalog_.initiatives;
    ListView view;
    view.title = text(stories ? "stories" : "initiatives");
    std::set<std::string> used;
    for (const auto& item : items) {
        const auto* texts = item_text(item);
        const auto route = core::parse_item_ref(item.ref);
        if (!texts || !route) continue;
        const auto& facet = stories ? item.region : item.theme;
        if (!facet.empty()) used.insert(facet);
        view.cards.push_back({*route, texts->title, texts->summary, item.image, facet, texts->place_name});
    }
    // Stories are filtered by region, initiatives by theme; chips only for facets in use.
    const auto facet_kind = stories ? content::FacetKind::region : content::FacetKind::theme;
    for (const auto& facet : catalog_.facets) {
        if (facet.kind == facet_kind && used.count(facet.id)) view.chips.push_back({facet.id, pick(facet.name)});
    }
    if (view.chips.size() > 1) view.chips.insert(view.chips.begin(), FilterChip{"", text("all")});
    else view.chips.clear();
    return view;
}

std::optional<DetailView> ViewBuilder::detail(const std::string& ref, const content::ItemBody* body) const {
    const auto* item = catalog_.find_item(ref);
    const auto* texts = item ? item_text(*item) : nullptr;
    const auto route = core::parse_item_ref(ref);
    if (!texts || !route) return std::nullopt;
    const bool story = item->kind == content::ItemKind::story;
    const auto& siblings = story ? catalog_.stories : catalog_.initiatives;

    DetailView view;
    view.route = *route;
    view.locale = locale_;
    view.kind_label = text(story ? "stories" : "initiatives");
    view.title = texts->title;
    view.summary = texts->summary;
    view.place = texts->place_name;
    view.image = item->image;
    view.blocks = texts->blocks;
    view.key_points = texts->key_points;
    if (const auto* text = body ? content::in_locale(*body, locale_, fallback_locale()) : nullptr) {
        view.blocks = text->blocks;
        view.key_points = text->key_points;
    }
    view.key_points_heading = text("key_points");
    view.related_heading = text("related");
    for (const auto& related_ref : item->related) {
        const auto* related = catalog_.find_item(related_ref);
        const auto* related_text = related ? item_text(*related) : nullptr;
        const auto related_route = core::parse_item_ref(related_ref);
        if (!related_text || !related_route) continue;
        view.related.push_back({*related_route, related_text->title,
                                text(related->kind == content::ItemKind::story ? "stories" : "initiatives")});
    }
    view.sources_heading = text("based_on");
    for (const auto& id : item->sources) {
        if (const auto* source = catalog_.find_source(id)) {
            view.source_titles.push_back(source_title(*source));
            if (view.url.empty() && !source->url.empty()) view.url = source->url;
        }
    }
    if (!item->url.empty()) view.url = item->url; // the item's own link wins over its sources'
    view.url_caption = text("scan_for_more");
    view.location = item->place;
    if (const auto* previous = neighbour(siblings, *item, -1)) view.previous = core::parse_item_ref(previous->ref);
    if (const auto* next = neighbour(siblings, *item, +1)) view.next = core::parse_item_ref(next->ref);
    return view;
}

FiguresView ViewBuilder::figures() const {
    FiguresView view{text("figures"), {}, {locale_, text_or("number_digits", "")}};
    for (const auto& figure : catalog_.figures) {
        const auto* text = content::in_locale(figure.text, locale_, fallback_locale());
        if (!text) continue;
        const auto* source = catalog_.find_source(figure.source);
        view.figures.push_back({figure.id, figure.value, figure.decimals, figure.suffix, text->display, text->unit,
                                text->label, source ? source_title(*source) : figure.source});
    }
    return view;
}

SourcesView ViewBuilder::sources() const {
    SourcesView view{text("sources"), {}};
    for (const auto& source : catalog_.sources) {
        const auto* text = content::in_locale(source.text, locale_, fallback_locale());
        SourceEntry entry{source.id, source_title(source), join_byline(source, text), text ? text->summary : "",
                          source.url, {}, {}, {}};
        for (const auto* list : {&catalog_.initiatives, &catalog_.stories}) {
            for (const auto& item : *list) {
                const bool uses = std::find(item.sources.begin(), item.sources.end(), source.id) != item.sources.end();
                if (const auto* texts = item_text(item); uses && texts) entry.used_by.push_back(texts->title);
            }
        }
        // The screen shows the count and one line of titles, cut with an ellipsis: a wall of
        // titles tells a visitor less than "Cited 412 times", and a source used by thousands of
        // stories must not make a line of thousands of titles, laid out on every frame.
        // 700 bytes are more than a line holds at any text size (about 300 of the narrowest
        // letters fit), so the ellipsis still shows where titles were left out.
        if (!entry.used_by.empty()) entry.used_by_count = counted("cited_times", "cited_once", entry.used_by.size());
        constexpr std::size_t kUsedByLineBytes = 700;
        for (std::size_t i = 0; i < entry.used_by.size() && entry.used_by_line.size() < kUsedByLineBytes; ++i)
            entry.used_by_line += (i ? "  ·  " : "") + entry.used_by[i];
        view.sources.push_back(std::move(entry));
    }
    return view;
}

AttractView ViewBuilder::attract() const {
    AttractView view;
    view.title = pick(catalog_.meta.title);
    // Every language a visitor might read, the pack's default first.
    std::vector<std::string> order{catalog_.meta.default_locale};
    for (const auto& locale : catalog_.meta.locales) {
        if (locale.code != catalog_.meta.default_locale) order.push_back(locale.code);
    }
    for (const auto& code : order) {
        auto table = catalog_.strings.find(code);
        if (table == catalog_.strings.end()) continue;
        if (auto it = table->second.find("touch_to_explore"); it != table->second.end())
            view.touch_prompts.push_back(it->second);
    }
    for (const auto& slide : catalog_.slides) {
        AttractSlideView slide_view{slide.image, {}};
        for (const auto& code : order) {
            if (auto it = slide.caption.find(code); it != slide.caption.end())
                slide_view.captions.push_back(it->second);
        }
        view.slides.push_back(std::move(slide_view));
    }
    return view;
}

MapView ViewBuilder::map() const {
    MapView view{text("map"), catalog_.features, locale_, fallback_locale(), {}, text("reset_view"),
                 text("corridors"), text("routes"), text("open_story"), text("close")};
    for (const auto* items : {&catalog_.stories, &catalog_.initiatives}) {
        for (const auto& item : *items) {
            const auto* texts = item_text(item);
            const auto route = core::parse_item_ref(item.ref);
            if (texts && route)
                view.previews[item.ref] = Card{*route, texts->title, texts->summary, item.image, "", texts->place_name};
        }
    }
    return view;
}

} // namespace pavilion::screens
