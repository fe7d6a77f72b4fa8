// Step a and the first half of step b: the candidate's files, opened safely.

#include "pack_installer_steps.hpp"

#include <fcntl.h>

#include <cerrno>

namespace pavilion::content::install_steps {
namespace {

constexpr std::size_t kMaxNameLength = 255;

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() > suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A name inside the candidate's folder, nothing that walks out of it. Hidden names are refused
// too: macOS writes "._expo.pack" resource forks beside every file it copies to a FAT stick.
// A plain name with the wrong ending is refused with `wrong_kind`: "notes.txt" is not a pack.
Status check_name(const std::string& name, const std::string& suffix, const char* what,
                  ErrorCode wrong_kind) {
    const bool plain = !name.empty() && name.size() <= kMaxNameLength && name.front() != '.' &&
                       name.find('/') == std::string::npos &&
                       name.find('\0') == std::string::npos;
    if (!plain) {
        return make_error(ErrorCode::unsafe, "'" + name + "' is not allowed as a " + what +
                                                 " name (a plain file name in the folder is "
                                                 "needed: no '/', no '..', not hidden)");
    }
    if (!ends_with(name, suffix)) {
        return make_error(wrong_kind,
                          "'" + name + "' is not a " + what + " (its name must end in " + suffix + ")");
    }
    return ok();
}

// `missing` is the error for a file that is not there: for a signature it is not an IO problem.
Error open_failure(const std::string& label, int rc, const Error& missing) {
    if (rc == -ENOENT) return missing;
    // O_NOFOLLOW makes openat fail with ELOOP on a symbolic link.
    if (rc == -ELOOP) {
        return make_error(ErrorCode::unsafe, label + ": the file is a symbolic link (only regular "
                                                     "files are installed)");
    }
    return make_error(ErrorCode::io, label + ": cannot open (" + error_text(rc) + ")");
}

// Opens a file of the candidate: never through a symlink, and never blocking on a FIFO.
Expected<fsio::ScopedFd> open_regular(FileSystem& fs, int folder_fd, const std::string& name,
                                      const std::string& label, const Error& missing,
                                      FileInfo& info) {
    fsio::ScopedFd fd(fs, fs.open(folder_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
    if (!fd.valid()) return open_failure(label, fd.get(), missing);
    if (const int rc = fs.stat(fd.get(), info); rc < 0) {
        return make_error(ErrorCode::io, label + ": cannot examine (" + error_text(rc) + ")");
    }
    if (info.type != FileInfo::Type::regular) {
        return make_error(ErrorCode::unsafe, label + ": not a regular file (only regular files are installed)");
    }
    return fd;
}

std::string mebibytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

} // namespace

std::string label(const std::string& folder, const std::string& name) {
    std::string trimmed = folder;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    const auto slash = trimmed.rfind('/');
    const std::string last = slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
    if (last.empty() || last == "." || last == "..") return name;
    return last + "/" + name;
}

Status check_names(const Candidate& candidate) {
    // A Candidate without a folder is the caller's mistake, not a file's: invalid_argument.
    if (candidate.folder.empty()) {
        return make_error(ErrorCode::invalid_argument, "no folder given for the pack");
    }
    if (auto status = check_name(candidate.pack_name, ".pack", "pack", ErrorCode::not_a_pack);
        !status)
        return status;
    return check_name(candidate.signature_file(), ".minisig", "signature",
                      ErrorCode::bad_signature);
}

Status open_source(FileSystem& fs, const Candidate& candidate, const InstallOptions& options,
                   SourceFiles& source) {
    source.pack_label = label(candidate.folder, candidate.pack_name);
    source.signature_label = label(candidate.folder, candidate.signature_file());
    // The folder itself is opened once and every name resolved inside it (openat), so a folder
    // swapped for a link halfway through cannot redirect us.
    source.folder = fsio::ScopedFd(fs, fs.open(FileSystem::kWorkingDirectory, candidate.folder,
                                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
    if (!source.folder.valid()) {
        const int rc = source.folder.get();
        const std::string& what = candidate.folder;
        if (rc == -ELOOP || rc == -ENOTDIR) {
            return make_error(ErrorCode::unsafe,
                              what + ": not a folder (or a symbolic link to one, which is refused)");
        }
        return make_error(ErrorCode::io, what + ": cannot open the folder (" + error_text(rc) + ")");
    }
    FileInfo info;
    auto pack = open_regular(fs, source.folder.get(), candidate.pack_name, source.pack_label,
                             make_error(ErrorCode::io, source.pack_label + ": no such file"), info);
    if (!pack) return pack.error();
    source.pack = std::move(pack).value();
    source.size = info.size;
    // An empty file holds no pack at all (SQLite would even take it for an empty database).
    if (source.size == 0) {
        return make_error(ErrorCode::not_a_pack, source.pack_label + ": the file is empty");
    }
    if (source.size > options.max_pack_bytes) {
        return make_error(ErrorCode::too_large,
                          source.pack_label + ": too large (" + mebibytes(source.size) +
                              ", this kiosk installs packs up to " +
                              mebibytes(options.max_pack_bytes) + ")");
    }
    return ok();
}

Status check_space(FileSystem& fs, const std::string& staging_dir, const SourceFiles& source,
                   const InstallOptions& options) {
    fsio::ScopedFd dir(fs, fs.open(FileSystem::kWorkingDirectory, staging_dir,
                                   O_RDONLY | O_DIRECTORY));
    std::uint64_t available = 0;
    int rc = dir.valid() ? fs.available_bytes(dir.get(), available) : dir.get();
    if (rc < 0) {
        return make_error(ErrorCode::io,
                          "cannot tell the free space in " + staging_dir + " (" + error_text(rc) + ")");
    }
    const std::uint64_t needed = source.size + options.free_space_margin_bytes;
    if (available < needed) {
        return make_error(ErrorCode::no_space, source.pack_label + ": not enough free space on the kiosk (" +
                                             mebibytes(needed) + " needed with the safety margin, " +
                                             mebibytes(available) + " free)");
    }
    return ok();
}

Expected<std::string> read_signature(FileSystem& fs, const SourceFiles& source,
                                     const Candidate& candidate, const InstallOptions& options) {
    FileInfo info;
    const Error missing = make_error(
        ErrorCode::bad_signature,
        source.signature_label + ": no signature file (packs are installed only when signed)");
    auto sig = open_regular(fs, source.folder.get(), candidate.signature_file(),
                            source.signature_label, missing, info);
    if (!sig) return sig.error();
    std::string text;
    const int rc = fsio::read_capped(fs, sig->get(), options.max_signature_bytes, text);
    if (rc == -EFBIG) {
        return make_error(ErrorCode::too_large,
                          source.signature_label + ": too large for a signature file");
    }
    if (rc < 0) {
        return make_error(ErrorCode::io,
                          source.signature_label + ": cannot read (" + error_text(rc) + ")");
    }
    return text;
}

} // namespace pavilion::content::install_steps
