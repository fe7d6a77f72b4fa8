// The authoring parser: the bytes are a fuzz archive (fuzz_archive.hpp) of a pack source folder
// (pack.toml, strings.toml, sources.toml, figures.toml, map.toml, attract.toml, item.toml and
// Markdown files with TOML front matter), written to a scratch folder and parsed the way
// `pavilion-pack build` parses before it touches images.

#include "target_reach.hpp"
#include "fuzz_archive.hpp"
#include "fuzz_targets.hpp"
#include "pack_source.hpp"
#include "scratch_dir.hpp"

#include <string>

namespace pavilion::fuzz {
namespace {

constexpr std::size_t kMaxFiles = 64;
constexpr std::size_t kMaxPathLength = 120;
constexpr int kMaxDepth = 4;

// Only plain relative names under the scratch folder: the fuzzer must not write elsewhere.
bool is_safe_relative_path(const std::string& path) {
    if (path.empty() || path.size() > kMaxPathLength || path.front() == '/' || path.back() == '/')
        return false;
    int depth = 1;
    std::size_t component_start = 0;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            const auto component = path.substr(component_start, i - component_start);
            if (component.empty() || component == "." || component == "..") return false;
            component_start = i + 1;
            if (i < path.size() && ++depth > kMaxDepth) return false;
            continue;
        }
        const char c = path[i];
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!plain) return false;
    }
    return true;
}

} // namespace

AuthoringReach parse_source_archive(const std::uint8_t* data, std::size_t size) {
    AuthoringReach reach;
    ScratchDir dir;
    if (!dir.ok()) return reach;
    const auto files = split_archive(std::string_view(reinterpret_cast<const char*>(data), size));
    for (std::size_t i = 0; i < files.size() && i < kMaxFiles; ++i) {
        if (is_safe_relative_path(files[i].name) && dir.write(files[i].name, files[i].bytes))
            ++reach.files_written;
    }
    content::Diagnostics diagnostics;
    const auto source = content::parse_pack_source(dir.path().string(), diagnostics);
    reach.items = source.catalog.initiatives.size() + source.catalog.stories.size();
    reach.errors = diagnostics.messages().size();
    return reach;
}

int fuzz_authoring(const std::uint8_t* data, std::size_t size) {
    parse_source_archive(data, size);
    return 0;
}

} // namespace pavilion::fuzz
