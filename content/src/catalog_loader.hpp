#pragma once

#include "pavilion/content/expected.hpp"
#include "pavilion/content/model.hpp"

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>

namespace pavilion::content {

// Reads every table of an opened, checked pack into a Catalog and cross-checks its references
// (images, sources, related items, locales), so screens can trust what they are given. With
// CatalogBodies::on_demand the items' key points and blocks stay in the file (load_item_body).
Expected<Catalog> load_catalog(sqlite3* db, const std::string& path, CatalogBodies bodies);

// One item's key points and blocks in every locale.
Expected<ItemBody> load_item_body(sqlite3* db, const std::string& path, const std::string& ref);

// Calls visit with every key point (as a paragraph) and block of every item, in no order.
Status each_body_text(sqlite3* db, const std::string& path,
                      const std::function<void(BlockKind kind, std::string_view text)>& visit);

} // namespace pavilion::content
