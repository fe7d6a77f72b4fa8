// Signatures: a fuzz archive holding key.pub (a minisign public key file), pack.minisig (a
// signature file) and pack (the signed bytes). Everything a kiosk does with them before it
// trusts a pack: parse the key, verify (also against no file, as the installer does first), read
// the claim in the unverified trusted comment. A signature made here with a fixed key over the
// input's comment must verify (sign and verify agree on every comment sign accepts).

#include "fuzz_archive.hpp"
#include "fuzz_check.hpp"
#include "fuzz_targets.hpp"
#include "pack_installer_steps.hpp"
#include "target_reach.hpp"

#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_claim.hpp"

#include <sodium.h>

#include <string>
#include <vector>

namespace pavilion::fuzz {
namespace {

namespace minisign = content::minisign;

// A key pair made from a fixed seed: the same for every input, so findings reproduce.
minisign::SecretKey fixed_secret_key() {
    minisign::SecretKey secret;
    std::uint8_t seed[crypto_sign_SEEDBYTES] = {};
    std::uint8_t public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(public_key, secret.key.data(), seed);
    secret.key_id = {1, 2, 3, 4, 5, 6, 7, 8};
    return secret;
}

bool read_claim(std::string_view signature_text) {
    const auto comment = content::install_steps::unverified_trusted_comment(signature_text);
    if (!comment) return false;
    const auto claim = content::parse_pack_claim(*comment);
    if (!claim) return false;
    const auto again = content::parse_pack_claim(content::format_pack_claim(*claim));
    fuzz_check(again && again->pack_id == claim->pack_id && again->version == claim->version &&
                   again->format == claim->format && again->file_name == claim->file_name,
               "a parsed pack claim reads back the same after formatting");
    return true;
}

void sign_and_verify(const std::string& comment, const minisign::FileHash& hash) {
    const auto secret = fixed_secret_key();
    const auto signature = minisign::sign(secret, hash, comment);
    if (!signature) return; // not a one-line comment of minisign's length
    const auto verified = minisign::verify({minisign::public_key_of(secret)}, *signature, hash);
    fuzz_check(static_cast<bool>(verified), "a fresh signature verifies");
    fuzz_check(verified->trusted_comment == comment, "verify returns the comment that was signed");
    fuzz_check(content::install_steps::unverified_trusted_comment(*signature) == comment,
               "the installer reads the signed comment back");
}

} // namespace

SignatureReach check_signature_archive(const std::uint8_t* data, std::size_t size) {
    SignatureReach reach;
    const auto files = split_archive(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string key_text = archive_file(files, "key.pub");
    const std::string signature_text = archive_file(files, "pack.minisig");
    const std::string signed_bytes = archive_file(files, "pack");

    std::vector<minisign::PublicKey> trusted = {minisign::public_key_of(fixed_secret_key())};
    if (auto key = minisign::parse_public_key(key_text)) {
        // What the kiosk shows for a key must read back as the same key.
        const auto again = minisign::parse_public_key(minisign::format_public_key(*key));
        fuzz_check(again && again->key == key->key && again->key_id == key->key_id,
                   "a parsed public key reads back the same after formatting");
        trusted.push_back(*key);
        reach.key_parsed = true;
    }
    const auto hash = minisign::hash_bytes(signed_bytes.data(), signed_bytes.size());
    if (auto verified = minisign::verify(trusted, signature_text, hash))
        reach.verified = verified->key_id != fixed_secret_key().key_id;
    minisign::verify(trusted, signature_text, minisign::FileHash{}); // the installer's early check
    reach.claim_read = read_claim(signature_text);

    if (auto comment = content::install_steps::unverified_trusted_comment(signature_text))
        sign_and_verify(*comment, hash);
    return reach;
}

int fuzz_signature(const std::uint8_t* data, std::size_t size) {
    check_signature_archive(data, size);
    return 0;
}

} // namespace pavilion::fuzz
