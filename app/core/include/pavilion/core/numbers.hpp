#pragma once
// Mathematical constants (C++17 has no <numbers>): one definition for every layer.

namespace pavilion::core {

template <typename T>
constexpr T pi_v = static_cast<T>(3.14159265358979323846L);

constexpr double kPi = pi_v<double>;

} // namespace pavilion::core
