#include "control_characters.hpp"

#include "pavilion/core/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace pavilion::content {
namespace {

// What the character does to a visitor's text, or nullptr when it is ordinary.
const char* invisible_effect(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') return nullptr;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return "a control character: shown as a box or not at all";
    if (c >= 0x202A && c <= 0x202E)
        return "a bidi embedding or override: it reorders the text after it without being seen";
    if (c >= 0x2066 && c <= 0x2069) return "a bidi isolate: it reorders the text around it without being seen";
    return nullptr;
}

std::vector<std::filesystem::path> text_files(const std::string& source_dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(source_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto extension = it->path().extension();
        if (it->is_regular_file(ec) && (extension == ".md" || extension == ".toml")) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void scan(const std::string& shown, const std::string& text, std::size_t limit, std::vector<std::string>& out) {
    int line = 1;
    for (std::size_t at = 0; at < text.size() && out.size() < limit;) {
        std::size_t length = 1;
        const char32_t c = core::decode_utf8(text, at, length);
        if (const char* effect = invisible_effect(c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            out.push_back(shown + ":" + std::to_string(line) + ": " + code + " is " + effect + "; remove it");
        }
        if (c == U'\n') ++line;
        at += length;
    }
}

} // namespace

std::vector<std::string> find_control_characters(const std::string& source_dir, std::size_t limit) {
    std::vector<std::string> warnings;
    for (const auto& file : text_files(source_dir)) {
        std::ifstream in(file, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        scan(std::filesystem::relative(file, source_dir).generic_string(), text, limit, warnings);
        if (warnings.size() >= limit) break;
    }
    return warnings;
}

} // namespace pavilion::content
