// pavilion-pack unlock-token: the signed token that ends a kiosk's operator PIN lock-out.

#include "command_line.hpp"
#include "pack_commands.hpp"

#include "pavilion/content/minisign.hpp"
#include "pavilion/content/unlock_token.hpp"

#include <cstdio>

namespace pavilion::tools {

int run_unlock_token(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack unlock-token CODE -s SECRETKEY_FILE [-o TOKEN_FILE]\n"
        "\n"
        "Makes the token that ends a kiosk's operator PIN lock-out. After a few lock-outs the\n"
        "kiosk's keypad shows a recovery code (e.g. 7K2QD-M9XAT); the token is a minisign\n"
        "signature for that code, made with a key the kiosk trusts (its public half in the\n"
        "kiosk's keys/ folder, as for packs). Copy it to the folder PAVILION on a USB stick as\n"
        "unlock.token, plug the stick into the kiosk and tap 'Unlock with stick' on the keypad:\n"
        "the lock-out ends and the operator chooses a new PIN. A token works once, on the kiosk\n"
        "that showed its code, and only until that lock-out ends.\n"
        "\n"
        "-o TOKEN_FILE  where to write it (default: unlock.token)\n";
    const auto parsed = parse(args, {"-s", "-o"}, {});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto code = content::normalize_recovery_code(line.positional[0]);
    if (!code)
        return usage_error("'" + line.positional[0] + "' is not a recovery code: 10 letters and digits, as the "
                                                      "keypad shows them (e.g. 7K2QD-M9XAT)",
                           usage);
    const auto secret_path = line.value("-s");
    if (secret_path.empty()) return usage_error("-s SECRETKEY_FILE is required", usage);
    const auto out = line.value("-o").empty() ? std::string(content::kUnlockTokenFile) : line.value("-o");

    std::string key_text;
    if (!read_text(secret_path, key_text)) return fail(secret_path + ": cannot read the secret key");
    auto key = content::minisign::parse_secret_key(key_text);
    if (!key) return fail(secret_path + ": " + key.error().message);
    auto token = content::make_unlock_token(*key, *code);
    if (!token) return fail(token.error().message);
    if (!write_text(out, *token, false)) return fail(out + ": cannot write the unlock token");
    std::printf("wrote %s: unlock token for code %s, signed by key %s\n"
                "copy it to PAVILION/%s on a USB stick, then tap 'Unlock with stick' on the kiosk's keypad\n",
                out.c_str(), content::display_recovery_code(*code).c_str(),
                content::minisign::key_id_hex(key->key_id).c_str(), content::kUnlockTokenFile);
    return 0;
}

} // namespace pavilion::tools
