#pragma once
// The visitor statistics database file: opening it, making its schema, and moving a damaged one
// aside. Internal to the content library (visit_stats.cpp and visit_stats_csv.cpp).

#include "pavilion/content/expected.hpp"
#include "pavilion/content/visit_stats.hpp"
#include "sqlite_db.hpp"

#include <string>
#include <vector>

namespace pavilion::content {

struct VisitStats::Database {
    sqlite::DatabasePtr handle;
};

namespace stats_db {

// Opens path, creating the schema when the file is new (or empty). A file that is damaged, of
// another application, or of another statistics format is moved aside with move_aside() and a
// fresh one made; the line saying so is appended to notices. Error (io) when no usable
// database can be had.
Expected<sqlite::DatabasePtr> open_or_replace(const std::string& path, std::vector<std::string>& notices);

// Renames path to path.corrupt-<n> (the first n not in use) and its WAL beside it, and deletes
// its shared-memory index, so a fresh database at path starts clean. The connection must be
// closed first. Returns the new name.
Expected<std::string> move_aside(const std::string& path);

} // namespace stats_db
} // namespace pavilion::content
