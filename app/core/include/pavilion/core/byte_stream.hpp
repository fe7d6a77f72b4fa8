#pragma once
// Fixed-layout bytes for the kiosk's own cache files (the font atlas, the catalog): values are
// written in the machine's byte order, since a cache never leaves the machine that wrote it.
// ByteReader never reads past its end: a short or damaged file makes ok() false, never a crash,
// and every length it hands out has been checked against what is left.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pavilion::core {

class ByteWriter {
public:
    template <typename T> void put(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>, "only plain values are written as bytes");
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(&value);
        out_.insert(out_.end(), bytes, bytes + sizeof value);
    }
    void put_bytes(const std::uint8_t* data, std::size_t size) { out_.insert(out_.end(), data, data + size); }
    // A 32-bit length, then the bytes.
    void put_string(std::string_view text) {
        put(static_cast<std::uint32_t>(text.size()));
        put_bytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    }
    std::vector<std::uint8_t>& bytes() { return out_; }

private:
    std::vector<std::uint8_t> out_;
};

// Reads fields in order; a read past the end makes ok() false and returns zeros.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(data ? size : 0) {}

    template <typename T> T get() {
        static_assert(std::is_trivially_copyable_v<T>, "only plain values are read from bytes");
        T value{};
        if (remaining() < sizeof value) {
            failed_ = true;
            return value;
        }
        std::memcpy(&value, data_ + at_, sizeof value);
        at_ += sizeof value;
        return value;
    }
    const std::uint8_t* take(std::size_t count) {
        if (remaining() < count) {
            failed_ = true;
            return nullptr;
        }
        const auto* start = data_ + at_;
        at_ += count;
        return start;
    }
    std::string get_string() {
        const auto length = get<std::uint32_t>();
        const auto* text = take(length);
        return text ? std::string(reinterpret_cast<const char*>(text), length) : std::string();
    }
    // A count of things each at least min_bytes long: more than the bytes left could hold means
    // the file is damaged, and is refused before anything is allocated for them.
    std::size_t get_count(std::size_t min_bytes) {
        const auto count = get<std::uint32_t>();
        if (min_bytes > 0 && count > remaining() / min_bytes) failed_ = true;
        return failed_ ? 0 : count;
    }
    void fail() { failed_ = true; }

    bool ok() const { return !failed_; }
    bool at_end() const { return at_ == size_; }
    std::size_t remaining() const { return size_ - at_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
    bool failed_ = false;
};

} // namespace pavilion::core
