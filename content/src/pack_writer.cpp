#include "pack_writer.hpp"

#include "base_map_blob.hpp"
#include "coords_blob.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "spans_codec.hpp"
#include "sqlite_db.hpp"

#include <cstdio>
#include <filesystem>

namespace pavilion::content {
namespace {

using sqlite::Statement;

const char* kind_name(BlockKind kind) {
    switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::bullet: return "bullet";
    case BlockKind::quote: return "quote";
    case BlockKind::paragraph: break;
    }
    return "paragraph";
}

const char* kind_name(FeatureKind kind) {
    return kind == FeatureKind::line ? "line" : kind == FeatureKind::area ? "area" : "point";
}

// Runs one insert per row through a single prepared statement; keeps the first error, and
// skips every row after it.
class Inserter {
public:
    explicit Inserter(sqlite3* db) : db_(db) {}
    const Status& status() const { return status_; }

    template <typename... Values>
    void row(const char* sql, const Values&... values) {
        if (!status_) return;
        Statement statement(db_, sql);
        int index = 0;
        (bind_value(statement, ++index, values), ...);
        statement.run();
        if (!statement.ok())
            status_ = sqlite::failure(statement.result_code(), statement.error() + " in: " + sql);
    }

private:
    static void bind_value(Statement& s, int i, const std::string& v) { s.bind(i, v); }
    static void bind_value(Statement& s, int i, const char* v) { s.bind(i, std::string_view(v)); }
    static void bind_value(Statement& s, int i, std::int64_t v) { s.bind(i, v); }
    static void bind_value(Statement& s, int i, int v) { s.bind(i, v); }
    static void bind_value(Statement& s, int i, std::size_t v) { s.bind(i, static_cast<std::int64_t>(v)); }
    static void bind_value(Statement& s, int i, double v) { s.bind(i, v); }
    static void bind_value(Statement& s, int i, const std::vector<std::uint8_t>& v) {
        s.bind_blob(i, v.data(), v.size());
    }
    static void bind_value(Statement& s, int i, std::nullptr_t) { s.bind_null(i); }

    sqlite3* db_;
    Status status_ = ok();
};

void write_meta(Inserter& insert, const Catalog& catalog) {
    const auto& meta = catalog.meta;
    if (meta.font_media.empty())
        insert.row("INSERT INTO pack VALUES (1, ?, ?, ?, ?, ?, NULL)", meta.id, meta.version,
                   meta.created, meta.default_locale, meta.idle_timeout_s);
    else
        insert.row("INSERT INTO pack VALUES (1, ?, ?, ?, ?, ?, ?)", meta.id, meta.version,
                   meta.created, meta.default_locale, meta.idle_timeout_s, meta.font_media);
    for (std::size_t i = 0; i < meta.locales.size(); ++i) {
        const auto& code = meta.locales[i].code;
        insert.row("INSERT INTO locale VALUES (?, ?, ?)", code, i, meta.locales[i].name);
        const auto subtitle = meta.subtitle.count(code) ? meta.subtitle.at(code) : std::string();
        insert.row("INSERT INTO pack_text VALUES (?, ?, ?)", code, meta.title.at(code), subtitle);
    }
    for (const auto& [locale, strings] : catalog.strings) {
        for (const auto& [key, value] : strings)
            insert.row("INSERT INTO ui_string VALUES (?, ?, ?)", key, locale, value);
    }
    for (std::size_t i = 0; i < catalog.facets.size(); ++i) {
        const auto& facet = catalog.facets[i];
        const char* kind = facet.kind == FacetKind::region ? "region" : "theme";
        insert.row("INSERT INTO facet VALUES (?, ?, ?)", kind, facet.id, i);
        for (const auto& [locale, name] : facet.name)
            insert.row("INSERT INTO facet_text VALUES (?, ?, ?, ?)", kind, facet.id, locale, name);
    }
}

void write_sources(Inserter& insert, const Catalog& catalog) {
    for (std::size_t i = 0; i < catalog.sources.size(); ++i) {
        const auto& source = catalog.sources[i];
        insert.row("INSERT INTO source VALUES (?, ?, ?, ?, ?, ?)", source.id, i, source.author,
                   source.outlet, source.date, source.url);
        for (const auto& [locale, text] : source.text) {
            insert.row("INSERT INTO source_text VALUES (?, ?, ?, ?)", source.id, locale, text.title,
                       text.summary);
            if (text.author != source.author || text.outlet != source.outlet)
                insert.row("INSERT INTO source_byline VALUES (?, ?, ?, ?)", source.id, locale, text.author,
                           text.outlet);
        }
    }
}

std::string search_body(const ItemText& text) {
    std::string body = text.summary + "\n" + text.place_name;
    for (const auto& point : text.key_points) body += "\n" + point;
    for (const auto& block : text.blocks) body += "\n" + block.text;
    return body;
}

void write_item(Inserter& insert, const Item& item) {
    if (item.place)
        insert.row("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", item.ref,
                   to_string(item.kind), item.order, item.image, item.theme, item.region, item.url,
                   item.place->lon, item.place->lat);
    else
        insert.row("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", item.ref,
                   to_string(item.kind), item.order, item.image, item.theme, item.region, item.url);
    for (const auto& [locale, text] : item.text) {
        insert.row("INSERT INTO item_text VALUES (?, ?, ?, ?, ?)", item.ref, locale, text.title,
                   text.summary, text.place_name);
        for (std::size_t i = 0; i < text.key_points.size(); ++i)
            insert.row("INSERT INTO key_point VALUES (?, ?, ?, ?)", item.ref, locale, i,
                       text.key_points[i]);
        for (std::size_t i = 0; i < text.blocks.size(); ++i) {
            const auto& block = text.blocks[i];
            insert.row("INSERT INTO block VALUES (?, ?, ?, ?, ?, ?, ?)", item.ref, locale, i,
                       kind_name(block.kind), block.level, block.text, encode_spans(block.spans));
        }
        insert.row("INSERT INTO search (item, locale, title, body) VALUES (?, ?, ?, ?)", item.ref,
                   locale, text.title, search_body(text));
    }
    for (std::size_t i = 0; i < item.sources.size(); ++i)
        insert.row("INSERT INTO item_source VALUES (?, ?, ?)", item.ref, item.sources[i], i);
    for (std::size_t i = 0; i < item.related.size(); ++i)
        insert.row("INSERT INTO item_related VALUES (?, ?, ?)", item.ref, item.related[i], i);
}

void write_figures_map_slides(Inserter& insert, const Catalog& catalog) {
    for (std::size_t i = 0; i < catalog.figures.size(); ++i) {
        const auto& figure = catalog.figures[i];
        insert.row("INSERT INTO figure VALUES (?, ?, ?, ?, ?, ?)", figure.id, i, figure.value,
                   figure.decimals, figure.suffix, figure.source);
        for (const auto& [locale, text] : figure.text) {
            insert.row("INSERT INTO figure_text VALUES (?, ?, ?, ?)", figure.id, locale, text.label,
                       text.unit);
            if (!text.display.empty())
                insert.row("INSERT INTO figure_display VALUES (?, ?, ?)", figure.id, locale, text.display);
        }
    }
    for (std::size_t i = 0; i < catalog.features.size(); ++i) {
        const auto& feature = catalog.features[i];
        insert.row("INSERT INTO map_feature VALUES (?, ?, ?, ?, ?, ?)", feature.id, i,
                   kind_name(feature.kind), feature.role, feature.link,
                   encode_coords(feature.coords));
        for (const auto& [locale, name] : feature.name)
            insert.row("INSERT INTO map_feature_text VALUES (?, ?, ?)", feature.id, locale, name);
    }
    for (std::size_t i = 0; i < catalog.slides.size(); ++i) {
        insert.row("INSERT INTO attract_slide VALUES (?, ?)", i, catalog.slides[i].image);
        for (const auto& [locale, caption] : catalog.slides[i].caption)
            insert.row("INSERT INTO attract_slide_text VALUES (?, ?, ?)", i, locale, caption);
    }
}

void write_media(Inserter& insert, const std::vector<EncodedImage>& images, const PackFont* font,
                 const std::string& font_id) {
    for (const auto& image : images)
        insert.row("INSERT INTO media VALUES (?, 'image', ?, ?, ?, ?, ?, ?, ?)", image.id,
                   image.mime, image.width, image.height, image.data, image.thumb_width,
                   image.thumb_height, image.thumb_data);
    if (font)
        insert.row("INSERT INTO media VALUES (?, 'font', ?, 0, 0, ?, 0, 0, NULL)", font_id,
                   font->mime, font->data);
}

void write_base_map(Inserter& insert, const BaseMap& map) {
    if (map.levels.empty()) return;
    const auto& style = map.style;
    insert.row("INSERT INTO base_map_style VALUES (1, ?, ?, ?, ?)", pack_rgba(style.water),
               pack_rgba(style.land), pack_rgba(style.highlight), pack_rgba(style.border));
    for (std::size_t i = 0; i < map.levels.size(); ++i) {
        const auto& level = map.levels[i];
        insert.row("INSERT INTO base_map_level VALUES (?, ?, ?, ?, ?)", i, level.name,
                   encode_floats(level.vertices), encode_indices(level.triangles),
                   encode_floats(level.borders));
        for (std::size_t k = 0; k < level.countries.size(); ++k) {
            const auto& country = level.countries[k];
            insert.row("INSERT INTO base_map_country VALUES (?, ?, ?, ?, ?, ?, ?)", i, k, country.id,
                       country.name, country.highlighted ? 1 : 0,
                       static_cast<std::int64_t>(country.first_index),
                       static_cast<std::int64_t>(country.index_count));
        }
    }
}

} // namespace

Status write_pack(const Catalog& catalog, const std::vector<EncodedImage>& images,
                  const PackFont* font, const BaseMap& base_map, const std::string& path) {
    const std::string temp = path + ".building";
    std::filesystem::remove(temp);
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        sqlite::DatabasePtr close(raw);
        return make_error(ErrorCode::io, path + ": cannot create the pack file");
    }
    sqlite::DatabasePtr db(raw);
    Status written = sqlite::exec(db.get(), "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; "
                                            "PRAGMA synchronous = OFF; BEGIN;");
    if (written) written = sqlite::exec(db.get(), pack_schema_sql().c_str());
    if (written) {
        Inserter insert(db.get());
        write_meta(insert, catalog);
        write_sources(insert, catalog);
        for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
            for (const auto& item : *list) write_item(insert, item);
        }
        write_figures_map_slides(insert, catalog);
        write_media(insert, images, font, catalog.meta.font_media);
        write_base_map(insert, base_map);
        insert.row("INSERT INTO search (search) VALUES ('optimize')");
        written = insert.status();
    }
    if (written) written = sqlite::exec(db.get(), "COMMIT; VACUUM;");
    db.reset();
    std::error_code ec;
    if (written) std::filesystem::rename(temp, path, ec);
    if (!written || ec) {
        std::filesystem::remove(temp);
        return make_error(ErrorCode::io, path + ": cannot write the pack (" +
                                             (written ? ec.message() : written.error().message) + ")");
    }
    return ok();
}

} // namespace pavilion::content
