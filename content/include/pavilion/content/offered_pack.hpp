#pragma once
// What a pack on a stick (or in an inbox) says it is, before anything is copied: the pack id
// and version in its signature's trusted comment, authenticated by a trusted key. The operator
// panel asks this before it installs, to know whether the operator must confirm (another pack,
// an older version) and to name the pack in that question.
//
// Only the comment is checked (minisign::verify_trusted_comment): its key is trusted and its own
// signature covers it, so the id and version were written by whoever holds that key, not by
// whoever made the stick. Whether the pack's bytes match is for the installer, which reads the
// signature again (the stick may change meanwhile: InstallOptions::confirmed pins what the
// operator agreed to).

#include "pavilion/content/expected.hpp"
#include "pavilion/content/file_system.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_store.hpp"

#include <string>

namespace pavilion::content {

struct OfferedPack {
    PackClaim claim;    // id valid as a pack id, format this kiosk reads, file = the candidate's name
    std::string key_id; // who signed the comment, as minisign prints it
};

// Refusals carry the installer's codes (pack_installer.hpp): bad_signature, untrusted,
// tampered, unsupported, too_large, unsafe, io. Messages name the signature file as
// "PAVILION/expo.pack.minisig" and repeat nothing of its text but a valid pack id.
Expected<OfferedPack> read_offered_pack(const Candidate& candidate, const TrustedKeys& trusted,
                                        FileSystem& fs);

} // namespace pavilion::content
