// The synthetic pack generator (pavilion-pack synth): the same seed gives the same files, N
// stories come out, the source builds into a pack the kiosk's reader opens with every story in
// both languages, and the Chinese text stays within a bounded set of characters. Pictures are
// small here to keep the tests fast; deploy/run-scale.sh uses full-HD ones.

#include "content_test_support.hpp"

#include "pavilion/content/pack_synth.hpp"

#include <map>
#include <set>

namespace pavilion::content::test {
namespace {

using pavilion::testing::run_command;

SynthOptions small(int stories, std::uint64_t seed = 1) {
    SynthOptions options;
    options.stories = stories;
    options.seed = seed;
    options.image_width = 96; // the builder still makes a thumbnail (at most 480 px) from it
    options.image_height = 54;
    options.base_map = false; // no world-atlas files: the build takes milliseconds
    return options;
}

// Every file under root, by relative path, with its bytes.
std::map<std::string, std::string> files_under(const std::string& root) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), root).string()] = pavilion::testing::read_text(entry.path().string());
    }
    return files;
}

// The distinct code points outside ASCII in a UTF-8 text.
void collect_non_ascii(const std::string& text, std::set<std::string>& out) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (length > 1) out.insert(text.substr(i, length));
        i += length;
    }
}

TEST(PackSynth, TheSameSeedGivesTheSameFiles) {
    TempDir first, second;
    ASSERT_TRUE(write_synthetic_source(first / "src", small(4, 7)));
    ASSERT_TRUE(write_synthetic_source(second / "src", small(4, 7)));
    const auto a = files_under(first / "src");
    const auto b = files_under(second / "src");
    EXPECT_EQ(a.size(), b.size());
    for (const auto& [path, bytes] : a) {
        ASSERT_TRUE(b.count(path)) << path;
        EXPECT_TRUE(b.at(path) == bytes) << path << " differs between two runs with the same seed";
    }
}

TEST(PackSynth, AnotherSeedGivesOtherStoriesAndPictures) {
    TempDir first, second;
    ASSERT_TRUE(write_synthetic_source(first / "src", small(2, 1)));
    ASSERT_TRUE(write_synthetic_source(second / "src", small(2, 2)));
    for (const char* file : {"stories/story-00001/en.md", "stories/story-00001/zh.md", "images/story-00001.jpg"}) {
        EXPECT_NE(pavilion::testing::read_text(first / (std::string("src/") + file)),
                  pavilion::testing::read_text(second / (std::string("src/") + file)))
            << file;
    }
}

TEST(PackSynth, AStoryDoesNotDependOnHowManyThereAre) {
    TempDir few, more;
    ASSERT_TRUE(write_synthetic_source(few / "src", small(3)));
    ASSERT_TRUE(write_synthetic_source(more / "src", small(9)));
    for (const char* file : {"stories/story-00003/item.toml", "stories/story-00003/en.md",
                             "stories/story-00003/zh.md", "images/story-00003.jpg"}) {
        EXPECT_EQ(pavilion::testing::read_text(few / (std::string("src/") + file)),
                  pavilion::testing::read_text(more / (std::string("src/") + file)))
            << file;
    }
}

TEST(PackSynth, WritesNStoriesEachWithItsFilesAndPicture) {
    TempDir dir;
    const auto report = write_synthetic_source(dir / "src", small(12));
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->stories, 12);
    EXPECT_EQ(report->initiatives, 6);
    EXPECT_EQ(report->images, 12 + 6 + 3); // stories, initiatives, attract slides
    int stories = 0;
    for (const auto& entry : fs::directory_iterator(dir / "src/stories")) {
        ++stories;
        for (const char* file : {"item.toml", "en.md", "zh.md"}) EXPECT_TRUE(fs::exists(entry.path() / file)) << entry.path();
    }
    EXPECT_EQ(stories, 12);
    EXPECT_TRUE(fs::exists(dir / "src/images/story-00012.jpg"));
    EXPECT_FALSE(fs::exists(dir / "src/images/story-00013.jpg"));
}

TEST(PackSynth, BuildsIntoAPackWithEveryStoryInBothLanguages) {
    TempDir dir;
    constexpr int kStories = 15;
    ASSERT_TRUE(write_synthetic_source(dir / "src", small(kStories)));
    const auto built = build_pack(dir / "src", dir / "synthetic.pack");
    ASSERT_TRUE(built) << built.error().message;
    EXPECT_EQ(built->stories, kStories);
    EXPECT_EQ(built->base_map_levels, 0);

    const auto reader = PackReader::open(dir / "synthetic.pack");
    ASSERT_TRUE(reader) << reader.error().message;
    const auto& catalog = reader->catalog();
    ASSERT_EQ(catalog.stories.size(), static_cast<std::size_t>(kStories));
    EXPECT_EQ(catalog.initiatives.size(), 6u);
    std::set<std::string> regions, themes;
    for (const auto& story : catalog.stories) {
        for (const char* locale : {"en", "zh"}) {
            ASSERT_TRUE(story.text.count(locale)) << story.ref << " has no " << locale << " text";
            const auto& text = story.text.at(locale);
            EXPECT_FALSE(text.title.empty()) << story.ref;
            EXPECT_FALSE(text.place_name.empty()) << story.ref;
            EXPECT_GE(text.key_points.size(), 3u) << story.ref;
            EXPECT_GE(text.blocks.size(), 5u) << story.ref;
        }
        EXPECT_TRUE(story.place) << story.ref << " has no place on the map";
        EXPECT_FALSE(story.image.empty()) << story.ref;
        regions.insert(story.region);
        themes.insert(story.theme);
    }
    // Enough variety that the filter chips have something to filter.
    EXPECT_GE(regions.size(), 3u);
    EXPECT_GE(themes.size(), 3u);
    // Every story's place is a map point that opens it.
    std::size_t story_points = 0;
    for (const auto& feature : catalog.features) story_points += feature.role == "story";
    EXPECT_EQ(story_points, static_cast<std::size_t>(kStories));
    // The builder made a thumbnail for each picture, as for an author's.
    const auto info = reader->media_info(catalog.stories.front().image);
    ASSERT_TRUE(info) << info.error().message;
    EXPECT_GT(info->thumb_width, 0);
}

TEST(PackSynth, ChineseTextUsesABoundedSetOfCharacters) {
    // A font atlas holds the characters a pack uses: a generator that grew the set with every
    // story would make the atlas, not the stories, what a scale test measures.
    TempDir dir;
    ASSERT_TRUE(write_synthetic_source(dir / "few", small(5, 1)));
    ASSERT_TRUE(write_synthetic_source(dir / "many", small(60, 2)));
    std::set<std::string> few, many;
    for (const auto& [path, text] : files_under(dir / "few")) {
        if (path.find(".md") != std::string::npos || path.find(".toml") != std::string::npos) collect_non_ascii(text, few);
    }
    for (const auto& [path, text] : files_under(dir / "many")) {
        if (path.find(".md") != std::string::npos || path.find(".toml") != std::string::npos) collect_non_ascii(text, many);
    }
    EXPECT_GT(few.size(), 100u) << "the Chinese text should be realistic, not a handful of characters";
    EXPECT_LT(many.size(), 600u);
    EXPECT_LT(many.size(), few.size() * 2) << "12 times the stories should not double the characters";
}

TEST(PackSynth, RefusesAFolderThatIsNotEmpty) {
    TempDir dir;
    fs::create_directories(dir / "src");
    pavilion::testing::write_text(dir / "src/notes.txt", "an author's file");
    ASSERT_TRUE(fs::exists(dir / "src/notes.txt"));
    const auto report = write_synthetic_source(dir / "src", small(2));
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::invalid_argument);
    EXPECT_NE(report.error().message.find("not empty"), std::string::npos) << report.error().message;
    EXPECT_FALSE(fs::exists(dir / "src/pack.toml"));
}

TEST(PackSynth, RefusesImpossibleOptions) {
    TempDir dir;
    for (int stories : {0, -1, kMaxSynthStories + 1}) {
        const auto report = write_synthetic_source(dir / "src", small(stories));
        ASSERT_FALSE(report) << stories;
        EXPECT_EQ(report.error().code, ErrorCode::invalid_argument);
    }
    auto tiny = small(1);
    tiny.image_width = 0;
    EXPECT_FALSE(write_synthetic_source(dir / "src", tiny));
    EXPECT_FALSE(fs::exists(dir / "src"));
}

// --- the command ------------------------------------------------------------------------------

TEST(PackCliSynth, WritesASourceThatBuilds) {
    TempDir dir;
    const auto synth = run_command({PAVILION_PACK_TOOL, "synth", "--stories", "2", "--seed", "5", "--no-base-map",
                                    "--picture-size", "160x90", dir / "src"});
    ASSERT_EQ(synth.exit_code, 0) << synth.output;
    EXPECT_EQ(synth.output, "wrote " + (dir / "src") + ": 2 stories, 6 initiatives, 11 pictures (seed 5)\n");
    const auto build = run_command({PAVILION_PACK_TOOL, "build", dir / "src", "-o", dir / "s.pack"});
    EXPECT_EQ(build.exit_code, 0) << build.output;
    EXPECT_NE(build.output.find("6 initiatives, 2 stories"), std::string::npos) << build.output;
    const auto info = PackReader::open(dir / "s.pack");
    ASSERT_TRUE(info) << info.error().message;
    const auto media = info->media_info(info->catalog().stories.front().image);
    ASSERT_TRUE(media);
    EXPECT_EQ(media->width, 160);
    EXPECT_EQ(media->height, 90);
}

TEST(PackCliSynth, BadArgumentsAreUsageErrors) {
    TempDir dir;
    for (const std::vector<std::string>& args : {std::vector<std::string>{"synth", dir / "src"},
                                                 {"synth", "--stories", "0", dir / "src"},
                                                 {"synth", "--stories", "12x", dir / "src"},
                                                 {"synth", "--stories", "3", "--seed", "-4", dir / "src"},
                                                 {"synth", "--stories", "3", "--picture-size", "big", dir / "src"},
                                                 {"synth", "--stories", "3", "--picture-size", "9000x10", dir / "src"},
                                                 {"synth", "--stories", "3"}}) {
        std::vector<std::string> argv{PAVILION_PACK_TOOL};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto result = run_command(argv);
        EXPECT_EQ(result.exit_code, 2) << args.back() << ": " << result.output;
        EXPECT_NE(result.output.find("usage: pavilion-pack synth"), std::string::npos) << result.output;
    }
    EXPECT_FALSE(fs::exists(dir / "src"));
}

} // namespace
} // namespace pavilion::content::test
