#pragma once
// A check stb_image 2.27 lacks: it builds a JPEG Huffman table without checking that the table's
// code counts add up to at most 256, and writes past the table (and the decoder's struct) when
// they do. Fuzzing found it (tests/fuzz/regressions/media/); stb upstream fixed it after 2.27,
// Debian bookworm ships 2.27. decode_image runs this before stb sees the bytes.

#include <cstddef>
#include <cstdint>

namespace pavilion::content {

// False when a Huffman table that stb_image would read holds more than 256 codes. Follows stb's
// own reading (segment lengths up to the first scan, then every FF C4 marker it could meet in
// the scan data), so nothing stb reads escapes the check; bytes that are not a JPEG pass.
bool jpeg_huffman_tables_fit(const std::uint8_t* data, std::size_t size);

} // namespace pavilion::content
