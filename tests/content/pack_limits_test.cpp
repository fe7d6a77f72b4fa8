// The limits a pack is held to (content/src/pack_limits.hpp), at build with file:line and by the
// reader at open with one line, so the installer refuses a pack over them before it is shown:
// points per map feature and per pack (a million-point route crashed the kiosk, issue 19), and
// pixels per picture and per pack (a 30,000 x 30,000 PNG is never decoded).

#include "content_test_support.hpp"
#include "forged_pack.hpp"
#include "installer_test_support.hpp"

#include "../../content/src/pack_limits.hpp"
#include "../../content/src/picture_limits.hpp"
#include "pavilion/content/catalog_snapshot.hpp"

#include <chrono>

namespace pavilion::content::test {
namespace {

using pavilion::testing::forge;
using pavilion::testing::png_header;
using pavilion::testing::zigzag_coords;

// A [[line]] table of `points` points (a zigzag a thousandth of a degree apart) for map.toml,
// a pair a line (or all on one line).
std::string line_table(const std::string& id, std::size_t points, bool one_line = false) {
    std::string coords;
    coords.reserve(points * 20);
    for (std::size_t i = 0; i < points; ++i) {
        coords += (one_line ? " [" : "\n  [") + std::to_string(60 + static_cast<double>(i) * 0.001) + (i % 2 ? ", 41]," : ", 40],");
    }
    return "\n[[line]]\nid = \"" + id + "\"\nrole = \"route\"\nname = { en = \"A route\", zh = \"路线\" }\ncoords = [" +
           coords + "\n]\n";
}

// Opens `path` and checks it is refused as `code` with one line naming the file and saying `text`.
::testing::AssertionResult refused(const std::string& path, ErrorCode code, const std::string& text) {
    const auto reader = PackReader::open(path);
    if (reader) return ::testing::AssertionFailure() << path << " was opened";
    const auto& error = reader.error();
    if (error.code != code)
        return ::testing::AssertionFailure() << "refused as " << to_string(error.code) << ": " << error.message;
    if (error.message.rfind(path + ": ", 0) != 0 || error.message.find(text) == std::string::npos ||
        error.message.find('\n') != std::string::npos)
        return ::testing::AssertionFailure() << "not one line naming the file and saying '" << text << "': " << error.message;
    return ::testing::AssertionSuccess() << error.message;
}

TEST(PackLimits, ALineOverThePointLimitIsRefusedAtItsLine) {
    SourceCopy source;
    source.append("map.toml", line_table("long-route", kMaxFeaturePoints + 1));
    const auto errors = source.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", source.line("map.toml", "coords = [\n  [60.000000"),
                        "map feature 'long-route' has 20001 points; a feature may have at most 20000"));
    EXPECT_EQ(count_lines(errors), 1) << errors;
}

// toml11 takes time in the square of a line's length: a route on one line is refused at once.
TEST(PackLimits, ALineOfTextTooLongForTheTomlReaderIsRefusedAtOnce) {
    SourceCopy source;
    source.append("map.toml", line_table("long-route", kMaxFeaturePoints + 1, true));
    const auto start = std::chrono::steady_clock::now();
    const auto errors = source.build_errors();
    EXPECT_TRUE(reports(errors, "map.toml", source.line("map.toml", "coords = [ [60.000000"),
                        "line is longer than 16,384 bytes (write long lists one item a line)"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(PackLimits, ALineAtThePointLimitBuildsAndOpens) {
    SourceCopy source;
    source.append("map.toml", line_table("long-route", kMaxFeaturePoints));
    ASSERT_TRUE(source.build()) << source.build().error().message;
    const auto reader = PackReader::open(source.output());
    ASSERT_TRUE(reader) << reader.error().message;
    const auto& features = reader->catalog().features;
    const auto route = std::find_if(features.begin(), features.end(), [](const auto& f) { return f.id == "long-route"; });
    ASSERT_NE(route, features.end());
    EXPECT_EQ(route->coords.size(), kMaxFeaturePoints);
}

TEST(PackLimits, LinesOverThePacksPointLimitAreRefusedAtTheLineThatCrossesIt) {
    SourceCopy source;
    // Three lines of 19,000 points: the third takes the pack's lines past 50,000 (with the
    // fixture's own line of 3 points).
    for (int i = 1; i <= 3; ++i) source.append("map.toml", line_table("route-" + std::to_string(i), 19'000));
    const auto errors = source.build_errors();
    const auto map = source.read("map.toml");
    const auto third = map.find("coords", map.find("id = \"route-3\""));
    const int line = 1 + static_cast<int>(std::count(map.begin(), map.begin() + static_cast<long>(third), '\n'));
    EXPECT_TRUE(reports(errors, "map.toml", line,
                        "map feature 'route-3' takes the pack's lines and areas past 50000 points, the most a pack may have"));
    EXPECT_EQ(count_lines(errors), 1) << "said once, not for every line after";
}

class ForgedPack : public ::testing::Test {
protected:
    void SetUp() override { copy_mini_pack_to(pack_); }
    TempDir dir_;
    const std::string pack_ = dir_ / "forged.pack";
};

TEST_F(ForgedPack, AMillionPointLineIsRefusedAtOpen) {
    forge(pack_, "UPDATE map_feature SET coords = ?1 WHERE id = 'land-bridge'", zigzag_coords(1'000'000));
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "map feature 'land-bridge' has 1000000 points; a feature may have at most 20000"));
    // So does the kiosk's start, which checks less of the file.
    const auto quick = PackReader::open(pack_, PackCheck::without_pictures, CatalogBodies::on_demand);
    ASSERT_FALSE(quick);
    EXPECT_EQ(quick.error().code, ErrorCode::too_large);
}

TEST_F(ForgedPack, ALineAtThePointLimitOpens) {
    forge(pack_, "UPDATE map_feature SET coords = ?1 WHERE id = 'land-bridge'", zigzag_coords(kMaxFeaturePoints));
    const auto reader = PackReader::open(pack_);
    ASSERT_TRUE(reader) << reader.error().message;
}

TEST_F(ForgedPack, LinesOverThePacksPointLimitAreRefusedAtOpen) {
    // Three more lines of 19,000 points each, none over the limit of one feature.
    forge(pack_,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
          "INSERT INTO map_feature SELECT 'extra-' || i, 100 + i, 'line', 'route', '', ?1 FROM n",
          zigzag_coords(19'000));
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "takes the pack's lines and areas past 50000 points"));
}

TEST_F(ForgedPack, PlacesOverThePacksLimitAreRefusedAtOpen) {
    forge(pack_,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
          "INSERT INTO map_feature SELECT 'place-' || i, 100 + i, 'point', 'site', '', ?1 FROM n",
          zigzag_coords(1));
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "takes the pack past 100000 places on the map"));
}

TEST_F(ForgedPack, AForgedFeatureIdIsNotRepeatedInTheMessage) {
    forge(pack_, "UPDATE map_feature SET id = 'x\ny <b>forged</b>', coords = ?1 WHERE id = 'land-bridge'",
          zigzag_coords(kMaxFeaturePoints + 1));
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "a map feature has 20001 points"));
}

TEST_F(ForgedPack, APictureDeclaredOverThePictureLimitIsRefusedAtOpen) {
    forge(pack_, "UPDATE media SET width = 30000, height = 30000 WHERE kind = 'image'");
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "a picture is 30000x30000 pixels; pack pictures are at most 1920 a side"));
}

TEST_F(ForgedPack, PicturesOverThePacksPixelLimitAreRefusedAtOpen) {
    // 5,500 more full-HD-square pictures (1920 x 1920 each, 20.3 gigapixels together), tiny in
    // the file: only their declared sizes are read at open.
    forge(pack_,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5500) "
          "INSERT INTO media SELECT 'extra-' || i, 'image', 'image/png', 1920, 1920, x'00', 480, 480, x'00' FROM n");
    EXPECT_TRUE(refused(pack_, ErrorCode::too_large, "the pack's pictures hold more than 20.0 gigapixels"));
}

// Signed by a trusted key and offered on a stick, the forged pack is still refused: the installer
// opens the verified copy with the reader before anything changes.
TEST_F(ForgedPack, AMillionPointRouteOnAStickIsNotInstalled) {
    forge(pack_, "UPDATE map_feature SET coords = ?1 WHERE id = 'land-bridge'", zigzag_coords(1'000'000));
    forge(pack_, "UPDATE pack SET version = 9");
    FastTempDir stick_dir, state_dir;
    const std::string state = state_dir / "state";
    const auto key = make_key();
    trust(state, "operator.pub", key);
    const Stick stick(stick_dir / "stick");
    auto store = open_store(state);
    const auto result = PackInstaller(store).install(
        stick.put(pack_, "expo.pack", key.secret, claim_for("mini-pack", 9, "expo.pack")), quiet_options());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::too_large) << result.error().message;
    EXPECT_NE(result.error().message.find("PAVILION/expo.pack: map feature 'land-bridge' has 1000000 points"),
              std::string::npos)
        << result.error().message;
    EXPECT_EQ(active_version(store), 0) << "nothing installed";
}

// The picture a story shows, as the kiosk asks for it.
std::string first_story_picture(const std::string& pack) {
    const auto reader = PackReader::open(pack);
    if (!reader) throw std::runtime_error(reader.error().message);
    return reader->catalog().stories.front().image;
}

TEST_F(ForgedPack, APictureWhoseHeaderIsOverTheLimitIsNotDecoded) {
    const auto picture = first_story_picture(pack_);
    // 30,000 px a side: stb itself stops at its 8,192; 4,000 a side: within stb's limit, over
    // the pack's. Both headers only: a decode would fail differently, and slowly for a real one.
    for (const auto& [side, words] : {std::pair{30000u, "image is over 8192 pixels a side"},
                                      std::pair{4000u, "picture is 4000x4000 pixels, larger than the 1920 px a pack stores; not decoded"}}) {
        forge(pack_, "UPDATE media SET data = ?1 WHERE id = '" + picture + "'", png_header(side, side));
        const auto reader = PackReader::open(pack_);
        ASSERT_TRUE(reader) << "the declared sizes are fine: " << reader.error().message;
        const auto start = std::chrono::steady_clock::now();
        const auto pixels = reader->decode_picture(picture, ImageVariant::full);
        ASSERT_FALSE(pixels);
        EXPECT_EQ(pixels.error().code, ErrorCode::too_large);
        EXPECT_NE(pixels.error().message.find(words), std::string::npos) << pixels.error().message;
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
        EXPECT_TRUE(reader->decode_picture(picture, ImageVariant::thumbnail)) << "its thumbnail is untouched";
    }
}

TEST_F(ForgedPack, AThumbnailLargerThanThumbnailsAreIsNotDecoded) {
    const auto picture = first_story_picture(pack_);
    forge(pack_, "UPDATE media SET thumb_data = ?1, thumb_width = 900, thumb_height = 900 WHERE id = '" + picture + "'",
          png_header(900, 900));
    const auto pixels = PackReader::open(pack_)->decode_picture(picture, ImageVariant::thumbnail);
    ASSERT_FALSE(pixels);
    EXPECT_EQ(pixels.error().code, ErrorCode::too_large);
    EXPECT_NE(pixels.error().message.find("thumbnail is 900x900 pixels, larger than the 480 px"), std::string::npos)
        << pixels.error().message;
}

TEST_F(ForgedPack, APictureOfAnotherSizeThanDeclaredIsNotDecoded) {
    const auto picture = first_story_picture(pack_);
    forge(pack_, "UPDATE media SET data = ?1 WHERE id = '" + picture + "'", png_header(40, 20));
    const auto pixels = PackReader::open(pack_)->decode_picture(picture, ImageVariant::full);
    ASSERT_FALSE(pixels);
    EXPECT_EQ(pixels.error().code, ErrorCode::corrupt);
    EXPECT_NE(pixels.error().message.find("picture is 40x20 pixels but the pack says"), std::string::npos)
        << pixels.error().message;
}

TEST(PackLimits, PicturesOfTheFixtureDecodeAtTheirDeclaredSize) {
    const auto& reader = *mini_pack().reader;
    for (const auto& story : reader.catalog().stories) {
        const auto info = reader.media_info(story.image);
        ASSERT_TRUE(info);
        const auto full = reader.decode_picture(story.image, ImageVariant::full);
        const auto thumbnail = reader.decode_picture(story.image, ImageVariant::thumbnail);
        ASSERT_TRUE(full) << full.error().message;
        ASSERT_TRUE(thumbnail) << thumbnail.error().message;
        EXPECT_EQ(full->width, info->width);
        EXPECT_EQ(thumbnail->height, info->thumb_height);
        EXPECT_EQ(full->channels, 4) << "RGBA, as textures are made";
    }
}

TEST(PackLimits, APictureOverTheSourceLimitIsRefusedAtBuildFromItsHeader) {
    SourceCopy source;
    write_bytes(source.path("images/huge.png"), png_header(30000, 30000));
    source.replace(kLaosItem, "images/rail.svg", "images/huge.png");
    const auto start = std::chrono::steady_clock::now();
    const auto errors = source.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, source.line(kLaosItem, "images/huge.png"),
                        "image 'images/huge.png': image is over 8192 pixels a side, the most allowed"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << "refused from its header, not decoded";
}

TEST(PackLimits, ThePacksPixelBudgetIsSaidOnceWhenCrossed) {
    PicturePixelBudget budget;
    const std::int64_t per_picture = std::int64_t{kMaxStoredPictureSide} * kMaxStoredPictureSide;
    const auto fit = kMaxPackPicturePixels / per_picture;
    for (std::int64_t i = 0; i < fit; ++i) ASSERT_FALSE(budget.add(kMaxStoredPictureSide, kMaxStoredPictureSide)) << i;
    const auto over = budget.add(kMaxStoredPictureSide, kMaxStoredPictureSide);
    ASSERT_TRUE(over);
    EXPECT_EQ(*over, "the pack's pictures hold more than 20.0 gigapixels, the most a pack may hold");
    EXPECT_FALSE(budget.add(1, 1)) << "said once";
}

TEST(PackLimits, ACatalogSnapshotOverTheLimitsIsNotRestored) {
    Catalog catalog = mini_pack().reader->catalog();
    const auto fine = snapshot_catalog(catalog, 7);
    ASSERT_TRUE(restore_catalog(fine.data(), fine.size(), 7)) << "the control: the fixture's own catalog";
    catalog.features.front().coords.assign(kMaxFeaturePoints + 1, GeoPoint{80, 40});
    const auto bytes = snapshot_catalog(catalog, 7);
    const auto restored = restore_catalog(bytes.data(), bytes.size(), 7);
    ASSERT_FALSE(restored) << "a cache from before the limits, or forged: the pack is read again instead";
    EXPECT_NE(restored.error().message.find("over a pack's limits"), std::string::npos) << restored.error().message;
}

} // namespace
} // namespace pavilion::content::test
