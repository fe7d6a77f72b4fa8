#pragma once
// Invisible characters in a pack source's visitor text. Control characters (C0 but tab and line
// ends, DEL, C1) show as boxes or nothing; bidi embeddings, overrides and isolates reorder what a
// visitor reads without being seen (the "Trojan Source" trick): words can appear in another order
// than the author, or a reviewer, wrote them. The builder warns with file:line; the pack still
// builds, because a right-to-left author may place an isolate on purpose.

#include <string>
#include <vector>

namespace pavilion::content {

// "initiatives/x/en.md:12: U+202E RIGHT-TO-LEFT OVERRIDE ..." for every such character in the
// source's .md and .toml files, files in path order, at most `limit` warnings.
std::vector<std::string> find_control_characters(const std::string& source_dir, std::size_t limit = 50);

} // namespace pavilion::content
