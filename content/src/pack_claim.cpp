#include "pavilion/content/pack_claim.hpp"

#include <charconv>
#include <limits>
#include <map>

namespace pavilion::content {

std::string format_pack_claim(const PackClaim& claim) {
    return "pack:" + claim.pack_id + "\tversion:" + std::to_string(claim.version) +
           "\tformat:" + std::to_string(claim.format) + "\tfile:" + claim.file_name;
}

Expected<PackClaim> parse_pack_claim(std::string_view comment) {
    std::map<std::string, std::string, std::less<>> fields;
    while (!comment.empty()) {
        const auto tab = comment.find('\t');
        const auto field = comment.substr(0, tab);
        const auto colon = field.find(':');
        if (colon != std::string_view::npos)
            fields[std::string(field.substr(0, colon))] = std::string(field.substr(colon + 1));
        if (tab == std::string_view::npos) break;
        comment.remove_prefix(tab + 1);
    }
    auto number = [&](const char* key, std::int64_t& out) {
        const auto it = fields.find(key);
        if (it == fields.end()) return false;
        const auto& text = it->second;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
        return result.ec == std::errc() && result.ptr == text.data() + text.size();
    };
    PackClaim claim;
    std::int64_t format = 0;
    // A format beyond int would wrap when stored (4294967297 read as 1) and pass the format check.
    const bool format_fits = number("format", format) &&
                             format >= std::numeric_limits<int>::min() &&
                             format <= std::numeric_limits<int>::max();
    if (!fields.count("pack") || fields["pack"].empty() || !number("version", claim.version) ||
        !format_fits)
        return make_error(ErrorCode::bad_signature,
                          "the signature's trusted comment does not name a pack id, version and "
                          "format (was it signed with pavilion-pack sign?)");
    claim.pack_id = fields["pack"];
    claim.format = static_cast<int>(format);
    claim.file_name = fields.count("file") ? fields["file"] : "";
    return claim;
}

} // namespace pavilion::content
