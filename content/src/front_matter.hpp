#pragma once
// An item's Markdown file: TOML front matter between '+++' lines, then the Markdown body. Split
// in one place for the item parser and for the walk over visitor text (visitor_texts.hpp).

#include <string>

namespace pavilion::content {

// Splits "+++\n<toml>\n+++\n<markdown>"; body_line is the body's first line in the file (the
// front matter starts on line 2). False when the text does not start with front matter.
bool split_front_matter(const std::string& text, std::string& front, std::string& body, int& body_line);

} // namespace pavilion::content
