// decode_image on hostile files: stb_image 2.27 writes past a Huffman table whose code counts
// add up to more than 256, and inflates a PNG's data without bound (both found by fuzzing,
// tests/fuzz/regressions/media/), so such files are refused before they do harm.

#include "pavilion/content/image_codec.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace pavilion::content {
namespace {

std::vector<std::uint8_t> small_jpeg() {
    Pixels pixels{16, 8, 3, std::vector<std::uint8_t>(16 * 8 * 3)};
    for (std::size_t i = 0; i < pixels.data.size(); ++i) pixels.data[i] = static_cast<std::uint8_t>(i * 7);
    return encode_jpeg(pixels, 80);
}

const std::vector<std::uint8_t> kQuantizationMarker = {0xFF, 0xDB};

// Offset of the first DHT segment's marker (FF C4).
std::size_t first_huffman_table(const std::vector<std::uint8_t>& jpeg) {
    for (std::size_t i = 0; i + 1 < jpeg.size(); ++i) {
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4) return i;
    }
    return jpeg.size();
}

// A DHT segment of one DC table whose 16 code counts add up to 16 x 32 = 512.
std::vector<std::uint8_t> oversized_huffman_segment() {
    std::vector<std::uint8_t> segment = {0xFF, 0xC4, 0x00, 0x13, 0x00};
    segment.insert(segment.end(), 16, 32);
    return segment;
}

void expect_refused_as_bad_huffman_table(const std::vector<std::uint8_t>& jpeg) {
    for (const int channels : {0, 4}) {
        const auto decoded = decode_image(jpeg.data(), jpeg.size(), channels);
        ASSERT_FALSE(decoded);
        EXPECT_EQ(decoded.error().code, ErrorCode::corrupt);
        EXPECT_NE(decoded.error().message.find("Huffman table"), std::string::npos)
            << decoded.error().message;
    }
}

// A 24x14 PNG of a few hundred bytes whose compressed data inflate without end: stb would
// double its buffer up to gigabytes (a kiosk's decode thread, or the pack builder, out of
// memory). The decode is refused when its buffer passes the largest image's size instead.
TEST(ImageDecoding, APngWhoseDataInflateWithoutBoundIsRefusedNotAllocated) {
    const auto png = testing::read_bytes(std::string(PAVILION_SOURCE_DIR) +
                                         "/tests/fuzz/regressions/media/stb-idat-inflates-to-gigabytes.png");
    ASSERT_LT(png.size(), 2000u);
    for (const int channels : {0, 4}) {
        const auto decoded = decode_image(png.data(), png.size(), channels);
        ASSERT_FALSE(decoded);
        EXPECT_EQ(decoded.error().code, ErrorCode::corrupt);
        // Refused by the bound on stb's buffers ("outofmem"); without it stb first reserves 2 GB,
        // then finds the data ends ("outofdata"), or the machine runs out of memory.
        EXPECT_NE(decoded.error().message.find("cannot be decoded (outofmem)"), std::string::npos)
            << decoded.error().message;
    }
}

TEST(ImageDecoding, JpegFromOurEncoderDecodes) {
    const auto jpeg = small_jpeg();
    const auto decoded = decode_image(jpeg.data(), jpeg.size(), 4);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->width, 16);
    EXPECT_EQ(decoded->height, 8);
}

TEST(ImageDecoding, HuffmanTableOfMoreThan256CodesIsRefused) {
    auto jpeg = small_jpeg();
    const auto at = first_huffman_table(jpeg);
    ASSERT_LT(at + 21, jpeg.size());
    std::fill(jpeg.begin() + static_cast<long>(at) + 5, jpeg.begin() + static_cast<long>(at) + 21, 32);
    expect_refused_as_bad_huffman_table(jpeg);
}

TEST(ImageDecoding, OversizedHuffmanTableAfterTheScanIsRefused) {
    // stb reads markers after the scan data too (progressive JPEGs define tables between scans).
    auto jpeg = small_jpeg();
    ASSERT_GE(jpeg.size(), 2u);
    const auto table = oversized_huffman_segment();
    jpeg.insert(jpeg.end() - 2, table.begin(), table.end()); // before the end-of-image marker
    expect_refused_as_bad_huffman_table(jpeg);
}

TEST(ImageDecoding, OversizedTableBehindPaddingBetweenSegmentsIsRefused) {
    // Before the frame header, stb skips stray bytes between segments to find the next marker.
    auto jpeg = small_jpeg();
    const auto quantization = std::search(jpeg.begin(), jpeg.end(), kQuantizationMarker.begin(),
                                          kQuantizationMarker.end());
    ASSERT_NE(quantization, jpeg.end());
    auto table = oversized_huffman_segment();
    table.insert(table.begin(), {0x00, 0x12, 0xFF});
    jpeg.insert(quantization, table.begin(), table.end());
    expect_refused_as_bad_huffman_table(jpeg);
}

} // namespace
} // namespace pavilion::content
