#pragma once
// The pack store's file reads shared by its source files (pack_store.cpp, pack_store_floor.cpp),
// internal to the content library.

#include "pack_store_names.hpp"
#include "pavilion/content/expected.hpp"
#include "pavilion/content/file_system.hpp"

#include <optional>
#include <string>

namespace pavilion::content::store_io {

// ErrorCode::io: "<what>: <strerror>".
Error io_error(const std::string& what, long negative_errno);

// The pointer file; nullopt: no pointer file yet (nothing installed). ErrorCode::corrupt when it
// is not exactly what the store writes.
Expected<std::optional<store_names::Pointers>> read_pointers(FileSystem& fs, const std::string& path);

} // namespace pavilion::content::store_io
