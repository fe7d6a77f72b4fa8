// Step b, second half: who signed the candidate, and whether what it claims is acceptable.

#include "pack_installer_steps.hpp"
#include "pack_store_names.hpp"
#include "pavilion/content/model.hpp"

namespace pavilion::content::install_steps {
namespace {

constexpr std::string_view kTrustedPrefix = "trusted comment: ";

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// Callers tell "nothing new on this stick" (not_newer: the kiosk stays quiet) from a real
// refusal by these codes, never by the wording.
Status check_against_installed(const PackClaim& claim, const SourceFiles& source,
                               const InstalledPack& current) {
    if (claim.pack_id != current.pack_id) {
        return make_error(ErrorCode::other_pack,
                          source.pack_label + ": it is pack " + quoted(claim.pack_id) +
                              ", but this kiosk shows pack " + quoted(current.pack_id) +
                              " (install with force to switch to another pack)");
    }
    if (claim.version == current.version) {
        return make_error(ErrorCode::not_newer,
                          source.pack_label + ": version " + std::to_string(claim.version) +
                              " of pack " + quoted(claim.pack_id) +
                              " is installed already (install with force to install it again)");
    }
    if (claim.version < current.version) {
        return make_error(ErrorCode::not_newer,
                          source.pack_label + ": version " + std::to_string(claim.version) +
                              " is older than the installed version " +
                              std::to_string(current.version) + " of pack " +
                              quoted(claim.pack_id) + " (install with force to go back)");
    }
    return ok();
}

bool is_base64_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/' || c == '=';
}

// libsodium 1.0.18 (Debian bookworm) decodes every byte from 0x80 to 0xFF as '/', so a
// signature with such a byte in its base64 lines still verifies: the same signature, spelled
// differently. Harmless, but a damaged signature file must be refused, not half-read, so the
// two base64 lines (2 and 4) may hold the base64 alphabet and nothing else.
Status check_base64_lines(std::string_view text, const std::string& label) {
    for (int number = 1; !text.empty(); ++number) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (number == 2 || number == 4) {
            for (const char c : line) {
                if (!is_base64_char(c)) {
                    return make_error(ErrorCode::bad_signature,
                                      label + ": line " + std::to_string(number) +
                                          " of the signature file is not plain base64");
                }
            }
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return ok();
}

} // namespace

std::optional<std::string> unverified_trusted_comment(std::string_view text) {
    // Line 3, split the way minisign.cpp splits (on '\n', one '\r' dropped before it).
    for (int line = 0; line < 2; ++line) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;
        text.remove_prefix(end + 1);
    }
    std::string_view line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.substr(0, kTrustedPrefix.size()) != kTrustedPrefix) return std::nullopt;
    return std::string(line.substr(kTrustedPrefix.size()));
}

Expected<PackClaim> check_signature_and_claim(const std::string& signature_text,
                                              const TrustedKeys& trusted,
                                              const SourceFiles& source,
                                              const Candidate& candidate,
                                              const std::optional<InstalledPack>& current,
                                              bool force) {
    if (trusted.keys.empty()) {
        return make_error(ErrorCode::untrusted,
                          source.pack_label + ": this kiosk trusts no signing key yet (put the "
                                              "operator's public key in the store's keys/ folder)");
    }
    if (auto status = check_base64_lines(signature_text, source.signature_label); !status) {
        return status.error();
    }
    // The file's hash is not known before the copy, so check against a hash no file has:
    // minisign::verify parses the file and looks the key up before it compares hashes, so a
    // malformed file or an unknown key shows now; the expected "tampered" answer is ignored.
    // Nothing here is trusted yet: step d verifies for real.
    const minisign::FileHash no_file{};
    if (auto early = minisign::verify(trusted.keys, signature_text, no_file); !early) {
        const ErrorCode code = early.error().code;
        if (code != ErrorCode::tampered) {
            return make_error(code, source.signature_label + ": " + early.error().message);
        }
    }
    const auto comment = unverified_trusted_comment(signature_text);
    if (!comment) {
        return make_error(ErrorCode::bad_signature,
                          source.signature_label + ": the signature has no trusted comment");
    }
    auto claim = parse_pack_claim(*comment);
    if (!claim) return make_error(claim.error().code, source.signature_label + ": " + claim.error().message);
    if (!store_names::is_valid_pack_id(claim->pack_id)) {
        return make_error(ErrorCode::bad_signature,
                          source.signature_label + ": names pack id " + quoted(claim->pack_id) +
                              ", which is not a valid pack id (a-z, 0-9, - and _)");
    }
    if (claim->version < 0) {
        return make_error(ErrorCode::bad_signature,
                          source.signature_label + ": names a negative pack version");
    }
    if (claim->format != kPackFormatVersion) {
        return make_error(ErrorCode::unsupported,
                          source.pack_label + ": pack format " + std::to_string(claim->format) +
                              " is not supported (this kiosk reads format " +
                              std::to_string(kPackFormatVersion) + ")");
    }
    // A signature vouches for one file name: a renamed file is a file changed after signing,
    // so the signature does not match it (tampered), however harmless the rename.
    if (claim->file_name != candidate.pack_name) {
        return make_error(ErrorCode::tampered,
                          source.pack_label + ": the signature was made for " +
                              (claim->file_name.empty() ? std::string("an unnamed file")
                                                        : quoted(claim->file_name)) +
                              ", not for this file (give it its signed name, or sign it again)");
    }
    if (current && !force) {
        if (auto status = check_against_installed(*claim, source, *current); !status) {
            return status.error();
        }
    }
    return claim;
}

} // namespace pavilion::content::install_steps
