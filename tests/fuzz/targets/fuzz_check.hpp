#pragma once
// An invariant a fuzz target checks on what it read: when it breaks, the input is a finding just
// like a crash, so it aborts with a message (libFuzzer saves the input; the replay test dies).

#include <cstdio>
#include <cstdlib>

namespace pavilion::fuzz {

inline void fuzz_check(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace pavilion::fuzz
