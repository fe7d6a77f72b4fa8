#include "pavilion/platform/process_memory.hpp"

#include <fstream>
#include <iterator>

namespace pavilion::platform {
namespace {

std::string read_text(const char* path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

double megabytes(long kilobytes) { return kilobytes < 0 ? 0 : static_cast<double>(kilobytes) / 1024.0; }

} // namespace

long proc_kilobytes(const std::string& text, const std::string& name) {
    const std::string label = name + ":";
    for (std::size_t line = 0; line < text.size();) {
        if (text.compare(line, label.size(), label) == 0) {
            try {
                return std::stol(text.substr(line + label.size()));
            } catch (const std::exception&) {
                return -1;
            }
        }
        const auto end = text.find('\n', line);
        if (end == std::string::npos) break;
        line = end + 1;
    }
    return -1;
}

ProcessMemory read_process_memory() {
    const auto status = read_text("/proc/self/status");
    ProcessMemory memory;
    memory.rss_mb = megabytes(proc_kilobytes(status, "VmRSS"));
    memory.peak_rss_mb = megabytes(proc_kilobytes(status, "VmHWM"));
    memory.pss_mb = megabytes(proc_kilobytes(read_text("/proc/self/smaps_rollup"), "Pss"));
    return memory;
}

} // namespace pavilion::platform
