// Step b, second half: who signed the candidate, and whether what it claims is acceptable.

#include "pack_installer_steps.hpp"
#include "pack_store_names.hpp"
#include "pavilion/content/model.hpp"

namespace pavilion::content::install_steps {
namespace {

constexpr std::string_view kTrustedPrefix = "trusted comment: ";

std::string quoted(const std::string& text) { return "'" + text + "'"; }

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
                                              const Installed& installed, bool force) {
    if (!trusted.clash.empty()) return make_error(ErrorCode::untrusted, trusted.clash);
    if (trusted.keys.empty()) {
        return make_error(ErrorCode::untrusted,
                          source.pack_label + ": this kiosk trusts no signing key yet (put the "
                                              "operator's public key in the store's keys/ folder)");
    }
    if (auto status = check_base64_lines(signature_text, source.signature_label); !status) {
        return status.error();
    }
    // The file's hash is not known before the copy, but the trusted comment is signed on its own
    // (minisign's global signature): a claim no trusted key made is refused before any copying.
    if (auto vouched = minisign::verify_trusted_comment(trusted.keys, signature_text); !vouched) {
        return make_error(vouched.error().code, source.signature_label + ": " + vouched.error().message);
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
    if (!is_readable_pack_format(claim->format)) {
        return make_error(ErrorCode::unsupported,
                          source.pack_label + ": pack format " + std::to_string(claim->format) +
                              " is not supported (this kiosk reads formats " +
                              std::to_string(kOldestPackFormatVersion) + " to " +
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
    if (!force) {
        if (auto status = check_against_floor({claim->pack_id, claim->version}, installed.floor,
                                              installed.built_in, installed.current, source.pack_label);
            !status) {
            return status.error();
        }
    }
    return claim;
}

} // namespace pavilion::content::install_steps
