// Packs forged past the builder, shown to the real pavilion executable (issue 19): a
// million-point route once crashed it on every screen with a map; now the pack is refused with
// one line. A route at the limit draws the map (ImGui::Render aborts past 65,535 vertices, so a
// screenshot proves the frame kept within them), and a picture over the pixel limits is refused
// without being decoded, said once, the screen drawn around it.

#include "forged_pack.hpp"
#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion {
namespace {

using testing::forge;
using testing::run_command;
using testing::TempDir;
using testing::zigzag_coords;

const std::string kKiosk = PAVILION_KIOSK;

class HostilePack : public ::testing::Test {
protected:
    void SetUp() override { std::filesystem::copy_file(PAVILION_MINI_PACK, pack_); }

    // A screenshot of `screen`, with no caches (the forged pack must be read as it is).
    testing::CommandResult shoot(const std::string& screen) {
        return run_command({kKiosk, "--pack", pack_, "--cache", "none", "--screenshot", dir_ / "shot.png", "--size",
                            "1920x1080", "--screen", screen});
    }

    TempDir dir_;
    const std::string pack_ = dir_ / "forged.pack";
};

TEST_F(HostilePack, AMillionPointRouteIsRefusedWithOneLine) {
    forge(pack_, "UPDATE map_feature SET coords = ?1 WHERE id = 'land-bridge'", zigzag_coords(1'000'000));
    const auto result = shoot("map");
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find(pack_ + ": map feature 'land-bridge' has 1000000 points"), std::string::npos)
        << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "shot.png"));
}

TEST_F(HostilePack, ARouteAtTheLimitDrawsTheMap) {
    forge(pack_, "UPDATE map_feature SET coords = ?1 WHERE id = 'land-bridge'", zigzag_coords(20'000, 0.005));
    for (const std::string screen : {"map", "home", "story/china-laos-railway"}) {
        const auto result = shoot(screen);
        EXPECT_EQ(result.exit_code, 0) << screen << ": " << result.output;
        EXPECT_TRUE(std::filesystem::exists(dir_ / "shot.png")) << screen;
        std::filesystem::remove(dir_ / "shot.png");
    }
}

TEST_F(HostilePack, APictureOverThePixelLimitIsNotDecodedAndSaidOnce) {
    const auto reader = content::PackReader::open(pack_);
    ASSERT_TRUE(reader) << reader.error().message;
    const auto picture = reader->catalog().stories.front();
    forge(pack_, "UPDATE media SET data = ?1 WHERE id = '" + picture.image + "'", testing::png_header(30000, 30000));
    const auto result = shoot(picture.ref);
    EXPECT_EQ(result.exit_code, 0) << result.output;
    const std::string said = "image " + picture.image + ": image is over 8192 pixels a side";
    const auto first = result.output.find(said);
    EXPECT_NE(first, std::string::npos) << result.output;
    EXPECT_EQ(result.output.find(said, first + 1), std::string::npos) << "said once: " << result.output;
}

} // namespace
} // namespace pavilion
