#pragma once
// Screenshots of the real pavilion executable, decoded, and a measure of what they show.

#include "pavilion/content/image_codec.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pavilion::testing {

struct Screenshot {
    content::Pixels pixels;
    std::string log; // the kiosk's output
};

// `pavilion --screenshot` at size (WxH) with the extra arguments, decoded as RGBA.
inline Screenshot take_screenshot(const std::vector<std::string>& extra, const std::string& size) {
    TempDir dir;
    const auto png = dir / "shot.png";
    std::vector<std::string> argv{PAVILION_KIOSK, "--screenshot", png, "--size", size};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto result = run_command(argv);
    EXPECT_EQ(result.exit_code, 0) << result.output;
    const auto bytes = read_bytes(png);
    auto decoded = content::decode_image(bytes.data(), bytes.size(), 4);
    EXPECT_TRUE(decoded) << "no PNG written: " << result.output;
    return {decoded ? std::move(decoded).value() : content::Pixels{}, result.output};
}

// Pixels much brighter than the dark navy background in [x0, x1) x [y0, y1): text, icons and
// highlights.
inline int bright_pixels(const content::Pixels& image, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = std::max(0, y0); y < y1 && y < image.height; ++y) {
        for (int x = std::max(0, x0); x < x1 && x < image.width; ++x) {
            const auto* p = &image.data[(static_cast<std::size_t>(y) * image.width + x) * 4];
            if (p[0] + p[1] + p[2] > 600) ++count;
        }
    }
    return count;
}

} // namespace pavilion::testing
