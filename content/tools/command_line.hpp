#pragma once
// What every pavilion-pack subcommand shares: its options parsed, usage errors (exit 2) and
// failures (exit 1) said the same way, small files read and written.

#include "pack_commands.hpp"
#include "pavilion/content/expected.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pavilion::tools {

// Options of one command: which take a value (may repeat), which are plain flags.
struct CommandLine {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;
    std::set<std::string> flags;
    bool help = false;

    std::string value(const std::string& name) const {
        const auto it = values.find(name);
        return it == values.end() || it->second.empty() ? "" : it->second.back();
    }
};

// The command line, or invalid_argument with its first mistake. --help anywhere wins over a
// mistake elsewhere: whoever asks for help gets it.
content::Expected<CommandLine> parse(const Arguments& args, const std::set<std::string>& with_value,
                                     const std::set<std::string>& flags);

// A usage mistake: the problem, then the usage, and exit code 2.
int usage_error(const std::string& problem, const char* usage);

// Handles --help and usage errors uniformly; returns -1 when the command should run.
int usage_check(const content::Expected<CommandLine>& line, const char* usage, std::size_t positional);

// One line on stderr, exit code 1.
int fail(const std::string& message);

bool read_text(const std::string& path, std::string& out);

// Writes through a temporary file so an interrupted write never leaves a half file.
bool write_text(const std::string& path, const std::string& text, bool secret);

} // namespace pavilion::tools
