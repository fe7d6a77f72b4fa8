// The installer through its public API on real files: what it accepts, what it refuses and
// with which message, and that a refusal leaves the current pack and an empty staging folder.

#include "faulty_file_system.hpp"
#include "installer_test_support.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

namespace pavilion::content::test {
namespace {

using pavilion::testing::FaultyFileSystem;
using pavilion::testing::read_text;
using pavilion::testing::write_text;

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
    if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

class Installer : public ::testing::Test {
protected:
    void SetUp() override { trust(state_, "operator.pub", key_); }

    Expected<InstallResult> install(const Candidate& candidate,
                                    const InstallOptions& options = quiet_options()) {
        auto store = open_store(state_);
        PackInstaller installer(store);
        return installer.install(candidate, options);
    }

    // Installs `version` from the stick and insists that it works.
    void install_ok(std::int64_t version, const std::string& name = "expo.pack") {
        auto result = install(stick_.put_version(version, key_.secret, name));
        ASSERT_TRUE(result) << result.error().message;
        ASSERT_EQ(result->installed.version, version);
    }

    // A refusal: one line with `part` in it, the given code, nothing changed.
    void expect_refused(const Expected<InstallResult>& result, ErrorCode code,
                        const std::string& part, std::int64_t active_before) {
        ASSERT_FALSE(result) << "installed, but should have been refused";
        EXPECT_EQ(result.error().code, code)
            << to_string(result.error().code) << " instead of " << to_string(code) << ": "
            << result.error().message;
        EXPECT_TRUE(contains(result.error().message, part));
        EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
        EXPECT_EQ(active_version(open_store(state_)), active_before);
        EXPECT_TRUE(names_in(state_ + "/staging").empty());
    }

    FastTempDir dir_;
    SigningKey key_ = make_key();
    std::string state_ = dir_ / "state";
    Stick stick_{dir_ / "stick"};
};

TEST_F(Installer, InstallsASignedPackAndTheKioskCanOpenIt) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
    auto options = quiet_options();
    options.on_progress = [&](std::uint64_t copied, std::uint64_t total) {
        progress.emplace_back(copied, total);
    };
    options.copy_chunk_bytes = 64 * 1024;
    auto result = install(stick_.put_version(3, key_.secret), options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->claim.pack_id, "mini-pack");
    EXPECT_FALSE(result->unchanged);

    auto store = open_store(state_);
    auto active = store.active();
    ASSERT_TRUE(active && *active);
    EXPECT_EQ((*active)->path, result->installed.path);
    EXPECT_EQ(pavilion::testing::read_bytes((*active)->path),
              pavilion::testing::read_bytes(mini_pack_v(3)));
    auto reader = PackReader::open((*active)->path);
    ASSERT_TRUE(reader) << reader.error().message;
    EXPECT_EQ(reader->catalog().meta.version, 3);
    EXPECT_TRUE(names_in(state_ + "/staging").empty());

    // Progress: from 0 to the whole file, never backwards, in 64 KiB steps.
    const auto size = fs::file_size(mini_pack_v(3));
    ASSERT_GE(progress.size(), 3u);
    EXPECT_EQ(progress.front(), std::make_pair(std::uint64_t{0}, std::uint64_t{size}));
    EXPECT_EQ(progress.back(), std::make_pair(std::uint64_t{size}, std::uint64_t{size}));
    for (std::size_t i = 1; i < progress.size(); ++i) EXPECT_GT(progress[i].first, progress[i - 1].first);

    const auto report = read_text(stick_.path("expo.pack.report.txt"));
    EXPECT_TRUE(contains(report, "result:    ok: installed pack mini-pack version 3"));
    EXPECT_TRUE(contains(report, "installed: pack mini-pack version 3"));
    EXPECT_TRUE(contains(report, "time:      20"));
}

TEST_F(Installer, ANewerVersionBecomesCurrentAndTheOldOneIsKept) {
    install_ok(3);
    install_ok(4);
    auto store = open_store(state_);
    EXPECT_EQ(active_version(store), 4);
    auto previous = store.previous();
    ASSERT_TRUE(previous && *previous);
    EXPECT_EQ((*previous)->version, 3);
}

TEST_F(Installer, GarbageCollectionKeepsOnlyCurrentAndPrevious) {
    install_ok(2);
    install_ok(3);
    install_ok(4);
    const auto names = names_in(state_ + "/packs");
    ASSERT_EQ(names.size(), 4u) << ::testing::PrintToString(names);
    for (const auto& name : names) EXPECT_EQ(name.find("mini-pack-v2-"), std::string::npos) << name;
}

TEST_F(Installer, AnOlderVersionIsRefusedUnlessForced) {
    install_ok(4);
    expect_refused(install(stick_.put_version(3, key_.secret)), ErrorCode::not_newer,
                   "PAVILION/expo.pack: version 3 is older than version 4 of pack 'mini-pack'", 4);

    auto options = quiet_options();
    options.force = true;
    auto forced = install(stick_.candidate("expo.pack"), options);
    ASSERT_TRUE(forced) << forced.error().message;
    EXPECT_EQ(active_version(open_store(state_)), 3);
}

TEST_F(Installer, TheSameVersionIsRefusedAndWithForceChangesNothing) {
    install_ok(3);
    const auto before = names_in(state_ + "/packs");
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::not_newer,
                   "version 3 of pack 'mini-pack' is installed already", 3);
    auto options = quiet_options();
    options.force = true;
    auto again = install(stick_.candidate("expo.pack"), options);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->unchanged);
    EXPECT_EQ(names_in(state_ + "/packs"), before);
}

TEST_F(Installer, AnotherPackIdIsRefusedUnlessForced) {
    install_ok(3);
    const auto candidate = stick_.put(mini_pack_as("other-expo", 9), "other.pack", key_.secret,
                                      claim_for("other-expo", 9, "other.pack"));
    expect_refused(install(candidate), ErrorCode::other_pack,
                   "it is pack 'other-expo', but this kiosk shows pack 'mini-pack'", 3);
    auto options = quiet_options();
    options.force = true;
    auto forced = install(candidate, options);
    ASSERT_TRUE(forced) << forced.error().message;
    EXPECT_EQ(forced->installed.pack_id, "other-expo");
}

// The panel asked the operator about the claim it read; if the stick's files change before the
// install reads them again, the installer installs nothing else than what was confirmed.
TEST_F(Installer, AForcedInstallInstallsOnlyWhatTheOperatorConfirmed) {
    install_ok(3);
    const auto candidate = stick_.put(mini_pack_as("other-expo", 9), "other.pack", key_.secret,
                                      claim_for("other-expo", 9, "other.pack"));
    auto options = quiet_options();
    options.force = true;
    for (const PackClaim& confirmed : {claim_for("other-expo", 8, "other.pack"), claim_for("third-expo", 9, "other.pack")}) {
        options.confirmed = confirmed;
        expect_refused(install(candidate, options), ErrorCode::tampered,
                       "PAVILION/other.pack.minisig: names another pack than the one the operator confirmed", 3);
    }
    options.confirmed = claim_for("other-expo", 9, "other.pack");
    auto installed = install(candidate, options);
    ASSERT_TRUE(installed) << installed.error().message;
    EXPECT_EQ(installed->installed.pack_id, "other-expo");
}

TEST_F(Installer, AnUnsignedPackIsRefused) {
    install_ok(3);
    stick_.put_version(4, key_.secret);
    fs::remove(stick_.path("expo.pack.minisig"));
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::bad_signature,
                   "PAVILION/expo.pack.minisig: no signature file", 3);
}

TEST_F(Installer, APackSignedByAnUntrustedKeyIsRefused) {
    const SigningKey stranger = make_key();
    expect_refused(install(stick_.put_version(3, stranger.secret)), ErrorCode::untrusted,
                   "PAVILION/expo.pack.minisig: signed by key " +
                       minisign::key_id_hex(stranger.secret.key_id) + ", which is not a trusted key",
                   0);
}

TEST_F(Installer, APackChangedAfterSigningIsRefused) {
    install_ok(3);
    stick_.put_version(4, key_.secret);
    auto bytes = pavilion::testing::read_bytes(stick_.path("expo.pack"));
    bytes[bytes.size() / 2] ^= 0x01;
    write_bytes(stick_.path("expo.pack"), bytes);
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::tampered,
                   "PAVILION/expo.pack: signature does not match (the file or its signature was "
                   "changed after signing)",
                   3);
}

TEST_F(Installer, ATruncatedSignatureIsRefused) {
    stick_.put_version(3, key_.secret);
    const auto sig = read_text(stick_.path("expo.pack.minisig"));
    for (const std::size_t keep : {sig.size() / 4, sig.size() / 2, sig.size() - 20, std::size_t{0}}) {
        write_text(stick_.path("expo.pack.minisig"), sig.substr(0, keep));
        expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::bad_signature,
                       "PAVILION/expo.pack.minisig: ", 0);
    }
}

// libsodium 1.0.18 reads any byte from 0x80 up as '/' in base64: such a signature file still
// "verifies", so the installer must refuse it itself.
TEST_F(Installer, ASignatureWithANonAsciiLookalikeInItsBase64IsRefused) {
    std::string sig;
    std::size_t slash = std::string::npos;
    for (int attempt = 0; attempt < 100 && slash == std::string::npos; ++attempt) {
        const SigningKey key = make_key(); // a new key signs differently: find a '/' in line 2
        trust(state_, "operator.pub", key);
        stick_.put_version(3, key.secret);
        sig = read_text(stick_.path("expo.pack.minisig"));
        const auto line2 = sig.find('\n') + 1;
        const auto at = sig.find('/', line2);
        if (at < sig.find('\n', line2)) slash = at;
    }
    ASSERT_NE(slash, std::string::npos);
    sig[slash] = static_cast<char>(0xAF);
    write_text(stick_.path("expo.pack.minisig"), sig);
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::bad_signature,
                   "PAVILION/expo.pack.minisig: line 2 of the signature file is not plain base64", 0);
}

TEST_F(Installer, AnyTrustedKeyMaySignSoKeysCanBeRotated) {
    const SigningKey next = make_key();
    trust(state_, "next.pub", next);
    install_ok(3);
    auto result = install(stick_.put_version(4, next.secret));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->key_id, minisign::key_id_hex(next.secret.key_id));

    // The old key retired: its packs are refused, the new key's are still installed.
    fs::remove(state_ + "/keys/operator.pub");
    expect_refused(install(stick_.put_version(5, key_.secret)), ErrorCode::untrusted,
                   "not a trusted key", 4);
    auto with_next = install(stick_.put_version(5, next.secret));
    ASSERT_TRUE(with_next) << with_next.error().message;
}

TEST_F(Installer, ABadKeyFileIsSkippedWithAWarningNotFatal) {
    write_text(state_ + "/keys/broken.pub", "untrusted comment: nothing\nnot base64\n");
    std::vector<std::string> warnings;
    auto options = quiet_options();
    options.on_warning = [&](const std::string& message) { warnings.push_back(message); };
    auto result = install(stick_.put_version(3, key_.secret), options);
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(contains(warnings[0], "keys/broken.pub: skipped"));
}

TEST_F(Installer, NoTrustedKeyMeansNothingIsInstalled) {
    fs::remove(state_ + "/keys/operator.pub");
    expect_refused(install(stick_.put_version(3, key_.secret)), ErrorCode::untrusted,
                   "this kiosk trusts no signing key yet", 0);
}

TEST_F(Installer, ASignatureMadeForAnotherFileNameIsRefused) {
    stick_.put_version(3, key_.secret, "expo.pack");
    fs::rename(stick_.path("expo.pack"), stick_.path("renamed.pack"));
    fs::rename(stick_.path("expo.pack.minisig"), stick_.path("renamed.pack.minisig"));
    expect_refused(install(stick_.candidate("renamed.pack")), ErrorCode::tampered,
                   "PAVILION/renamed.pack: the signature was made for 'expo.pack'", 0);
}

TEST_F(Installer, AFormatThisKioskDoesNotReadIsRefused) {
    auto claim = claim_for("mini-pack", 3, "expo.pack");
    claim.format = kPackFormatVersion + 1;
    expect_refused(install(stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim)),
                   ErrorCode::unsupported,
                   "PAVILION/expo.pack: pack format " + std::to_string(kPackFormatVersion + 1) +
                       " is not supported",
                   0);
}

TEST_F(Installer, ASignedClaimThatDisagreesWithTheFileIsRefusedAfterOpening) {
    // Signed as version 5, but the file is version 4: caught by reading the verified copy.
    expect_refused(install(stick_.put(mini_pack_v(4), "expo.pack", key_.secret,
                                      claim_for("mini-pack", 5, "expo.pack"))),
                   ErrorCode::corrupt,
                   "the signature vouches for pack mini-pack version 5, but the file is pack "
                   "mini-pack version 4",
                   0);
}

TEST_F(Installer, ASignedFileThatIsNotAPackIsRefusedByTheReader) {
    const std::string notes = dir_ / "notes.txt";
    write_text(notes, std::string(8192, 'x'));
    expect_refused(install(stick_.put(notes, "expo.pack", key_.secret,
                                      claim_for("mini-pack", 3, "expo.pack"))),
                   ErrorCode::not_a_pack, "PAVILION/expo.pack: not a content pack", 0);
}

TEST_F(Installer, ASymlinkToASystemFileIsRefused) {
    fs::create_symlink("/etc/passwd", stick_.path("expo.pack"));
    sign_file("/etc/passwd", stick_.path("expo.pack.minisig"), key_.secret,
              claim_for("mini-pack", 3, "expo.pack"));
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::unsafe,
                   "PAVILION/expo.pack: the file is a symbolic link", 0);

    // A symlinked signature is refused the same way.
    stick_.put_version(3, key_.secret, "real.pack");
    fs::rename(stick_.path("real.pack.minisig"), dir_ / "elsewhere.minisig");
    fs::create_symlink(dir_ / "elsewhere.minisig", stick_.path("real.pack.minisig"));
    expect_refused(install(stick_.candidate("real.pack")), ErrorCode::unsafe,
                   "PAVILION/real.pack.minisig: the file is a symbolic link", 0);
}

TEST_F(Installer, ASymlinkedFolderIsRefused) {
    stick_.put_version(3, key_.secret);
    const std::string link = dir_ / "linked";
    fs::create_directory_symlink(stick_.folder(), link);
    expect_refused(install(Candidate{link, "expo.pack", ""}), ErrorCode::unsafe,
                   "not a folder (or a symbolic link to one", 0);
}

TEST_F(Installer, NamesThatLeaveTheFolderAreRefused) {
    stick_.put_version(3, key_.secret);
    fs::create_directories(stick_.folder() + "/sub");
    fs::copy_file(stick_.path("expo.pack"), stick_.folder() + "/sub/x.pack");
    for (const auto& candidate :
         {Candidate{stick_.folder() + "/sub", "../expo.pack", ""},
          Candidate{stick_.folder(), "sub/x.pack", ""},
          Candidate{stick_.folder(), "..", ""},
          Candidate{stick_.folder(), "expo.pack", "../PAVILION/expo.pack.minisig"},
          Candidate{stick_.folder(), "expo.pack", "/etc/expo.pack.minisig"},
          Candidate{stick_.folder(), "._expo.pack", ""}}) {
        expect_refused(install(candidate), ErrorCode::unsafe, "is not allowed as a", 0);
    }
    for (const auto& path : {stick_.folder() + "/..", stick_.folder() + "/", std::string("..")}) {
        auto parsed = candidate_from_path(path);
        ASSERT_FALSE(parsed) << path;
        EXPECT_EQ(parsed.error().code, ErrorCode::unsafe) << parsed.error().message;
    }
    auto plain = candidate_from_path(stick_.path("expo.pack"));
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_EQ(plain->folder, stick_.folder());
    EXPECT_EQ(plain->pack_name, "expo.pack");
}

TEST_F(Installer, AFifoIsRefusedWithoutBlocking) {
    ASSERT_EQ(::mkfifo(stick_.path("expo.pack").c_str(), 0644), 0);
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::unsafe,
                   "PAVILION/expo.pack: not a regular file", 0);
}

TEST_F(Installer, APackOverTheSizeLimitIsRefusedBeforeCopying) {
    auto options = quiet_options();
    options.max_pack_bytes = 100 * 1024;
    bool copied = false;
    options.on_progress = [&](std::uint64_t, std::uint64_t) { copied = true; };
    expect_refused(install(stick_.put_version(3, key_.secret), options),
                   ErrorCode::too_large, "PAVILION/expo.pack: too large", 0);
    EXPECT_FALSE(copied);
}

TEST_F(Installer, AnEmptyFileIsRefused) {
    write_text(stick_.path("expo.pack"), "");
    expect_refused(install(stick_.candidate("expo.pack")), ErrorCode::not_a_pack,
                   "PAVILION/expo.pack: the file is empty", 0);
}

TEST_F(Installer, ASignatureFileOverItsSizeLimitIsTooLarge) {
    auto options = quiet_options();
    options.max_signature_bytes = 64; // minisign's own signatures are a few hundred bytes
    expect_refused(install(stick_.put_version(3, key_.secret), options), ErrorCode::too_large,
                   "PAVILION/expo.pack.minisig: too large for a signature file", 0);
}

TEST_F(Installer, NamesWithTheWrongEndingAreNotAPackOrNotASignature) {
    stick_.put_version(3, key_.secret);
    fs::copy_file(stick_.path("expo.pack"), stick_.path("expo.txt"));
    expect_refused(install(stick_.candidate("expo.txt")), ErrorCode::not_a_pack,
                   "'expo.txt' is not a pack (its name must end in .pack)", 0);
    expect_refused(install(Candidate{stick_.folder(), "expo.pack", "expo.sig"}),
                   ErrorCode::bad_signature,
                   "'expo.sig' is not a signature (its name must end in .minisig)", 0);
    auto parsed = candidate_from_path(stick_.path("expo.txt"));
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::not_a_pack) << parsed.error().message;
    // No folder at all is the caller's mistake, not the stick's.
    expect_refused(install(Candidate{"", "expo.pack", ""}), ErrorCode::invalid_argument,
                   "no folder given for the pack", 0);
}

TEST_F(Installer, ForceDoesNotMakeAnOtherwiseBadPackAcceptable) {
    install_ok(4);
    auto forced = quiet_options();
    forced.force = true;
    auto forced_small = forced;
    forced_small.max_pack_bytes = 100 * 1024;
    // Force waives only not_newer and other_pack: every other refusal keeps its own code.
    expect_refused(install(stick_.put_version(3, key_.secret), forced_small), ErrorCode::too_large,
                   "PAVILION/expo.pack: too large", 4);
    const SigningKey stranger = make_key();
    expect_refused(install(stick_.put_version(3, stranger.secret), forced), ErrorCode::untrusted,
                   "which is not a trusted key", 4);
}

TEST_F(Installer, CancellingStopsTheCopyAndLeavesNothing) {
    install_ok(3);
    std::atomic<bool> cancel{false};
    auto options = quiet_options();
    options.copy_chunk_bytes = 16 * 1024;
    options.cancel = &cancel;
    options.on_progress = [&](std::uint64_t copied, std::uint64_t) {
        if (copied > 40 * 1024) cancel = true;
    };
    expect_refused(install(stick_.put_version(4, key_.secret), options), ErrorCode::cancelled,
                   "PAVILION/expo.pack: the install was cancelled", 3);
}

TEST_F(Installer, AFileTruncatedWhileBeingCopiedIsRefused) {
    install_ok(3);
    auto options = quiet_options();
    options.copy_chunk_bytes = 16 * 1024;
    const auto candidate = stick_.put_version(4, key_.secret);
    const std::string path = stick_.path("expo.pack");
    options.on_progress = [&](std::uint64_t copied, std::uint64_t) {
        if (copied > 0 && copied < 64 * 1024) fs::resize_file(path, 50 * 1024);
    };
    expect_refused(install(candidate, options), ErrorCode::io,
                   "PAVILION/expo.pack: the file ended after", 3);
}

TEST_F(Installer, AFileThatGrowsWhileBeingCopiedIsRefused) {
    install_ok(3);
    auto options = quiet_options();
    options.copy_chunk_bytes = 16 * 1024;
    const auto candidate = stick_.put_version(4, key_.secret);
    const std::string path = stick_.path("expo.pack");
    const auto size = fs::file_size(path);
    options.on_progress = [&](std::uint64_t copied, std::uint64_t) {
        if (copied > 0 && fs::file_size(path) == size) fs::resize_file(path, size + 4096);
    };
    expect_refused(install(candidate, options), ErrorCode::io,
                   "PAVILION/expo.pack: the file changed while it was being copied", 3);
}

TEST_F(Installer, TheReportIsWrittenOnRefusalToo) {
    install_ok(4);
    install(stick_.put_version(3, key_.secret));
    const auto report = read_text(stick_.path("expo.pack.report.txt"));
    EXPECT_TRUE(contains(report, "result:    refused: PAVILION/expo.pack: version 3 is older"));
    EXPECT_TRUE(contains(report, "installed: pack mini-pack version 4"));
}

TEST_F(Installer, TheReportNeverFollowsASymlink) {
    const std::string target = dir_ / "precious.txt";
    write_text(target, "keep me");
    fs::create_symlink(target, stick_.path("expo.pack.report.txt"));
    auto result = install(stick_.put_version(3, key_.secret));
    ASSERT_TRUE(result) << result.error().message; // a report that cannot be written is no error
    EXPECT_EQ(read_text(target), "keep me");
}

TEST_F(Installer, ABusyStoreRefusesASecondInstall) {
    auto holder = open_store(state_);
    auto held = holder.lock();
    ASSERT_TRUE(held) << held.error().message;
    expect_refused(install(stick_.put_version(3, key_.secret)), ErrorCode::busy,
                   "another install is running", 0);
}

// --- through the fault seam ------------------------------------------------------------------

class FaultyInstall : public Installer {
protected:
    Expected<InstallResult> install_with(FaultyFileSystem::Plan plan, const Candidate& candidate,
                                         InstallOptions options = quiet_options()) {
        auto faulty = std::make_shared<FaultyFileSystem>();
        auto store = PackStore::open(state_, faulty);
        if (!store) return store.error();
        faulty->restart();
        faulty->plan = std::move(plan);
        PackInstaller installer(*store);
        auto result = installer.install(candidate, options);
        calls_ = faulty->calls();
        log_ = faulty->log();
        return result;
    }

    // The number (1-based, as Plan::fail_call counts) of the first call the last install made
    // that starts with `prefix`; 0 if none did.
    long first_call(const std::string& prefix) const {
        for (std::size_t i = 0; i < log_.size(); ++i)
            if (log_[i].rfind(prefix, 0) == 0) return static_cast<long>(i) + 1;
        return 0;
    }

    long calls_ = 0;
    std::vector<std::string> log_;
};

TEST_F(FaultyInstall, NotEnoughFreeSpaceIsRefusedBeforeCopying) {
    install_ok(3);
    FaultyFileSystem::Plan plan;
    plan.available_bytes = 100 * 1024;
    auto options = quiet_options();
    options.free_space_margin_bytes = 1 << 20;
    expect_refused(install_with(plan, stick_.put_version(4, key_.secret), options),
                   ErrorCode::no_space,
                   "PAVILION/expo.pack: not enough free space on the kiosk (2 MiB needed with the "
                   "safety margin, 1 MiB free)",
                   3);
}

TEST_F(FaultyInstall, ADiskThatFillsUpDuringTheCopyIsRefused) {
    install_ok(3);
    FaultyFileSystem::Plan plan;
    plan.space_for_written = 100 * 1024;
    expect_refused(install_with(plan, stick_.put_version(4, key_.secret)), ErrorCode::no_space,
                   "the kiosk's disk is full: cannot copy the pack to", 3);
}

// A full quota is a full disk to the operator; any other write error is an IO problem.
TEST_F(FaultyInstall, AQuotaExceededDuringTheCopyIsNoSpaceOtherWriteErrorsAreIo) {
    install_ok(3, "base.pack");
    const auto candidate = stick_.put_version(4, key_.secret);
    ASSERT_TRUE(install_with({}, candidate, quiet_options()));
    const long copy_write = first_call("write " + state_ + "/staging/incoming.pack");
    ASSERT_GT(copy_write, 0) << ::testing::PrintToString(log_);

    // Back to version 3 current, so that the install makes the same calls again.
    fs::remove_all(state_);
    trust(state_, "operator.pub", key_);
    install_ok(3, "base.pack");
    FaultyFileSystem::Plan plan;
    plan.fail_call = copy_write;
    plan.fail_errno = EDQUOT;
    expect_refused(install_with(plan, candidate), ErrorCode::no_space,
                   "the kiosk's disk is full: cannot copy the pack to", 3);
    plan.fail_errno = EIO;
    expect_refused(install_with(plan, candidate), ErrorCode::io,
                   "cannot write " + state_ + "/staging/incoming.pack (", 3);
}

TEST_F(FaultyInstall, AStickPulledOutMidCopyIsRefused) {
    install_ok(3);
    FaultyFileSystem::Plan plan;
    plan.short_reads_of = "expo.pack";
    plan.short_reads_after = 70 * 1024;
    plan.short_read_errno = EIO;
    expect_refused(install_with(plan, stick_.put_version(4, key_.secret)), ErrorCode::io,
                   "PAVILION/expo.pack: cannot read (Input/output error; was the stick pulled out?)",
                   3);
    plan.short_read_errno = 0; // the file just ends
    expect_refused(install_with(plan, stick_.put_version(4, key_.secret)), ErrorCode::io,
                   "PAVILION/expo.pack: the file ended after 71680 of", 3);
}

TEST_F(FaultyInstall, AReportThatCannotBeWrittenIsNotAnError) {
    FaultyFileSystem::Plan plan;
    plan.fail_opens_of = "expo.pack.report.txt";
    plan.fail_errno = EROFS; // a stick with its write-protect switch on
    std::vector<std::string> warnings;
    auto options = quiet_options();
    options.on_warning = [&](const std::string& message) { warnings.push_back(message); };
    auto result = install_with(plan, stick_.put_version(4, key_.secret), options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(active_version(open_store(state_)), 4);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(contains(warnings[0], "PAVILION/expo.pack.report.txt: could not be written"));
    EXPECT_FALSE(fs::exists(stick_.path("expo.pack.report.txt")));
}

// Every single call of an install, failed in turn: the install either fails with one line and
// the old pack current, or (when the failed call did not matter, like the report) succeeds with
// the new one; never anything in between.
TEST_F(FaultyInstall, EveryFailedCallLeavesTheOldPackOrTheNew) {
    install_ok(3, "base.pack");
    FaultyFileSystem::Plan none;
    ASSERT_TRUE(install_with(none, stick_.put_version(4, key_.secret)));
    const long total = calls_;
    ASSERT_GT(total, 20);
    int refused = 0;
    for (long n = 1; n <= total; ++n) {
        // Back to version 3 current, 4 not installed.
        fs::remove_all(state_);
        trust(state_, "operator.pub", key_);
        install_ok(3, "base.pack");
        FaultyFileSystem::Plan plan;
        plan.fail_call = n;
        plan.fail_errno = (n % 2) ? EIO : ENOSPC;
        auto result = install_with(plan, stick_.candidate("expo.pack"));
        auto store = open_store(state_); // its start-up cleanup runs here
        const auto version = active_version(store);
        if (result) {
            EXPECT_EQ(version, 4) << "call " << n;
            auto previous = store.previous();
            ASSERT_TRUE(previous && *previous) << "call " << n;
            EXPECT_EQ((*previous)->version, 3) << "call " << n;
        } else {
            ++refused;
            EXPECT_EQ(version, 3) << "call " << n << ": " << result.error().message;
            EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
        }
        EXPECT_TRUE(names_in(state_ + "/staging").empty()) << "call " << n;
        auto active = store.active();
        ASSERT_TRUE(active && *active) << "call " << n;
        EXPECT_TRUE(PackReader::open((*active)->path)) << "call " << n;
    }
    EXPECT_GT(refused, total / 2);
}

} // namespace
} // namespace pavilion::content::test
