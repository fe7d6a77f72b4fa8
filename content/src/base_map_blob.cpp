#include "base_map_blob.hpp"

#include <cstring>

namespace pavilion::content {
namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint32_t get_u32(const std::uint8_t* in) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value |= static_cast<std::uint32_t>(in[i]) << (8 * i);
    return value;
}

std::uint32_t float_bits(float value) {
    static_assert(sizeof(float) == 4, "float32 is what the pack stores");
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

float bits_float(std::uint32_t bits) {
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

bool whole_groups(const std::vector<std::uint8_t>& blob, std::size_t group) {
    return group > 0 && blob.size() % (4 * group) == 0;
}

} // namespace

std::vector<std::uint8_t> encode_floats(const std::vector<float>& values) {
    std::vector<std::uint8_t> out;
    out.reserve(values.size() * 4);
    for (const float value : values) put_u32(out, float_bits(value));
    return out;
}

std::vector<std::uint8_t> encode_indices(const std::vector<std::uint32_t>& values) {
    std::vector<std::uint8_t> out;
    out.reserve(values.size() * 4);
    for (const auto value : values) put_u32(out, value);
    return out;
}

std::optional<std::vector<float>> decode_floats(const std::vector<std::uint8_t>& blob,
                                                std::size_t group) {
    if (!whole_groups(blob, group)) return std::nullopt;
    std::vector<float> values(blob.size() / 4);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = bits_float(get_u32(&blob[4 * i]));
    return values;
}

std::optional<std::vector<std::uint32_t>> decode_indices(const std::vector<std::uint8_t>& blob,
                                                         std::size_t group) {
    if (!whole_groups(blob, group)) return std::nullopt;
    std::vector<std::uint32_t> values(blob.size() / 4);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = get_u32(&blob[4 * i]);
    return values;
}

std::int64_t pack_rgba(const Rgba& colour) {
    return (std::int64_t{colour.r} << 24) | (std::int64_t{colour.g} << 16) |
           (std::int64_t{colour.b} << 8) | std::int64_t{colour.a};
}

std::optional<Rgba> unpack_rgba(std::int64_t value) {
    if (value < 0 || value > 0xFFFFFFFFll) return std::nullopt;
    return Rgba{static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16),
                static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
}

} // namespace pavilion::content
