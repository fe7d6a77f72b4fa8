// The report written back beside the candidate, so that an operator who pulls the stick and
// reads it on a laptop learns what the kiosk did, without a console.

#include "pack_installer_steps.hpp"

#include <fcntl.h>

#include <ctime>

namespace pavilion::content::install_steps {
namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &parts);
    return std::string(text, size);
}

} // namespace

std::string report_text(const ReportFacts& facts) {
    return "Pavilion pack install report\n"
           "file:      " + facts.pack_name + "\n"
           "result:    " + facts.outcome + "\n"
           "time:      " + utc_now() + "\n"
           "installed: " + facts.installed + "\n";
}

bool write_report(FileSystem& fs, int folder_fd, const std::string& pack_name,
                  const std::string& text) {
    // O_NOFOLLOW: a "report" planted on the stick as a symlink must not make the kiosk
    // overwrite one of its own files.
    fsio::ScopedFd out(fs, fs.open(folder_fd, pack_name + ".report.txt",
                                   O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK, 0644));
    if (!out.valid()) return false;
    FileInfo info;
    if (fs.stat(out.get(), info) < 0 || info.type != FileInfo::Type::regular) return false;
    if (fsio::write_all(fs, out.get(), text.data(), text.size()) < 0) return false;
    // Sticks are pulled right after the kiosk says "done": the report must be on the stick.
    if (fs.fsync(out.get()) < 0) return false;
    return out.close() == 0;
}

} // namespace pavilion::content::install_steps
