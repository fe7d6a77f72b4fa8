// Every input ever kept for a fuzz target, replayed in every build (gcc too): the seed corpora of
// tests/fuzz/corpus/<target>/ and each crash found so far in tests/fuzz/regressions/<target>/.
// A crash or sanitizer report kills this test; the reach tests prove the seeds get deep.

#include "fuzz_archive.hpp"
#include "fuzz_targets.hpp"
#include "target_reach.hpp"

#include "pavilion/content/image_codec.hpp"
#include "forged_pack.hpp"
#include "../../content/src/pack_limits.hpp"
#include "pavilion/content/pack_builder.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace pavilion::fuzz {
namespace {

namespace fs = std::filesystem;
using pavilion::testing::read_bytes;
using pavilion::testing::TempDir;

const fs::path kFuzzDir = fs::path(PAVILION_SOURCE_DIR) / "tests" / "fuzz";

struct Target {
    const char* name;
    int (*function)(const std::uint8_t*, std::size_t);
};

// Test names and failures show the target's name, not its bytes.
void PrintTo(const Target& target, std::ostream* out) { *out << target.name; }

std::vector<fs::path> inputs_in(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

class FuzzReplay : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, EveryCorpusAndRegressionInputRunsCleanly) {
    const Target target = GetParam();
    const auto corpus = inputs_in(kFuzzDir / "corpus" / target.name);
    const auto regressions = inputs_in(kFuzzDir / "regressions" / target.name);
    ASSERT_FALSE(corpus.empty()) << "no seed inputs in tests/fuzz/corpus/" << target.name;
    for (const auto* files : {&corpus, &regressions}) {
        for (const auto& file : *files) {
            SCOPED_TRACE(file.string());
            const auto bytes = read_bytes(file.string());
            EXPECT_EQ(target.function(bytes.data(), bytes.size()), 0);
        }
    }
    std::printf("[ figures  ] fuzz %s: %zu corpus and %zu regression inputs replayed\n",
                target.name, corpus.size(), regressions.size());
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay,
                         ::testing::Values(Target{"pack_reader", fuzz_pack_reader},
                                           Target{"authoring", fuzz_authoring},
                                           Target{"signature", fuzz_signature},
                                           Target{"media", fuzz_media}),
                         [](const auto& info) { return std::string(info.param.name); });

// The mini-pack with the base-map fixture countries, as tests/fuzz/make-pack-seeds.sh builds it
// (there with smaller pictures, for speed).
std::vector<std::uint8_t> build_seed_pack(const TempDir& dir) {
    const std::string source = dir / "source";
    pavilion::testing::copy_tree(std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", source);
    fs::create_directories(source + "/maps");
    for (const std::string name : {"countries-coarse.json", "countries-fine.json"})
        fs::copy_file(std::string(PAVILION_FIXTURES_DIR) + "/base-map/" + name,
                      source + "/maps/" + name, fs::copy_options::none);
    auto map = pavilion::testing::read_text(source + "/map.toml");
    map += "\n[base_map]\nfiles = [\"maps/countries-coarse.json\", \"maps/countries-fine.json\"]\n";
    pavilion::testing::write_text(source + "/map.toml", map);
    const auto built = content::build_pack(source, dir / "seed.pack");
    if (!built) ADD_FAILURE() << built.error().message;
    return read_bytes(dir / "seed.pack");
}

TEST(FuzzReach, PackReaderTargetReadsASeedPackAllTheWay) {
    TempDir dir;
    const auto pack = build_seed_pack(dir);
    const auto reach = read_pack_as_kiosk(pack.data(), pack.size());
    EXPECT_TRUE(reach.opened);
    EXPECT_EQ(reach.items, 4u);              // 2 initiatives, 2 stories
    EXPECT_EQ(reach.pictures_decoded, 4u);   // 2 pictures, full and thumbnail
    EXPECT_EQ(reach.base_map_levels, 2u);    // coarse and fine
    EXPECT_GT(reach.search_hits, 0u);        // the titles it searches for are found

    auto cut = pack;
    cut.resize(cut.size() - 100); // a pack cut short must not open
    EXPECT_FALSE(read_pack_as_kiosk(cut.data(), cut.size()).opened);
}

// The million-point route of issue 19 (it crashed the kiosk's drawing), forged into the seed
// pack: too large for the corpus (16 MB) and refused by the builder, so made here, and replayed
// in every build like the corpus. The reader refuses it before decoding its coordinates; a route
// at the limit is read all the way (the target checks the limits hold for what it opened).
TEST(FuzzReach, PackReaderTargetRefusesAMillionPointRouteAndReadsOneAtTheLimit) {
    TempDir dir;
    build_seed_pack(dir); // into dir/seed.pack
    for (const std::size_t points : {std::size_t{1'000'000}, content::kMaxFeaturePoints}) {
        pavilion::testing::forge(dir / "seed.pack", "UPDATE map_feature SET coords = ?1 WHERE kind = 'line'",
                                 pavilion::testing::zigzag_coords(points));
        const auto pack = read_bytes(dir / "seed.pack");
        const auto reach = read_pack_as_kiosk(pack.data(), pack.size());
        EXPECT_EQ(reach.opened, points <= content::kMaxFeaturePoints) << points;
        EXPECT_EQ(reach.pictures_decoded, reach.opened ? 4u : 0u) << points;
    }
}

std::vector<std::uint8_t> seed(const std::string& target, const std::string& name) {
    return read_bytes((kFuzzDir / "corpus" / target / name).string());
}

TEST(FuzzReach, AuthoringSeedIsACompleteSourceWithoutErrors) {
    const auto bytes = seed("authoring", "mini-pack.txt");
    const auto reach = parse_source_archive(bytes.data(), bytes.size());
    EXPECT_GE(reach.files_written, 20u);
    EXPECT_EQ(reach.items, 4u);
    EXPECT_EQ(reach.errors, 0u);
}

TEST(FuzzReach, AuthoringArchiveCannotWriteOutsideItsFolder) {
    TempDir dir;
    const std::string escape = (dir.path() / "escaped.toml").string();
    const std::string archive = "=== ../../../../../.." + escape + "\nx\n=== /" + escape +
                                "\nx\n=== a/../../escaped.toml\nx\n";
    const auto reach = parse_source_archive(reinterpret_cast<const std::uint8_t*>(archive.data()),
                                            archive.size());
    EXPECT_EQ(reach.files_written, 0u);
    EXPECT_FALSE(fs::exists(escape));
}

TEST(FuzzReach, SignatureSeedVerifiesAndNamesAPack) {
    const auto bytes = seed("signature", "signed-pack.txt");
    const auto reach = check_signature_archive(bytes.data(), bytes.size());
    EXPECT_TRUE(reach.key_parsed);
    EXPECT_TRUE(reach.verified);
    EXPECT_TRUE(reach.claim_read);

    auto tampered = bytes;
    tampered.back() ^= 1; // the last byte belongs to the signed pack bytes
    EXPECT_FALSE(check_signature_archive(tampered.data(), tampered.size()).verified);
}

TEST(FuzzReach, EveryMediaSeedIsAnImageTheKioskDecodes) {
    const auto files = inputs_in(kFuzzDir / "corpus" / "media");
    ASSERT_GE(files.size(), 4u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        const auto bytes = read_bytes(file.string());
        EXPECT_TRUE(content::decode_image(bytes.data(), bytes.size(), 4));
    }
}

TEST(FuzzArchive, SplitsNamedFilesKeepingTheirBytesExactly) {
    const auto files = split_archive("ignored\n=== a.toml\nx = 1\n\n=== b/c.md\r\n+++\nno newline");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].name, "a.toml");
    EXPECT_EQ(files[0].bytes, "x = 1\n\n");
    EXPECT_EQ(files[1].name, "b/c.md");
    EXPECT_EQ(files[1].bytes, "+++\nno newline");
    EXPECT_EQ(archive_file(files, "b/c.md"), "+++\nno newline");
    EXPECT_EQ(archive_file(files, "missing"), "");
}

} // namespace
} // namespace pavilion::fuzz
