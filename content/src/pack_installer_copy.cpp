// Step c: the private copy, hashed while it is written.

#include "pack_installer_steps.hpp"

#include <fcntl.h>
#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace pavilion::content::install_steps {
namespace {

// The hint that matters most at a stand: a read error on a stick is nearly always a stick that
// was pulled out.
Error read_failure(const SourceFiles& source, long rc) {
    return make_error(ErrorCode::io, source.pack_label + ": cannot read (" + error_text(rc) +
                                         "; was the stick pulled out?)");
}

Error write_failure(const std::string& staged_path, long rc) {
    if (rc == -ENOSPC || rc == -EDQUOT) {
        return make_error(ErrorCode::no_space, "the kiosk's disk is full: cannot copy the pack to " +
                                             staged_path);
    }
    return make_error(ErrorCode::io, "cannot write " + staged_path + " (" + error_text(rc) + ")");
}

} // namespace

Expected<minisign::FileHash> copy_to_staging(FileSystem& fs, const SourceFiles& source,
                                             const std::string& staged_path,
                                             const InstallOptions& options) {
    if (sodium_init() < 0) {
        return make_error(ErrorCode::io, "the crypto library (libsodium) could not be initialised");
    }
    // O_TRUNC, not O_EXCL: the store lock is held, so a file of this name can only be the
    // leftover of an install that crashed.
    fsio::ScopedFd out(fs, fs.open(FileSystem::kWorkingDirectory, staged_path,
                                   O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644));
    if (!out.valid()) return write_failure(staged_path, out.get());

    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES_MAX);
    std::vector<unsigned char> buffer(std::max<std::size_t>(options.copy_chunk_bytes, 4096));
    std::uint64_t copied = 0;
    if (options.on_progress) options.on_progress(0, source.size);
    for (;;) {
        if (options.cancel && options.cancel->load()) {
            return make_error(ErrorCode::cancelled,
                              source.pack_label + ": the install was cancelled");
        }
        const long got = fs.read(source.pack.get(), buffer.data(), buffer.size());
        if (got < 0) return read_failure(source, got);
        if (got == 0) break;
        copied += static_cast<std::uint64_t>(got);
        // The size was checked at open; a file that grows since is not the file we checked.
        // io, like a file that ends early: the stick's copy is unstable, not proven forged.
        if (copied > source.size) {
            return make_error(ErrorCode::io, source.pack_label +
                                                 ": the file changed while it was being copied");
        }
        // Hash exactly the bytes that go into the private copy: the signature is checked
        // against this copy, not against the stick.
        crypto_generichash_update(&state, buffer.data(), static_cast<std::size_t>(got));
        if (const long rc = fsio::write_all(fs, out.get(), buffer.data(),
                                            static_cast<std::size_t>(got));
            rc < 0) {
            return write_failure(staged_path, rc);
        }
        if (options.on_progress) options.on_progress(copied, source.size);
    }
    if (copied != source.size) {
        return make_error(ErrorCode::io, source.pack_label + ": the file ended after " +
                                             std::to_string(copied) + " of " +
                                             std::to_string(source.size) +
                                             " bytes (was the stick pulled out?)");
    }
    if (const int rc = fs.fsync(out.get()); rc < 0) return write_failure(staged_path, rc);
    if (const int rc = out.close(); rc < 0) return write_failure(staged_path, rc);
    minisign::FileHash hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

Status write_staged_signature(FileSystem& fs, const std::string& path, const std::string& text) {
    fsio::ScopedFd out(fs, fs.open(FileSystem::kWorkingDirectory, path,
                                   O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644));
    long rc = out.valid() ? fsio::write_all(fs, out.get(), text.data(), text.size()) : out.get();
    if (rc == 0) rc = fs.fsync(out.get());
    if (rc == 0) rc = out.close();
    if (rc < 0) return write_failure(path, rc);
    return ok();
}

} // namespace pavilion::content::install_steps
