#pragma once
// What a signature vouches for: the trusted comment of a pack's .minisig names the pack id and
// version, so a kiosk can refuse a downgrade before it opens the file with SQLite.
//
// Format (tab-separated, minisign style): "pack:<id>\tversion:<n>\tformat:<f>\tfile:<name>".

#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace pavilion::content {

struct PackClaim {
    std::string pack_id;
    std::int64_t version = 0;
    int format = 0;
    std::string file_name;
};

std::string format_pack_claim(const PackClaim& claim);
Expected<PackClaim> parse_pack_claim(std::string_view trusted_comment);

} // namespace pavilion::content
