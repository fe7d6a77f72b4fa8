#pragma once
// Converts an item body written in Markdown into the pack's rich-text blocks.
// Only what the kiosk can show is accepted; anything else is an authoring error with its line.

#include "diagnostics.hpp"
#include "pavilion/content/model.hpp"

#include <string>
#include <vector>

namespace pavilion::content {

// first_line: the line of the body's first character in its file, for error reports.
std::vector<Block> parse_markdown_blocks(const std::string& markdown, const std::string& file,
                                         int first_line, Diagnostics& diagnostics);

} // namespace pavilion::content
