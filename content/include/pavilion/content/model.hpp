#pragma once
// Plain data of a content pack, as the reader returns it and the builder writes it.
// No SQL, no IO: screens and tools consume these structs directly.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

// Text in every locale of a pack: locale code -> text.
using Localized = std::map<std::string, std::string>;

// The one rule for a text missing in a language, everywhere it is shown: the language asked for,
// else the fallback (the pack's default language), else the first language that has it, by
// code. nullptr when no language has it.
template <typename Text>
const Text* in_locale(const std::map<std::string, Text>& texts, const std::string& locale,
                      const std::string& fallback_locale) {
    if (auto it = texts.find(locale); it != texts.end()) return &it->second;
    if (auto it = texts.find(fallback_locale); it != texts.end()) return &it->second;
    return texts.empty() ? nullptr : &texts.begin()->second;
}

// in_locale() for plain text: "" when no language has it.
inline std::string localized(const Localized& texts, const std::string& locale, const std::string& fallback_locale) {
    const auto* text = in_locale(texts, locale, fallback_locale);
    return text ? *text : std::string();
}

// The pack format this build writes (PRAGMA user_version), and the oldest it still reads, so a
// kiosk updated to new software keeps showing, and installing, the packs authors already made.
// Format 2 added figures' display forms (content/schema/pack-v2.sql).
constexpr int kPackFormatVersion = 2;
constexpr int kOldestPackFormatVersion = 1;
constexpr bool is_readable_pack_format(std::int64_t format) {
    return format >= kOldestPackFormatVersion && format <= kPackFormatVersion;
}
// 'PVLN': marks an SQLite file as a Pavilion pack (PRAGMA application_id).
constexpr std::int32_t kPackApplicationId = 0x50564C4E;

struct GeoPoint {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const GeoPoint& a, const GeoPoint& b) {
        return a.lon == b.lon && a.lat == b.lat;
    }
};

struct Locale {
    std::string code; // e.g. "en", "zh"
    std::string name; // the language's own name, e.g. "中文"
    friend bool operator==(const Locale& a, const Locale& b) {
        return a.code == b.code && a.name == b.name;
    }
};

struct PackMeta {
    std::string id;
    std::int64_t version = 0;
    std::string created;
    std::string default_locale;
    std::vector<Locale> locales;
    int idle_timeout_s = 90;
    int format = kPackFormatVersion; // of the file it was read from (PRAGMA user_version)
    Localized title;
    Localized subtitle;
    std::string font_media; // media id of the pack's own font, "" for the system font
};

enum class SpanStyle { emphasis, strong };

// An inline style over [begin, end) bytes of a block's text.
struct TextSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    SpanStyle style = SpanStyle::emphasis;
    friend bool operator==(const TextSpan& a, const TextSpan& b) {
        return a.begin == b.begin && a.end == b.end && a.style == b.style;
    }
};

enum class BlockKind { heading, paragraph, bullet, quote };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0; // heading level 1..3
    std::string text;
    std::vector<TextSpan> spans;
    friend bool operator==(const Block& a, const Block& b) {
        return a.kind == b.kind && a.level == b.level && a.text == b.text && a.spans == b.spans;
    }
};

struct ItemText {
    std::string title;
    std::string summary;    // one-sentence teaser for cards
    std::string place_name; // "" when the item has no place
    // The body: empty in a catalog read with CatalogBodies::on_demand (see ItemBody).
    std::vector<std::string> key_points;
    std::vector<Block> blocks;
};

// An item's body in one locale, when it is read apart from the catalog.
struct BodyText {
    std::vector<std::string> key_points;
    std::vector<Block> blocks;
};
using ItemBody = std::map<std::string, BodyText>; // locale -> body

// Whether opening a pack reads every item's body into the catalog, or leaves the bodies to be
// read when an item is opened (the kiosk: its start must not grow with the pack's text).
enum class CatalogBodies { loaded, on_demand };

enum class ItemKind { initiative, story };

const char* to_string(ItemKind kind);

struct Item {
    std::string ref;  // "initiative/<id>" or "story/<id>"
    ItemKind kind = ItemKind::initiative;
    std::string slug; // the <id> part of ref
    int order = 0;
    std::string image; // media id of the hero image
    std::string theme; // facet id or ""
    std::string region;
    std::string url;
    std::optional<GeoPoint> place;
    std::vector<std::string> sources; // source ids
    std::vector<std::string> related; // item refs
    std::map<std::string, ItemText> text; // locale -> text
};

struct FigureText {
    std::string label;
    std::string unit;
    std::string display; // the whole figure as this language writes it ("10万+"); "" to format value
};

struct Figure {
    std::string id;
    double value = 0;
    int decimals = 0;
    std::string suffix;
    std::string source;
    std::map<std::string, FigureText> text;
};

struct SourceText {
    std::string title;
    std::string summary;
    std::string author; // as this language writes them; the same as Source's when the pack gives
    std::string outlet; // one form for every language
};

struct Source {
    std::string id;
    std::string author;
    std::string outlet;
    std::string date;
    std::string url;
    std::map<std::string, SourceText> text;
};

enum class FeatureKind { point, line, area };

struct MapFeature {
    std::string id;
    FeatureKind kind = FeatureKind::point;
    std::string role; // corridor, route, story, site, area
    std::string link; // item ref or ""
    std::vector<GeoPoint> coords;
    Localized name;
};

struct AttractSlide {
    std::string image; // media id
    Localized caption;
};

enum class FacetKind { theme, region };

struct Facet {
    FacetKind kind = FacetKind::theme;
    std::string id;
    Localized name;
};

// Everything textual in a pack, in every locale. Small enough to hold in memory, so a language
// switch is instant; images stay in the pack until a screen asks for them.
struct Catalog {
    PackMeta meta;
    std::vector<Item> initiatives; // in display order
    std::vector<Item> stories;
    std::vector<Figure> figures;
    std::vector<Source> sources;
    std::vector<MapFeature> features;
    std::vector<AttractSlide> slides;
    std::vector<Facet> facets;
    std::map<std::string, std::map<std::string, std::string>> strings; // locale -> key -> text

    const Item* find_item(const std::string& ref) const;
    const Source* find_source(const std::string& id) const;
};

// Field-by-field equality of the larger structs (for tests, and for checking that a catalog
// restored from a snapshot is the one that was saved).
bool operator==(const PackMeta& a, const PackMeta& b);
bool operator==(const ItemText& a, const ItemText& b);
bool operator==(const BodyText& a, const BodyText& b);
bool operator==(const Item& a, const Item& b);
bool operator==(const FigureText& a, const FigureText& b);
bool operator==(const Figure& a, const Figure& b);
bool operator==(const SourceText& a, const SourceText& b);
bool operator==(const Source& a, const Source& b);
bool operator==(const MapFeature& a, const MapFeature& b);
bool operator==(const AttractSlide& a, const AttractSlide& b);
bool operator==(const Facet& a, const Facet& b);
bool operator==(const Catalog& a, const Catalog& b);

struct MediaInfo {
    std::string id;
    std::string mime;
    int width = 0;
    int height = 0;
    int thumb_width = 0;
    int thumb_height = 0;
};

// A full-text search result.
struct SearchHit {
    std::string item_ref;
    std::string title;
};

} // namespace pavilion::content
