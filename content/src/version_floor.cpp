#include "pavilion/content/version_floor.hpp"

#include "pack_store_names.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <vector>

namespace pavilion::content {
namespace {

constexpr std::string_view kHeader = "pavilion-version-floor 1";
constexpr std::string_view kWithdrawn = "withdrawn";
constexpr std::size_t kCheckBytes = 16;

// BLAKE2b-128 of the lines above the check line. A checksum, not a signature: it tells a torn or
// bit-flipped file (which must never read as a lower floor) from an intact one.
std::string check_of(std::string_view body) {
    // Idempotent; it only picks the fastest implementation, so its result does not matter here.
    [[maybe_unused]] const int ready = sodium_init();
    std::array<unsigned char, kCheckBytes> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(body.data()),
                       body.size(), nullptr, 0);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char byte : digest) {
        hex.push_back(kDigits[byte >> 4]);
        hex.push_back(kDigits[byte & 0x0F]);
    }
    return hex;
}

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> words;
    while (!line.empty()) {
        const auto space = line.find(' ');
        words.push_back(line.substr(0, space));
        if (space == std::string_view::npos) break;
        line.remove_prefix(space + 1);
    }
    return words;
}

std::optional<std::int64_t> parse_version(std::string_view digits) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || value < 0)
        return std::nullopt;
    return value;
}

// One body line after the header into `floor`; false when it is not what format writes.
bool parse_line(std::string_view line, VersionFloor& floor) {
    const auto words = split(line);
    if (words.size() == 2 && words[0] == "device" && floor.device_pack_id.empty() &&
        floor.marks.empty() && store_names::is_valid_pack_id(words[1])) {
        floor.device_pack_id = std::string(words[1]);
        return true;
    }
    if ((words.size() != 3 && words.size() != 4) || words[0] != "pack") return false;
    if (!store_names::is_valid_pack_id(words[1])) return false;
    const std::string id(words[1]);
    // Sorted and unique, as format writes them (std::map order).
    if (!floor.marks.empty() && !(floor.marks.rbegin()->first < id)) return false;
    const auto version = parse_version(words[2]);
    if (!version || (words.size() == 4 && words[3] != kWithdrawn)) return false;
    floor.marks[id] = FloorMark{*version, words.size() == 4};
    return true;
}

Error damaged(const std::string& label, const std::string& why) {
    return make_error(ErrorCode::floor_unknown, label + " is damaged (" + why + ")");
}

bool same(const std::optional<PackIdentity>& a, const PackIdentity& b) {
    return a && a->pack_id == b.pack_id && a->version == b.version;
}

} // namespace

std::optional<FloorMark> VersionFloor::mark(const std::string& pack_id,
                                            const std::optional<PackIdentity>& built_in) const {
    std::optional<FloorMark> found;
    if (const auto it = marks.find(pack_id); it != marks.end()) found = it->second;
    if (built_in && built_in->pack_id == pack_id && (!found || found->version < built_in->version))
        found = FloorMark{built_in->version, false};
    return found;
}

bool VersionFloor::record_install(const PackIdentity& installed) {
    const VersionFloor before = *this;
    device_pack_id = installed.pack_id;
    auto [it, inserted] = marks.try_emplace(installed.pack_id, FloorMark{installed.version, false});
    FloorMark& mark = it->second;
    if (!inserted) {
        if (installed.version > mark.version) mark = FloorMark{installed.version, false};
        else if (installed.version == mark.version) mark.withdrawn = false;
        // The operator forced an older version: the newest may not come back by itself.
        else mark.withdrawn = true;
    }
    return !(before == *this);
}

bool VersionFloor::record_rollback(const PackIdentity& left, const PackIdentity& now_current) {
    const VersionFloor before = *this;
    if (auto it = marks.find(left.pack_id); it != marks.end() && it->second.version == left.version)
        it->second.withdrawn = true;
    if (auto it = marks.find(now_current.pack_id); it != marks.end() && it->second.version == now_current.version)
        it->second.withdrawn = false;
    device_pack_id = now_current.pack_id;
    return !(before == *this);
}

std::string format_version_floor(const VersionFloor& floor) {
    std::string body = std::string(kHeader) + "\n";
    if (!floor.device_pack_id.empty()) body += "device " + floor.device_pack_id + "\n";
    for (const auto& [id, mark] : floor.marks) {
        body += "pack " + id + " " + std::to_string(mark.version);
        if (mark.withdrawn) body += " " + std::string(kWithdrawn);
        body += "\n";
    }
    return body + "check " + check_of(body) + "\n";
}

Expected<VersionFloor> parse_version_floor(std::string_view text, const std::string& label) {
    const auto check_at = text.rfind("check ");
    if (check_at == std::string_view::npos || (check_at > 0 && text[check_at - 1] != '\n'))
        return damaged(label, "no check line");
    const std::string_view body = text.substr(0, check_at);
    if (text.substr(check_at) != "check " + check_of(body) + "\n")
        return damaged(label, "its check does not match its contents");
    VersionFloor floor;
    std::string_view rest = body;
    for (int number = 1; !rest.empty(); ++number) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end + 1); // body ends with '\n': the check line starts a line
        const bool good = number == 1 ? line == kHeader : parse_line(line, floor);
        if (!good) return damaged(label, "line " + std::to_string(number) + " is not a floor line");
    }
    if (body.substr(0, kHeader.size()) != kHeader) return damaged(label, "no header");
    return floor;
}

Status check_against_floor(const PackIdentity& claim, const VersionFloor& floor,
                           const std::optional<PackIdentity>& built_in,
                           const std::optional<PackIdentity>& current, const std::string& label) {
    // The device's pack id, once fixed; before that, whatever id comes first may install.
    const std::string& device_id = !floor.device_pack_id.empty() ? floor.device_pack_id
                                   : current                     ? current->pack_id
                                                                 : claim.pack_id;
    if (claim.pack_id != device_id) {
        return make_error(ErrorCode::other_pack,
                          label + ": it is pack '" + claim.pack_id + "', but this kiosk shows pack '" +
                              device_id + "' (install with force to switch to another pack)");
    }
    const auto mark = floor.mark(claim.pack_id, built_in);
    if (!mark || claim.version > mark->version) return ok();
    const std::string what = label + ": version " + std::to_string(claim.version);
    const std::string of_pack = " of pack '" + claim.pack_id + "'";
    if (claim.version < mark->version) {
        return make_error(ErrorCode::not_newer,
                          what + " is older than version " + std::to_string(mark->version) + of_pack +
                              ", the newest this kiosk has installed (install with force to go back)");
    }
    if (same(current, claim) || (!current && same(built_in, claim))) {
        return make_error(ErrorCode::not_newer,
                          what + of_pack + " is installed already (install with force to install it again)");
    }
    if (mark->withdrawn) {
        return make_error(ErrorCode::not_newer,
                          what + of_pack + " was rolled back on this kiosk; only a newer version installs "
                                           "(install with force to take it again)");
    }
    return ok(); // the floor was raised by an install that did not finish: let it finish
}

} // namespace pavilion::content
