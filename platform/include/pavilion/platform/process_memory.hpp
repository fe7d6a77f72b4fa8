#pragma once
// What this process costs the device in memory and how long it has run, read from /proc
// (benchmarks and the soak run).
//
// RSS counts every resident page, shared libraries included; PSS divides shared pages among the
// processes that map them, so on a device running only the kiosk it is the fairer figure.

#include <string>

namespace pavilion::platform {

struct ProcessMemory {
    double rss_mb = 0;      // resident now (VmRSS)
    double peak_rss_mb = 0; // the most ever resident (VmHWM)
    double pss_mb = 0;      // proportional set size (smaps_rollup); 0 where the kernel lacks it
};

ProcessMemory read_process_memory();

// Only the resident size (VmRSS), from /proc/self/status: cheap enough for a frame, where
// read_process_memory()'s PSS makes the kernel walk every mapping (milliseconds with a large
// pack mapped).
double read_resident_mb();

// Milliseconds since the kernel started this process (from /proc/self/stat, at the clock tick's
// resolution of 10 ms): start-up figures count the loader and libraries too, not only main().
double process_age_ms();

// The value in kB of a "Name:   1234 kB" line in a /proc status-style text, or -1 if absent.
// (Separate so it is tested on captured text.)
long proc_kilobytes(const std::string& text, const std::string& name);

} // namespace pavilion::platform
