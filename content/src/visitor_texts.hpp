#pragma once
// Every text of a pack source that a visitor may see, with the file and line it is written on
// and the language it is in: for checks that must name both (which fonts cover it). Unlike the
// control-character scan, which reads the files' bytes, this walks the parsed TOML, so a text is
// what the kiosk receives (escapes decoded) and a value's locale comes from its key.

#include <functional>
#include <string>
#include <vector>

namespace pavilion::content {

struct VisitorText {
    std::string file;   // relative to the source folder
    int line = 0;       // the line its first character is on
    std::string locale; // "" for a text shown in every language (a name written once, an author)
    std::string text;
};

// Visits the texts of pack.toml, strings.toml, sources.toml, figures.toml, map.toml,
// attract.toml and each item's item.toml and <locale>.md (front matter and body), in that
// order, items sorted by folder. Ids, paths, links, dates and colours are not visitor text and
// are left out. Meant for a source that parsed without errors: a file that does not parse is
// skipped here (the parser has reported it).
void for_each_visitor_text(const std::string& root, const std::vector<std::string>& locales,
                           const std::function<void(const VisitorText&)>& visit);

// The line of the character at byte `offset` of a text that starts on `first_line`.
int line_in(const VisitorText& text, std::size_t offset);

} // namespace pavilion::content
