// PackInstaller::install: the steps a-f of pack_installer.hpp, in order, and the cleanup that
// makes every failure leave the store as it was.

#include "pavilion/content/pack_installer.hpp"

#include "pack_installer_steps.hpp"
#include "pavilion/content/pack_reader.hpp"

#include <utility>

namespace pavilion::content {
namespace {

using install_steps::SourceFiles;

// Deletes the staged files unless they were moved into packs/ (then unlink finds nothing).
class StagedFiles {
public:
    StagedFiles(FileSystem& fs, std::string pack, std::string signature)
        : fs_(fs), pack_(std::move(pack)), signature_(std::move(signature)) {}
    ~StagedFiles() {
        static_cast<void>(fs_.unlink(pack_));
        static_cast<void>(fs_.unlink(signature_));
    }
    StagedFiles(const StagedFiles&) = delete;
    StagedFiles& operator=(const StagedFiles&) = delete;
    const std::string& pack() const { return pack_; }
    const std::string& signature() const { return signature_; }

private:
    FileSystem& fs_;
    std::string pack_;
    std::string signature_;
};

void warn(const InstallOptions& options, const std::string& message) {
    if (options.on_warning) options.on_warning(message);
}

// The reader names the file it opened (the staged copy); the operator knows the stick's name.
Error relabel(Error error, const std::string& staged_path, const std::string& pack_label) {
    if (error.message.compare(0, staged_path.size(), staged_path) == 0) {
        error.message = pack_label + error.message.substr(staged_path.size());
    }
    return error;
}

// Step e: the first time any SQLite code sees the file, after its signature checked out.
Status check_contents(const std::string& staged_path, const SourceFiles& source,
                      const PackClaim& claim) {
    auto reader = PackReader::open(staged_path);
    if (!reader) return relabel(reader.error(), staged_path, source.pack_label);
    const auto& meta = reader->catalog().meta;
    if (meta.id != claim.pack_id || meta.version != claim.version) {
        return make_error(ErrorCode::corrupt,
                          source.pack_label + ": the signature vouches for pack " + claim.pack_id +
                              " version " + std::to_string(claim.version) + ", but the file is pack " +
                              meta.id + " version " + std::to_string(meta.version));
    }
    return ok(); // the reader closes here: a database file is never moved while open
}

std::string describe(const std::optional<InstalledPack>& pack) {
    if (!pack) return "the built-in pack";
    return "pack " + pack->pack_id + " version " + std::to_string(pack->version);
}

Expected<InstallResult> run_steps(PackStore& store, const Candidate& candidate,
                                  const InstallOptions& options, SourceFiles& source) {
    FileSystem& fs = store.file_system();
    // a. the candidate
    if (auto status = install_steps::open_source(fs, candidate, options, source); !status)
        return status.error();
    auto held = store.lock();
    if (!held) return held.error();

    // A crash of an earlier install may have left a pack in packs/ that nothing points to;
    // its space is needed for this copy.
    if (auto gc = store.collect_garbage(); !gc) warn(options, gc.error().message);
    // The floor decides what is newer, whatever state the pointer file is in; without a floor
    // nothing installs, not even by force, until the operator confirms a new one.
    auto floor = store.floor();
    if (!floor) return floor.error();
    auto current = store.active();
    // A damaged pointer file shows the built-in pack; an install repairs it (the floor still
    // refuses older packs). A read error is not damage: stop.
    if (!current && current.error().code != ErrorCode::corrupt) return current.error();
    if (!current) warn(options, current.error().message + " (an install will repair it)");
    const std::optional<InstalledPack> installed = current ? *current : std::nullopt;
    install_steps::Installed context{std::move(*floor), store.built_in(), std::nullopt};
    if (installed) context.current = PackIdentity{installed->pack_id, installed->version};

    // a. room for the copy
    if (auto status = install_steps::check_space(fs, store.staging_dir(), source, options); !status)
        return status.error();
    // b. the signature and what it claims
    auto signature = install_steps::read_signature(fs, source, candidate, options);
    if (!signature) return signature.error();
    const TrustedKeys trusted = store.trusted_keys();
    for (const auto& problem : trusted.problems) warn(options, problem);
    auto claim = install_steps::check_signature_and_claim(*signature, trusted, source, candidate,
                                                          context, options.force);
    if (!claim) return claim.error();
    if (const auto& confirmed = options.confirmed;
        confirmed && (claim->pack_id != confirmed->pack_id || claim->version != confirmed->version))
        return make_error(ErrorCode::tampered, source.signature_label +
                                                   ": names another pack than the one the operator confirmed "
                                                   "(the stick changed meanwhile)");

    // c. the private copy
    StagedFiles staged(fs, store.staging_dir() + "/incoming.pack",
                       store.staging_dir() + "/incoming.pack.minisig");
    auto hash = install_steps::copy_to_staging(fs, source, staged.pack(), options);
    if (!hash) return hash.error();

    // d. the signature, against the copy
    auto verified = minisign::verify(trusted.keys, *signature, *hash);
    if (!verified) {
        const Error& error = verified.error();
        // Whether the file or the trusted comment changed, the operator's remedy is the same:
        // copy the pack and its .minisig from the author again.
        if (error.code == ErrorCode::tampered) {
            return make_error(ErrorCode::tampered,
                              source.pack_label + ": signature does not match (the file or its "
                                                  "signature was changed after signing)");
        }
        return make_error(error.code, source.signature_label + ": " + error.message);
    }
    // The claim checked in step b was read before verification; it must be the signed one.
    if (install_steps::unverified_trusted_comment(*signature) != verified->trusted_comment) {
        return make_error(ErrorCode::tampered,
                          source.signature_label + ": the trusted comment could not be confirmed");
    }

    // e. only now may SQLite look at the file
    if (auto status = check_contents(staged.pack(), source, *claim); !status) return status.error();

    // f. into packs/, and switch
    if (auto status = install_steps::write_staged_signature(fs, staged.signature(), *signature);
        !status)
        return status.error();
    const StagedPack ready{staged.pack(), staged.signature(), claim->pack_id, claim->version, *hash};
    auto adopted = store.adopt(*held, ready);
    if (!adopted) return adopted.error();
    if (auto gc = store.collect_garbage(); !gc) warn(options, gc.error().message);

    InstallResult result;
    result.installed = std::move(*adopted);
    result.claim = *claim;
    result.key_id = minisign::key_id_hex(verified->key_id);
    result.unchanged = installed && installed->file_name == result.installed.file_name;
    return result;
}

} // namespace

Expected<Candidate> candidate_from_path(const std::string& pack_path) {
    const auto slash = pack_path.rfind('/');
    Candidate candidate;
    if (slash == std::string::npos) {
        candidate.folder = ".";
        candidate.pack_name = pack_path;
    } else {
        candidate.folder = slash == 0 ? "/" : pack_path.substr(0, slash);
        candidate.pack_name = pack_path.substr(slash + 1);
    }
    if (auto status = install_steps::check_names(candidate); !status) return status.error();
    return candidate;
}

Expected<InstallResult> PackInstaller::install(const Candidate& candidate,
                                               const InstallOptions& options) {
    if (auto status = install_steps::check_names(candidate); !status) return status.error();
    SourceFiles source;
    auto result = run_steps(store_, candidate, options, source);

    if (options.write_report && source.folder.valid()) {
        auto now = store_.active();
        install_steps::ReportFacts facts;
        facts.pack_name = candidate.pack_name;
        facts.outcome = result ? "ok: installed pack " + result->claim.pack_id + " version " +
                                     std::to_string(result->claim.version) +
                                     (result->unchanged ? " (it was installed already)" : "")
                               : "refused: " + result.error().message;
        facts.installed = now ? describe(*now) : "the built-in pack (" + now.error().message + ")";
        if (!install_steps::write_report(store_.file_system(), source.folder.get(),
                                         candidate.pack_name, install_steps::report_text(facts))) {
            warn(options, source.pack_label + ".report.txt: could not be written (read-only stick?)");
        }
    }
    return result;
}

} // namespace pavilion::content
