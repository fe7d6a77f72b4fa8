#pragma once
// One folder that may hold packs (a stick's PAVILION/ or an inbox) and what the media watcher
// remembers about it: which files it has seen, which have settled, which candidates it has
// reported. Internal to media_watcher.cpp; single-threaded (the watcher's thread).

#include "pavilion/platform/media_watcher.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::platform::media {

using Clock = std::chrono::steady_clock;

// One version of one file: rewriting or replacing the file changes it.
struct FileVersion {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;

    bool operator==(const FileVersion& other) const {
        return device == other.device && inode == other.inode && size == other.size &&
               mtime_ns == other.mtime_ns;
    }
    bool operator!=(const FileVersion& other) const { return !(*this == other); }
};

class PackFolder {
public:
    // A stick's files count as complete when first seen (nobody writes to a stick in the
    // kiosk); an inbox's once closed after writing or unchanged for the settle time. A stick's
    // folder must not be a symbolic link (it could lead anywhere); an inbox is the kiosk's own
    // configuration and may be one. Entries beyond max_entries are not looked at.
    PackFolder(content::PackCandidate::Source kind, std::string dir, std::string mount_point, int max_entries);

    const std::string& dir() const { return dir_; }

    // inotify saw name closed after writing, or moved in: complete as it is now.
    void mark_closed(const std::string& name) { closed_names_.insert(name); }

    // Lists the folder and appends each candidate not reported in its current version, and a
    // problem event when the folder cannot be listed (once, until the problem changes). Returns
    // when the earliest file still settling will have settled.
    std::optional<Clock::time_point> scan(Clock::time_point now, Clock::duration settle_time,
                                          std::vector<content::MediaEvent>& out);

private:
    struct Seen {
        FileVersion version;
        Clock::time_point since; // when this version was first seen
        bool closed = false;     // known complete
    };

    bool settled(const Seen& file, Clock::time_point now, Clock::duration settle_time) const;
    void report_problem(std::string problem, std::vector<content::MediaEvent>& out);

    content::PackCandidate::Source kind_;
    std::string dir_;
    std::string mount_point_;
    int max_entries_;
    std::map<std::string, Seen> files_; // *.pack and *.pack.minisig by name
    std::set<std::string> closed_names_; // from inotify, applied at the next scan
    // pack name -> the pack and signature versions last reported
    std::map<std::string, std::pair<FileVersion, FileVersion>> reported_;
    std::string last_problem_;
};

} // namespace pavilion::platform::media
