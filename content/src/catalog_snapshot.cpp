#include "pavilion/content/catalog_snapshot.hpp"

#include "map_point_budget.hpp"

#include "pavilion/core/byte_stream.hpp"
#include "pavilion/core/fnv_hash.hpp"

#include <cmath>
#include <cstring>

namespace pavilion::content {
namespace {

using core::ByteReader;
using core::ByteWriter;

constexpr std::uint32_t kMagic = 0x54435650; // "PVCT" when read back in this byte order
// Bumped whenever the layout below changes.
constexpr std::uint32_t kFormatVersion = 3;

#if defined(__GLIBCXX__) && defined(__LP64__)
// A field added to the model but not to save() and load() below would vanish from every warm
// start; these sizes make such a change fail to compile here, where it must be made.
static_assert(sizeof(Catalog) == 480, "Catalog changed: update save() and load() below, and kFormatVersion");
// format filled idle_timeout_s's padding, so the size did not move when it came in.
static_assert(sizeof(PackMeta) == 264, "PackMeta changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Item) == 328, "Item changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(ItemText) == 144, "ItemText changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Block) == 64, "Block changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(TextSpan) == 12, "TextSpan changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Locale) == 64, "Locale changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Figure) == 160, "Figure changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(FigureText) == 96, "FigureText changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Source) == 208, "Source changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(SourceText) == 128, "SourceText changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(MapFeature) == 176, "MapFeature changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(AttractSlide) == 80, "AttractSlide changed: update save() and load() below, and kFormatVersion");
static_assert(sizeof(Facet) == 88, "Facet changed: update save() and load() below, and kFormatVersion");
#endif

// Every element below is at least this many bytes, so no count can ask for more elements than
// the bytes left could hold.
constexpr std::size_t kMinElementBytes = 4;

// Declared first, so the vector and map templates below find them.
void save(ByteWriter& out, const Locale& value);
void save(ByteWriter& out, const Block& value);
void save(ByteWriter& out, const ItemText& value);
void save(ByteWriter& out, const Item& value);
void save(ByteWriter& out, const FigureText& value);
void save(ByteWriter& out, const Figure& value);
void save(ByteWriter& out, const SourceText& value);
void save(ByteWriter& out, const Source& value);
void save(ByteWriter& out, const MapFeature& value);
void save(ByteWriter& out, const AttractSlide& value);
void save(ByteWriter& out, const Facet& value);
void load(ByteReader& in, Locale& value);
void load(ByteReader& in, Block& value);
void load(ByteReader& in, ItemText& value);
void load(ByteReader& in, Item& value);
void load(ByteReader& in, FigureText& value);
void load(ByteReader& in, Figure& value);
void load(ByteReader& in, SourceText& value);
void load(ByteReader& in, Source& value);
void load(ByteReader& in, MapFeature& value);
void load(ByteReader& in, AttractSlide& value);
void load(ByteReader& in, Facet& value);

void save(ByteWriter& out, const std::string& text) { out.put_string(text); }
void save(ByteWriter& out, double value) { out.put(value); }
void save(ByteWriter& out, const GeoPoint& point) {
    out.put(point.lon);
    out.put(point.lat);
}
void save(ByteWriter& out, const TextSpan& span) {
    out.put(span.begin);
    out.put(span.end);
    out.put(static_cast<std::uint8_t>(span.style));
}

template <typename T> void save(ByteWriter& out, const std::vector<T>& values) {
    out.put(static_cast<std::uint32_t>(values.size()));
    for (const auto& value : values) save(out, value);
}

template <typename T> void save(ByteWriter& out, const std::map<std::string, T>& values) {
    out.put(static_cast<std::uint32_t>(values.size()));
    for (const auto& [key, value] : values) {
        save(out, key);
        save(out, value);
    }
}

void save(ByteWriter& out, const Locale& locale) {
    save(out, locale.code);
    save(out, locale.name);
}

void save(ByteWriter& out, const Block& block) {
    out.put(static_cast<std::uint8_t>(block.kind));
    out.put(static_cast<std::int32_t>(block.level));
    save(out, block.text);
    save(out, block.spans);
}

void save(ByteWriter& out, const ItemText& text) {
    save(out, text.title);
    save(out, text.summary);
    save(out, text.place_name);
    save(out, text.key_points);
    save(out, text.blocks);
}

void save(ByteWriter& out, const Item& item) {
    save(out, item.ref);
    out.put(static_cast<std::uint8_t>(item.kind));
    save(out, item.slug);
    out.put(static_cast<std::int32_t>(item.order));
    save(out, item.image);
    save(out, item.theme);
    save(out, item.region);
    save(out, item.url);
    out.put(static_cast<std::uint8_t>(item.place.has_value()));
    if (item.place) save(out, *item.place);
    save(out, item.sources);
    save(out, item.related);
    save(out, item.text);
}

void save(ByteWriter& out, const FigureText& text) {
    save(out, text.label);
    save(out, text.unit);
    save(out, text.display);
}

void save(ByteWriter& out, const Figure& figure) {
    save(out, figure.id);
    save(out, figure.value);
    out.put(static_cast<std::int32_t>(figure.decimals));
    save(out, figure.suffix);
    save(out, figure.source);
    save(out, figure.text);
}

void save(ByteWriter& out, const SourceText& text) {
    save(out, text.title);
    save(out, text.summary);
    save(out, text.author);
    save(out, text.outlet);
}

void save(ByteWriter& out, const Source& source) {
    for (const auto* field : {&source.id, &source.author, &source.outlet, &source.date, &source.url})
        save(out, *field);
    save(out, source.text);
}

void save(ByteWriter& out, const MapFeature& feature) {
    save(out, feature.id);
    out.put(static_cast<std::uint8_t>(feature.kind));
    save(out, feature.role);
    save(out, feature.link);
    save(out, feature.coords);
    save(out, feature.name);
}

void save(ByteWriter& out, const AttractSlide& slide) {
    save(out, slide.image);
    save(out, slide.caption);
}

void save(ByteWriter& out, const Facet& facet) {
    out.put(static_cast<std::uint8_t>(facet.kind));
    save(out, facet.id);
    save(out, facet.name);
}

void save(ByteWriter& out, const PackMeta& meta) {
    save(out, meta.id);
    out.put(meta.version);
    save(out, meta.created);
    save(out, meta.default_locale);
    save(out, meta.locales);
    out.put(static_cast<std::int32_t>(meta.idle_timeout_s));
    out.put(static_cast<std::int32_t>(meta.format));
    save(out, meta.title);
    save(out, meta.subtitle);
    save(out, meta.font_media);
}

// --- reading: each load() leaves the reader failed when the bytes cannot be what save() wrote.

// An enum stored as one byte, refused beyond its last value.
template <typename Enum> void load_enum(ByteReader& in, Enum& value, Enum last) {
    const auto raw = in.get<std::uint8_t>();
    if (raw > static_cast<std::uint8_t>(last)) in.fail();
    value = static_cast<Enum>(in.ok() ? raw : 0);
}

void load(ByteReader& in, std::string& text) { text = in.get_string(); }
void load(ByteReader& in, double& value) { value = in.get<double>(); }
void load(ByteReader& in, GeoPoint& point) {
    point.lon = in.get<double>();
    point.lat = in.get<double>();
    if (!std::isfinite(point.lon) || !std::isfinite(point.lat)) in.fail();
}
void load(ByteReader& in, TextSpan& span) {
    span.begin = in.get<std::uint32_t>();
    span.end = in.get<std::uint32_t>();
    load_enum(in, span.style, SpanStyle::strong);
    if (span.begin > span.end) in.fail();
}

template <typename T> void load(ByteReader& in, std::vector<T>& values) {
    const auto count = in.get_count(kMinElementBytes);
    values.clear();
    for (std::size_t i = 0; i < count && in.ok(); ++i) load(in, values.emplace_back());
}

template <typename T> void load(ByteReader& in, std::map<std::string, T>& values) {
    const auto count = in.get_count(kMinElementBytes);
    values.clear();
    for (std::size_t i = 0; i < count && in.ok(); ++i) {
        std::string key;
        load(in, key);
        T value{};
        load(in, value);
        // Keys were saved in order from a map: a repeated or unordered key means damage.
        if (!values.empty() && !(values.rbegin()->first < key)) in.fail();
        values.emplace_hint(values.end(), std::move(key), std::move(value));
    }
}

void load(ByteReader& in, Locale& locale) {
    load(in, locale.code);
    load(in, locale.name);
}

void load(ByteReader& in, Block& block) {
    load_enum(in, block.kind, BlockKind::quote);
    block.level = in.get<std::int32_t>();
    load(in, block.text);
    load(in, block.spans);
    for (const auto& span : block.spans) {
        if (span.end > block.text.size()) in.fail(); // screens index the text with these
    }
}

void load(ByteReader& in, ItemText& text) {
    load(in, text.title);
    load(in, text.summary);
    load(in, text.place_name);
    load(in, text.key_points);
    load(in, text.blocks);
}

void load(ByteReader& in, Item& item) {
    load(in, item.ref);
    load_enum(in, item.kind, ItemKind::story);
    load(in, item.slug);
    item.order = in.get<std::int32_t>();
    load(in, item.image);
    load(in, item.theme);
    load(in, item.region);
    load(in, item.url);
    const auto has_place = in.get<std::uint8_t>();
    if (has_place > 1) in.fail();
    if (has_place == 1) load(in, item.place.emplace());
    load(in, item.sources);
    load(in, item.related);
    load(in, item.text);
}

void load(ByteReader& in, FigureText& text) {
    load(in, text.label);
    load(in, text.unit);
    load(in, text.display);
}

void load(ByteReader& in, Figure& figure) {
    load(in, figure.id);
    load(in, figure.value);
    figure.decimals = in.get<std::int32_t>();
    load(in, figure.suffix);
    load(in, figure.source);
    load(in, figure.text);
}

void load(ByteReader& in, SourceText& text) {
    load(in, text.title);
    load(in, text.summary);
    load(in, text.author);
    load(in, text.outlet);
}

void load(ByteReader& in, Source& source) {
    for (auto* field : {&source.id, &source.author, &source.outlet, &source.date, &source.url}) load(in, *field);
    load(in, source.text);
}

void load(ByteReader& in, MapFeature& feature) {
    load(in, feature.id);
    load_enum(in, feature.kind, FeatureKind::area);
    load(in, feature.role);
    load(in, feature.link);
    load(in, feature.coords);
    load(in, feature.name);
    if (feature.coords.empty()) in.fail(); // as the loader requires
}

void load(ByteReader& in, AttractSlide& slide) {
    load(in, slide.image);
    load(in, slide.caption);
}

void load(ByteReader& in, Facet& facet) {
    load_enum(in, facet.kind, FacetKind::region);
    load(in, facet.id);
    load(in, facet.name);
}

void load(ByteReader& in, PackMeta& meta) {
    load(in, meta.id);
    meta.version = in.get<std::int64_t>();
    load(in, meta.created);
    load(in, meta.default_locale);
    load(in, meta.locales);
    meta.idle_timeout_s = in.get<std::int32_t>();
    meta.format = in.get<std::int32_t>();
    load(in, meta.title);
    load(in, meta.subtitle);
    load(in, meta.font_media);
}

void save(ByteWriter& out, const Catalog& catalog) {
    save(out, catalog.meta);
    save(out, catalog.initiatives);
    save(out, catalog.stories);
    save(out, catalog.figures);
    save(out, catalog.sources);
    save(out, catalog.features);
    save(out, catalog.slides);
    save(out, catalog.facets);
    save(out, catalog.strings);
}

void load(ByteReader& in, Catalog& catalog) {
    load(in, catalog.meta);
    load(in, catalog.initiatives);
    load(in, catalog.stories);
    load(in, catalog.figures);
    load(in, catalog.sources);
    load(in, catalog.features);
    load(in, catalog.slides);
    load(in, catalog.facets);
    load(in, catalog.strings);
}

Error damaged(const char* why) { return make_error(ErrorCode::corrupt, std::string("the catalog cache file ") + why); }

} // namespace

std::uint64_t catalog_snapshot_key(std::string_view file_identity, CatalogBodies bodies) {
    return core::Fnv1a64()
        .add_value(kFormatVersion)
        .add_value(kPackFormatVersion)
        .add_value(static_cast<std::uint32_t>(bodies))
        .add(file_identity)
        .value();
}

std::vector<std::uint8_t> snapshot_catalog(const Catalog& catalog, std::uint64_t key) {
    ByteWriter out;
    out.put(kMagic);
    out.put(kFormatVersion);
    out.put(key);
    save(out, catalog);
    const auto checksum = core::Fnv1a64().add(out.bytes().data(), out.bytes().size()).value();
    out.put(checksum);
    return std::move(out.bytes());
}

Expected<Catalog> restore_catalog(const std::uint8_t* data, std::size_t size, std::uint64_t key) {
    if (!data || size < sizeof(std::uint64_t)) return damaged("is empty");
    const std::size_t body = size - sizeof(std::uint64_t);
    std::uint64_t stored_checksum = 0;
    std::memcpy(&stored_checksum, data + body, sizeof stored_checksum);

    ByteReader in(data, body);
    if (in.get<std::uint32_t>() != kMagic || in.get<std::uint32_t>() != kFormatVersion)
        return damaged("is from another version");
    if (in.get<std::uint64_t>() != key) return damaged("is for another pack");
    if (core::Fnv1a64().add(data, body).value() != stored_checksum) return damaged("is damaged (checksum)");

    Catalog catalog;
    load(in, catalog);
    if (!in.ok()) return damaged("is damaged (a field is impossible)");
    if (!in.at_end()) return damaged("is damaged (bytes after the catalog)");
    // Made from a pack the reader took, so within its limits, unless it was made before they
    // existed or forged: then the pack is read again, and refused there if it is over them.
    MapPointBudget map_points;
    for (const auto& feature : catalog.features) {
        if (map_points.add(feature.id, feature.kind, feature.coords.size())) return damaged("holds a map over a pack's limits");
    }
    return catalog;
}

} // namespace pavilion::content
