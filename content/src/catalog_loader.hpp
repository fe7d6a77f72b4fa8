#pragma once

#include "pavilion/content/expected.hpp"
#include "pavilion/content/model.hpp"

#include <sqlite3.h>

#include <string>

namespace pavilion::content {

// Reads every table of an opened, checked pack into a Catalog and cross-checks its references
// (images, sources, related items, locales), so screens can trust what they are given.
Expected<Catalog> load_catalog(sqlite3* db, const std::string& path);

} // namespace pavilion::content
