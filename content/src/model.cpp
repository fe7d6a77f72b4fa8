#include "pavilion/content/model.hpp"

#include <tuple>

namespace pavilion::content {

const char* to_string(ItemKind kind) {
    return kind == ItemKind::story ? "story" : "initiative";
}

const Item* Catalog::find_item(const std::string& ref) const {
    for (const auto* list : {&initiatives, &stories}) {
        for (const auto& item : *list) {
            if (item.ref == ref) return &item;
        }
    }
    return nullptr;
}

const Source* Catalog::find_source(const std::string& id) const {
    for (const auto& source : sources) {
        if (source.id == id) return &source;
    }
    return nullptr;
}

bool operator==(const PackMeta& a, const PackMeta& b) {
    return std::tie(a.id, a.version, a.created, a.default_locale, a.locales, a.idle_timeout_s, a.format, a.title,
                    a.subtitle, a.font_media) == std::tie(b.id, b.version, b.created, b.default_locale, b.locales,
                                                          b.idle_timeout_s, b.format, b.title, b.subtitle,
                                                          b.font_media);
}

bool operator==(const ItemText& a, const ItemText& b) {
    return std::tie(a.title, a.summary, a.place_name, a.key_points, a.blocks) ==
           std::tie(b.title, b.summary, b.place_name, b.key_points, b.blocks);
}

bool operator==(const BodyText& a, const BodyText& b) {
    return std::tie(a.key_points, a.blocks) == std::tie(b.key_points, b.blocks);
}

bool operator==(const Item& a, const Item& b) {
    return std::tie(a.ref, a.kind, a.slug, a.order, a.image, a.theme, a.region, a.url, a.place, a.sources, a.related,
                    a.text) == std::tie(b.ref, b.kind, b.slug, b.order, b.image, b.theme, b.region, b.url, b.place,
                                        b.sources, b.related, b.text);
}

bool operator==(const FigureText& a, const FigureText& b) {
    return std::tie(a.label, a.unit, a.display) == std::tie(b.label, b.unit, b.display);
}

bool operator==(const Figure& a, const Figure& b) {
    return std::tie(a.id, a.value, a.decimals, a.suffix, a.source, a.text) ==
           std::tie(b.id, b.value, b.decimals, b.suffix, b.source, b.text);
}

bool operator==(const SourceText& a, const SourceText& b) {
    return std::tie(a.title, a.summary, a.author, a.outlet) == std::tie(b.title, b.summary, b.author, b.outlet);
}

bool operator==(const Source& a, const Source& b) {
    return std::tie(a.id, a.author, a.outlet, a.date, a.url, a.text) ==
           std::tie(b.id, b.author, b.outlet, b.date, b.url, b.text);
}

bool operator==(const MapFeature& a, const MapFeature& b) {
    return std::tie(a.id, a.kind, a.role, a.link, a.coords, a.name) ==
           std::tie(b.id, b.kind, b.role, b.link, b.coords, b.name);
}

bool operator==(const AttractSlide& a, const AttractSlide& b) {
    return std::tie(a.image, a.caption) == std::tie(b.image, b.caption);
}

bool operator==(const Facet& a, const Facet& b) {
    return std::tie(a.kind, a.id, a.name) == std::tie(b.kind, b.id, b.name);
}

bool operator==(const Catalog& a, const Catalog& b) {
    return std::tie(a.meta, a.initiatives, a.stories, a.figures, a.sources, a.features, a.slides, a.facets,
                    a.strings) == std::tie(b.meta, b.initiatives, b.stories, b.figures, b.sources, b.features,
                                           b.slides, b.facets, b.strings);
}

} // namespace pavilion::content
