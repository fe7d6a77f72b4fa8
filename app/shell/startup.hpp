#pragma once
// The kiosk from its command line to its run mode: which pack to show, the two slow halves of
// start-up at once (content on a worker, the GL context here), then the shell and its loop.

#include "pavilion/content/version_floor.hpp"
#include "pavilion/core/kiosk_options.hpp"

#include <string>

namespace pavilion::shell {

// The pack this build carries: its id and version, from its pack.toml at build time.
content::PackIdentity built_in_pack();
// Where that pack is: beside the executable (a build tree), else the installed data folder.
std::string default_pack_path();

// Runs the kiosk as the options say; returns the process's exit code.
int run_kiosk(const core::KioskOptions& options);

} // namespace pavilion::shell
