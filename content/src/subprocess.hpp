#pragma once
// Runs a helper program (no shell, so file names are never interpreted) and reports how it ended.

#include <string>
#include <vector>

namespace pavilion::content {

struct ProcessResult {
    bool started = false;   // false when the program could not be found or run
    int exit_code = -1;
    std::string error_output; // what it wrote to stderr (first 4 KiB)
};

ProcessResult run_process(const std::vector<std::string>& argv);

} // namespace pavilion::content
