#pragma once
// The kiosk's installed packs, kept so that an update can never lose working content.
//
// State directory layout (STATE is e.g. /var/lib/pavilion):
//
//   STATE/pointers        which pack is current and which was current before it, one small
//                         text file: "current <file>\n" then, when there is one,
//                         "previous <file>\n", <file> being a name in packs/. One file, not
//                         two, so that an install (previous <- current <- new) and a rollback
//                         (swap) are each ONE rename(2): a crash can never leave half a switch.
//                         It is replaced by writing staging/pointers.new, fsync, rename over
//                         STATE/pointers, fsync of STATE. No file: the kiosk shows its built-in
//                         default pack.
//   STATE/floor           the version floor (version_floor.hpp): the newest version of each pack
//                         id ever installed here, never lowered. Written atomically and fsynced
//                         BEFORE the pointer file changes, so the floor is never behind it.
//   STATE/packs/          installed packs, each a verified private copy, never modified:
//     <id>-v<version>-<hash8>.pack           (hash8: first 8 hex digits of its BLAKE2b-512)
//     <id>-v<version>-<hash8>.pack.minisig   its signature, kept for audits
//                         Garbage collection keeps only the current and previous packs.
//   STATE/staging/        copies being installed (incoming.pack, incoming.pack.minisig,
//                         pointers.new). Whatever is here when the store opens was left by a
//                         crash and is deleted.
//   STATE/keys/*.pub      trusted minisign public keys; several at once allow key rotation.
//   STATE/lock            flock(2)ed by whoever changes the store (install, rollback, start-up
//                         cleanup); the kernel releases it when the holder dies.
//
// Nothing in STATE is read by following a symbolic link: pointers and keys are opened with
// O_NOFOLLOW, names in the pointer file are parsed strictly (no '/', no ".."), and the
// subdirectories must be real directories.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/file_system.hpp"
#include "pavilion/content/minisign.hpp"
#include "pavilion/content/version_floor.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

struct InstalledPack {
    std::string file_name; // its name in packs/
    std::string path;      // STATE/packs/<file_name>
    std::string pack_id;
    std::int64_t version = 0;
};

struct TrustedKeys {
    std::vector<minisign::PublicKey> keys;
    std::vector<std::string> problems; // one line per key file that was skipped, and why
    // Two key files with the same key id: which one verifies would depend on file order, so no
    // key is trusted at all until one is removed; says which files clash. "" when none.
    std::string clash;
};

// A verified copy in staging/, ready to become the current pack (see PackStore::adopt).
struct StagedPack {
    std::string pack_path;
    std::string signature_path;
    std::string pack_id;
    std::int64_t version = 0;
    minisign::FileHash hash{};
};

class PackStore {
public:
    // Opens the store in `state_dir`, creating it and its subdirectories as needed, and
    // deletes what a crash left in staging/ (unless another process holds the lock, i.e. is
    // installing right now). The parent of state_dir must exist.
    static Expected<PackStore> open(const std::string& state_dir,
                                    std::shared_ptr<FileSystem> fs =
                                        std::make_shared<PosixFileSystem>());

    const std::string& root() const { return root_; }
    std::string packs_dir() const { return root_ + "/packs"; }
    std::string staging_dir() const { return root_ + "/staging"; }
    std::string keys_dir() const { return root_ + "/keys"; }
    std::string pointers_path() const { return root_ + "/pointers"; }
    std::string floor_path() const { return root_ + "/floor"; }
    FileSystem& file_system() const { return *fs_; }

    // What open() noticed and dealt with (leftovers deleted, cleanup skipped), one line each.
    const std::vector<std::string>& open_messages() const { return open_messages_; }

    // The pack the kiosk should show; nullopt: none installed, show the built-in default pack.
    // An error when the pointer file is damaged or names a missing pack (then, too, the kiosk
    // shows its built-in pack, and says why).
    Expected<std::optional<InstalledPack>> active() const;
    // The pack that was current before the active one (the rollback target), if any.
    Expected<std::optional<InstalledPack>> previous() const;

    // Swaps current and previous in one atomic step and returns the new active pack. The floor
    // is not lowered: the version left is withdrawn (it does not come back from a stick).
    Expected<InstalledPack> rollback();

    // The pack built into the kiosk: its version counts as installed for the floor, so a stick
    // cannot bring an older copy of it in even on an empty device.
    void cover_built_in(PackIdentity built_in) { built_in_ = std::move(built_in); }
    const std::optional<PackIdentity>& built_in() const { return built_in_; }

    // The version floor. ErrorCode::floor_unknown when STATE/floor is damaged, or missing while
    // packs are installed: every install is then refused until accept_rebuilt_floor().
    Expected<VersionFloor> floor() const;
    // The operator's confirmation after floor_unknown: a floor made from the packs in packs/
    // (each id's newest version, withdrawn unless it is current) and the built-in pack, written
    // in place of the damaged one. Also fixes the device's pack id (provisioning) when given.
    Expected<VersionFloor> accept_rebuilt_floor();
    // Provisioning: fixes the pack id this device takes without the operator's confirmation.
    // Refused (other_pack) when another id is fixed already; the same id is a no-op.
    Status fix_device_pack_id(const std::string& pack_id);

    // The keys in keys/*.pub, sorted by file name. A key file that cannot be used is skipped
    // and named in `problems`; it never stops the others from being trusted.
    TrustedKeys trusted_keys() const;

    // Deletes every file in packs/ except the current and previous packs and their signatures.
    // Refuses (and deletes nothing) when the pointer file is damaged: it could not tell what
    // to keep. A pack a running kiosk still has open may go: on Linux its reader keeps the
    // inode, and packs are read-only files SQLite never writes a journal for.
    Status collect_garbage();

    // Held while the store changes; released on destruction (or by the kernel on a crash).
    class Lock {
    public:
        Lock(Lock&&) noexcept;
        Lock& operator=(Lock&&) noexcept;
        ~Lock();

    private:
        friend class PackStore;
        Lock(FileSystem& fs, int fd) : fs_(&fs), fd_(fd) {}
        FileSystem* fs_;
        int fd_;
    };
    // Fails at once (ErrorCode::busy, "... another install is running") if someone holds it.
    Expected<Lock> lock();

    // Moves a staged copy whose signature and contents were verified into packs/ and makes it
    // current (previous <- old current), fsyncing as it goes. Only for PackInstaller: the
    // store itself does not check the files. An identical pack already in packs/ is reused.
    Expected<InstalledPack> adopt(const Lock& held, const StagedPack& staged);

private:
    PackStore(std::string root, std::shared_ptr<FileSystem> fs);
    Expected<InstalledPack> installed(const std::string& file_name) const;
    Status write_pointers(const std::string& current, const std::string& previous);
    Status write_floor(const VersionFloor& floor);
    Expected<bool> has_installed_packs() const;
    void clean_staging();
    void prepare_floor();
    Expected<VersionFloor> floor_from_packs() const;

    std::string root_;
    std::shared_ptr<FileSystem> fs_;
    std::vector<std::string> open_messages_;
    std::optional<PackIdentity> built_in_;
};

} // namespace pavilion::content
