#pragma once
// Installs a signed pack from a USB stick (or an inbox folder) into a PackStore.
//
// A broken kiosk at a stand is a disaster, so an install either completes or changes nothing,
// whatever happens: a stick pulled out, a full disk, a forged or damaged file, a power cut.
// The steps, strictly in this order:
//   a. the candidate: plain file names only (no '/', no "..", no hidden files), a regular file
//      opened with O_NOFOLLOW (a symlink to /etc/passwd is refused), within the size limit,
//      and room for it on the state file system (statvfs, with a margin);
//   b. its .minisig (small, size-capped): made by a trusted key, and its trusted comment
//      (PackClaim) names this file, a format this kiosk reads, and a version newer than the
//      installed pack of the same id (unless `force`, the operator's explicit choice);
//   c. a private copy in STATE/staging, hashed (BLAKE2b-512) while copying, with progress and
//      a cancel flag, then fsynced;
//   d. the signature checked against the hash of that private copy, never the stick's file
//      (which may change under us). Nothing hands any file to SQLite before this succeeds;
//   e. only then the copy is opened with PackReader (its hardened open runs quick_check and
//      checks the schema) and its id and version compared with the signed claim;
//   f. moved into packs/, the pointer switched atomically (previous <- current), directories
//      fsynced, older packs garbage-collected.
// Every failure is one line saying what is wrong and where ("PAVILION/expo.pack: signature
// does not match ..."), removes the staged copy and leaves the current pack untouched.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/pack_store.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

// A pack and its signature, by folder and plain file names, so that nothing in a name can
// point outside the folder.
struct Candidate {
    std::string folder;         // e.g. /media/kiosk/STICK/PAVILION
    std::string pack_name;      // e.g. expo.pack: no '/', not hidden, ends in .pack
    std::string signature_name; // "" means pack_name + ".minisig"

    std::string signature_file() const {
        return signature_name.empty() ? pack_name + ".minisig" : signature_name;
    }
};

// Splits "PAVILION/expo.pack" into folder and name (and checks the name).
Expected<Candidate> candidate_from_path(const std::string& pack_path);

struct InstallOptions {
    bool force = false; // install even if not newer, or another pack id (never unsigned)
    // The claim the operator confirmed on the panel (offered_pack.hpp): when set, a signature
    // that names another pack id or version is refused (tampered), force or not, so that what
    // is installed is what the operator was asked about, even if the stick changed since.
    std::optional<PackClaim> confirmed;
    std::uint64_t max_pack_bytes = std::uint64_t{2} << 30;      // 2 GiB
    std::uint64_t max_signature_bytes = 16 * 1024;              // minisign's own are < 9 KiB
    std::uint64_t free_space_margin_bytes = std::uint64_t{64} << 20; // left free after the copy
    std::size_t copy_chunk_bytes = 256 * 1024;
    // Called after every chunk copied (and once at 0), e.g. to show MB and time left.
    std::function<void(std::uint64_t copied, std::uint64_t total)> on_progress;
    // Set (from any thread) to stop the copy; the install then fails with ErrorCode::cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // Writes <pack>.report.txt beside the candidate (when the folder is writable).
    bool write_report = true;
    // Things worth logging that do not stop the install (a skipped key file, a failed GC).
    std::function<void(const std::string&)> on_warning;
};

struct InstallResult {
    InstalledPack installed;
    PackClaim claim;        // what the signature vouched for
    std::string key_id;     // the trusted key that signed it, as minisign prints it
    bool unchanged = false; // it was the current pack already (only possible with force)
};

// Every refusal carries a code, so that callers never parse the message (which is for people,
// and written as is into the .report.txt beside the pack):
//   not_newer     the same pack id at the installed version or an older one (the very file
//                 installed already included), without force: nothing new, not a failure
//   other_pack    a pack of another id than the installed one, without force
//   too_large     the pack over max_pack_bytes, or its .minisig over max_signature_bytes, or
//                 (after verification) content over the reader's limits: map points, pictures
//   no_space      too little free space for the copy (statvfs, with the margin), or the disk
//                 filled up while copying (ENOSPC, EDQUOT)
//   cancelled     the cancel flag was set
//   busy          another install holds the store's lock
//   unsafe        path tricks, symbolic links, not a regular file
//   bad_signature no .minisig, one that cannot be parsed, no or a malformed claim in it, or a
//                 signature file not named *.minisig
//   untrusted     signed by a key not in keys/, or no trusted key at all
//   tampered      the file or its trusted comment does not match the signature, or the
//                 signature names another file (a renamed pack)
//   unsupported   a pack format this kiosk does not read
//   not_a_pack    not named *.pack, empty, or (after verification) not a pack to the reader
//   corrupt       the verified copy fails the reader's checks, or is another id/version than
//                 the signature vouches for
//   io            read and write errors: a stick pulled mid-copy, a file that ends early or
//                 grows while copied, a missing pack file, a state folder that cannot be read
//   invalid_argument  only a Candidate without a folder (the caller's mistake)
class PackInstaller {
public:
    explicit PackInstaller(PackStore& store) : store_(store) {}

    Expected<InstallResult> install(const Candidate& candidate,
                                    const InstallOptions& options = {});

private:
    PackStore& store_;
};

} // namespace pavilion::content
