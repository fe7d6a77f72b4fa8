#include "pack_store_names.hpp"

#include <charconv>

namespace pavilion::content::store_names {
namespace {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kHashDigits = 8;
constexpr std::string_view kPackSuffix = ".pack";
constexpr std::string_view kFloorRecorded = "floor recorded";

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

bool is_valid_pack_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdLength || id.front() == '-') return false;
    for (const char c : id) {
        if (!is_id_char(c)) return false;
    }
    return true;
}

std::string pack_file_name(const std::string& pack_id, std::int64_t version,
                           const minisign::FileHash& hash) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (std::size_t i = 0; i < kHashDigits / 2; ++i) {
        hex.push_back(kDigits[hash[i] >> 4]);
        hex.push_back(kDigits[hash[i] & 0x0F]);
    }
    return pack_id + "-v" + std::to_string(version) + "-" + hex + std::string(kPackSuffix);
}

std::optional<PackFileName> parse_pack_file_name(std::string_view name) {
    // Parsed from the right: the id may itself contain "-v", the hash and version cannot.
    if (!ends_with(name, kPackSuffix)) return std::nullopt;
    name.remove_suffix(kPackSuffix.size());
    if (name.size() < kHashDigits + 1) return std::nullopt;
    const std::string_view hash = name.substr(name.size() - kHashDigits);
    for (const char c : hash) {
        if (!is_hex_digit(c)) return std::nullopt;
    }
    name.remove_suffix(kHashDigits);
    if (name.back() != '-') return std::nullopt;
    name.remove_suffix(1);
    const auto marker = name.rfind("-v");
    if (marker == std::string_view::npos) return std::nullopt;
    const std::string_view digits = name.substr(marker + 2);
    PackFileName parsed;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(),
                                              parsed.version);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        parsed.version < 0) {
        return std::nullopt;
    }
    parsed.pack_id = std::string(name.substr(0, marker));
    if (!is_valid_pack_id(parsed.pack_id)) return std::nullopt;
    return parsed;
}

std::string format_pointers(const Pointers& pointers) {
    std::string text = "current " + pointers.current + "\n";
    if (!pointers.previous.empty()) text += "previous " + pointers.previous + "\n";
    if (pointers.floor_recorded) text += std::string(kFloorRecorded) + "\n";
    return text;
}

std::optional<Pointers> parse_pointers(std::string_view text) {
    Pointers pointers;
    pointers.floor_recorded = false;
    bool seen_current = false;
    bool seen_previous = false;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt; // every line ends with '\n'
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        if (line == kFloorRecorded && seen_current && text.empty()) {
            pointers.floor_recorded = true;
            break;
        }
        const auto space = line.find(' ');
        if (space == std::string_view::npos) return std::nullopt;
        const std::string_view key = line.substr(0, space);
        const std::string_view value = line.substr(space + 1);
        if (!parse_pack_file_name(value)) return std::nullopt;
        if (key == "current" && !seen_current && !seen_previous) {
            pointers.current = std::string(value);
            seen_current = true;
        } else if (key == "previous" && seen_current && !seen_previous) {
            pointers.previous = std::string(value);
            seen_previous = true;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_current) return std::nullopt;
    return pointers;
}

} // namespace pavilion::content::store_names
