#pragma once
// The PAVILION folder of a USB stick that is mounted now: where the kiosk reads an unlock token
// and writes its statistics export. Nothing else is ever written outside the state directory.
//
// The mount point comes from the media watcher (/proc/self/mountinfo) and is checked again when
// it is used: a stick may have been pulled since and its empty mount point left behind, and a
// file written there would land on the kiosk's own SD card. What is checked:
//   - the mount point is an absolute path to a directory that is a mount point now (on another
//     device than its parent; so never "/");
//   - PAVILION in it is a real directory, never a link (FAT and exFAT have none, but another file
//     system might), created by a write when missing;
//   - file names are plain (no '/', not hidden);
//   - files are read without following a link, size-capped, regular files only, and written
//     atomically: a temporary file beside, fsync, rename, fsync of the folder, so a stick pulled
//     mid-write holds the old file or the new one, never half of one.
// Every call goes through the FileSystem seam: tests call a temporary folder a mount point.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/file_system.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace pavilion::content {

class UsbStick {
public:
    static constexpr const char* kFolder = "PAVILION";

    // unavailable ("No USB stick at /media/x: it is not mounted") when mount_point is not a
    // mounted file system now; unsafe when PAVILION is a link or not a directory.
    static Expected<UsbStick> at(const std::string& mount_point,
                                 std::shared_ptr<FileSystem> fs = std::make_shared<PosixFileSystem>());

    const std::string& mount_point() const { return mount_point_; }
    std::string folder() const { return mount_point_ + "/" + kFolder; }
    std::string path_of(const std::string& name) const { return folder() + "/" + name; }

    // A whole file of PAVILION. unavailable: there is no such file (or no PAVILION folder);
    // too_large: over max_bytes; unsafe: a link or not a regular file; io otherwise.
    Expected<std::string> read_file(const std::string& name, std::size_t max_bytes) const;
    // Replaces (or creates) a file of PAVILION atomically, making the folder when missing.
    Status write_file(const std::string& name, const std::string& bytes) const;

private:
    UsbStick(std::string mount_point, std::shared_ptr<FileSystem> fs)
        : mount_point_(std::move(mount_point)), fs_(std::move(fs)) {}
    Status check_folder(bool create) const;

    std::string mount_point_;
    std::shared_ptr<FileSystem> fs_;
};

} // namespace pavilion::content
