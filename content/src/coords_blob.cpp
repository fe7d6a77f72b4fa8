#include "coords_blob.hpp"

#include <cmath>
#include <cstring>

namespace pavilion::content {
namespace {

constexpr std::size_t kPointBytes = 2 * sizeof(double);

void put_double(std::vector<std::uint8_t>& out, double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

double get_double(const std::uint8_t* in) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace

std::vector<std::uint8_t> encode_coords(const std::vector<GeoPoint>& points) {
    std::vector<std::uint8_t> out;
    out.reserve(points.size() * kPointBytes);
    for (const auto& p : points) {
        put_double(out, p.lon);
        put_double(out, p.lat);
    }
    return out;
}

std::size_t coords_in(const std::vector<std::uint8_t>& blob) { return (blob.size() + kPointBytes - 1) / kPointBytes; }

std::optional<std::vector<GeoPoint>> decode_coords(const std::vector<std::uint8_t>& blob) {
    if (blob.size() % kPointBytes != 0) return std::nullopt;
    std::vector<GeoPoint> points;
    points.reserve(blob.size() / kPointBytes);
    for (std::size_t at = 0; at < blob.size(); at += kPointBytes) {
        const GeoPoint p{get_double(&blob[at]), get_double(&blob[at + 8])};
        if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return std::nullopt;
        points.push_back(p);
    }
    return points;
}

} // namespace pavilion::content
