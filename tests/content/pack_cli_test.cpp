// The real pavilion-pack binary: build, info, keygen, sign, verify, usage and exit codes
// (0 success, 1 failure with one line on stderr, 2 wrong usage), and signatures exchanged both
// ways with Debian's minisign.

#include "content_test_support.hpp"

namespace pavilion::content::test {
namespace {

using pavilion::testing::CommandResult;
using pavilion::testing::run_command;

const char* const kMinisign = "/usr/bin/minisign";

// Runs pavilion-pack; output is stdout and stderr together.
CommandResult pack_tool(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {PAVILION_PACK_TOOL};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

// Runs pavilion-pack keeping only what it writes to stderr.
CommandResult pack_tool_stderr(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$@\" 2>&1 >/dev/null", "sh",
                                     PAVILION_PACK_TOOL};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

CommandResult minisign(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {kMinisign};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string describe(const CommandResult& result) {
    return "exit " + std::to_string(result.exit_code) + ", output:\n" + result.output;
}

// A built copy of the mini-pack in a private folder.
class PackCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
        copy_mini_pack_to(pack_);
    }
    std::string path(const std::string& name) const { return dir_ / name; }

    TempDir dir_;
    const std::string pack_ = dir_ / "mini.pack";
};

// --- build and info ---------------------------------------------------------------------------

TEST(PackCliBuild, SuccessPrintsOneLineAndExitsZero) {
    TempDir dir;
    const auto result = pack_tool({"build", mini_pack_fixture(), "-o", dir / "cli.pack"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(count_lines(result.output), 1) << result.output;
    EXPECT_EQ(result.output.rfind("built ", 0), 0u) << result.output;
    EXPECT_TRUE(contains(result.output, "pack mini-pack version 3, 2 initiatives, 2 stories, 2 figures"))
        << result.output;
    EXPECT_TRUE(PackReader::open(dir / "cli.pack"));
}

TEST(PackCliBuild, LongOutputOptionWorks) {
    TempDir dir;
    const auto result = pack_tool({"build", mini_pack_fixture(), "--output", dir / "cli.pack"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(fs::exists(dir / "cli.pack"));
}

TEST(PackCliBuild, AuthoringErrorExitsOneAndPrintsFileAndLine) {
    SourceCopy source;
    source.replace(kLaosItem, "sources = [\"article_one\"]", "sources = [\"nope\"]");
    const auto result = pack_tool_stderr({"build", source.root(), "-o", source.output()});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(reports(result.output, kLaosItem, source.line(kLaosItem, "sources ="),
                        "unknown source 'nope' (see sources.toml)"))
        << "on stderr";
    EXPECT_TRUE(contains(result.output, "build failed: 1 problem")) << result.output;
    EXPECT_FALSE(fs::exists(source.output()));
}

TEST(PackCliBuild, EveryProblemIsPrintedAndCounted) {
    SourceCopy source;
    source.replace(kLaosItem, "theme = \"connectivity\"", "theme = \"nope\"");
    source.replace("figures.toml", "source = \"article-two\"", "source = \"nope\"");
    const auto result = pack_tool({"build", source.root(), "-o", source.output()});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(reports(result.output, kLaosItem, source.line(kLaosItem, "theme ="), "unknown theme"));
    EXPECT_TRUE(reports(result.output, "figures.toml", source.line("figures.toml", "\"nope\""),
                        "unknown source 'nope'"));
    EXPECT_TRUE(contains(result.output, "build failed: 2 problems")) << result.output;
}

TEST(PackCliBuild, MissingOutputOptionIsAUsageError) {
    const auto result = pack_tool({"build", mini_pack_fixture()});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    EXPECT_TRUE(contains(result.output, "usage: pavilion-pack build")) << result.output;
}

TEST_F(PackCli, InfoShowsWhatThePackHolds) {
    const auto result = pack_tool({"info", pack_});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    for (const char* line : {"pack       mini-pack version 3 (format 2), created 2026-11-24",
                             "title en   Mini Pavilion", "title zh   迷你展馆",
                             "en (English) zh (中文) - default en", "initiatives 2", "stories    2",
                             "figures    2", "map_features 4", "attract_slides 2", "images     2"})
        EXPECT_TRUE(contains(result.output, line)) << "no \"" << line << "\" in:\n" << result.output;
}

TEST_F(PackCli, InfoJson) {
    const auto result = pack_tool({"info", "--json", pack_});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    const auto& json = result.output;
    EXPECT_EQ(json.front(), '{') << json;
    for (const char* field :
         {"\"id\": \"mini-pack\"", "\"version\": 3", "\"format\": 2", "\"created\": \"2026-11-24\"",
          "\"default_locale\": \"en\"", "\"idle_timeout_s\": 60", "\"initiatives\": 2",
          "\"stories\": 2", "\"figures\": 2", "\"sources\": 2", "\"map_features\": 4",
          "\"attract_slides\": 2", "\"images\": 2", "\"story\": 2", "\"corridor\": 1",
          "\"initiative/overview\"", "\"story/mozura-wind-farm\"", "\"has_own_font\": false",
          "\"zh\": \"迷你展馆\""})
        EXPECT_TRUE(contains(json, field)) << "no " << field << " in:\n" << json;
    EXPECT_TRUE(contains(json, "\"bytes\": " + std::to_string(fs::file_size(pack_)))) << json;
}

TEST_F(PackCli, InfoJsonFlagMayFollowThePack) {
    const auto result = pack_tool({"info", pack_, "--json"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(contains(result.output, "\"initiatives\": 2")) << result.output;
}

TEST_F(PackCli, InfoOnSomethingElseFailsWithOneLine) {
    pavilion::testing::write_text(path("notes.pack"), "not a pack");
    const auto result = pack_tool_stderr({"info", path("notes.pack")});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_EQ(count_lines(result.output), 1) << result.output;
    EXPECT_TRUE(contains(result.output, path("notes.pack"))) << result.output;
}

// --- usage ------------------------------------------------------------------------------------

TEST(PackCliUsage, HelpOfEveryCommandExitsZero) {
    for (const std::string command : {"build", "info", "verify", "keygen", "sign"}) {
        for (const std::string flag : {"--help", "-h"}) {
            const auto result = pack_tool({command, flag});
            EXPECT_EQ(result.exit_code, 0) << command << " " << flag << ": " << describe(result);
            EXPECT_TRUE(contains(result.output, "usage: pavilion-pack " + command)) << result.output;
        }
    }
    const auto top = pack_tool({"--help"});
    EXPECT_EQ(top.exit_code, 0) << describe(top);
    EXPECT_TRUE(contains(top.output, "commands:")) << top.output;
}

TEST(PackCliUsage, UnknownCommandExitsTwo) {
    const auto result = pack_tool({"explode"});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    EXPECT_TRUE(contains(result.output, "unknown command 'explode'")) << result.output;
}

TEST(PackCliUsage, NoCommandExitsTwo) {
    const auto result = pack_tool({});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    EXPECT_TRUE(contains(result.output, "usage: pavilion-pack")) << result.output;
}

TEST(PackCliUsage, WrongArgumentsExitTwo) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"info"}, {"info", "a.pack", "b.pack"}, {"info", "a.pack", "--bogus"},
             {"verify", "a.pack"}, {"sign", "a.pack"}, {"keygen", "-p", "pub"}, {"build", "src", "-o"}}) {
        const auto result = pack_tool(args);
        EXPECT_EQ(result.exit_code, 2) << args[0] << " (" << args.size() << " args): " << describe(result);
    }
}

TEST(PackCliUsage, TheFirstMistakeIsNamedAndHelpWinsOverMistakes) {
    const auto mistaken = pack_tool({"info", "--bogus", "a.pack", "--json", "--worse"});
    EXPECT_EQ(mistaken.exit_code, 2) << describe(mistaken);
    EXPECT_TRUE(contains(mistaken.output, "pavilion-pack: unknown option --bogus\nusage: pavilion-pack info"))
        << mistaken.output;
    EXPECT_FALSE(contains(mistaken.output, "--worse")) << mistaken.output;
    const auto missing = pack_tool({"build", "src", "-o"});
    EXPECT_TRUE(contains(missing.output, "pavilion-pack: -o needs a value\n")) << missing.output;
    const auto help = pack_tool({"info", "--bogus", "--help"});
    EXPECT_EQ(help.exit_code, 0) << describe(help);
    EXPECT_TRUE(contains(help.output, "usage: pavilion-pack info")) << help.output;
}

// --- keys, signatures, verification ---------------------------------------------------------

class PackCliSigning : public PackCli {
protected:
    void SetUp() override {
        PackCli::SetUp();
        const auto keygen = pack_tool({"keygen", "-p", public_key_, "-s", secret_key_});
        ASSERT_EQ(keygen.exit_code, 0) << describe(keygen);
    }
    CommandResult sign() { return pack_tool({"sign", pack_, "-s", secret_key_}); }
    CommandResult verify(const std::string& key) { return pack_tool({"verify", pack_, "--key", key}); }
    CommandResult verify_stderr(const std::string& key) {
        return pack_tool_stderr({"verify", pack_, "--key", key});
    }
    void flip_byte(const std::string& file, std::size_t at) {
        auto bytes = pavilion::testing::read_bytes(file);
        ASSERT_LT(at, bytes.size());
        bytes[at] ^= 0x01;
        write_bytes(file, bytes);
    }

    const std::string public_key_ = path("pack.pub");
    const std::string secret_key_ = path("pack.key");
    const std::string signature_ = pack_ + ".minisig";
};

TEST_F(PackCliSigning, KeygenSignVerify) {
    const auto signed_result = sign();
    EXPECT_EQ(signed_result.exit_code, 0) << describe(signed_result);
    ASSERT_TRUE(fs::exists(signature_));
    const auto signature = pavilion::testing::read_text(signature_);
    EXPECT_TRUE(contains(signature, "trusted comment: pack:mini-pack\tversion:3\tformat:2\tfile:mini.pack"))
        << signature;

    const auto verified = verify(public_key_);
    EXPECT_EQ(verified.exit_code, 0) << describe(verified);
    EXPECT_TRUE(contains(verified.output, "signature OK: pack mini-pack version 3")) << verified.output;
}

TEST_F(PackCliSigning, SecretKeyIsPrivateAndKeygenDoesNotOverwrite) {
    EXPECT_EQ(fs::status(secret_key_).permissions() & (fs::perms::group_all | fs::perms::others_all),
              fs::perms::none);
    const auto before = pavilion::testing::read_text(secret_key_);
    const auto again = pack_tool({"keygen", "-p", public_key_, "-s", secret_key_});
    EXPECT_EQ(again.exit_code, 1) << describe(again);
    EXPECT_EQ(pavilion::testing::read_text(secret_key_), before);
}

TEST_F(PackCliSigning, SignatureAtAnotherPath) {
    const auto sig = path("elsewhere.minisig");
    ASSERT_EQ(pack_tool({"sign", pack_, "-s", secret_key_, "-x", sig}).exit_code, 0);
    EXPECT_FALSE(fs::exists(signature_));
    const auto result = pack_tool({"verify", pack_, "--key", public_key_, "--sig", sig});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
}

TEST_F(PackCliSigning, WrongKeyExitsOneWithOneLineOnStderr) {
    ASSERT_EQ(sign().exit_code, 0);
    ASSERT_EQ(pack_tool({"keygen", "-p", path("other.pub"), "-s", path("other.key")}).exit_code, 0);
    const auto result = verify_stderr(path("other.pub"));
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_EQ(count_lines(result.output), 1) << "stderr:\n" << result.output;
    EXPECT_EQ(result.output.rfind("pavilion-pack: ", 0), 0u) << result.output;
    EXPECT_EQ(verify(path("other.pub")).output, result.output) << "nothing on stdout";
}

TEST_F(PackCliSigning, AnyOfSeveralKeysMayHaveSigned) {
    ASSERT_EQ(sign().exit_code, 0);
    ASSERT_EQ(pack_tool({"keygen", "-p", path("other.pub"), "-s", path("other.key")}).exit_code, 0);
    const auto result =
        pack_tool({"verify", pack_, "--key", path("other.pub"), "--key", public_key_});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
}

TEST_F(PackCliSigning, OneTamperedByteInThePackFails) {
    ASSERT_EQ(sign().exit_code, 0);
    flip_byte(pack_, fs::file_size(pack_) / 2);
    const auto result = verify_stderr(public_key_);
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_EQ(count_lines(result.output), 1) << result.output;
}

TEST_F(PackCliSigning, TamperedLastByteFails) {
    ASSERT_EQ(sign().exit_code, 0);
    flip_byte(pack_, fs::file_size(pack_) - 1);
    EXPECT_EQ(verify(public_key_).exit_code, 1);
}

TEST_F(PackCliSigning, TruncatedSignatureFails) {
    ASSERT_EQ(sign().exit_code, 0);
    const auto signature = pavilion::testing::read_text(signature_);
    for (const std::size_t keep : {std::size_t{0}, std::size_t{20}, signature.size() / 2, signature.size() - 10}) {
        pavilion::testing::write_text(signature_, signature.substr(0, keep));
        const auto result = verify_stderr(public_key_);
        EXPECT_EQ(result.exit_code, 1) << "kept " << keep << " bytes: " << describe(result);
        EXPECT_EQ(count_lines(result.output), 1) << result.output;
    }
}

TEST_F(PackCliSigning, MissingSignatureFails) {
    const auto result = verify(public_key_);
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(contains(result.output, signature_)) << result.output;
}

TEST_F(PackCliSigning, SignRefusesAFileThatIsNotAPack) {
    pavilion::testing::write_text(path("notes.pack"), "not a pack");
    const auto result = pack_tool({"sign", path("notes.pack"), "-s", secret_key_});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_FALSE(fs::exists(path("notes.pack.minisig")));
}

// --- interoperability with minisign ----------------------------------------------------------

class PackCliMinisign : public PackCli {
protected:
    void SetUp() override {
        if (!fs::exists(kMinisign)) GTEST_SKIP() << kMinisign << " is not installed";
        PackCli::SetUp();
        const auto keygen = minisign({"-G", "-W", "-p", public_key_, "-s", secret_key_});
        ASSERT_EQ(keygen.exit_code, 0) << describe(keygen);
    }
    // Signs the pack with minisign and the given trusted comment.
    void minisign_sign(const std::string& trusted_comment) {
        const auto result = minisign({"-S", "-s", secret_key_, "-m", pack_, "-t", trusted_comment});
        ASSERT_EQ(result.exit_code, 0) << describe(result);
    }

    const std::string public_key_ = path("minisign.pub");
    const std::string secret_key_ = path("minisign.key");
};

TEST_F(PackCliMinisign, PavilionPackVerifiesWhatMinisignSigned) {
    minisign_sign("pack:mini-pack\tversion:3\tformat:1\tfile:x.pack");
    const auto result = pack_tool({"verify", pack_, "--key", public_key_});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(contains(result.output, "signature OK")) << result.output;
}

TEST_F(PackCliMinisign, MinisignVerifiesWhatPavilionPackSigned) {
    const auto signed_result = pack_tool({"sign", pack_, "-s", secret_key_});
    ASSERT_EQ(signed_result.exit_code, 0) << describe(signed_result);
    const auto result = minisign({"-V", "-p", public_key_, "-m", pack_});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(contains(result.output, "pack:mini-pack\tversion:3")) << result.output;
}

TEST_F(PackCliMinisign, MinisignRejectsATamperedPackSignedByPavilionPack) {
    ASSERT_EQ(pack_tool({"sign", pack_, "-s", secret_key_}).exit_code, 0);
    auto bytes = pavilion::testing::read_bytes(pack_);
    bytes[bytes.size() / 3] ^= 0x80;
    write_bytes(pack_, bytes);
    EXPECT_NE(minisign({"-V", "-p", public_key_, "-m", pack_}).exit_code, 0);
}

TEST_F(PackCliMinisign, VerifyRefusesAClaimForAnotherVersion) {
    minisign_sign("pack:mini-pack\tversion:4\tformat:1\tfile:x.pack");
    const auto result = pack_tool_stderr({"verify", pack_, "--key", public_key_});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_EQ(count_lines(result.output), 1) << result.output;
    EXPECT_TRUE(contains(result.output, "version 4")) << result.output;
    EXPECT_TRUE(contains(result.output, "version 3")) << result.output;
}

TEST_F(PackCliMinisign, VerifyRefusesAClaimForAnotherPack) {
    minisign_sign("pack:other-pack\tversion:3\tformat:1\tfile:x.pack");
    const auto result = pack_tool({"verify", pack_, "--key", public_key_});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(contains(result.output, "other-pack")) << result.output;
}

TEST_F(PackCliMinisign, VerifyRefusesASignatureWithoutAClaim) {
    minisign_sign("timestamp:1700000000\tfile:mini.pack");
    const auto result = pack_tool({"verify", pack_, "--key", public_key_});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(contains(result.output, "trusted comment")) << result.output;
}

} // namespace
} // namespace pavilion::content::test
