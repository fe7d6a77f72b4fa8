#pragma once
// The synthetic pack generator's random numbers: SplitMix64, written out here because the
// standard library's distributions differ between implementations, and a seed must give the
// same pack on every machine.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pavilion::content::synth {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // 0 .. n-1 (n > 0); the tiny modulo bias does not matter for made-up content.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1))); }
    // [0, 1) from the top 53 bits.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

// An independent stream per story, so story 7 is the same whether the pack has 20 or 2,000.
inline Random stream(std::uint64_t seed, std::uint64_t index) {
    Random mix(seed ^ (index * 0xD1B54A32D192ED03ull));
    return Random(mix.next());
}

} // namespace pavilion::content::synth
