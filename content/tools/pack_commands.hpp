#pragma once
// The subcommands of pavilion-pack. Each takes its arguments (after the subcommand name),
// prints results to stdout and problems to stderr, and returns the process exit code:
// 0 success, 1 failure (one clear line on stderr), 2 wrong usage.

#include <string>
#include <vector>

namespace pavilion::tools {

using Arguments = std::vector<std::string>;

int run_build(const Arguments& args);
int run_info(const Arguments& args);
int run_verify(const Arguments& args);
int run_keygen(const Arguments& args);
int run_sign(const Arguments& args);
int run_install(const Arguments& args);
int run_floor(const Arguments& args);
int run_synth(const Arguments& args);
int run_unlock_token(const Arguments& args); // unlock_token_command.cpp

} // namespace pavilion::tools
