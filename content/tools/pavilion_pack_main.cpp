// pavilion-pack: builds, inspects, signs, verifies and installs Pavilion content packs, and
// makes the tokens that end an operator PIN lock-out.

#include "pack_commands.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

const char* kUsage =
    "usage: pavilion-pack COMMAND [ARGS]\n"
    "\n"
    "Builds, inspects, signs, verifies and installs Pavilion content packs.\n"
    "\n"
    "commands:\n"
    "  build SRC_DIR -o PACK        compile a pack source folder into a pack file\n"
    "  info PACK [--json]           show what a pack contains\n"
    "  verify PACK --key PUB ...    check PACK.minisig against trusted public keys\n"
    "  keygen -p PUB -s SECRET      create a signing key pair (minisign format)\n"
    "  sign PACK -s SECRET          write PACK.minisig\n"
    "  install PACK --state DIR     install a signed pack into a kiosk's state directory\n"
    "  floor --state DIR            show (or fix, or rebuild) a kiosk's version floor\n"
    "  synth --stories N OUT_DIR    write a synthetic pack source of N stories (scale tests)\n"
    "  unlock-token CODE -s SECRET  write the token that ends a kiosk's PIN lock-out\n"
    "\n"
    "Run 'pavilion-pack COMMAND --help' for the options of a command.\n";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const pavilion::tools::Arguments args(argv + 2, argv + argc);
    if (command == "build") return pavilion::tools::run_build(args);
    if (command == "info") return pavilion::tools::run_info(args);
    if (command == "verify") return pavilion::tools::run_verify(args);
    if (command == "keygen") return pavilion::tools::run_keygen(args);
    if (command == "sign") return pavilion::tools::run_sign(args);
    if (command == "install") return pavilion::tools::run_install(args);
    if (command == "floor") return pavilion::tools::run_floor(args);
    if (command == "synth") return pavilion::tools::run_synth(args);
    if (command == "unlock-token") return pavilion::tools::run_unlock_token(args);
    std::fprintf(stderr, "pavilion-pack: unknown command '%s' (see pavilion-pack --help)\n",
                 command.c_str());
    return 2;
}
