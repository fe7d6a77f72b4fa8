#pragma once
// pavilion --bench-floor (bench_floor.cpp): process start to a GL context and one cleared
// frame, with nothing else: the floor under --bench's start-up figure on this machine.

#include "pavilion/core/kiosk_options.hpp"

namespace pavilion::shell {

int run_bench_floor(const core::KioskOptions& options);

} // namespace pavilion::shell
