#include "pavilion/platform/process_memory.hpp"

#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

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

double read_resident_mb() { return megabytes(proc_kilobytes(read_text("/proc/self/status"), "VmRSS")); }

double process_age_ms() {
    const auto stat = read_text("/proc/self/stat");
    const auto close = stat.rfind(')'); // the command name may contain spaces and brackets
    if (close == std::string::npos) return 0;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    double start_ticks = 0;
    try {
        start_ticks = std::stod(field); // field 22: starttime, in clock ticks since boot
    } catch (const std::exception&) {
        return 0;
    }
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double now_ms = static_cast<double>(boot.tv_sec) * 1000.0 + static_cast<double>(boot.tv_nsec) / 1e6;
    return now_ms - start_ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace pavilion::platform
