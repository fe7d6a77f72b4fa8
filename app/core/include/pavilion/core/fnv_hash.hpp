#pragma once
// FNV-1a, 64 bits: a small, stable hash for cache keys and checksums of local files. Not for
// anything an attacker chooses (signatures use libsodium): it only has to notice that inputs
// changed or that a file was damaged.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pavilion::core {

class Fnv1a64 {
public:
    Fnv1a64& add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            state_ ^= bytes[i];
            state_ *= 0x100000001b3ULL;
        }
        return *this;
    }
    // A length before the text, so ("ab", "c") and ("a", "bc") differ.
    Fnv1a64& add(std::string_view text) {
        add_value(static_cast<std::uint64_t>(text.size()));
        return add(text.data(), text.size());
    }
    template <typename T> Fnv1a64& add_value(const T& value) { return add(&value, sizeof value); }

    std::uint64_t value() const { return state_; }

private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

} // namespace pavilion::core
