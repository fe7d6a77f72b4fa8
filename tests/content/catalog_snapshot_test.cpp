// The catalog snapshot: what the kiosk keeps so a start on an unchanged pack need not read every
// table again. A restored catalog must be exactly the one saved, and a damaged or foreign file
// must be refused with one message, never half-read.

#include "content_test_support.hpp"
#include "pavilion/content/catalog_snapshot.hpp"
#include "pavilion/core/fnv_hash.hpp"

#include <chrono>
#include <cstring>
#include <random>
#include <thread>

namespace pavilion::content::test {
namespace {

constexpr std::uint64_t kKey = 0x1234abcd5678ef00ULL;

const Catalog& mini_catalog() {
    EXPECT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    return mini_pack().reader->catalog();
}

// The bytes with their trailing checksum made right again: damage the checksum would catch,
// passed on to the field-by-field checks behind it.
std::vector<std::uint8_t> resealed(std::vector<std::uint8_t> bytes) {
    if (bytes.size() < sizeof(std::uint64_t)) return bytes;
    const auto body = bytes.size() - sizeof(std::uint64_t);
    const auto checksum = core::Fnv1a64().add(bytes.data(), body).value();
    std::memcpy(bytes.data() + body, &checksum, sizeof checksum);
    return bytes;
}

TEST(CatalogSnapshot, RestoresTheSameCatalog) {
    const auto& catalog = mini_catalog();
    // Every part of the model is present, so every part is round-tripped.
    ASSERT_FALSE(catalog.initiatives.empty());
    ASSERT_FALSE(catalog.stories.empty());
    ASSERT_FALSE(catalog.figures.empty());
    ASSERT_FALSE(catalog.sources.empty());
    ASSERT_FALSE(catalog.features.empty());
    ASSERT_FALSE(catalog.facets.empty());
    ASSERT_FALSE(catalog.strings.empty());
    ASSERT_FALSE(catalog.stories.front().text.begin()->second.blocks.empty()) << "a catalog with its bodies";

    const auto bytes = snapshot_catalog(catalog, kKey);
    const auto restored = restore_catalog(bytes.data(), bytes.size(), kKey);
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_TRUE(*restored == catalog);
    EXPECT_EQ(snapshot_catalog(*restored, kKey), bytes) << "saving the restored catalog gives the same bytes";
}

TEST(CatalogSnapshot, RestoresTheDefaultPacksCatalogWithoutBodies) {
    auto pack = PackReader::open(PAVILION_DEFAULT_PACK, PackCheck::without_pictures, CatalogBodies::on_demand);
    ASSERT_TRUE(pack) << pack.error().message;
    const auto bytes = snapshot_catalog(pack->catalog(), kKey);
    const auto restored = restore_catalog(bytes.data(), bytes.size(), kKey);
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_TRUE(*restored == pack->catalog());
    // The equality is not vacuous: one changed title tells them apart.
    auto changed = *restored;
    changed.stories.back().text.begin()->second.title += ".";
    EXPECT_FALSE(changed == pack->catalog());
}

TEST(CatalogSnapshot, KeyNamesThePackFileAndHowItsBodiesWereRead) {
    const auto identity = pack_file_identity(mini_pack().path);
    EXPECT_EQ(catalog_snapshot_key(identity, CatalogBodies::on_demand),
              catalog_snapshot_key(identity, CatalogBodies::on_demand));
    EXPECT_NE(catalog_snapshot_key(identity, CatalogBodies::on_demand),
              catalog_snapshot_key(identity, CatalogBodies::loaded));
    EXPECT_NE(catalog_snapshot_key(identity, CatalogBodies::on_demand),
              catalog_snapshot_key(identity + "x", CatalogBodies::on_demand));
}

TEST(CatalogSnapshot, AnotherKeyIsRefused) {
    const auto bytes = snapshot_catalog(mini_catalog(), kKey);
    const auto restored = restore_catalog(bytes.data(), bytes.size(), kKey + 1);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().code, ErrorCode::corrupt);
    EXPECT_EQ(restored.error().message, "the catalog cache file is for another pack");
}

TEST(CatalogSnapshot, DamageIsCaughtByTheChecksum) {
    auto bytes = snapshot_catalog(mini_catalog(), kKey);
    bytes[bytes.size() / 2] ^= 0x40;
    const auto restored = restore_catalog(bytes.data(), bytes.size(), kKey);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().message, "the catalog cache file is damaged (checksum)");
    EXPECT_FALSE(restore_catalog(nullptr, 0, kKey));
    EXPECT_FALSE(restore_catalog(bytes.data(), 3, kKey));
}

// Behind a right checksum, every cut is still refused: the reader never trusts a length.
TEST(CatalogSnapshot, EveryTruncationIsRefusedEvenWithARightChecksum) {
    const auto bytes = snapshot_catalog(mini_catalog(), kKey);
    const std::size_t header = 16, checksum = 8;
    int refused = 0, tried = 0;
    // Every cut near the start, then one in every 61 bytes (the whole file each time is slow
    // under the sanitizers, and a prime stride lands in every kind of field).
    for (std::size_t body = 0; body < bytes.size() - checksum - header; body += body < 256 ? 1 : 61) {
        std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(header + body));
        cut.resize(cut.size() + checksum);
        cut = resealed(std::move(cut));
        ++tried;
        const auto restored = restore_catalog(cut.data(), cut.size(), kKey);
        refused += !restored;
        if (restored) ADD_FAILURE() << "a snapshot cut to " << body << " bytes of catalog was restored";
    }
    EXPECT_EQ(refused, tried);
    EXPECT_GT(tried, 300);
}

TEST(CatalogSnapshot, FlippedBytesBehindARightChecksumNeverCrash) {
    const auto bytes = snapshot_catalog(mini_catalog(), kKey);
    std::mt19937 random(20261124);
    int refused = 0;
    for (int trial = 0; trial < 400; ++trial) {
        auto damaged = bytes;
        std::uniform_int_distribution<std::size_t> at(16, damaged.size() - 9);
        for (int flips = 0; flips < 1 + trial % 3; ++flips) damaged[at(random)] ^= static_cast<std::uint8_t>(1u << (trial % 8));
        damaged = resealed(std::move(damaged));
        const auto restored = restore_catalog(damaged.data(), damaged.size(), kKey);
        if (!restored) {
            ++refused;
            EXPECT_EQ(restored.error().message.rfind("the catalog cache file is damaged", 0), 0u)
                << restored.error().message;
            continue;
        }
        // A flip inside a text can still be a well-formed catalog; it must then be what it says.
        EXPECT_EQ(snapshot_catalog(*restored, kKey), damaged);
    }
    EXPECT_GT(refused, 50) << "lengths, counts and kinds are checked, not just read";
}

TEST(CatalogSnapshot, RefusesAnImpossibleCountBeforeAllocatingForIt) {
    Catalog catalog;
    catalog.meta.id = "x";
    auto bytes = snapshot_catalog(catalog, kKey);
    // The stories' count: after the header, the meta (id, version, created, default locale,
    // locales, idle timeout, title, subtitle, font) and the initiatives' count.
    const std::size_t meta = 4 + 1 + 8 + 4 + 4 + 4 + 4 + 4 + 4 + 4;
    const std::size_t stories_count = 16 + meta + 4;
    std::uint32_t count = 0;
    std::memcpy(&count, bytes.data() + stories_count, sizeof count);
    ASSERT_EQ(count, 0u);
    count = 0xffffffffu;
    std::memcpy(bytes.data() + stories_count, &count, sizeof count);
    bytes = resealed(std::move(bytes));
    const auto restored = restore_catalog(bytes.data(), bytes.size(), kKey);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().message, "the catalog cache file is damaged (a field is impossible)");
}

// A copy of the mini pack in its own directory, opened the full way, to compare against.
struct CopiedPack {
    TempDir dir;
    std::string path = dir / "kiosk.pack";
    Expected<PackReader> read = copy_and_open(path);

    static Expected<PackReader> copy_and_open(const std::string& path) {
        copy_mini_pack_to(path);
        return PackReader::open(path, PackCheck::without_pictures, CatalogBodies::on_demand);
    }
};

TEST(PackReaderWithCatalog, OpensThePackTheCatalogWasReadFrom) {
    const CopiedPack copy;
    const auto& read = copy.read;
    const auto& path = copy.path;
    ASSERT_TRUE(read) << read.error().message;
    const auto identity = read->file_identity();
    const auto bytes = snapshot_catalog(read->catalog(), kKey);
    auto catalog = restore_catalog(bytes.data(), bytes.size(), kKey);
    ASSERT_TRUE(catalog) << catalog.error().message;

    auto pack = PackReader::open_with_catalog(path, std::move(catalog).value(), identity, CatalogBodies::on_demand);
    ASSERT_TRUE(pack) << pack.error().message;
    EXPECT_TRUE(pack->catalog() == read->catalog());
    EXPECT_FALSE(pack->bodies_in_catalog());
    // The file is open for what the catalog leaves in it: bodies and pictures.
    const auto& story = pack->catalog().stories.front();
    const auto body = pack->item_body(story.ref);
    ASSERT_TRUE(body) << body.error().message;
    EXPECT_TRUE(*body == *read->item_body(story.ref));
    EXPECT_TRUE(pack->image_bytes(story.image, ImageVariant::thumbnail));
}

TEST(PackReaderWithCatalog, RefusesAPackThatChangedSince) {
    const CopiedPack copy;
    const auto& read = copy.read;
    const auto& path = copy.path;
    ASSERT_TRUE(read) << read.error().message;
    const auto identity = read->file_identity();
    // Replaced by another file at the same path (as a rebuild or a copy would).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    copy_mini_pack_to(copy.dir / "other.pack");
    fs::rename(copy.dir / "other.pack", path);
    auto pack = PackReader::open_with_catalog(path, read->catalog(), identity, CatalogBodies::on_demand);
    ASSERT_FALSE(pack);
    EXPECT_EQ(pack.error().code, ErrorCode::invalid_argument);
    EXPECT_NE(pack.error().message.find("changed since its catalog was read"), std::string::npos);
}

TEST(PackReaderWithCatalog, StillRefusesAFileThatIsNoPack) {
    TempDir dir;
    const std::string path = dir / "junk.pack";
    pavilion::testing::write_text(path, std::string(8192, 'x'));
    auto pack = PackReader::open_with_catalog(path, mini_catalog(), pack_file_identity(path), CatalogBodies::on_demand);
    ASSERT_FALSE(pack);
    EXPECT_EQ(pack.error().code, ErrorCode::not_a_pack);
}

} // namespace
} // namespace pavilion::content::test
