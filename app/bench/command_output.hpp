#pragma once
// Runs a program (no shell) and returns what it printed on stdout, with its wall time: the
// benchmark measures the real kiosk and the real pack tool as separate processes, because
// start-up is a property of a fresh process.

#include <string>
#include <vector>

namespace pavilion::bench {

struct CommandOutput {
    int exit_code = -1;   // -1: could not be started or was killed
    std::string out;      // stdout
    double wall_ms = 0;
};

CommandOutput run_command(const std::vector<std::string>& argv);

} // namespace pavilion::bench
