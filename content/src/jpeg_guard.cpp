#include "jpeg_guard.hpp"

namespace pavilion::content {
namespace {

constexpr int kNoMarker = 0xFF; // stb's STBI__MARKER_none
constexpr int kStartOfImage = 0xD8;
constexpr int kEndOfImage = 0xD9;
constexpr int kStartOfScan = 0xDA;
constexpr int kHuffmanTable = 0xC4;
constexpr int kMaxHuffmanCodes = 256;

// Reads bytes the way stb_image's stbi__context does: past the end, every byte reads as 0.
class StbCursor {
public:
    StbCursor(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool at_end() const { return at_ >= size_; }
    std::size_t position() const { return at_; }
    int get8() { return at_ < size_ ? data_[at_++] : 0; }
    int get16be() {
        const int high = get8();
        return (high << 8) | get8();
    }
    void skip(int count) { at_ = count < 0 ? size_ : at_ + static_cast<std::size_t>(count); }
    // stbi__get_marker: a marker is 0xFF, any fill 0xFFs, then the marker byte.
    int get_marker() {
        int byte = get8();
        if (byte != 0xFF) return kNoMarker;
        while (byte == 0xFF) byte = get8();
        return byte;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

bool is_frame_start(int marker) { return marker == 0xC0 || marker == 0xC1 || marker == 0xC2; }
// Quantization tables, restart interval, number of lines, APPn, comments: stb reads each to its
// declared length or refuses the file.
bool is_skipped_segment(int marker) {
    return marker == 0xDB || marker == 0xDD || marker == 0xDC || (marker >= 0xE0 && marker <= 0xEF) ||
           marker == 0xFE;
}

// The body of a DHT segment, read as stbi__process_marker reads it (cursor just after FF C4).
bool huffman_segment_fits(StbCursor cursor) {
    int left = cursor.get16be() - 2;
    while (left > 0 && !cursor.at_end()) { // past the end stb reads zeros: tables of no codes
        const int table = cursor.get8();
        if ((table >> 4) > 1 || (table & 15) > 3) return true; // stb refuses the file here
        int codes = 0;
        for (int length = 0; length < 16; ++length) codes += cursor.get8();
        if (codes > kMaxHuffmanCodes) return false;
        cursor.skip(codes);
        left -= 17 + codes;
    }
    return true;
}

} // namespace

bool jpeg_huffman_tables_fit(const std::uint8_t* data, std::size_t size) {
    StbCursor cursor(data, size);
    if (cursor.get_marker() != kStartOfImage) return true; // stb does not read it as a JPEG
    // Up to the first scan, stb reads segment after segment by their lengths.
    for (int marker = cursor.get_marker();; marker = cursor.get_marker()) {
        while (marker == kNoMarker) { // stb scans over padding between segments
            if (cursor.at_end()) return true;
            marker = cursor.get_marker();
        }
        if (marker == kEndOfImage) return true;
        if (marker == kHuffmanTable && !huffman_segment_fits(cursor)) return false;
        if (marker != kHuffmanTable && marker != kStartOfScan && !is_frame_start(marker) &&
            !is_skipped_segment(marker))
            return true; // stb stops at a marker it does not know
        const int length = cursor.get16be();
        if (length < 2) return true;
        cursor.skip(length - 2);
        if (marker == kStartOfScan) break;
    }
    // Where stb stops in scan data depends on the decoding; check every marker it could meet.
    for (std::size_t at = cursor.position(); at + 1 < size; ++at) {
        if (data[at] != 0xFF || data[at + 1] != kHuffmanTable) continue;
        StbCursor table(data + at + 2, size - at - 2);
        if (!huffman_segment_fits(table)) return false;
    }
    return true;
}

} // namespace pavilion::content
