#pragma once
// Limits the builder and the reader must agree on.

#include <cstddef>

namespace pavilion::content {

// The largest value (BLOB or TEXT) the reader accepts (SQLITE_LIMIT_LENGTH), so the builder
// refuses to write anything larger: an image, a font, a base map buffer.
constexpr std::size_t kMaxPackValueBytes = 64 * 1024 * 1024;

} // namespace pavilion::content
