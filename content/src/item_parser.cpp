// Parses initiatives/<id>/ and stories/<id>/: item.toml plus one Markdown file per locale.

#include "front_matter.hpp"
#include "markdown_blocks.hpp"
#include "pack_source.hpp"
#include "toml_table.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace pavilion::content {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxKeyPoints = 8;

std::vector<std::string> locale_codes(const Catalog& catalog) {
    std::vector<std::string> codes;
    for (const auto& locale : catalog.meta.locales) codes.push_back(locale.code);
    return codes;
}

bool has_facet(const Catalog& catalog, FacetKind kind, const std::string& id) {
    return std::any_of(catalog.facets.begin(), catalog.facets.end(),
                       [&](const Facet& f) { return f.kind == kind && f.id == id; });
}

void parse_place(TableReader& table, Item& item, std::map<std::string, std::string>& place_names) {
    auto place = table.table("place", item.kind == ItemKind::story ? Need::required : Need::optional);
    if (!place) return;
    const GeoPoint point{place->number("lon", Need::required).value_or(1000),
                         place->number("lat", Need::required).value_or(1000)};
    if (place->has("lon") && place->has("lat") && !is_valid_coordinate(point)) {
        const bool bad_longitude = !(point.lon >= -180 && point.lon <= 180);
        place->error(bad_longitude ? "lon" : "lat",
                     bad_longitude ? "'lon' is not a longitude (-180..180)"
                                   : "'lat' is not a latitude (-90..90)");
    }
    if (is_valid_coordinate(point)) item.place = point;
    if (auto names = place->localized("name", Need::required)) place_names = *names;
    place->finish();
}

void parse_item_toml(const std::string& root, const std::string& file, Item& item,
                     PackSource& source, std::map<std::string, std::string>& place_names,
                     Diagnostics& diagnostics) {
    const auto document = parse_toml_file(root, file, diagnostics);
    if (!document) return;
    auto& catalog = source.catalog;
    TableReader table(*document, file, 0, diagnostics, locale_codes(catalog));
    item.order = static_cast<int>(table.integer("order", Need::required, -1000000, 1000000).value_or(0));
    if (auto image = table.string("image", Need::required)) {
        note_image(root, *image, file, table.line_of_key("image"), source, diagnostics);
        item.image = *image;
    }
    if (auto theme = table.string("theme", Need::optional)) {
        if (!has_facet(catalog, FacetKind::theme, *theme))
            table.error("theme", "unknown theme '" + *theme + "' (define it under [themes] in pack.toml)");
        item.theme = *theme;
    }
    if (auto region = table.string("region", Need::optional)) {
        if (!has_facet(catalog, FacetKind::region, *region))
            table.error("region", "unknown region '" + *region + "' (define it under [regions] in pack.toml)");
        item.region = *region;
    }
    if (auto sources = table.strings("sources", Need::required)) {
        if (sources->empty()) table.error("sources", "'sources' must name at least one source");
        for (const auto& id : *sources) {
            if (!catalog.find_source(id))
                table.error("sources", "unknown source '" + id + "' (see sources.toml)");
        }
        item.sources = *sources;
    }
    if (auto related = table.strings("related", Need::optional)) {
        for (const auto& ref : *related)
            source.related.push_back({ref, file, table.line_of_key("related")});
        item.related = *related;
    }
    item.url = table.string("url", Need::optional).value_or("");
    parse_place(table, item, place_names);
    table.finish();
}

void parse_item_text(const std::string& root, const std::string& file, ItemText& text,
                     const std::vector<std::string>& locales, Diagnostics& diagnostics) {
    std::ifstream in(root + "/" + file, std::ios::binary);
    if (!in) {
        diagnostics.error(file, 0, "file is missing (every locale needs its text)");
        return;
    }
    std::ostringstream all;
    all << in.rdbuf();
    std::string front, body;
    int body_line = 0;
    if (!split_front_matter(all.str(), front, body, body_line)) {
        diagnostics.error(file, 1, "must start with front matter between '+++' lines");
        return;
    }
    const auto document = parse_toml(front, file, 1, diagnostics);
    if (!document) return;
    TableReader table(*document, file, 1, diagnostics, locales);
    auto non_empty = [&](const char* key) {
        auto value = table.string(key, Need::required).value_or("");
        if (value.empty() && table.has(key)) table.error(key, std::string("'") + key + "' must not be empty");
        return value;
    };
    text.title = non_empty("title");
    text.summary = non_empty("summary");
    if (auto points = table.strings("key_points", Need::required)) {
        if (points->empty() || points->size() > kMaxKeyPoints)
            table.error("key_points", "'key_points' must hold 1 to 8 points");
        for (const auto& point : *points) {
            if (point.empty()) table.error("key_points", "a key point is empty");
        }
        text.key_points = *points;
    }
    table.finish();
    text.blocks = parse_markdown_blocks(body, file, body_line, diagnostics);
    if (text.blocks.empty()) diagnostics.error(file, body_line, "the body text is empty");
}

} // namespace

void parse_items(const std::string& root, ItemKind kind, PackSource& source,
                 Diagnostics& diagnostics) {
    const std::string folder = kind == ItemKind::story ? "stories" : "initiatives";
    std::error_code ec;
    if (!fs::is_directory(root + "/" + folder, ec)) return;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(root + "/" + folder, ec)) {
        const auto name = entry.path().filename().string();
        if (!name.empty() && name[0] == '.') continue; // .DS_Store and friends from other systems
        if (!entry.is_directory()) {
            diagnostics.error(folder + "/" + name, 0, "expected a folder per item, found a file");
            continue;
        }
        names.push_back(name);
    }
    std::sort(names.begin(), names.end()); // directory order differs between file systems

    auto& catalog = source.catalog;
    const auto locales = locale_codes(catalog);
    for (const auto& slug : names) {
        const std::string dir = folder + "/" + slug;
        if (!is_valid_id(slug)) {
            diagnostics.error(dir, 0, "folder name '" + slug + "' is not a valid id (use a-z, 0-9 and -)");
            continue;
        }
        Item item;
        item.kind = kind;
        item.slug = slug;
        item.ref = std::string(to_string(kind)) + "/" + slug;
        std::map<std::string, std::string> place_names;
        parse_item_toml(root, dir + "/item.toml", item, source, place_names, diagnostics);
        for (const auto& locale : locales) {
            auto& text = item.text[locale];
            parse_item_text(root, dir + "/" + locale + ".md", text, locales, diagnostics);
            text.place_name = place_names[locale];
        }
        for (const auto& entry : fs::directory_iterator(root + "/" + dir, ec)) {
            const auto path = entry.path();
            if (path.extension() == ".md" &&
                std::find(locales.begin(), locales.end(), path.stem().string()) == locales.end())
                diagnostics.error(dir + "/" + path.filename().string(), 0,
                                  "'" + path.stem().string() + "' is not among the pack's locales");
        }
        auto& list = kind == ItemKind::story ? catalog.stories : catalog.initiatives;
        list.push_back(std::move(item));
    }
    auto& list = kind == ItemKind::story ? catalog.stories : catalog.initiatives;
    std::stable_sort(list.begin(), list.end(),
                     [](const Item& a, const Item& b) { return a.order < b.order; });
}

} // namespace pavilion::content
