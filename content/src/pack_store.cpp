#include "pavilion/content/pack_store.hpp"

#include "file_system_io.hpp"
#include "pack_store_io.hpp"
#include "pack_store_names.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace pavilion::content {

using store_io::io_error;
using store_io::read_pointers;

namespace {

using fsio::ScopedFd;
using store_names::Pointers;

constexpr std::size_t kMaxPointerFileBytes = 4096;
constexpr std::size_t kMaxKeyFileBytes = 4096;
constexpr const char* kSignatureSuffix = ".minisig";

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Creates a directory of the store, or checks that the existing one is a real directory.
Status ensure_directory(FileSystem& fs, const std::string& path) {
    const int rc = fs.mkdir(path, 0755);
    if (rc < 0 && rc != -EEXIST) return io_error("cannot create " + path, rc);
    FileInfo info;
    if (const int st = fs.lstat(path, info); st < 0) return io_error("cannot examine " + path, st);
    // The top directory may be a symlink the administrator made (e.g. onto a data partition);
    // inside it, everything is ours and must be exactly what we created.
    if (info.type != FileInfo::Type::directory) {
        FileInfo followed;
        ScopedFd dir(fs, fs.open(FileSystem::kWorkingDirectory, path, O_RDONLY | O_DIRECTORY));
        if (!dir.valid() || fs.stat(dir.get(), followed) < 0 ||
            followed.type != FileInfo::Type::directory) {
            return make_error(ErrorCode::io, path + " exists but is not a directory");
        }
    }
    return ok();
}

Status ensure_subdirectory(FileSystem& fs, const std::string& path) {
    const int rc = fs.mkdir(path, 0755);
    if (rc < 0 && rc != -EEXIST) return io_error("cannot create " + path, rc);
    FileInfo info;
    if (const int st = fs.lstat(path, info); st < 0) return io_error("cannot examine " + path, st);
    if (info.type != FileInfo::Type::directory) {
        return make_error(ErrorCode::unsafe,
                          path + " is not a directory (a symbolic link or a file is not allowed)");
    }
    return ok();
}

} // namespace

namespace store_io {

using fsio::ScopedFd;
using store_names::Pointers;

Error io_error(const std::string& what, long negative_errno) {
    return make_error(ErrorCode::io, what + ": " + error_text(negative_errno));
}

Expected<std::optional<Pointers>> read_pointers(FileSystem& fs, const std::string& path) {
    ScopedFd file(fs, fs.open(FileSystem::kWorkingDirectory, path, O_RDONLY | O_NOFOLLOW));
    if (file.get() == -ENOENT) return std::optional<Pointers>{};
    if (!file.valid()) return io_error("cannot read " + path, file.get());
    std::string text;
    if (const int rc = fsio::read_capped(fs, file.get(), kMaxPointerFileBytes, text); rc < 0) {
        return io_error("cannot read " + path, rc);
    }
    auto pointers = store_names::parse_pointers(text);
    if (!pointers) {
        return make_error(ErrorCode::corrupt,
                          path + " is damaged (it does not name a current pack in packs/)");
    }
    return std::optional<Pointers>(std::move(*pointers));
}

} // namespace store_io

PackStore::Lock::Lock(Lock&& other) noexcept : fs_(other.fs_), fd_(other.fd_) { other.fd_ = -1; }

PackStore::Lock& PackStore::Lock::operator=(Lock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) fs_->close(fd_);
        fs_ = other.fs_;
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

// Closing the descriptor releases the flock.
PackStore::Lock::~Lock() {
    if (fd_ >= 0) fs_->close(fd_);
}

PackStore::PackStore(std::string root, std::shared_ptr<FileSystem> fs)
    : root_(std::move(root)), fs_(std::move(fs)) {}

Expected<PackStore> PackStore::open(const std::string& state_dir, std::shared_ptr<FileSystem> fs) {
    if (state_dir.empty() || !fs) {
        return make_error(ErrorCode::invalid_argument, "no state directory given");
    }
    std::string root = state_dir;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    PackStore store(root, std::move(fs));
    if (auto status = ensure_directory(*store.fs_, root); !status) return status.error();
    for (const auto& dir : {store.packs_dir(), store.staging_dir(), store.keys_dir()}) {
        if (auto status = ensure_subdirectory(*store.fs_, dir); !status) return status.error();
    }
    // Only with the lock: a file in staging/ may belong to an install running right now in
    // another process (the console tool while the kiosk starts).
    if (auto held = store.lock()) {
        store.clean_staging();
        store.prepare_floor();
    } else {
        store.open_messages_.push_back("staging was not cleaned: " + held.error().message);
    }
    return store;
}

void PackStore::clean_staging() {
    std::vector<std::string> names;
    if (const int rc = fs_->list(staging_dir(), names); rc < 0) {
        open_messages_.push_back("cannot list " + staging_dir() + ": " + error_text(rc));
        return;
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        const std::string path = staging_dir() + "/" + name;
        if (const int rc = fs_->unlink(path); rc < 0) {
            open_messages_.push_back("cannot delete " + path + ": " + error_text(rc));
        } else {
            open_messages_.push_back("deleted " + path + ", left by an interrupted install");
        }
    }
    if (!names.empty()) static_cast<void>(fsio::sync_directory(*fs_, staging_dir()));
}

Expected<InstalledPack> PackStore::installed(const std::string& file_name) const {
    const auto parsed = store_names::parse_pack_file_name(file_name);
    if (!parsed) {
        return make_error(ErrorCode::corrupt, pointers_path() + " names '" + file_name +
                                                  "', which is not a pack file name");
    }
    InstalledPack pack{file_name, packs_dir() + "/" + file_name, parsed->pack_id, parsed->version};
    FileInfo info;
    const int rc = fs_->lstat(pack.path, info);
    if (rc < 0 && rc != -ENOENT) return io_error("cannot examine " + pack.path, rc);
    // A pack gone missing is damage to the store (corrupt), not a passing read error (io):
    // the installer may repair the former but must stop at the latter.
    if (rc < 0 || info.type != FileInfo::Type::regular) {
        return make_error(ErrorCode::corrupt,
                          pointers_path() + " names " + pack.path +
                              (rc < 0 ? ", which is missing" : ", which is not a file"));
    }
    return pack;
}

Expected<std::optional<InstalledPack>> PackStore::active() const {
    auto pointers = read_pointers(*fs_, pointers_path());
    if (!pointers) return pointers.error();
    if (!*pointers) return std::optional<InstalledPack>{};
    auto pack = installed((*pointers)->current);
    if (!pack) return pack.error();
    return std::optional<InstalledPack>(std::move(*pack));
}

Expected<std::optional<InstalledPack>> PackStore::previous() const {
    auto pointers = read_pointers(*fs_, pointers_path());
    if (!pointers) return pointers.error();
    if (!*pointers || (*pointers)->previous.empty()) return std::optional<InstalledPack>{};
    auto pack = installed((*pointers)->previous);
    if (!pack) return pack.error();
    return std::optional<InstalledPack>(std::move(*pack));
}

Status PackStore::write_pointers(const std::string& current, const std::string& previous) {
    const std::string temp = staging_dir() + "/pointers.new";
    const int rc = fsio::write_durably(*fs_, temp, store_names::format_pointers({current, previous}));
    if (rc == 0) {
        if (const int renamed = fs_->rename(temp, pointers_path()); renamed < 0) {
            static_cast<void>(fs_->unlink(temp));
            return io_error("cannot switch packs: cannot replace " + pointers_path(), renamed);
        }
    } else {
        static_cast<void>(fs_->unlink(temp));
        return io_error("cannot switch packs: cannot write " + temp, rc);
    }
    // Once the rename is done the switch has happened: rename(2) is atomic, so whatever a
    // power cut does, the file names the old pair or the new. The directory fsync only makes
    // the new pair durable now; its failure cannot be undone and is not reported as one.
    static_cast<void>(fsio::sync_directory(*fs_, root_));
    return ok();
}

Expected<InstalledPack> PackStore::rollback() {
    auto held = lock();
    if (!held) return held.error();
    auto pointers = read_pointers(*fs_, pointers_path());
    if (!pointers) return pointers.error();
    if (!*pointers || (*pointers)->previous.empty()) {
        return make_error(ErrorCode::invalid_argument,
                          "nothing to roll back to: no previous pack is kept in " + root_);
    }
    const Pointers& now = **pointers;
    auto target = installed(now.previous);
    if (!target) return target.error();
    // The floor first: the version left behind must not come back from a stick. A floor already
    // lost stays lost (installs wait for the operator); the rollback itself may still help.
    auto floor = this->floor();
    if (!floor && floor.error().code != ErrorCode::floor_unknown) return floor.error();
    const auto left = store_names::parse_pack_file_name(now.current);
    if (floor && left &&
        floor->record_rollback({left->pack_id, left->version}, {target->pack_id, target->version})) {
        if (auto status = write_floor(*floor); !status) return status.error();
    }
    if (auto status = write_pointers(now.previous, now.current); !status) return status.error();
    return target;
}

TrustedKeys PackStore::trusted_keys() const {
    TrustedKeys trusted;
    std::vector<std::string> names;
    if (const int rc = fs_->list(keys_dir(), names); rc < 0) {
        trusted.problems.push_back("cannot list " + keys_dir() + ": " + error_text(rc));
        return trusted;
    }
    std::sort(names.begin(), names.end());
    std::vector<std::string> key_files; // beside trusted.keys, for naming a clash
    for (const auto& name : names) {
        if (!ends_with(name, ".pub")) continue;
        const std::string path = keys_dir() + "/" + name;
        ScopedFd file(*fs_, fs_->open(FileSystem::kWorkingDirectory, path,
                                      O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
        FileInfo info;
        std::string text;
        int rc = file.valid() ? fs_->stat(file.get(), info) : file.get();
        if (rc == 0 && info.type != FileInfo::Type::regular) rc = -EINVAL;
        if (rc == 0) rc = fsio::read_capped(*fs_, file.get(), kMaxKeyFileBytes, text);
        if (rc < 0) {
            trusted.problems.push_back(path + ": skipped, " +
                                       (rc == -ELOOP || rc == -EINVAL
                                            ? std::string("not a regular file")
                                            : rc == -EFBIG ? std::string("too large for a key")
                                                           : error_text(rc)));
            continue;
        }
        auto key = minisign::parse_public_key(text);
        if (!key) {
            trusted.problems.push_back(path + ": skipped, " + key.error().message);
            continue;
        }
        for (std::size_t i = 0; i < trusted.keys.size(); ++i) {
            if (trusted.keys[i].key_id != key->key_id) continue;
            // Which of the two verifies would depend on file order: trust neither.
            trusted.clash = key_files[i] + " and " + path + " have the same key id " +
                            minisign::key_id_hex(key->key_id) +
                            ": no key is trusted until one of them is removed";
        }
        trusted.keys.push_back(*key);
        key_files.push_back(path);
    }
    if (!trusted.clash.empty()) trusted.keys.clear();
    return trusted;
}

Status PackStore::collect_garbage() {
    auto pointers = read_pointers(*fs_, pointers_path());
    if (!pointers) {
        return make_error(pointers.error().code,
                          "old packs were kept: " + pointers.error().message);
    }
    std::vector<std::string> keep;
    if (*pointers) {
        for (const auto& name : {(*pointers)->current, (*pointers)->previous}) {
            if (name.empty()) continue;
            keep.push_back(name);
            keep.push_back(name + kSignatureSuffix);
        }
    }
    std::vector<std::string> names;
    if (const int rc = fs_->list(packs_dir(), names); rc < 0) {
        return io_error("cannot list " + packs_dir(), rc);
    }
    std::string failures;
    bool removed = false;
    for (const auto& name : names) {
        if (std::find(keep.begin(), keep.end(), name) != keep.end()) continue;
        const std::string path = packs_dir() + "/" + name;
        if (const int rc = fs_->unlink(path); rc < 0) {
            failures += (failures.empty() ? "" : "; ") + path + ": " + error_text(rc);
        } else {
            removed = true;
        }
    }
    if (removed) static_cast<void>(fsio::sync_directory(*fs_, packs_dir()));
    if (!failures.empty()) {
        return make_error(ErrorCode::io, "cannot delete old packs (" + failures + ")");
    }
    return ok();
}

Expected<PackStore::Lock> PackStore::lock() {
    const std::string path = root_ + "/lock";
    const int fd = fs_->open(FileSystem::kWorkingDirectory, path,
                             O_RDWR | O_CREAT | O_NOFOLLOW, 0644);
    if (fd < 0) return io_error("cannot open " + path, fd);
    Lock held(*fs_, fd);
    const int rc = fs_->try_lock(fd);
    if (rc == -EWOULDBLOCK) {
        return make_error(ErrorCode::busy,
                          "the pack store " + root_ + " is busy: another install is running");
    }
    if (rc < 0) return io_error("cannot lock " + path, rc);
    return held;
}

Expected<InstalledPack> PackStore::adopt(const Lock& held, const StagedPack& staged) {
    static_cast<void>(held); // proof that the caller holds the lock
    auto pointers = read_pointers(*fs_, pointers_path());
    // A damaged pointer file is repaired by an install: it names nothing we could keep. A
    // failed read is another matter: going on would drop the previous pack.
    if (!pointers && pointers.error().code != ErrorCode::corrupt) return pointers.error();
    const Pointers before = pointers && *pointers ? **pointers : Pointers{};

    const std::string name = store_names::pack_file_name(staged.pack_id, staged.version,
                                                         staged.hash);
    const std::string target = packs_dir() + "/" + name;
    FileInfo info;
    const bool present = fs_->lstat(target, info) == 0 && info.type == FileInfo::Type::regular;
    // The same id, version and hash is the same signed file: keep the copy that is there (it
    // may be open in the kiosk) and drop the new one.
    if (present) {
        static_cast<void>(fs_->unlink(staged.pack_path));
    } else if (const int rc = fs_->rename(staged.pack_path, target); rc < 0) {
        return io_error("cannot move the pack into " + packs_dir(), rc);
    }
    if (const int rc = fs_->rename(staged.signature_path, target + kSignatureSuffix); rc < 0) {
        return io_error("cannot move the signature into " + packs_dir(), rc);
    }
    // The new names must be durable before the pointer names them.
    if (const int rc = fsio::sync_directory(*fs_, packs_dir()); rc < 0) {
        return io_error("cannot sync " + packs_dir(), rc);
    }
    static_cast<void>(fsio::sync_directory(*fs_, staging_dir()));

    // The floor rises before the pointer names the new pack: after a power cut between the two,
    // the floor is ahead (the same version may install again to finish), never behind.
    auto floor = this->floor();
    if (!floor) return floor.error();
    if (floor->record_install({staged.pack_id, staged.version})) {
        if (auto status = write_floor(*floor); !status) return status.error();
    }
    if (before.current != name || !before.floor_recorded) {
        if (auto status = write_pointers(name, before.current); !status) return status.error();
    }
    return InstalledPack{name, target, staged.pack_id, staged.version};
}

} // namespace pavilion::content
