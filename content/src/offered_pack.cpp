#include "pavilion/content/offered_pack.hpp"

#include "file_system_io.hpp"
#include "pack_installer_steps.hpp"
#include "pack_store_names.hpp"
#include "pavilion/content/model.hpp"

#include <cerrno>

namespace pavilion::content {
namespace {

// The installer's own limit for a .minisig (InstallOptions::max_signature_bytes).
constexpr std::size_t kMaxSignatureBytes = 16 * 1024;

Expected<std::string> read_signature(const Candidate& candidate, const std::string& label, FileSystem& fs) {
    std::string text;
    const int rc = fsio::read_regular_file(fs, candidate.folder + "/" + candidate.signature_file(),
                                           kMaxSignatureBytes, text);
    if (rc == -EFBIG) return make_error(ErrorCode::too_large, label + ": too large for a signature");
    if (rc == -ELOOP || rc == -EINVAL) return make_error(ErrorCode::unsafe, label + ": not a regular file");
    if (rc == -ENOENT)
        return make_error(ErrorCode::bad_signature, label + ": no signature file (packs are installed only when signed)");
    if (rc < 0) return make_error(ErrorCode::io, label + ": " + error_text(rc));
    return text;
}

} // namespace

Expected<OfferedPack> read_offered_pack(const Candidate& candidate, const TrustedKeys& trusted, FileSystem& fs) {
    if (auto names = install_steps::check_names(candidate); !names) return names.error();
    const std::string label = install_steps::label(candidate.folder, candidate.signature_file());
    auto text = read_signature(candidate, label, fs);
    if (!text) return text.error();
    auto verified = minisign::verify_trusted_comment(trusted.keys, *text);
    if (!verified) return make_error(verified.error().code, label + ": " + verified.error().message);
    auto claim = parse_pack_claim(verified->trusted_comment);
    if (!claim) return make_error(claim.error().code, label + ": " + claim.error().message);
    if (!store_names::is_valid_pack_id(claim->pack_id) || claim->version < 0)
        return make_error(ErrorCode::bad_signature, label + ": does not name a valid pack id and version");
    if (!is_readable_pack_format(claim->format))
        return make_error(ErrorCode::unsupported, label + ": names pack format " + std::to_string(claim->format) +
                                                      ", which this kiosk does not read");
    if (claim->file_name != candidate.pack_name)
        return make_error(ErrorCode::tampered, label + ": was made for another file name than " + candidate.pack_name);
    return OfferedPack{*claim, minisign::key_id_hex(verified->key_id)};
}

} // namespace pavilion::content
