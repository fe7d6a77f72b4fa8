#include "synth_picture.hpp"

#include "pavilion/core/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace pavilion::content::synth {
namespace {

struct Colour {
    double r, g, b;
};

Colour random_colour(Random& random, double low, double high) {
    auto channel = [&] { return low + (high - low) * random.unit(); };
    const double r = channel(), g = channel(), b = channel();
    return {r, g, b};
}

Colour mix(const Colour& a, const Colour& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::uint8_t to_byte(double value) {
    return static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(value)), 0, 255));
}

using core::kPi;

} // namespace

Pixels draw_picture(Random& random, int width, int height) {
    const Colour sky_top = random_colour(random, 40, 140);
    const Colour sky_bottom = random_colour(random, 150, 250);
    const Colour sun = random_colour(random, 220, 255);
    const Colour near_hill = random_colour(random, 20, 110);
    const Colour far_hill = mix(near_hill, sky_bottom, 0.55);
    const double sun_x = (0.15 + 0.7 * random.unit()) * width;
    const double sun_y = (0.15 + 0.3 * random.unit()) * height;
    const double sun_r = (0.05 + 0.07 * random.unit()) * height;
    // Two ridges, each a sum of two sine waves: smooth, varied, cheap.
    double ridge[2][5];
    for (auto& r : ridge) {
        r[0] = 0.45 + 0.25 * random.unit();     // height as a fraction of the picture
        r[1] = 1 + 3 * random.unit();           // waves across the width
        r[2] = 2 * kPi * random.unit();         // phase
        r[3] = 4 + 6 * random.unit();           // a faster wave
        r[4] = 2 * kPi * random.unit();
    }
    ridge[1][0] = std::max(ridge[1][0], ridge[0][0] + 0.1); // the near ridge sits lower
    auto ridge_y = [&](const double* r, double x) {
        const double u = x / width;
        return height * (r[0] + 0.06 * std::sin(2 * kPi * r[1] * u + r[2]) + 0.02 * std::sin(2 * kPi * r[3] * u + r[4]));
    };

    Pixels picture{width, height, 3, {}};
    picture.data.resize(static_cast<std::size_t>(width) * height * 3);
    std::uint64_t grain = random.next() | 1; // xorshift state: a full random draw per pixel is slow
    std::vector<double> far_y(static_cast<std::size_t>(width)), near_y(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x) {
        far_y[static_cast<std::size_t>(x)] = ridge_y(ridge[0], x);
        near_y[static_cast<std::size_t>(x)] = ridge_y(ridge[1], x);
    }
    for (int y = 0; y < height; ++y) {
        const Colour sky = mix(sky_top, sky_bottom, static_cast<double>(y) / height);
        auto* row = &picture.data[static_cast<std::size_t>(y) * width * 3];
        for (int x = 0; x < width; ++x) {
            Colour c = sky;
            const double dx = x - sun_x, dy = y - sun_y;
            const double d = std::sqrt(dx * dx + dy * dy);
            if (d < sun_r) c = sun;
            else if (d < sun_r * 3) c = mix(sun, c, (d - sun_r) / (sun_r * 2)); // a glow around it
            if (y > far_y[static_cast<std::size_t>(x)]) c = far_hill;
            if (const double near = near_y[static_cast<std::size_t>(x)]; y > near) {
                c = near_hill;
                c.g += 30.0 * (y - near) / height; // greener towards the viewer
            }
            grain ^= grain << 13, grain ^= grain >> 7, grain ^= grain << 17;
            const double noise = static_cast<double>(grain & 7) - 3.5; // a photograph's grain
            row[3 * x + 0] = to_byte(c.r + noise);
            row[3 * x + 1] = to_byte(c.g + noise);
            row[3 * x + 2] = to_byte(c.b + noise);
        }
    }
    return picture;
}

} // namespace pavilion::content::synth
