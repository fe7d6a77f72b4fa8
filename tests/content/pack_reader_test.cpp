// PackReader treats a pack as hostile: anything that is not an intact pack of the known format
// is refused with a typed error that names the file, never with a crash or half a catalog.
// Also: full-text search over a built pack.

#include "forged_pack.hpp"
#include "content_test_support.hpp"

#include <sqlite3.h>

#include <chrono>
#include <initializer_list>
#include <set>
#include <string_view>
#include <thread>
#include <random>

namespace pavilion::content::test {
namespace {

std::vector<std::uint8_t> random_bytes(std::size_t size, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> bytes(size);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
    return bytes;
}

// Opens `path` and checks it is refused with one of `codes`, with a message naming the file.
::testing::AssertionResult refused(const std::string& path, std::initializer_list<ErrorCode> codes) {
    const auto reader = PackReader::open(path);
    if (reader) return ::testing::AssertionFailure() << path << " was opened as a valid pack";
    const auto& error = reader.error();
    std::string wanted;
    for (auto code : codes) wanted += std::string(wanted.empty() ? "" : " or ") + to_string(code);
    if (std::find(codes.begin(), codes.end(), error.code) == codes.end())
        return ::testing::AssertionFailure() << "error " << to_string(error.code) << " (" << error.message
                                             << "), expected " << wanted;
    if (error.message.empty()) return ::testing::AssertionFailure() << "the error has no message";
    if (error.message.find(path) == std::string::npos)
        return ::testing::AssertionFailure() << "the message does not name the file: " << error.message;
    return ::testing::AssertionSuccess() << to_string(error.code) << ": " << error.message;
}

class DamagedPack : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
        copy_mini_pack_to(pack_);
    }
    void truncate_to(std::size_t size) {
        auto bytes = pavilion::testing::read_bytes(pack_);
        bytes.resize(size);
        write_bytes(pack_, bytes);
    }
    std::size_t pack_size() const { return static_cast<std::size_t>(fs::file_size(pack_)); }

    TempDir dir_;
    const std::string pack_ = dir_ / "copy.pack";
};

// The control for every test below: the copy itself, and a harmless edit, open fine.
TEST_F(DamagedPack, UndamagedCopyAndHarmlessEditOpen) {
    ASSERT_TRUE(PackReader::open(pack_));
    pavilion::testing::forge(pack_, "UPDATE pack SET created = '2027-01-01'");
    const auto reader = PackReader::open(pack_);
    ASSERT_TRUE(reader) << reader.error().message;
    EXPECT_EQ(reader->catalog().meta.created, "2027-01-01");
    EXPECT_EQ(reader->path(), pack_);
}

TEST(PackReaderRefuses, MissingFile) {
    TempDir dir;
    EXPECT_TRUE(refused(dir / "nothing-here.pack", {ErrorCode::io}));
}

TEST(PackReaderRefuses, Folder) {
    TempDir dir;
    EXPECT_TRUE(refused(dir.path().string(), {ErrorCode::io}));
}

TEST(PackReaderRefuses, RandomBytes) {
    TempDir dir;
    write_bytes(dir / "random.pack", random_bytes(20000, 1));
    EXPECT_TRUE(refused(dir / "random.pack", {ErrorCode::not_a_pack}));
}

TEST(PackReaderRefuses, EmptyFile) {
    TempDir dir;
    pavilion::testing::write_text(dir / "empty.pack", "");
    EXPECT_TRUE(refused(dir / "empty.pack", {ErrorCode::not_a_pack}));
    EXPECT_EQ(fs::file_size(dir / "empty.pack"), 0u) << "opening must not write to the file";
}

TEST(PackReaderRefuses, TextFile) {
    TempDir dir;
    pavilion::testing::write_text(dir / "notes.pack", "just some notes, not a database\n");
    EXPECT_TRUE(refused(dir / "notes.pack", {ErrorCode::not_a_pack}));
}

TEST(PackReaderRefuses, SqliteDatabaseOfAnotherProgram) {
    TempDir dir;
    const auto path = dir / "other.db";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    EXPECT_TRUE(refused(path, {ErrorCode::not_a_pack}));
}

TEST_F(DamagedPack, TruncatedToHalf) {
    truncate_to(pack_size() / 2);
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt, ErrorCode::not_a_pack}));
}

TEST_F(DamagedPack, TruncatedAtManyPoints) {
    const auto full = pavilion::testing::read_bytes(pack_);
    const std::size_t page = 4096;
    for (const std::size_t size : {std::size_t{1}, std::size_t{50}, std::size_t{99}, std::size_t{100},
                                   page - 1, page, page + 1, 2 * page, full.size() / 3,
                                   full.size() / 2 + 7, full.size() - page - 1, full.size() - page}) {
        SCOPED_TRACE("truncated to " + std::to_string(size) + " of " + std::to_string(full.size()) +
                     " bytes");
        write_bytes(pack_, std::vector<std::uint8_t>(full.begin(), full.begin() + static_cast<long>(size)));
        EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt, ErrorCode::not_a_pack}));
    }
}

// A copy that lost its last bytes (an interrupted copy to a USB stick) is damaged too, even
// though SQLite reads the missing end of the last page as zeros.
TEST_F(DamagedPack, TruncatedWithinTheLastPage) {
    const auto full = pavilion::testing::read_bytes(pack_);
    for (const std::size_t missing : {std::size_t{1}, std::size_t{100}, std::size_t{2000}}) {
        SCOPED_TRACE("last " + std::to_string(missing) + " bytes missing");
        write_bytes(pack_, std::vector<std::uint8_t>(full.begin(), full.end() - static_cast<long>(missing)));
        EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt, ErrorCode::not_a_pack}));
    }
}

// Error messages are one line (expected.hpp), also when SQLite lists several problems.
TEST_F(DamagedPack, DamageIsReportedOnOneLine) {
    const auto full = pavilion::testing::read_bytes(pack_);
    const std::size_t page = 4096;
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> damaged;
    damaged.emplace_back("last 4000 bytes missing",
                         std::vector<std::uint8_t>(full.begin(), full.end() - 4000));
    for (std::size_t number = 2; number <= full.size() / page; number += 5) {
        auto bytes = full;
        const auto garbage = random_bytes(page, static_cast<unsigned>(number));
        std::copy(garbage.begin(), garbage.end(), bytes.begin() + static_cast<long>((number - 1) * page));
        damaged.emplace_back("garbage page " + std::to_string(number), bytes);
    }
    for (const auto& [what, bytes] : damaged) {
        SCOPED_TRACE(what);
        write_bytes(pack_, bytes);
        const auto reader = PackReader::open(pack_);
        ASSERT_FALSE(reader);
        EXPECT_EQ(reader.error().message.find('\n'), std::string::npos)
            << "several lines:\n" << reader.error().message;
    }
}

TEST_F(DamagedPack, NewerFormatVersion) {
    pavilion::testing::forge(pack_, "PRAGMA user_version = " + std::to_string(kPackFormatVersion + 1));
    EXPECT_TRUE(refused(pack_, {ErrorCode::unsupported}));
    const auto reader = PackReader::open(pack_);
    EXPECT_NE(reader.error().message.find("format " + std::to_string(kPackFormatVersion + 1)), std::string::npos)
        << reader.error().message;
}

// Format 1 is format 2 without figures' display forms: a kiosk with new software still shows
// and installs the packs authors made before.
TEST_F(DamagedPack, AFormatOnePackStillOpens) {
    pavilion::testing::forge(pack_, "DROP TABLE figure_display; DROP TABLE source_byline; PRAGMA user_version = 1");
    const auto reader = PackReader::open(pack_);
    ASSERT_TRUE(reader) << reader.error().message;
    EXPECT_EQ(reader->catalog().meta.format, 1);
    for (const auto& source : reader->catalog().sources) {
        for (const auto& [locale, text] : source.text)
            EXPECT_EQ(text.outlet, source.outlet) << source.id << ": one byline for every language";
    }
    ASSERT_FALSE(reader->catalog().figures.empty());
    for (const auto& figure : reader->catalog().figures) {
        for (const auto& [locale, text] : figure.text) EXPECT_EQ(text.display, "") << figure.id << " " << locale;
    }
}

TEST_F(DamagedPack, EachFormatHoldsExactlyItsOwnTables) {
    pavilion::testing::forge(pack_, "PRAGMA user_version = 1");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
    EXPECT_NE(PackReader::open(pack_).error().message.find("unexpected schema object"), std::string::npos);
    pavilion::testing::forge(pack_, "DROP TABLE figure_display; PRAGMA user_version = 2");
    EXPECT_NE(PackReader::open(pack_).error().message.find("schema object 'figure_display' is missing"),
              std::string::npos);
}

TEST_F(DamagedPack, OtherApplicationId) {
    pavilion::testing::forge(pack_, "PRAGMA application_id = 1234");
    EXPECT_TRUE(refused(pack_, {ErrorCode::not_a_pack}));
}

TEST_F(DamagedPack, Trigger) {
    pavilion::testing::forge(pack_, "CREATE TRIGGER sneaky AFTER INSERT ON source BEGIN DELETE FROM item; END;");
    EXPECT_TRUE(refused(pack_, {ErrorCode::unsafe}));
}

TEST_F(DamagedPack, View) {
    pavilion::testing::forge(pack_, "CREATE VIEW sneaky AS SELECT * FROM item");
    EXPECT_TRUE(refused(pack_, {ErrorCode::unsafe}));
}

TEST_F(DamagedPack, ExtraTable) {
    pavilion::testing::forge(pack_, "CREATE TABLE extra (x TEXT)");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, ExtraIndex) {
    pavilion::testing::forge(pack_, "CREATE INDEX extra_index ON item (theme)");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, MissingTable) {
    pavilion::testing::forge(pack_, "DROP TABLE attract_slide_text");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, PageOverwrittenWithGarbage) {
    const auto original = pavilion::testing::read_bytes(pack_);
    const std::size_t page = 4096;
    const std::size_t pages = original.size() / page;
    ASSERT_GE(pages, 4u);
    // Every page but the first (page 1 holds the header; see RandomBytes for that).
    for (std::size_t number = 2; number <= pages; ++number) {
        SCOPED_TRACE("page " + std::to_string(number) + " of " + std::to_string(pages));
        auto bytes = original;
        const auto garbage = random_bytes(page, static_cast<unsigned>(number));
        std::copy(garbage.begin(), garbage.end(), bytes.begin() + static_cast<long>((number - 1) * page));
        write_bytes(pack_, bytes);
        const auto reader = PackReader::open(pack_);
        EXPECT_FALSE(reader) << "a pack with a garbage page was accepted";
        if (!reader) {
            EXPECT_FALSE(reader.error().message.empty());
        }
    }
}

TEST_F(DamagedPack, ItemImageWithoutItsMediaRow) {
    pavilion::testing::forge(pack_, "DELETE FROM media");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, RelatedItemThatDoesNotExist) {
    pavilion::testing::forge(pack_, "UPDATE item_related SET related = 'story/atlantis' WHERE item = 'initiative/overview'");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, ItemWithNothingInALocale) {
    pavilion::testing::forge(pack_, "DELETE FROM item_text WHERE item = 'story/mozura-wind-farm' AND locale = 'zh';"
                   "DELETE FROM key_point WHERE item = 'story/mozura-wind-farm' AND locale = 'zh';"
                   "DELETE FROM block WHERE item = 'story/mozura-wind-farm' AND locale = 'zh';");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

// Title and summary gone, key points and body still there: the card would show no title.
TEST_F(DamagedPack, ItemWithoutTextInALocale) {
    pavilion::testing::forge(pack_, "DELETE FROM item_text WHERE item = 'story/mozura-wind-farm' AND locale = 'zh'");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, MalformedSpans) {
    pavilion::testing::forge(pack_, "UPDATE block SET spans = 'strong:0-99999' WHERE item = 'initiative/overview' "
                   "AND position = 0");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, MalformedCoordinates) {
    pavilion::testing::forge(pack_, "UPDATE map_feature SET coords = x'0102' WHERE id = 'khorgos'");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

TEST_F(DamagedPack, NoMetadataRow) {
    pavilion::testing::forge(pack_, "DELETE FROM pack");
    EXPECT_TRUE(refused(pack_, {ErrorCode::corrupt}));
}

// --- Search ----------------------------------------------------------------------------------

class PackSearch : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error; }

    static std::vector<std::string> found(const std::string& query, const std::string& locale) {
        const auto hits = mini_pack().reader->search(query, locale);
        if (!hits) throw std::runtime_error("search for '" + query + "' failed: " + hits.error().message);
        std::vector<std::string> refs;
        for (const auto& hit : *hits) refs.push_back(hit.item_ref);
        return refs;
    }
};

TEST_F(PackSearch, FindsAnEnglishWord) {
    const auto hits = mini_pack().reader->search("railway", "en");
    ASSERT_TRUE(hits) << hits.error().message;
    ASSERT_FALSE(hits->empty());
    EXPECT_EQ((*hits)[0].item_ref, "story/china-laos-railway");
    EXPECT_EQ((*hits)[0].title, "China–Laos Railway");
    EXPECT_EQ(hits->size(), 1u);
}

TEST_F(PackSearch, IgnoresCase) {
    EXPECT_EQ(found("RAILWAY", "en"), (std::vector<std::string>{"story/china-laos-railway"}));
}

TEST_F(PackSearch, FindsATwoCharacterChineseWord) {
    const auto hits = mini_pack().reader->search("铁路", "zh");
    ASSERT_TRUE(hits) << hits.error().message;
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].item_ref, "story/china-laos-railway");
    EXPECT_EQ((*hits)[0].title, "中老铁路");
}

TEST_F(PackSearch, FindsALongerChinesePhrase) {
    const auto hits = mini_pack().reader->search("丝绸之路", "zh");
    ASSERT_TRUE(hits) << hits.error().message;
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].item_ref, "initiative/green-silk-road");
    EXPECT_EQ((*hits)[0].title, "绿色丝绸之路");
}

TEST_F(PackSearch, FindsWordsInTheBodyAndPlaceName) {
    EXPECT_EQ(found("ridge", "en"), (std::vector<std::string>{"story/mozura-wind-farm"}));
    EXPECT_EQ(found("万象", "zh"), (std::vector<std::string>{"story/china-laos-railway"}));
}

TEST_F(PackSearch, SearchesOnlyTheGivenLocale) {
    EXPECT_TRUE(found("railway", "zh").empty());
    EXPECT_TRUE(found("铁路", "en").empty());
    EXPECT_TRUE(found("丝绸之路", "en").empty());
}

TEST_F(PackSearch, NoMatchAndEmptyQueryGiveNoHits) {
    EXPECT_TRUE(found("submarine", "en").empty());
    EXPECT_TRUE(found("", "en").empty());
}

TEST_F(PackSearch, RespectsTheLimit) {
    ASSERT_GE(found("the", "en").size(), 2u);
    const auto hits = mini_pack().reader->search("the", "en", 1);
    ASSERT_TRUE(hits) << hits.error().message;
    EXPECT_EQ(hits->size(), 1u) << "'the' is in three English items";
}

// A visitor's text is never FTS5 query syntax.
TEST_F(PackSearch, QueryOperatorsAreNotErrors) {
    for (const std::string query :
         {"\"", "\"railway", "rail\"way", "AND OR", "railway AND", "OR", "NOT", "*", "rail*", "^rail",
          "NEAR(a b)", "(", ")", "a:b", "title:railway", "-", "+", "%", "_", "'", "''", "\\", "{}",
          "铁路\"", "\"丝绸之路\"", "AND", "railway OR wind"}) {
        const auto hits = mini_pack().reader->search(query, "en");
        EXPECT_TRUE(hits) << "query [" << query << "]: " << hits.error().message;
    }
    EXPECT_TRUE(found("\"railway", "en").empty()) << "the quote is part of the phrase";
}

// The kiosk opens packs with bodies on demand: the catalog is the same but for key points and
// blocks, and item_body() gives exactly what an eager catalog holds, item by item.
TEST(PackBodiesOnDemand, GiveTheSameBodiesItemByItem) {
    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    const auto& eager = mini_pack().reader->catalog();
    auto lazy = PackReader::open(mini_pack().path, PackCheck::without_pictures, CatalogBodies::on_demand);
    ASSERT_TRUE(lazy) << lazy.error().message;
    EXPECT_FALSE(lazy->bodies_in_catalog());
    EXPECT_TRUE(mini_pack().reader->bodies_in_catalog());
    ASSERT_EQ(lazy->catalog().stories.size(), eager.stories.size());
    int bodies = 0;
    for (const auto* list : {&eager.initiatives, &eager.stories}) {
        for (const auto& item : *list) {
            const auto* shown = lazy->catalog().find_item(item.ref);
            ASSERT_NE(shown, nullptr) << item.ref;
            const auto body = lazy->item_body(item.ref);
            ASSERT_TRUE(body) << body.error().message;
            for (const auto& [locale, text] : item.text) {
                EXPECT_EQ(shown->text.at(locale).title, text.title);
                EXPECT_TRUE(shown->text.at(locale).blocks.empty()) << item.ref << " " << locale;
                EXPECT_TRUE(shown->text.at(locale).key_points.empty()) << item.ref << " " << locale;
                const auto it = body->find(locale);
                ASSERT_NE(it, body->end()) << item.ref << " " << locale;
                EXPECT_EQ(it->second.blocks, text.blocks) << item.ref << " " << locale;
                EXPECT_EQ(it->second.key_points, text.key_points) << item.ref << " " << locale;
                bodies += !text.blocks.empty();
            }
        }
    }
    EXPECT_GE(bodies, 8) << "the mini-pack's items have bodies in both languages";
    const auto none = lazy->item_body("story/atlantis");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST(PackBodiesOnDemand, EveryBodyTextIsVisitedOnce) {
    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    std::multiset<std::string> expected, visited;
    int headings = 0, visited_headings = 0;
    for (const auto* list : {&mini_pack().reader->catalog().initiatives, &mini_pack().reader->catalog().stories}) {
        for (const auto& item : *list) {
            for (const auto& [locale, text] : item.text) {
                for (const auto& point : text.key_points) expected.insert(point);
                for (const auto& block : text.blocks) {
                    expected.insert(block.text);
                    headings += block.kind == BlockKind::heading;
                }
            }
        }
    }
    const auto status = mini_pack().reader->each_body_text([&](BlockKind kind, std::string_view text) {
        visited.insert(std::string(text));
        visited_headings += kind == BlockKind::heading;
    });
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_EQ(visited, expected);
    EXPECT_EQ(visited_headings, headings);
    EXPECT_GT(headings, 0);
}

// A damaged body is not found at open (its pages are not read), but when the item is opened:
// one error naming the file and the item; the rest of the pack stays usable.
TEST_F(DamagedPack, MalformedSpansOnDemandAreReportedWhenTheItemOpens) {
    pavilion::testing::forge(pack_, "UPDATE block SET spans = 'strong:0-99999' WHERE item = 'initiative/overview' "
                   "AND position = 0");
    auto lazy = PackReader::open(pack_, PackCheck::without_pictures, CatalogBodies::on_demand);
    ASSERT_TRUE(lazy) << lazy.error().message;
    const auto body = lazy->item_body("initiative/overview");
    ASSERT_FALSE(body);
    EXPECT_EQ(body.error().code, ErrorCode::corrupt);
    EXPECT_NE(body.error().message.find(pack_), std::string::npos) << body.error().message;
    EXPECT_NE(body.error().message.find("initiative/overview"), std::string::npos) << body.error().message;
    EXPECT_TRUE(lazy->item_body("story/china-laos-railway"));
    EXPECT_TRUE(lazy->each_body_text([](BlockKind, std::string_view) {}))
        << "the glyph scan reads only the texts, not their styles";
}

TEST(PackBodiesOnDemand, FileIdentityChangesWhenThePackIsRebuilt) {
    TempDir dir;
    const auto path = dir / "copy.pack";
    copy_mini_pack_to(path);
    std::string first;
    {
        auto reader = PackReader::open(path, PackCheck::without_pictures, CatalogBodies::on_demand);
        ASSERT_TRUE(reader) << reader.error().message;
        first = reader->file_identity();
        EXPECT_EQ(first, reader->file_identity());
        EXPECT_NE(first.find(path), std::string::npos);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pavilion::testing::forge(path, "UPDATE pack SET created = '2027-01-01'");
    auto reader = PackReader::open(path, PackCheck::without_pictures, CatalogBodies::on_demand);
    ASSERT_TRUE(reader) << reader.error().message;
    EXPECT_NE(reader->file_identity(), first);
}

} // namespace
} // namespace pavilion::content::test
