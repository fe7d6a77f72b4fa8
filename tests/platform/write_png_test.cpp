// write_png: a screenshot's pixels reach the file exactly; a wrong buffer or an unwritable path
// is one line naming the path, never a crash.

#include "pavilion/content/image_codec.hpp"
#include "pavilion/platform/offscreen_target.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::platform {
namespace {

using pavilion::testing::TempDir;

std::vector<std::uint8_t> gradient(int width, int height) {
    std::vector<std::uint8_t> rgba;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            rgba.insert(rgba.end(), {static_cast<std::uint8_t>(x * 40), static_cast<std::uint8_t>(y * 60), 7, 255});
    return rgba;
}

TEST(WritePng, WritesPixelsThatDecodeBackTheSame) {
    TempDir temp;
    const std::string path = temp / "shot.png";
    const auto rgba = gradient(5, 3);
    const core::Status written = write_png(path, 5, 3, rgba);
    ASSERT_TRUE(written) << written.error().message;

    const auto bytes = pavilion::testing::read_bytes(path);
    const auto decoded = content::decode_image(bytes.data(), bytes.size(), 4);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->width, 5);
    EXPECT_EQ(decoded->height, 3);
    EXPECT_EQ(decoded->data, rgba);
}

TEST(WritePng, AnUnwritablePathIsAnIoErrorNamingIt) {
    TempDir temp;
    const std::string path = temp / "no-such-folder/shot.png";
    const core::Status written = write_png(path, 2, 2, gradient(2, 2));
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, core::ErrorCode::io);
    EXPECT_EQ(written.error().message, "cannot write " + path + ": No such file or directory");
}

TEST(WritePng, PixelsOfTheWrongSizeAreRefusedNotRead) {
    TempDir temp;
    const std::string path = temp / "shot.png";
    const core::Status short_buffer = write_png(path, 4, 4, gradient(2, 2));
    ASSERT_FALSE(short_buffer);
    EXPECT_EQ(short_buffer.error().code, core::ErrorCode::invalid_argument);
    EXPECT_EQ(short_buffer.error().message, "cannot write " + path + ": 16 bytes are not 4x4 RGBA pixels");

    const core::Status empty = write_png(path, 0, 0, {});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, core::ErrorCode::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(path)) << "nothing written for a refused image";
}

} // namespace
} // namespace pavilion::platform
