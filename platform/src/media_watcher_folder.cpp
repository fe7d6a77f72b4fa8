#include "media_watcher_folder.hpp"

#include "pavilion/core/expected.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <system_error>

namespace pavilion::platform::media {
namespace {

const std::string kPackSuffix = ".pack";
const std::string kSignatureSuffix = ".pack.minisig";

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() > suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct DirCloser {
    void operator()(DIR* dir) const { ::closedir(dir); }
};

// What a listing found. A folder that does not exist lists as empty: a stick without a
// PAVILION folder, an inbox not made yet.
struct PackFiles {
    std::map<std::string, FileVersion> by_name;
    bool truncated = false; // more than max_entries entries: only the first were looked at
};

core::Error cannot_list(const std::string& dir, int error) {
    return core::make_error(core::ErrorCode::io, "cannot list " + dir + ": " + std::generic_category().message(error));
}

// The folder opened for listing (nullptr when it does not exist), refusing a symbolic link to
// it unless follow_folder_link.
core::Expected<std::unique_ptr<DIR, DirCloser>> open_folder(const std::string& dir, bool follow_folder_link) {
    const int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_folder_link ? 0 : O_NOFOLLOW);
    const int fd = ::open(dir.c_str(), flags);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) return std::unique_ptr<DIR, DirCloser>();
        struct stat st {};
        if (!follow_folder_link && ::lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            return core::make_error(core::ErrorCode::unsafe, dir + " is a symbolic link; packs there are ignored");
        return cannot_list(dir, error);
    }
    std::unique_ptr<DIR, DirCloser> folder(::fdopendir(fd));
    if (!folder) {
        const int error = errno;
        ::close(fd);
        return cannot_list(dir, error);
    }
    return folder;
}

// The regular files named *.pack or *.pack.minisig in dir, by name. Entries are examined with
// fstatat(AT_SYMLINK_NOFOLLOW) relative to the open folder, so a symlink is never followed and
// a folder renamed meanwhile cannot redirect the listing.
core::Expected<PackFiles> list_pack_files(const std::string& dir, bool follow_folder_link, int max_entries) {
    auto folder = open_folder(dir, follow_folder_link);
    if (!folder) return folder.error();
    PackFiles files;
    if (!*folder) return files;
    int entries = 0;
    while (const dirent* entry = ::readdir(folder->get())) {
        if (++entries > max_entries) {
            files.truncated = true;
            break;
        }
        const std::string name = entry->d_name;
        // Hidden names include "." and "..", and the "._x.pack" files macOS writes on sticks.
        if (name.empty() || name[0] == '.') continue;
        if (!ends_with(name, kPackSuffix) && !ends_with(name, kSignatureSuffix)) continue;
        struct stat st {};
        if (::fstatat(::dirfd(folder->get()), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (!S_ISREG(st.st_mode)) continue; // symlinks, folders, devices, fifos
        FileVersion version;
        version.device = static_cast<std::uint64_t>(st.st_dev);
        version.inode = static_cast<std::uint64_t>(st.st_ino);
        version.size = static_cast<std::int64_t>(st.st_size);
        version.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        files.by_name.emplace(name, version);
    }
    return files;
}

} // namespace

PackFolder::PackFolder(content::PackCandidate::Source kind, std::string dir, std::string mount_point, int max_entries)
    : kind_(kind), dir_(std::move(dir)), mount_point_(std::move(mount_point)), max_entries_(max_entries) {}

bool PackFolder::settled(const Seen& file, Clock::time_point now, Clock::duration settle_time) const {
    return file.closed || now - file.since >= settle_time;
}

void PackFolder::report_problem(std::string problem, std::vector<content::MediaEvent>& out) {
    if (problem == last_problem_) return;
    last_problem_ = std::move(problem);
    if (last_problem_.empty()) return;
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::problem;
    event.mount_point = mount_point_;
    event.message = last_problem_;
    out.push_back(std::move(event));
}

std::optional<Clock::time_point> PackFolder::scan(Clock::time_point now, Clock::duration settle_time,
                                                  std::vector<content::MediaEvent>& out) {
    const bool is_stick = kind_ == content::PackCandidate::Source::stick;
    const core::Expected<PackFiles> listing = list_pack_files(dir_, !is_stick, max_entries_);
    if (!listing) {
        report_problem(listing.error().message, out);
        closed_names_.clear();
        return std::nullopt; // keep what was seen: the next scan may succeed
    }
    report_problem(listing->truncated ? dir_ + " holds more than " + std::to_string(max_entries_) +
                                            " entries; only the first are looked at"
                                      : "",
                   out);
    const std::map<std::string, FileVersion>& listed = listing->by_name;

    // Forget files that went away (so their return is a new appearance), note new versions.
    for (auto it = files_.begin(); it != files_.end();)
        it = listed.count(it->first) ? std::next(it) : files_.erase(it);
    for (auto it = reported_.begin(); it != reported_.end();)
        it = listed.count(it->first) ? std::next(it) : reported_.erase(it);
    for (const auto& [name, version] : listed) {
        auto found = files_.find(name);
        if (found == files_.end() || found->second.version != version)
            files_[name] = Seen{version, now, is_stick};
        if (closed_names_.count(name)) files_[name].closed = true;
    }
    closed_names_.clear();

    std::optional<Clock::time_point> next_settle;
    const auto wait_for = [&](const Seen& file) {
        if (settled(file, now, settle_time)) return;
        const Clock::time_point at = file.since + settle_time;
        if (!next_settle || at < *next_settle) next_settle = at;
    };
    for (const auto& [name, pack] : files_) {
        if (!ends_with(name, kPackSuffix)) continue;
        const auto signature = files_.find(name + ".minisig");
        if (signature == files_.end()) continue;
        if (!settled(pack, now, settle_time) || !settled(signature->second, now, settle_time)) {
            wait_for(pack);
            wait_for(signature->second);
            continue;
        }
        const auto versions = std::make_pair(pack.version, signature->second.version);
        const auto already = reported_.find(name);
        if (already != reported_.end() && already->second == versions) continue;
        reported_[name] = versions;
        content::MediaEvent event;
        event.type = content::MediaEvent::Type::candidate;
        event.mount_point = mount_point_;
        event.candidate.pack_path = dir_ + "/" + name;
        event.candidate.signature_path = dir_ + "/" + signature->first;
        event.candidate.source_dir = dir_;
        event.candidate.kind = kind_;
        event.candidate.mount_point = mount_point_;
        out.push_back(std::move(event));
    }
    return next_settle;
}

} // namespace pavilion::platform::media
