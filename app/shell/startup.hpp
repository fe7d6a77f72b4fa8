#pragma once
// The kiosk from its command line to its run mode: which pack to show, the two slow halves of
// start-up at once (content on a worker, the GL context here), then the shell and its loop.

#include "pavilion/core/kiosk_options.hpp"

namespace pavilion::shell {

// Runs the kiosk as the options say; returns the process's exit code.
int run_kiosk(const core::KioskOptions& options);

} // namespace pavilion::shell
