// One flipped byte anywhere in a pack, or anywhere in the signed part of its signature: every
// one is refused, and refused before SQLite opened any file. The proof is a counting SQLite VFS
// registered as the default for the whole process: whatever code path a regression would add,
// SQLite cannot open a file without it being counted. A control install shows it counts.

#include "installer_test_support.hpp"

#include <sqlite3.h>

#include <random>
#include <set>

namespace pavilion::content::test {
namespace {

using pavilion::testing::read_bytes;
using pavilion::testing::read_text;

// Registers itself as SQLite's default VFS, counting every file opened through it.
class SqliteOpenCounter {
public:
    SqliteOpenCounter() {
        base_ = sqlite3_vfs_find(nullptr);
        wrapper_.vfs = *base_;
        wrapper_.vfs.zName = "pavilion-open-counter";
        wrapper_.vfs.xOpen = &SqliteOpenCounter::open;
        wrapper_.self = this;
        sqlite3_vfs_register(&wrapper_.vfs, 1);
    }
    ~SqliteOpenCounter() {
        sqlite3_vfs_unregister(&wrapper_.vfs);
        sqlite3_vfs_register(base_, 1);
    }
    SqliteOpenCounter(const SqliteOpenCounter&) = delete;
    SqliteOpenCounter& operator=(const SqliteOpenCounter&) = delete;

    int opens() const { return opens_; }

private:
    struct Wrapper {
        sqlite3_vfs vfs; // first member: SQLite's pointer to it is a pointer to the Wrapper
        SqliteOpenCounter* self;
    };

    static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out) {
        SqliteOpenCounter* self = reinterpret_cast<Wrapper*>(vfs)->self;
        ++self->opens_;
        return self->base_->xOpen(self->base_, name, file, flags, out);
    }

    sqlite3_vfs* base_ = nullptr;
    Wrapper wrapper_{};
    int opens_ = 0;
};

void write_bytes_to(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    pavilion::testing::write_text(path, std::string(bytes.begin(), bytes.end()));
}

class FlippedBytes : public ::testing::Test {
protected:
    void SetUp() override {
        trust(state_, "operator.pub", key_);
        auto store = open_store(state_);
        PackInstaller installer(store);
        ASSERT_TRUE(installer.install(stick_.put_version(3, key_.secret, "base.pack"), options_));
        stick_.put_version(4, key_.secret);
        pack_ = read_bytes(stick_.path("expo.pack"));
        signature_ = read_bytes(stick_.path("expo.pack.minisig"));
    }

    // Installs what is on the stick now; it must be refused without SQLite opening anything.
    void expect_refused_unopened(const std::string& what) {
        SqliteOpenCounter counter;
        auto store = open_store(state_);
        PackInstaller installer(store);
        const auto result = installer.install(stick_.candidate("expo.pack"), options_);
        ASSERT_FALSE(result) << what << " was installed";
        EXPECT_EQ(counter.opens(), 0) << what << ": SQLite opened a file before the signature "
                                      << "was verified (" << result.error().message << ")";
        codes_.insert(to_string(result.error().code));
        EXPECT_EQ(active_version(store), 3) << what;
        EXPECT_TRUE(names_in(state_ + "/staging").empty()) << what;
    }

    FastTempDir dir_;
    SigningKey key_ = make_key();
    std::string state_ = dir_ / "state";
    Stick stick_{dir_ / "stick"};
    InstallOptions options_ = [] {
        auto options = quiet_options();
        options.write_report = false; // 1,000 reports on the stick would prove nothing more
        return options;
    }();
    std::vector<std::uint8_t> pack_;
    std::vector<std::uint8_t> signature_;
    std::set<std::string> codes_;
    std::mt19937 random_{20261124};
};

TEST_F(FlippedBytes, TheCounterSeesTheInstallersSqliteOpens) {
    SqliteOpenCounter counter;
    auto store = open_store(state_);
    PackInstaller installer(store);
    auto result = installer.install(stick_.candidate("expo.pack"), options_);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_GT(counter.opens(), 0);
}

TEST_F(FlippedBytes, AnyFlippedByteOfThePackIsRefusedUnopened) {
    constexpr int kFlips = 600;
    std::uniform_int_distribution<std::size_t> offset(0, pack_.size() - 1);
    std::uniform_int_distribution<int> mask(1, 255);
    std::set<std::size_t> offsets;
    for (int i = 0; i < kFlips && !HasFatalFailure(); ++i) {
        auto bytes = pack_;
        const std::size_t at = i == 0 ? 0 : i == 1 ? pack_.size() - 1 : offset(random_);
        offsets.insert(at);
        bytes[at] ^= static_cast<std::uint8_t>(mask(random_));
        write_bytes_to(stick_.path("expo.pack"), bytes);
        expect_refused_unopened("the pack with byte " + std::to_string(at) + " flipped");
    }
    EXPECT_GT(offsets.size(), kFlips * 9 / 10u);
    EXPECT_EQ(codes_, std::set<std::string>{to_string(ErrorCode::tampered)});
}

// The untrusted comment (line 1) is, by minisign's design, not signed: changing it changes
// nothing. Every byte from the end of line 1 to the end of the last line is signed or
// structural, so each flip there must be refused. (The final line break is not: a flip that
// turns it into a blank is harmless, and the parser rightly ignores trailing blanks.)
TEST_F(FlippedBytes, AnyFlippedByteOfTheSignedPartOfTheSignatureIsRefusedUnopened) {
    constexpr int kFlips = 500;
    const std::string text(signature_.begin(), signature_.end());
    const std::size_t first = text.find('\n');
    ASSERT_EQ(text.back(), '\n');
    const std::size_t last = text.size() - 2;
    // Line 2 is base64("ED" || key id || signature); its 6th character encodes key id bits only.
    const std::size_t key_id_char = first + 1 + 5;
    std::uniform_int_distribution<std::size_t> offset(first, last);
    std::uniform_int_distribution<int> mask(1, 255);
    for (int i = 0; i < kFlips && !HasFatalFailure(); ++i) {
        auto bytes = signature_;
        const std::size_t at = i == 0 ? first : i == 1 ? last : i == 2 ? key_id_char : offset(random_);
        // Flip 2 keeps the character valid base64, so the signature names another key.
        bytes[at] = static_cast<std::uint8_t>(i == 2 ? (bytes[at] == 'A' ? 'B' : 'A')
                                                     : bytes[at] ^ mask(random_));
        write_bytes_to(stick_.path("expo.pack.minisig"), bytes);
        expect_refused_unopened("the signature with byte " + std::to_string(at) + " flipped");
    }
    // Damage shows as every kind of refusal, depending on where it hits.
    EXPECT_TRUE(codes_.count(to_string(ErrorCode::bad_signature)));
    EXPECT_TRUE(codes_.count(to_string(ErrorCode::tampered)));
    EXPECT_TRUE(codes_.count(to_string(ErrorCode::untrusted)));
}

} // namespace
} // namespace pavilion::content::test
