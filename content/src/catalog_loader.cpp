#include "catalog_loader.hpp"

#include "coords_blob.hpp"
#include "map_point_budget.hpp"
#include "picture_limits.hpp"
#include "spans_codec.hpp"
#include "sqlite_db.hpp"

#include <set>
#include <string_view>

namespace pavilion::content {
namespace {

using sqlite::Statement;

// Collects the first failure while loading, so each query stays a short loop.
class Loader {
public:
    Loader(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

    bool failed() const { return error_.has_value(); }
    Error error() const { return *error_; }

    void fail(ErrorCode code, const std::string& message) {
        if (!error_) error_ = make_error(code, path_ + ": " + message);
    }

    // Runs a query and calls on_row for each row; records SQLite errors.
    template <typename OnRow>
    void each(const char* sql, OnRow on_row) {
        if (failed()) return;
        Statement query(db_, sql);
        while (query.step()) on_row(query);
        if (!query.ok()) fail(ErrorCode::corrupt, "cannot read the pack (" + query.error() + ")");
    }

    bool has_table(std::string_view name) {
        if (failed()) return false;
        Statement query(db_, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
        query.bind(1, name);
        const bool found = query.step();
        if (!query.ok()) fail(ErrorCode::corrupt, "cannot read the pack (" + query.error() + ")");
        return found;
    }

private:
    sqlite3* db_;
    std::string path_;
    std::optional<Error> error_;
};

void load_meta(Loader& loader, Catalog& catalog) {
    auto& meta = catalog.meta;
    bool found = false;
    loader.each("SELECT id, version, created, default_locale, idle_timeout_s, "
                "coalesce(font_media, '') FROM pack",
                [&](Statement& row) {
                    found = true;
                    meta.id = row.text(0);
                    meta.version = row.integer(1);
                    meta.created = row.text(2);
                    meta.default_locale = row.text(3);
                    meta.idle_timeout_s = static_cast<int>(row.integer(4));
                    meta.font_media = row.text(5);
                });
    if (!found) loader.fail(ErrorCode::corrupt, "the pack has no metadata row");
    loader.each("PRAGMA user_version", [&](Statement& row) { meta.format = static_cast<int>(row.integer(0)); });
    loader.each("SELECT code, name FROM locale ORDER BY position",
                [&](Statement& row) { meta.locales.push_back({row.text(0), row.text(1)}); });
    loader.each("SELECT locale, title, subtitle FROM pack_text", [&](Statement& row) {
        meta.title[row.text(0)] = row.text(1);
        meta.subtitle[row.text(0)] = row.text(2);
    });
    loader.each("SELECT locale, key, value FROM ui_string",
                [&](Statement& row) { catalog.strings[row.text(0)][row.text(1)] = row.text(2); });
}

void load_facets(Loader& loader, Catalog& catalog) {
    loader.each("SELECT kind, id FROM facet ORDER BY kind, position", [&](Statement& row) {
        catalog.facets.push_back(
            {row.text(0) == "region" ? FacetKind::region : FacetKind::theme, row.text(1), {}});
    });
    loader.each("SELECT kind, id, locale, name FROM facet_text", [&](Statement& row) {
        const auto kind = row.text(0) == "region" ? FacetKind::region : FacetKind::theme;
        for (auto& facet : catalog.facets) {
            if (facet.kind == kind && facet.id == row.text(1)) facet.name[row.text(2)] = row.text(3);
        }
    });
}

void load_sources(Loader& loader, Catalog& catalog) {
    loader.each("SELECT id, author, outlet, date, url FROM source ORDER BY position",
                [&](Statement& row) {
                    catalog.sources.push_back(
                        {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), {}});
                });
    std::map<std::string, Source*> by_id;
    for (auto& source : catalog.sources) by_id[source.id] = &source;
    loader.each("SELECT source, locale, title, summary FROM source_text", [&](Statement& row) {
        if (auto it = by_id.find(row.text(0)); it != by_id.end())
            it->second->text[row.text(1)] = {row.text(2), row.text(3), it->second->author, it->second->outlet};
    });
    // Format 2: bylines a language writes its own way (the table is there exactly when the
    // format has it; see load_figures).
    if (!loader.has_table("source_byline")) return;
    loader.each("SELECT source, locale, author, outlet FROM source_byline", [&](Statement& row) {
        const auto it = by_id.find(row.text(0));
        if (it == by_id.end()) return;
        if (auto text = it->second->text.find(row.text(1)); text != it->second->text.end()) {
            text->second.author = row.text(2);
            text->second.outlet = row.text(3);
        }
    });
}

BlockKind block_kind(const std::string& kind) {
    return kind == "heading"  ? BlockKind::heading
           : kind == "bullet" ? BlockKind::bullet
           : kind == "quote"  ? BlockKind::quote
                              : BlockKind::paragraph;
}

// A block row's columns from `first` on: kind, level, text, spans.
std::optional<Block> read_block(Statement& row, int first) {
    Block block;
    block.kind = block_kind(row.text(first));
    block.level = static_cast<int>(row.integer(first + 1));
    block.text = row.text(first + 2);
    auto spans = decode_spans(row.text(first + 3), block.text.size());
    if (!spans) return std::nullopt;
    block.spans = std::move(*spans);
    return block;
}

// Every item's key points and blocks, into the item_text rows already loaded.
void load_bodies(Loader& loader, const std::map<std::string, Item*>& by_ref) {
    // Key points and blocks belong to an item_text row; without one the pack is damaged. Their
    // rows come sorted by item and locale, so the last text found is remembered: tens of
    // thousands of rows (2,000 stories) then cost one lookup per item and locale, not per row.
    std::string last_ref, last_locale;
    ItemText* last_text = nullptr;
    auto text_of = [&](Statement& row) -> ItemText* {
        auto ref = row.text(0), locale = row.text(1);
        if (last_text && ref == last_ref && locale == last_locale) return last_text;
        last_text = nullptr;
        auto it = by_ref.find(ref);
        if (it == by_ref.end()) return nullptr;
        auto text = it->second->text.find(locale);
        if (text == it->second->text.end()) {
            loader.fail(ErrorCode::corrupt, ref + " has text without a title in " + locale);
            return nullptr;
        }
        last_ref = std::move(ref);
        last_locale = std::move(locale);
        last_text = &text->second;
        return last_text;
    };
    loader.each("SELECT item, locale, text FROM key_point ORDER BY item, locale, position",
                [&](Statement& row) {
                    if (auto* text = text_of(row)) text->key_points.push_back(row.text(2));
                });
    loader.each("SELECT item, locale, kind, level, text, spans FROM block ORDER BY item, locale, position",
                [&](Statement& row) {
                    auto* text = text_of(row);
                    if (!text) return;
                    auto block = read_block(row, 2);
                    if (!block) return loader.fail(ErrorCode::corrupt, "malformed text styles in " + row.text(0));
                    text->blocks.push_back(std::move(*block));
                });
}

void load_items(Loader& loader, Catalog& catalog, bool with_bodies) {
    std::map<std::string, Item*> by_ref;
    loader.each("SELECT ref, kind, position, image, theme, region, url, place_lon, place_lat "
                "FROM item ORDER BY kind, position, ref",
                [&](Statement& row) {
                    Item item;
                    item.ref = row.text(0);
                    item.kind = row.text(1) == "story" ? ItemKind::story : ItemKind::initiative;
                    const auto slash = item.ref.find('/');
                    item.slug = slash == std::string::npos ? item.ref : item.ref.substr(slash + 1);
                    item.order = static_cast<int>(row.integer(2));
                    item.image = row.text(3);
                    item.theme = row.text(4);
                    item.region = row.text(5);
                    item.url = row.text(6);
                    if (!row.is_null(7) && !row.is_null(8))
                        item.place = GeoPoint{row.real(7), row.real(8)};
                    auto& list = item.kind == ItemKind::story ? catalog.stories : catalog.initiatives;
                    list.push_back(std::move(item));
                });
    for (auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (auto& item : *list) by_ref[item.ref] = &item;
    }
    loader.each("SELECT item, locale, title, summary, place_name FROM item_text",
                [&](Statement& row) {
                    if (auto it = by_ref.find(row.text(0)); it != by_ref.end())
                        it->second->text[row.text(1)] = {row.text(2), row.text(3), row.text(4), {}, {}};
                });
    if (with_bodies) load_bodies(loader, by_ref);
    loader.each("SELECT item, source FROM item_source ORDER BY item, position", [&](Statement& row) {
        if (auto it = by_ref.find(row.text(0)); it != by_ref.end())
            it->second->sources.push_back(row.text(1));
    });
    loader.each("SELECT item, related FROM item_related ORDER BY item, position",
                [&](Statement& row) {
                    if (auto it = by_ref.find(row.text(0)); it != by_ref.end())
                        it->second->related.push_back(row.text(1));
                });
}

void load_figures(Loader& loader, Catalog& catalog) {
    loader.each("SELECT id, value, decimals, suffix, source FROM figure ORDER BY position",
                [&](Statement& row) {
                    catalog.figures.push_back({row.text(0), row.real(1),
                                               static_cast<int>(row.integer(2)), row.text(3),
                                               row.text(4), {}});
                });
    loader.each("SELECT figure, locale, label, unit FROM figure_text", [&](Statement& row) {
        for (auto& figure : catalog.figures) {
            if (figure.id == row.text(0)) figure.text[row.text(1)] = {row.text(2), row.text(3), ""};
        }
    });
    // Format 1 packs have no display forms; the reader has checked the schema is exactly the
    // pack's format's, so the table is there exactly when the format has it.
    if (!loader.has_table("figure_display")) return;
    loader.each("SELECT figure, locale, display FROM figure_display", [&](Statement& row) {
        for (auto& figure : catalog.figures) {
            if (figure.id != row.text(0)) continue;
            if (auto text = figure.text.find(row.text(1)); text != figure.text.end()) text->second.display = row.text(2);
        }
    });
}

void load_map(Loader& loader, Catalog& catalog) {
    // Over the limits the builder keeps, a pack is refused before its coordinates are decoded:
    // a million-point line crashed ImGui's line drawing on every screen with a map.
    MapPointBudget budget;
    loader.each("SELECT id, kind, role, link, coords FROM map_feature ORDER BY position",
                [&](Statement& row) {
                    if (loader.failed()) return;
                    MapFeature feature;
                    feature.id = row.text(0);
                    const auto kind = row.text(1);
                    feature.kind = kind == "line"   ? FeatureKind::line
                                   : kind == "area" ? FeatureKind::area
                                                    : FeatureKind::point;
                    feature.role = row.text(2);
                    feature.link = row.text(3);
                    const auto blob = row.blob(4);
                    if (auto over = budget.add(feature.id, feature.kind, coords_in(blob)))
                        return loader.fail(ErrorCode::too_large, *over);
                    auto coords = decode_coords(blob);
                    if (!coords || coords->empty())
                        return loader.fail(ErrorCode::corrupt,
                                           "malformed coordinates of map feature " + feature.id);
                    feature.coords = std::move(*coords);
                    catalog.features.push_back(std::move(feature));
                });
    std::map<std::string, MapFeature*> by_id;
    for (auto& feature : catalog.features) by_id[feature.id] = &feature;
    loader.each("SELECT feature, locale, name FROM map_feature_text", [&](Statement& row) {
        if (auto it = by_id.find(row.text(0)); it != by_id.end())
            it->second->name[row.text(1)] = row.text(2);
    });
}

void load_slides(Loader& loader, Catalog& catalog) {
    std::vector<std::int64_t> positions;
    loader.each("SELECT position, image FROM attract_slide ORDER BY position", [&](Statement& row) {
        positions.push_back(row.integer(0));
        catalog.slides.push_back({row.text(1), {}});
    });
    loader.each("SELECT slide, locale, caption FROM attract_slide_text", [&](Statement& row) {
        for (std::size_t i = 0; i < positions.size(); ++i) {
            if (positions[i] == row.integer(0)) catalog.slides[i].caption[row.text(1)] = row.text(2);
        }
    });
}

// The pictures' ids, their declared sizes checked against the pack's pixel budget on the way:
// a pack over it is refused before any picture is decoded. (The sizes come before the data in
// the row: reading them costs no picture's pages.)
std::set<std::string> load_picture_ids(Loader& loader) {
    std::set<std::string> media;
    PicturePixelBudget pixels;
    loader.each("SELECT id, width, height FROM media WHERE kind = 'image'", [&](Statement& row) {
        if (loader.failed()) return;
        const auto width = row.integer(1), height = row.integer(2);
        if (auto problem = declared_size_problem(width, height)) return loader.fail(problem->code, problem->message);
        if (auto over = pixels.add(width, height)) return loader.fail(ErrorCode::too_large, *over);
        media.insert(row.text(0));
    });
    return media;
}

// The builder guarantees these; a pack that breaks them was damaged or forged.
void cross_check(Loader& loader, const Catalog& catalog, const std::set<std::string>& media) {
    std::set<std::string> locales;
    for (const auto& locale : catalog.meta.locales) locales.insert(locale.code);
    if (locales.empty() || !locales.count(catalog.meta.default_locale))
        return loader.fail(ErrorCode::corrupt, "the default locale is not among the pack's locales");
    // A set, not Catalog::find_item: every item may name others, and a linear search for each
    // would make opening a pack of 2,000 stories quadratic.
    std::set<std::string> refs;
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) refs.insert(item.ref);
    }
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            if (!media.count(item.image))
                return loader.fail(ErrorCode::corrupt, item.ref + " refers to a missing image");
            for (const auto& locale : locales) {
                if (!item.text.count(locale))
                    return loader.fail(ErrorCode::corrupt, item.ref + " has no text in " + locale);
            }
            for (const auto& related : item.related) {
                if (!refs.count(related))
                    return loader.fail(ErrorCode::corrupt,
                                       item.ref + " refers to a missing item " + related);
            }
        }
    }
    for (const auto& slide : catalog.slides) {
        if (!media.count(slide.image))
            return loader.fail(ErrorCode::corrupt, "an attract slide refers to a missing image");
    }
}

} // namespace

Expected<Catalog> load_catalog(sqlite3* db, const std::string& path, CatalogBodies bodies) {
    Loader loader(db, path);
    Catalog catalog;
    load_meta(loader, catalog);
    load_facets(loader, catalog);
    load_sources(loader, catalog);
    load_items(loader, catalog, bodies == CatalogBodies::loaded);
    load_figures(loader, catalog);
    load_map(loader, catalog);
    load_slides(loader, catalog);
    const auto media = load_picture_ids(loader);
    if (!loader.failed()) cross_check(loader, catalog, media);
    if (loader.failed()) return loader.error();
    return catalog;
}


Expected<ItemBody> load_item_body(sqlite3* db, const std::string& path, const std::string& ref) {
    Loader loader(db, path);
    ItemBody body;
    {
        Statement query(db, "SELECT locale, text FROM key_point WHERE item = ? ORDER BY locale, position");
        query.bind(1, ref);
        while (query.step()) body[query.text(0)].key_points.push_back(query.text(1));
        if (!query.ok()) loader.fail(ErrorCode::corrupt, "cannot read " + ref + " (" + query.error() + ")");
    }
    if (!loader.failed()) {
        Statement query(db, "SELECT locale, kind, level, text, spans FROM block WHERE item = ? ORDER BY locale, position");
        query.bind(1, ref);
        while (query.step()) {
            auto block = read_block(query, 1);
            if (!block) {
                loader.fail(ErrorCode::corrupt, "malformed text styles in " + ref);
                break;
            }
            body[query.text(0)].blocks.push_back(std::move(*block));
        }
        if (!query.ok()) loader.fail(ErrorCode::corrupt, "cannot read " + ref + " (" + query.error() + ")");
    }
    if (loader.failed()) return loader.error();
    return body;
}

Status each_body_text(sqlite3* db, const std::string& path,
                      const std::function<void(BlockKind kind, std::string_view text)>& visit) {
    Loader loader(db, path);
    loader.each("SELECT text FROM key_point", [&](Statement& row) { visit(BlockKind::paragraph, row.text(0)); });
    loader.each("SELECT kind, text FROM block",
                [&](Statement& row) { visit(block_kind(row.text(0)), row.text(1)); });
    if (loader.failed()) return loader.error();
    return ok();
}

} // namespace pavilion::content
