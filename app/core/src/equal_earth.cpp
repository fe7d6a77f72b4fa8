#include "pavilion/core/equal_earth.hpp"

#include "pavilion/core/numbers.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::core {

namespace {

// The published coefficients (Šavrič et al. 2018, equation 2).
constexpr double kA1 = 1.340264;
constexpr double kA2 = -0.081106;
constexpr double kA3 = 0.000893;
constexpr double kA4 = 0.003796;
// sin(theta) = M sin(latitude): the parametric latitude theta reaches pi/3 at the poles.
constexpr double kM = 0.86602540378443864676; // sqrt(3) / 2

constexpr double kRadPerDeg = kPi / 180;

// Points this far (in projected units or radians) outside the outline still count as on it,
// so edge points survive the rounding of a round trip.
constexpr double kEdgeTolerance = 1e-12;
// Newton on a polynomial with a derivative >= 1.1 converges quadratically from theta = y / A1;
// a handful of steps reach machine precision, the cap only guards against NaN loops.
constexpr int kMaxNewtonSteps = 20;
constexpr double kNewtonDone = 1e-15;

// y as a function of the parametric latitude theta.
double northing(double theta) {
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return theta * (kA1 + kA2 * t2 + t6 * (kA3 + kA4 * t2));
}

// d northing / d theta; also the denominator of the x formula.
double northing_slope(double theta) {
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return kA1 + 3 * kA2 * t2 + t6 * (7 * kA3 + 9 * kA4 * t2);
}

double easting(double lon_rad, double theta) {
    return lon_rad * std::cos(theta) / (kM * northing_slope(theta));
}

// The pole's theta, computed exactly as the forward projection computes it for latitude 90,
// so a projected pole maps back to exactly ±90 instead of 90 - 1e-6.
double pole_theta() {
    return std::asin(kM * std::sin(90 * kRadPerDeg));
}

} // namespace

void ProjectedBounds::include(ProjectedPoint p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}

ProjectedPoint equal_earth(double lon_deg, double lat_deg) {
    const double lat = std::clamp(lat_deg, -90.0, 90.0) * kRadPerDeg;
    const double theta = std::asin(kM * std::sin(lat));
    return {easting(lon_deg * kRadPerDeg, theta), northing(theta)};
}

std::optional<GeoPosition> equal_earth_inverse(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    const double top_theta = pole_theta();
    const double top = northing(top_theta);
    if (std::abs(y) > top + kEdgeTolerance) return std::nullopt;

    double theta = 0;
    double lat_deg = 0;
    if (std::abs(y) >= top) {
        // On the pole line: no iteration needed, and no rounding to pull it off 90.
        theta = std::copysign(top_theta, y);
        lat_deg = std::copysign(90.0, y);
    } else {
        theta = y / kA1;
        for (int i = 0; i < kMaxNewtonSteps; ++i) {
            const double step = (northing(theta) - y) / northing_slope(theta);
            theta -= step;
            if (std::abs(step) < kNewtonDone) break;
        }
        theta = std::clamp(theta, -top_theta, top_theta);
        lat_deg = std::asin(std::clamp(std::sin(theta) / kM, -1.0, 1.0)) / kRadPerDeg;
    }

    const double lon_rad = x * kM * northing_slope(theta) / std::cos(theta);
    if (std::abs(lon_rad) > kPi + kEdgeTolerance) return std::nullopt;
    const double lon_deg = std::clamp(lon_rad / kRadPerDeg, -180.0, 180.0);
    return GeoPosition{lon_deg, lat_deg};
}

ProjectedBounds equal_earth_world_bounds() {
    const double half_width = equal_earth(180, 0).x;
    const double half_height = equal_earth(0, 90).y;
    return {-half_width, -half_height, half_width, half_height};
}

} // namespace pavilion::core
