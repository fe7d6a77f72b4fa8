#pragma once
// Coordinates are stored as little-endian doubles (lon, lat, lon, lat, ...) in one BLOB.

#include "pavilion/content/model.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace pavilion::content {

std::vector<std::uint8_t> encode_coords(const std::vector<GeoPoint>& points);
// How many points the blob holds (a partial one counted), without decoding it.
std::size_t coords_in(const std::vector<std::uint8_t>& blob);
// nullopt when the blob is not a whole number of points or holds non-finite values.
std::optional<std::vector<GeoPoint>> decode_coords(const std::vector<std::uint8_t>& blob);

} // namespace pavilion::content
