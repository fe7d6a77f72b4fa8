#pragma once
// Composition of the kiosk: the pack, the window, the fonts and the screens, wired together.
// It owns all state (no globals); main() only parses the command line and runs it.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/kiosk_options.hpp"

namespace pavilion::shell {

// Runs the kiosk until its window closes, or renders one screenshot. Returns the exit code.
int run_kiosk(const core::KioskOptions& options);

} // namespace pavilion::shell
