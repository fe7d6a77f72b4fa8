#pragma once
// Helpers shared by the test executables: temporary folders, running programs, reading files.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pavilion::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code = -1;
    std::string output; // stdout and stderr together
};

// Runs argv (no shell) and captures its output.
CommandResult run_command(const std::vector<std::string>& argv);

std::vector<std::uint8_t> read_bytes(const std::string& path);
std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

// A program running in the background whose combined output is read as it arrives.
class BackgroundProcess {
public:
    explicit BackgroundProcess(const std::vector<std::string>& argv);
    ~BackgroundProcess(); // terminates the process if it still runs
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    bool started() const { return pid_ > 0; }
    int pid() const { return pid_; }
    // Reads output until it contains text (true) or timeout_ms passes (false).
    bool wait_for(const std::string& text, int timeout_ms);
    const std::string& output() const { return output_; }

private:
    int pid_ = -1;
    int fd_ = -1;
    std::string output_;
};

// Copies a folder tree (fixtures are edited in copies, never in place).
void copy_tree(const std::string& from, const std::string& to);

} // namespace pavilion::testing
