#pragma once
// The base map's buffers as stored in a pack: little-endian float32 and uint32 BLOBs, and
// colours as 0xRRGGBBAA integers. Decoding checks only the shape of the bytes; what the values
// mean (indices in range, coordinates on the globe) is checked by the loader.

#include "pavilion/content/base_map.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace pavilion::content {

std::vector<std::uint8_t> encode_floats(const std::vector<float>& values);
std::vector<std::uint8_t> encode_indices(const std::vector<std::uint32_t>& values);

// nullopt unless the blob holds a whole number of groups of `group` values.
std::optional<std::vector<float>> decode_floats(const std::vector<std::uint8_t>& blob,
                                                std::size_t group);
std::optional<std::vector<std::uint32_t>> decode_indices(const std::vector<std::uint8_t>& blob,
                                                         std::size_t group);

std::int64_t pack_rgba(const Rgba& colour);
// nullopt when the integer is not 0..0xFFFFFFFF.
std::optional<Rgba> unpack_rgba(std::int64_t value);

} // namespace pavilion::content
