#include "pavilion/content/usb_stick.hpp"

#include "file_system_io.hpp"

#include <cerrno>

namespace pavilion::content {
namespace {

bool is_plain_name(const std::string& name) {
    return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos;
}

Error not_mounted(const std::string& mount_point) {
    return make_error(ErrorCode::unavailable, "No USB stick at " + mount_point + ": it is not mounted");
}

} // namespace

Expected<UsbStick> UsbStick::at(const std::string& mount_point, std::shared_ptr<FileSystem> fs) {
    if (!fs) return make_error(ErrorCode::invalid_argument, "UsbStick::at needs a file system");
    if (mount_point.size() < 2 || mount_point[0] != '/' || mount_point.back() == '/') return not_mounted(mount_point);
    FileInfo mount, parent;
    if (fs->lstat(mount_point, mount) < 0 || mount.type != FileInfo::Type::directory) return not_mounted(mount_point);
    // The parent of a mount point is on another device: a folder left behind by a pulled stick
    // is on the same device as its parent, and so is anything that was never mounted.
    if (fs->lstat(mount_point + "/..", parent) < 0 || parent.device == mount.device) return not_mounted(mount_point);
    UsbStick stick(mount_point, std::move(fs));
    if (auto folder = stick.check_folder(false); !folder && folder.error().code == ErrorCode::unsafe)
        return folder.error();
    return stick;
}

// PAVILION is a real directory (made when `create` and missing). unavailable when it is missing.
Status UsbStick::check_folder(bool create) const {
    FileInfo info;
    int rc = fs_->lstat(folder(), info);
    if (rc == -ENOENT && create) {
        rc = fs_->mkdir(folder(), 0755);
        if (rc == 0 || rc == -EEXIST) rc = fs_->lstat(folder(), info);
    }
    if (rc == -ENOENT) return make_error(ErrorCode::unavailable, "the USB stick has no " + std::string(kFolder) + " folder");
    if (rc < 0) return make_error(ErrorCode::io, folder() + ": " + error_text(rc));
    if (info.type != FileInfo::Type::directory)
        return make_error(ErrorCode::unsafe, folder() + ": not a folder (a link or a file), so it is not used");
    return ok();
}

Expected<std::string> UsbStick::read_file(const std::string& name, std::size_t max_bytes) const {
    if (!is_plain_name(name)) return make_error(ErrorCode::invalid_argument, "not a plain file name: " + name);
    if (auto folder = check_folder(false); !folder) return folder.error();
    const std::string where = std::string(kFolder) + "/" + name;
    std::string text;
    const int rc = fsio::read_regular_file(*fs_, path_of(name), max_bytes, text);
    if (rc == -ENOENT) return make_error(ErrorCode::unavailable, "the USB stick has no " + where);
    if (rc == -EFBIG) return make_error(ErrorCode::too_large, where + " on the USB stick is too large");
    if (rc == -ELOOP || rc == -EINVAL)
        return make_error(ErrorCode::unsafe, where + " on the USB stick is not a regular file");
    if (rc < 0) return make_error(ErrorCode::io, "cannot read " + where + " on the USB stick: " + error_text(rc));
    return text;
}

Status UsbStick::write_file(const std::string& name, const std::string& bytes) const {
    if (!is_plain_name(name)) return make_error(ErrorCode::invalid_argument, "not a plain file name: " + name);
    if (auto folder = check_folder(true); !folder) return folder.error();
    const std::string path = path_of(name), temp = path + ".tmp";
    static_cast<void>(fs_->unlink(temp)); // a leftover from a stick pulled mid-write
    if (const int rc = fsio::replace_file(*fs_, temp, path, folder(), bytes); rc < 0) {
        static_cast<void>(fs_->unlink(temp));
        return make_error(ErrorCode::io, "cannot write " + path + ": " + error_text(rc));
    }
    return ok();
}

} // namespace pavilion::content
