// PackCheck::without_pictures, the kiosk's start-up check: every page open() reads is still
// checked (damage there refuses the pack, as with the whole-file check), the pictures' pages are
// not, and a damaged picture is reported when it is read, as one error, never a crash. The
// pages of each table come from SQLite's dbstat table.

#include "content_test_support.hpp"

#include <sqlite3.h>

#include <random>
#include <set>

namespace pavilion::content::test {
namespace {

// The page numbers of the tables whose names match `like` (an SQL LIKE pattern), or not.
std::set<std::int64_t> pages_of(const std::string& path, const std::string& like, bool matching) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* query = nullptr;
    const std::string sql = std::string("SELECT pageno FROM dbstat WHERE name ") + (matching ? "" : "NOT ") + "LIKE ?";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr);
    sqlite3_bind_text(query, 1, like.c_str(), -1, SQLITE_TRANSIENT);
    std::set<std::int64_t> pages;
    while (sqlite3_step(query) == SQLITE_ROW) pages.insert(sqlite3_column_int64(query, 0));
    sqlite3_finalize(query);
    sqlite3_close(db);
    return pages;
}

std::vector<std::uint8_t> with_garbage_page(std::vector<std::uint8_t> bytes, std::int64_t page, unsigned seed) {
    constexpr std::size_t kPage = 4096;
    std::mt19937 random(seed);
    for (std::size_t i = 0; i < kPage; ++i)
        bytes[static_cast<std::size_t>(page - 1) * kPage + i] = static_cast<std::uint8_t>(random());
    return bytes;
}

class PartialCheck : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
        copy_mini_pack_to(original_);
        bytes_ = pavilion::testing::read_bytes(original_);
        ASSERT_EQ(bytes_.size() % 4096, 0u);
    }

    TempDir dir_;
    const std::string original_ = dir_ / "original.pack";
    const std::string pack_ = dir_ / "damaged.pack";
    std::vector<std::uint8_t> bytes_;
};

TEST_F(PartialCheck, AnUndamagedPackOpensTheSameEitherWay) {
    const auto whole = PackReader::open(original_, PackCheck::whole_file);
    const auto partial = PackReader::open(original_, PackCheck::without_pictures);
    ASSERT_TRUE(whole) << whole.error().message;
    ASSERT_TRUE(partial) << partial.error().message;
    EXPECT_EQ(partial->catalog().stories.size(), whole->catalog().stories.size());
    EXPECT_EQ(partial->catalog().meta.title, whole->catalog().meta.title);
}

TEST_F(PartialCheck, DamageToAnyPageItReadsStillRefusesThePack) {
    // Page 1 (the header) is the subject of the reader's own tests; the search index is read
    // on demand, like the pictures.
    auto pages = pages_of(original_, "media", false);
    for (const auto page : pages_of(original_, "search%", true)) pages.erase(page);
    pages.erase(1);
    ASSERT_GE(pages.size(), 10u);
    for (const auto page : pages) {
        SCOPED_TRACE("page " + std::to_string(page));
        write_bytes(pack_, with_garbage_page(bytes_, page, static_cast<unsigned>(page)));
        const auto reader = PackReader::open(pack_, PackCheck::without_pictures);
        EXPECT_FALSE(reader) << "a pack with a garbage catalog page was accepted";
        if (!reader) {
            EXPECT_EQ(reader.error().message.find('\n'), std::string::npos) << reader.error().message;
        }
    }
}

TEST_F(PartialCheck, ADamagedPictureIsReportedWhenReadNotAtOpen) {
    const auto pages = pages_of(original_, "media", true);
    ASSERT_FALSE(pages.empty());
    int opened = 0, pictures_refused = 0;
    for (const auto page : pages) {
        SCOPED_TRACE("media page " + std::to_string(page));
        write_bytes(pack_, with_garbage_page(bytes_, page, static_cast<unsigned>(page)));
        EXPECT_FALSE(PackReader::open(pack_, PackCheck::whole_file)) << "the whole-file check missed it";
        auto reader = PackReader::open(pack_, PackCheck::without_pictures);
        if (!reader) continue; // a page the catalog's own media query reads: refused at open, fine too
        ++opened;
        bool any_refused = false;
        for (const auto* list : {&reader->catalog().initiatives, &reader->catalog().stories}) {
            for (const auto& item : *list) {
                for (const auto variant : {ImageVariant::full, ImageVariant::thumbnail}) {
                    const auto bytes = reader->image_bytes(item.image, variant);
                    if (bytes) continue;
                    any_refused = true;
                    EXPECT_EQ(bytes.error().code, ErrorCode::corrupt) << bytes.error().message;
                    EXPECT_EQ(bytes.error().message.find('\n'), std::string::npos);
                }
            }
        }
        pictures_refused += any_refused;
    }
    // Most of the media table is the pictures' bytes: the kiosk starts, and shows what it can.
    EXPECT_GT(opened, 0);
    EXPECT_GT(pictures_refused, 0) << "garbage in the pictures' pages went unnoticed";
}

} // namespace
} // namespace pavilion::content::test
