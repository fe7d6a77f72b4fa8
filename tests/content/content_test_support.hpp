#pragma once
// Helpers for the content tests: editable copies of the mini-pack fixture, builds, checks of
// authoring messages, test images and a built mini-pack shared by every test of a run.

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/model.hpp"
#include "pavilion/content/pack_builder.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace pavilion::content {

// Readable gtest output for the model's small structs.
inline std::ostream& operator<<(std::ostream& out, const TextSpan& span) {
    return out << (span.style == SpanStyle::strong ? "strong:" : "em:") << span.begin << "-"
               << span.end;
}

inline const char* block_kind_name(BlockKind kind) {
    switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::bullet: return "bullet";
    case BlockKind::quote: return "quote";
    case BlockKind::paragraph: break;
    }
    return "paragraph";
}

inline std::ostream& operator<<(std::ostream& out, const Block& block) {
    out << block_kind_name(block.kind);
    if (block.kind == BlockKind::heading) out << block.level;
    out << " \"" << block.text << "\" [";
    for (std::size_t i = 0; i < block.spans.size(); ++i) out << (i ? " " : "") << block.spans[i];
    return out << "]";
}

inline std::ostream& operator<<(std::ostream& out, const GeoPoint& point) {
    return out << "[" << point.lon << ", " << point.lat << "]";
}

inline std::ostream& operator<<(std::ostream& out, const Locale& locale) {
    return out << locale.code << " (" << locale.name << ")";
}

inline std::ostream& operator<<(std::ostream& out, ErrorCode code) { return out << to_string(code); }

} // namespace pavilion::content

namespace pavilion::content::test {

namespace fs = std::filesystem;
using pavilion::testing::TempDir;

inline std::string mini_pack_fixture() { return std::string(PAVILION_FIXTURES_DIR) + "/mini-pack"; }

// The paths of the fixture's files that tests edit most.
inline const std::string kPackToml = "pack.toml";
inline const std::string kOverviewItem = "initiatives/overview/item.toml";
inline const std::string kOverviewEn = "initiatives/overview/en.md";
inline const std::string kGreenEn = "initiatives/green-silk-road/en.md";
inline const std::string kLaosItem = "stories/china-laos-railway/item.toml";
inline const std::string kLaosEn = "stories/china-laos-railway/en.md";

// 1-based line of the first occurrence of `needle` in `text`; throws when absent.
inline int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) throw std::runtime_error("'" + needle + "' is not in the text");
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// A private, editable copy of the mini-pack source, with an output folder beside it.
class SourceCopy {
public:
    SourceCopy() { pavilion::testing::copy_tree(mini_pack_fixture(), root()); }

    std::string root() const { return dir_ / "src"; }
    std::string path(const std::string& relative) const { return root() + "/" + relative; }
    // A path for build outputs, outside the source folder.
    std::string output(const std::string& name = "out.pack") const { return dir_ / name; }

    std::string read(const std::string& relative) const {
        return pavilion::testing::read_text(path(relative));
    }
    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories(fs::path(path(relative)).parent_path());
        pavilion::testing::write_text(path(relative), text);
    }
    // Replaces the first occurrence of `from` (which must be there) by `to`.
    void replace(const std::string& relative, const std::string& from, const std::string& to) const {
        auto text = read(relative);
        const auto at = text.find(from);
        if (at == std::string::npos)
            throw std::runtime_error(relative + " has no '" + from + "' to replace");
        write(relative, text.replace(at, from.size(), to));
    }
    void append(const std::string& relative, const std::string& text) const {
        write(relative, read(relative) + text);
    }
    void remove(const std::string& relative) const { fs::remove_all(path(relative)); }
    // Line of `needle` in the current text of a source file.
    int line(const std::string& relative, const std::string& needle) const {
        return line_of(read(relative), needle);
    }

    Expected<BuildReport> build(const std::string& output_name = "out.pack") const {
        return build_pack(root(), output(output_name));
    }

    // The authoring messages of a build that must fail; "" (and a test failure) if it succeeds
    // or fails for another reason.
    std::string build_errors() const {
        auto report = build();
        if (report) {
            ADD_FAILURE() << "the build succeeded, but an authoring error was expected";
            return "";
        }
        EXPECT_EQ(report.error().code, ErrorCode::authoring) << report.error().message;
        return report.error().message;
    }

private:
    TempDir dir_;
};

// For reports(): a message about the file at whatever line.
constexpr int kAnyLine = -1;

// Checks that one line of a build's messages reads "<file>:<line>: ..." (just "<file>: ..." for
// line 0, as for a missing file) and contains `text`.
inline ::testing::AssertionResult reports(const std::string& messages, const std::string& file,
                                          int line, const std::string& text) {
    const std::string prefix = line == kAnyLine ? file + ":"
                               : line > 0       ? file + ":" + std::to_string(line) + ": "
                                                : file + ": ";
    std::istringstream lines(messages);
    std::string message;
    while (std::getline(lines, message)) {
        if (message.rfind(prefix, 0) == 0 && message.find(text) != std::string::npos)
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "no message \"" << prefix << "..." << text
                                         << "...\" among:\n" << messages;
}

inline int count_lines(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) ++count;
    return count;
}

// Solid-colour test pictures; `alpha` below 255 makes the picture transparent.
inline Pixels solid_pixels(int width, int height, int channels, std::uint8_t alpha = 255) {
    Pixels pixels{width, height, channels, {}};
    pixels.data.resize(static_cast<std::size_t>(width) * height * channels);
    for (std::size_t i = 0; i < pixels.data.size(); i += static_cast<std::size_t>(channels)) {
        const auto x = (i / static_cast<std::size_t>(channels)) % static_cast<std::size_t>(width);
        pixels.data[i] = static_cast<std::uint8_t>(x * 255 / static_cast<std::size_t>(width));
        pixels.data[i + 1] = 120;
        pixels.data[i + 2] = 200;
        if (channels == 4) pixels.data[i + 3] = alpha;
    }
    return pixels;
}

inline void write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    pavilion::testing::write_text(path, std::string(bytes.begin(), bytes.end()));
}

// The mini-pack fixture built once per test process, shared read-only by the tests.
struct BuiltMiniPack {
    TempDir dir;
    std::string path = dir / "mini.pack";
    std::optional<BuildReport> report;
    std::optional<PackReader> reader;
    std::string error; // why building or opening failed
};

inline const BuiltMiniPack& mini_pack() {
    static BuiltMiniPack pack;
    static const bool built = [](BuiltMiniPack& p) {
        auto report = build_pack(mini_pack_fixture(), p.path);
        if (!report) {
            p.error = "building the mini-pack failed: " + report.error().message;
            return false;
        }
        p.report = *report;
        auto reader = PackReader::open(p.path);
        if (!reader) {
            p.error = "opening the mini-pack failed: " + reader.error().message;
            return false;
        }
        p.reader.emplace(std::move(reader).value());
        return true;
    }(pack);
    static_cast<void>(built);
    return pack;
}

// Copies the shared built mini-pack to `path`, for tests that damage or alter a pack.
inline void copy_mini_pack_to(const std::string& path) {
    const auto& pack = mini_pack();
    if (!pack.error.empty()) throw std::runtime_error(pack.error);
    fs::copy_file(pack.path, path, fs::copy_options::overwrite_existing);
}

} // namespace pavilion::content::test
