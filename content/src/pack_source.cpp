#include "pack_source.hpp"

#include "map_point_budget.hpp"
#include "pavilion/content/number_digits.hpp"
#include "toml_table.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace pavilion::content {
namespace {

const std::vector<std::string> kRequiredStrings = {
    "home",      "back",          "initiatives", "stories", "map",        "figures",     "sources",
    "touch_to_explore", "still_there", "language", "related", "key_points", "source_label"};

std::vector<std::string> codes_of(const PackMeta& meta) {
    std::vector<std::string> codes;
    for (const auto& locale : meta.locales) codes.push_back(locale.code);
    return codes;
}

void parse_facets(TableReader& pack, const char* key, FacetKind kind, Catalog& catalog,
                  Diagnostics& diagnostics) {
    for (auto& [id, table] : pack.tables_in_order(key)) {
        if (!is_valid_id(id)) {
            diagnostics.error(table.file(), table.line(),
                              "'" + id + "' is not a valid id (use a-z, 0-9 and -)");
            continue;
        }
        Facet facet{kind, id, {}};
        for (const auto& locale : codes_of(catalog.meta)) {
            if (auto name = table.string(locale, Need::required)) {
                if (name->empty()) table.error(locale, "'" + locale + "' must not be empty");
                facet.name[locale] = *name;
            }
        }
        table.finish();
        catalog.facets.push_back(std::move(facet));
    }
}

// pack.toml comes first: it names the locales every other file must fill.
bool parse_pack_file(const std::string& root, PackSource& source, Diagnostics& diagnostics) {
    const std::string file = "pack.toml";
    const auto document = parse_toml_file(root, file, diagnostics);
    if (!document) return false;
    auto& meta = source.catalog.meta;
    TableReader pack(*document, file, 0, diagnostics, {});

    if (auto id = pack.string("id", Need::required)) {
        if (!is_valid_id(*id)) pack.error("id", "'id' must use only a-z, 0-9 and -");
        meta.id = *id;
    }
    if (auto version = pack.integer("version", Need::required, 1, INT64_C(1) << 53)) meta.version = *version;
    if (auto created = pack.string("created", Need::required)) meta.created = *created;
    if (auto locales = pack.strings("locales", Need::required)) {
        std::set<std::string> seen;
        for (const auto& code : *locales) {
            if (!is_valid_id(code) || !seen.insert(code).second)
                pack.error("locales", "locale '" + code + "' is invalid or listed twice");
            meta.locales.push_back({code, code});
        }
        if (locales->empty()) pack.error("locales", "'locales' must list at least one locale");
    }
    if (meta.locales.empty()) return false;
    pack.set_locales(codes_of(meta));

    if (auto locale = pack.string("default_locale", Need::required)) {
        const auto codes = codes_of(meta);
        if (std::find(codes.begin(), codes.end(), *locale) == codes.end())
            pack.error("default_locale", "'default_locale' must be one of 'locales'");
        meta.default_locale = *locale;
    }
    if (auto timeout = pack.integer("idle_timeout_s", Need::optional, 10, 3600))
        meta.idle_timeout_s = static_cast<int>(*timeout);
    if (auto title = pack.localized("title", Need::required)) meta.title = *title;
    if (auto subtitle = pack.localized("subtitle", Need::optional)) meta.subtitle = *subtitle;
    if (auto names = pack.localized("locale_names", Need::required)) {
        for (auto& locale : meta.locales) locale.name = (*names)[locale.code];
    }
    if (auto font = pack.string("font", Need::optional)) {
        source.font_path = *font;
        source.font_line = pack.line_of_key("font");
        if (!std::filesystem::is_regular_file(root + "/" + *font))
            pack.error("font", "font file '" + *font + "' does not exist");
    }
    parse_facets(pack, "themes", FacetKind::theme, source.catalog, diagnostics);
    parse_facets(pack, "regions", FacetKind::region, source.catalog, diagnostics);
    pack.finish();
    return true;
}

// number_digits is not a text but a choice of digits, from a fixed list (content does not link
// ICU, which would ignore an unknown name and leave the author wondering).
void check_number_digits(const TableReader& table, const std::string& locale,
                         std::map<std::string, std::string>& strings) {
    const auto digits = strings.find(kNumberDigitsKey);
    if (digits == strings.end() || digits->second.empty() || is_allowed_number_digits(digits->second)) return;
    table.error(kNumberDigitsKey, "[" + locale + "] number_digits = '" + digits->second +
                                      "' is not a numbering system with decimal digits; use one of: " +
                                      allowed_number_digits_list());
    strings.erase(digits);
}

void parse_strings_file(const std::string& root, Catalog& catalog, Diagnostics& diagnostics) {
    const std::string file = "strings.toml";
    const auto document = parse_toml_file(root, file, diagnostics);
    if (!document) return;
    TableReader strings(*document, file, 0, diagnostics, codes_of(catalog.meta));
    for (const auto& locale : codes_of(catalog.meta)) {
        auto table = strings.table(locale, Need::required);
        if (!table) continue;
        auto& out = catalog.strings[locale];
        for (const auto& key : kRequiredStrings) {
            if (!table->has(key)) table->error(locale, "[" + locale + "] has no '" + key + "'");
        }
        // Every key is allowed; read them all through the reader so types are checked.
        const auto& raw = document->as_table().at(locale).as_table();
        for (const auto& [key, value] : raw) {
            if (auto text = table->string(key, Need::optional)) {
                if (text->empty()) table->error(key, "'" + key + "' must not be empty");
                out[key] = *text;
            }
        }
        check_number_digits(*table, locale, out);
    }
    // Every locale must name the same things, so no screen shows a blank in one language.
    const auto& reference = catalog.strings[catalog.meta.default_locale];
    for (const auto& [locale, table] : catalog.strings) {
        for (const auto& [key, text] : reference) {
            const bool reported = std::find(kRequiredStrings.begin(), kRequiredStrings.end(), key) !=
                                  kRequiredStrings.end(); // already named above
            if (key == kNumberDigitsKey) continue; // a choice per language, not a text to translate
            if (!table.count(key) && !reported)
                diagnostics.error(file, line_of(document->as_table().at(locale), 0),
                                  "[" + locale + "] has no '" + key + "' (it is in [" +
                                      catalog.meta.default_locale + "])");
        }
    }
    strings.finish();
}

void parse_sources_file(const std::string& root, Catalog& catalog, Diagnostics& diagnostics) {
    const std::string file = "sources.toml";
    const auto document = parse_toml_file(root, file, diagnostics);
    if (!document) return;
    TableReader top(*document, file, 0, diagnostics, codes_of(catalog.meta));
    std::set<std::string> ids;
    for (auto& table : top.array_of_tables("source", Need::required)) {
        Source source;
        source.id = table.string("id", Need::required).value_or("");
        if (!source.id.empty() && !is_valid_id(source.id, true))
            table.error("id", "'" + source.id + "' is not a valid id (use a-z, 0-9, - and _)");
        if (!source.id.empty() && !ids.insert(source.id).second)
            table.error("id", "source '" + source.id + "' is defined twice");
        const auto author = table.text_per_locale("author", Need::required).value_or(Localized{});
        const auto outlet = table.text_per_locale("outlet", Need::required).value_or(Localized{});
        const auto in = [](const Localized& texts, const std::string& locale) {
            return texts.count(locale) ? texts.at(locale) : std::string();
        };
        source.author = in(author, catalog.meta.default_locale);
        source.outlet = in(outlet, catalog.meta.default_locale);
        source.date = table.string("date", Need::optional).value_or("");
        source.url = table.string("url", Need::optional).value_or("");
        const auto title = table.localized("title", Need::required).value_or(Localized{});
        const auto summary = table.localized("summary", Need::optional).value_or(Localized{});
        for (const auto& [locale, text] : title)
            source.text[locale] = {text, in(summary, locale), in(author, locale), in(outlet, locale)};
        table.finish();
        catalog.sources.push_back(std::move(source));
    }
    top.finish();
}

void parse_figures_file(const std::string& root, Catalog& catalog, Diagnostics& diagnostics) {
    const std::string file = "figures.toml";
    const auto document = parse_toml_file(root, file, diagnostics, true);
    if (!document) return;
    TableReader top(*document, file, 0, diagnostics, codes_of(catalog.meta));
    std::set<std::string> ids;
    for (auto& table : top.array_of_tables("figure", Need::required)) {
        Figure figure;
        figure.id = table.string("id", Need::required).value_or("");
        if (!figure.id.empty() && (!is_valid_id(figure.id) || !ids.insert(figure.id).second))
            table.error("id", "figure id '" + figure.id + "' is invalid or used twice");
        figure.value = table.number("value", Need::required).value_or(0);
        figure.decimals = static_cast<int>(table.integer("decimals", Need::optional, 0, 6).value_or(0));
        figure.suffix = table.string("suffix", Need::optional).value_or("");
        figure.source = table.string("source", Need::required).value_or("");
        if (!figure.source.empty() && !catalog.find_source(figure.source))
            table.error("source", "unknown source '" + figure.source + "' (see sources.toml)");
        const auto label = table.localized("label", Need::required).value_or(Localized{});
        const auto unit = table.localized("unit", Need::required).value_or(Localized{});
        const auto display = table.localized("display", Need::optional, Coverage::some_locales).value_or(Localized{});
        for (const auto& [locale, text] : label)
            figure.text[locale] = {text, unit.count(locale) ? unit.at(locale) : "",
                                   display.count(locale) ? display.at(locale) : ""};
        table.finish();
        catalog.figures.push_back(std::move(figure));
    }
    top.finish();
}

void check_link(TableReader& table, const std::string& link, const Catalog& catalog) {
    if (!link.empty() && !catalog.find_item(link))
        table.error("link", "'" + link + "' is not an item (write initiative/<id> or story/<id>)");
}

// Counts a feature's points (pack_limits.hpp); one over the limits is refused at `key`'s line.
void count_points(MapPointBudget& budget, const TableReader& table, const MapFeature& feature, const char* key) {
    if (auto over = budget.add(feature.id, feature.kind, feature.coords.size())) table.error(key, *over);
}

void parse_map_file(const std::string& root, PackSource& source, Diagnostics& diagnostics) {
    auto& catalog = source.catalog;
    const std::string file = "map.toml";
    const auto document = parse_toml_file(root, file, diagnostics, true);
    if (!document) return;
    TableReader top(*document, file, 0, diagnostics, codes_of(catalog.meta));
    std::set<std::string> ids;
    // Every story's place becomes a point of the map too (add_story_points): counted first.
    MapPointBudget budget;
    for (const auto& item : catalog.stories) {
        ids.insert("story-" + item.slug);
        if (!item.place) continue;
        if (auto over = budget.add("story-" + item.slug, FeatureKind::point, 1))
            diagnostics.error("stories/" + item.slug + "/item.toml", 0, *over);
    }

    auto read_common = [&](TableReader& table, MapFeature& feature) {
        feature.id = table.string("id", Need::required).value_or("");
        if (!feature.id.empty() && (!is_valid_id(feature.id) || !ids.insert(feature.id).second))
            table.error("id", "map feature id '" + feature.id + "' is invalid or used twice");
        feature.link = table.string("link", Need::optional).value_or("");
        check_link(table, feature.link, catalog);
        feature.name = table.localized("name", Need::required).value_or(Localized{});
    };
    for (auto& table : top.array_of_tables("line", Need::optional)) {
        MapFeature feature;
        feature.kind = FeatureKind::line;
        read_common(table, feature);
        feature.role = table.string("role", Need::required).value_or("");
        if (!feature.role.empty() && feature.role != "corridor" && feature.role != "route")
            table.error("role", "'role' of a line must be \"corridor\" or \"route\"");
        feature.coords = table.coordinates("coords", Need::required).value_or(std::vector<GeoPoint>{});
        if (feature.coords.size() == 1) table.error("coords", "a line needs at least two points");
        count_points(budget, table, feature, "coords");
        table.finish();
        catalog.features.push_back(std::move(feature));
    }
    for (auto& table : top.array_of_tables("point", Need::optional)) {
        MapFeature feature;
        feature.kind = FeatureKind::point;
        feature.role = "site";
        read_common(table, feature);
        const GeoPoint point{table.number("lon", Need::required).value_or(0),
                             table.number("lat", Need::required).value_or(0)};
        if (!(point.lon >= -180 && point.lon <= 180))
            table.error("lon", "'lon' is not a longitude (-180..180)");
        else if (!(point.lat >= -90 && point.lat <= 90))
            table.error("lat", "'lat' is not a latitude (-90..90)");
        feature.coords = {point};
        count_points(budget, table, feature, "lon");
        table.finish();
        catalog.features.push_back(std::move(feature));
    }
    for (auto& table : top.array_of_tables("area", Need::optional)) {
        MapFeature feature;
        feature.kind = FeatureKind::area;
        feature.role = "area";
        read_common(table, feature);
        feature.coords = table.coordinates("coords", Need::required).value_or(std::vector<GeoPoint>{});
        if (!feature.coords.empty() && feature.coords.size() < 3)
            table.error("coords", "an area needs at least three points");
        count_points(budget, table, feature, "coords");
        table.finish();
        catalog.features.push_back(std::move(feature));
    }
    if (auto base_map = top.table("base_map", Need::optional))
        source.base_map = parse_base_map_section(*base_map, root);
    top.finish();
}

void parse_attract_file(const std::string& root, PackSource& source, Diagnostics& diagnostics) {
    const std::string file = "attract.toml";
    const auto document = parse_toml_file(root, file, diagnostics);
    if (!document) return;
    TableReader top(*document, file, 0, diagnostics, codes_of(source.catalog.meta));
    for (auto& table : top.array_of_tables("slide", Need::required)) {
        AttractSlide slide;
        if (auto image = table.string("image", Need::required)) {
            note_image(root, *image, file, table.line_of_key("image"), source, diagnostics);
            slide.image = *image;
        }
        slide.caption = table.localized("caption", Need::required).value_or(Localized{});
        table.finish();
        source.catalog.slides.push_back(std::move(slide));
    }
    if (source.catalog.slides.empty()) top.error("slide", "the attract loop needs at least one [[slide]]");
    top.finish();
}

// Story places are map points too, so the map shows every story without repeating it.
void add_story_points(Catalog& catalog) {
    for (const auto& story : catalog.stories) {
        if (!story.place) continue;
        MapFeature point;
        point.id = "story-" + story.slug;
        point.kind = FeatureKind::point;
        point.role = "story";
        point.link = story.ref;
        point.coords = {*story.place};
        for (const auto& [locale, text] : story.text) point.name[locale] = text.title;
        catalog.features.push_back(std::move(point));
    }
}

void check_related(const PackSource& source, Diagnostics& diagnostics) {
    for (const auto& pending : source.related) {
        if (!source.catalog.find_item(pending.ref))
            diagnostics.error(pending.file, pending.line,
                              "related item '" + pending.ref +
                                  "' does not exist (write initiative/<id> or story/<id>)");
    }
}

} // namespace

void note_image(const std::string& root, const std::string& path, const std::string& file,
                int line, PackSource& source, Diagnostics& diagnostics) {
    if (!std::filesystem::is_regular_file(root + "/" + path)) {
        diagnostics.error(file, line, "image '" + path + "' does not exist");
        return;
    }
    for (const auto& known : source.images) {
        if (known.path == path) return;
    }
    source.images.push_back({path, file, line});
}

PackSource parse_pack_source(const std::string& root, Diagnostics& diagnostics) {
    PackSource source;
    if (!std::filesystem::is_directory(root)) {
        diagnostics.error(root, 0, "is not a folder");
        return source;
    }
    if (!parse_pack_file(root, source, diagnostics)) return source;
    parse_strings_file(root, source.catalog, diagnostics);
    parse_sources_file(root, source.catalog, diagnostics);
    parse_figures_file(root, source.catalog, diagnostics);
    parse_items(root, ItemKind::initiative, source, diagnostics);
    parse_items(root, ItemKind::story, source, diagnostics);
    check_related(source, diagnostics);
    parse_map_file(root, source, diagnostics);
    add_story_points(source.catalog);
    parse_attract_file(root, source, diagnostics);
    return source;
}

} // namespace pavilion::content
