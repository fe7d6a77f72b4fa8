#pragma once
// Opens a content pack safely and reads it into plain structs.
//
// Packs come from USB sticks, so the file is treated as hostile even after its signature checks
// out: it is opened read-only with SQLite's defensive settings (sqlite.org/security.html), its
// integrity and schema are checked before anything is read (see PackCheck), and the whole catalog
// is loaded and cross-checked at open, so a caller gets either a complete pack or one error, never
// half a pack.

#include "pavilion/content/base_map.hpp"
#include "pavilion/content/expected.hpp"
#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content {

enum class ImageVariant { full, thumbnail };

// How much of the file open() checks with SQLite's quick_check before it reads anything.
enum class PackCheck {
    // Every page: for a pack not checked before (the installer's staged copy, the tools).
    whole_file,
    // Every page open() reads, not the pictures (the media table) nor the search index: pictures
    // are most of a pack, 95% of it with 2,000 stories, so checking them at each start would make
    // start-up grow with the pack. SQLite still checks their pages as it reads them: a damaged
    // picture is reported by image_bytes() as `corrupt`, a damaged index by search(). For the
    // kiosk's start, whose installed pack the installer checked whole.
    without_pictures,
};

// Names a file as it is on disk (path, size, modification time, inode): a pack rebuilt or
// replaced at the same path gets a new identity. For cache keys.
std::string pack_file_identity(const std::string& path);

class PackReader {
public:
    // bodies: CatalogBodies::on_demand leaves the items' key points and blocks out of catalog()
    // (read them with item_body()), and their tables out of a without_pictures check.
    static Expected<PackReader> open(const std::string& path, PackCheck check = PackCheck::whole_file,
                                     CatalogBodies bodies = CatalogBodies::loaded);
    // Opens a pack whose catalog was read from it before (restored from a catalog_snapshot):
    // read_from is the file_identity() it was read at, and the pack must still be that file
    // (`invalid_argument` if not). Its length, identity and schema are checked as by open(); its
    // tables, which were checked and read then, are not read again.
    static Expected<PackReader> open_with_catalog(const std::string& path, Catalog catalog,
                                                  std::string_view read_from, CatalogBodies bodies);

    PackReader(PackReader&&) noexcept;
    PackReader& operator=(PackReader&&) noexcept;
    ~PackReader();

    const std::string& path() const;
    const Catalog& catalog() const;
    bool bodies_in_catalog() const;
    // pack_file_identity() of this pack's file, as it is now.
    std::string file_identity() const;

    // One item's key points and blocks in every locale (as the catalog holds them when loaded).
    // `corrupt` when its rows are damaged; an empty body for an item without one.
    Expected<ItemBody> item_body(const std::string& ref) const;
    // Calls visit with the text of every key point (as a paragraph) and block of every item.
    Status each_body_text(const std::function<void(BlockKind kind, std::string_view text)>& visit) const;

    // The country shapes under the map, read and checked on demand (they are large and only the
    // map screen needs them). No levels when the pack has no base map; `corrupt` when a buffer
    // is malformed (wrong length, an index past the vertices, a coordinate off the globe).
    Expected<BaseMap> base_map() const;

    Expected<MediaInfo> media_info(const std::string& media_id) const;
    // Encoded bytes (JPEG or PNG) of an image the builder produced.
    Expected<std::vector<std::uint8_t>> image_bytes(const std::string& media_id,
                                                    ImageVariant variant) const;
    // A picture decoded to RGBA, as the kiosk shows it. Its header is checked before anything
    // is decoded: larger than the builder stores (1920 px a side, 480 for a thumbnail) is
    // `too_large`, another size than the pack declares for it `corrupt`, and neither is decoded.
    // The message says what is wrong, not which picture (the caller knows).
    Expected<Pixels> decode_picture(const std::string& media_id, ImageVariant variant) const;
    // The pack's own font file, if it brings one (empty vector when it does not).
    Expected<std::vector<std::uint8_t>> font_bytes() const;

    // Items whose title or body contains the query, in one locale, best matches first.
    Expected<std::vector<SearchHit>> search(std::string_view query, const std::string& locale,
                                            int limit = 50) const;

private:
    struct State;
    explicit PackReader(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// The schema SQL of a pack format this build reads (kOldestPackFormatVersion to
// kPackFormatVersion), as shipped in content/schema/.
std::string pack_schema_sql(int format = kPackFormatVersion);

} // namespace pavilion::content
