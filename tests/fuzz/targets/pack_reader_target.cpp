// The pack reader: the bytes are a pack file, read the way a kiosk reads one from a USB stick
// (PackReader opens it and loads the catalog; then the screens ask for media, pictures, the
// font, the base map and searches).

#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"
#include "target_reach.hpp"
#include "scratch_dir.hpp"

#include "pack_limits.hpp"
#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace pavilion::fuzz {
namespace {

using content::Catalog;
using content::ImageVariant;
using content::PackReader;

// Decoding is the slow part; a pack that names more pictures than this is read only this far.
constexpr std::size_t kMaxPicturesPerInput = 8;

std::vector<std::string> media_ids(const Catalog& catalog) {
    std::vector<std::string> ids;
    auto add = [&](const std::string& id) {
        if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    for (const auto& slide : catalog.slides) add(slide.image);
    for (const auto* items : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *items) add(item.image);
    }
    return ids;
}

void read_pictures(const PackReader& pack, PackReach& reach) {
    const auto ids = media_ids(pack.catalog());
    for (std::size_t i = 0; i < ids.size() && i < kMaxPicturesPerInput; ++i) {
        pack.media_info(ids[i]);
        for (const auto variant : {ImageVariant::thumbnail, ImageVariant::full}) {
            pack.image_bytes(ids[i], variant);
            // As the kiosk decodes them: checked against the pack's pixel limits first.
            if (const auto pixels = pack.decode_picture(ids[i], variant)) {
                const int side = variant == ImageVariant::full ? content::kMaxStoredPictureSide
                                                               : content::kMaxStoredThumbnailSide;
                fuzz_check(pixels->width <= side && pixels->height <= side, "no picture over the limits is decoded");
                ++reach.pictures_decoded;
            }
        }
    }
}

// What visitors type: words from the pack itself (so the index has hits), short words that take
// the LIKE path, and FTS5 and LIKE syntax that must stay plain text.
std::vector<std::string> search_queries(const Catalog& catalog, const std::string& locale) {
    std::vector<std::string> queries = {"a", "%_", "\"", "rail OR \"x", "NEAR(a b)", "铁路"};
    for (const auto* items : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *items) {
            const auto text = item.text.find(locale);
            if (text != item.text.end() && !text->second.title.empty()) {
                queries.push_back(text->second.title.substr(0, 6));
                break;
            }
        }
    }
    return queries;
}

void search(const PackReader& pack, PackReach& reach) {
    const auto& catalog = pack.catalog();
    for (const auto& locale : catalog.meta.locales) {
        for (const auto& query : search_queries(catalog, locale.code)) {
            if (auto hits = pack.search(query, locale.code, 10)) {
                fuzz_check(hits->size() <= 10, "search returns at most `limit` hits");
                reach.search_hits += hits->size();
            }
        }
    }
}

void check_catalog(const Catalog& catalog) {
    // The screens draw every line and place: the reader promised the limits that keep a frame
    // within ImGui's reach and the catalog within memory.
    std::size_t line_points = 0, places = 0;
    for (const auto& feature : catalog.features) {
        fuzz_check(feature.coords.size() <= content::kMaxFeaturePoints, "no map feature over the points limit");
        (feature.kind == content::FeatureKind::point ? places : line_points) += feature.coords.size();
    }
    fuzz_check(line_points <= content::kMaxPackLinePoints, "no pack's lines over the points limit");
    fuzz_check(places <= content::kMaxPackPlaces, "no pack over the places limit");
    // The screens look these up without checking again: the reader promised them at open.
    for (const auto* items : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *items) {
            fuzz_check(catalog.find_item(item.ref) != nullptr, "every item is found by its ref");
            for (const auto& related : item.related)
                fuzz_check(catalog.find_item(related) != nullptr, "related items exist");
        }
    }
}

} // namespace

PackReach read_pack_as_kiosk(const std::uint8_t* data, std::size_t size) {
    PackReach reach;
    ScratchDir dir;
    const std::string name = "fuzz.pack";
    if (!dir.write(name, std::string_view(reinterpret_cast<const char*>(data), size)))
        return reach;
    auto opened = PackReader::open((dir.path() / name).string());
    if (!opened) return reach;
    const PackReader& pack = *opened;
    reach.opened = true;
    const auto& catalog = pack.catalog();
    reach.items = catalog.initiatives.size() + catalog.stories.size();
    check_catalog(catalog);
    read_pictures(pack, reach);
    if (auto font = pack.font_bytes()) reach.font_bytes = font->size();
    if (auto base_map = pack.base_map()) reach.base_map_levels = base_map->levels.size();
    search(pack, reach);
    return reach;
}

int fuzz_pack_reader(const std::uint8_t* data, std::size_t size) {
    read_pack_as_kiosk(data, size);
    return 0;
}

} // namespace pavilion::fuzz
