#include "visitor_texts.hpp"

#include "front_matter.hpp"
#include "toml_table.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace pavilion::content {
namespace {

namespace fs = std::filesystem;

// Keys whose strings are never drawn as text: ids and references to them (`link` too), file
// paths, map roles, the base map's colours and the countries it highlights (matched against the
// map data, which names them). Links (`url`), a source's date (its byline) and the pack's
// `created` (the operator panel) are drawn. A key that is a locale code always holds text.
const std::set<std::string> kNotDrawn = {
    "id",     "image",  "font",   "link",   "files",   "locales", "default_locale", "theme",
    "region", "role",   "source", "sources", "related", "water",  "land",           "highlight",
    "border",
};

struct TomlWalk {
    std::string file;
    int line_offset = 0;
    const std::vector<std::string>* locales = nullptr;
    const std::function<void(const VisitorText&)>* visit = nullptr;

    bool is_locale(const std::string& key) const {
        return std::find(locales->begin(), locales->end(), key) != locales->end();
    }

    // `key` is the key that holds value (for an array's elements, the array's); `locale` the
    // nearest enclosing key that is a locale code, "" when none.
    void walk(const TomlValue& value, const std::string& key, const std::string& locale) const {
        if (value.is_table()) {
            for (const auto& [child_key, child] : value.as_table())
                walk(child, child_key, is_locale(child_key) ? child_key : locale);
        } else if (value.is_array()) {
            for (const auto& element : value.as_array()) walk(element, key, locale);
        } else if (value.is_string()) {
            if (!is_locale(key) && kNotDrawn.count(key)) return;
            (*visit)(VisitorText{file, line_of(value, line_offset), locale, value.as_string().str});
        }
    }
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void walk_toml(const std::string& root, const std::string& file, const std::vector<std::string>& locales,
               const std::function<void(const VisitorText&)>& visit) {
    Diagnostics ignored; // reported when the source was parsed
    const auto document = parse_toml_file(root, file, ignored, /*optional=*/true);
    if (!document) return;
    TomlWalk{file, 0, &locales, &visit}.walk(*document, "", "");
}

// An item's <locale>.md: the front matter's strings, then the Markdown body as one text.
void walk_item_text(const std::string& root, const std::string& file, const std::string& locale,
                    const std::vector<std::string>& locales, const std::function<void(const VisitorText&)>& visit) {
    std::string front, body;
    int body_line = 0;
    if (!split_front_matter(read_file(root + "/" + file), front, body, body_line)) return;
    Diagnostics ignored;
    if (const auto document = parse_toml(front, file, 1, ignored))
        TomlWalk{file, 1, &locales, &visit}.walk(*document, "", locale);
    visit(VisitorText{file, body_line, locale, body});
}

std::vector<std::string> item_folders(const std::string& root, const std::string& kind) {
    std::vector<std::string> folders;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root + "/" + kind, ec)) {
        const auto name = entry.path().filename().string();
        if (entry.is_directory(ec) && !name.empty() && name[0] != '.') folders.push_back(kind + "/" + name);
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

} // namespace

void for_each_visitor_text(const std::string& root, const std::vector<std::string>& locales,
                           const std::function<void(const VisitorText&)>& visit) {
    for (const char* file : {"pack.toml", "strings.toml", "sources.toml", "figures.toml", "map.toml", "attract.toml"})
        walk_toml(root, file, locales, visit);
    for (const char* kind : {"initiatives", "stories"}) {
        for (const auto& folder : item_folders(root, kind)) {
            walk_toml(root, folder + "/item.toml", locales, visit);
            for (const auto& locale : locales) walk_item_text(root, folder + "/" + locale + ".md", locale, locales, visit);
        }
    }
}

int line_in(const VisitorText& text, std::size_t offset) {
    offset = std::min(offset, text.text.size());
    return text.line + static_cast<int>(std::count(text.text.begin(), text.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace pavilion::content
