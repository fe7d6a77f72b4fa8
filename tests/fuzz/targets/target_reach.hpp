#pragma once
// How far a fuzz target got into one input. The fuzz functions ignore it; the replay test uses it
// to prove that the seeds reach deep (a target that stops at the first check finds little).

#include <cstddef>
#include <cstdint>

namespace pavilion::fuzz {

struct PackReach {
    bool opened = false;
    std::size_t items = 0;            // initiatives and stories
    std::size_t pictures_decoded = 0; // thumbnails and full images
    std::size_t font_bytes = 0;
    std::size_t base_map_levels = 0;
    std::size_t search_hits = 0;
};
PackReach read_pack_as_kiosk(const std::uint8_t* data, std::size_t size);

struct AuthoringReach {
    std::size_t files_written = 0; // archive files laid out in the scratch folder
    std::size_t items = 0;         // initiatives and stories parsed
    std::size_t errors = 0;        // authoring diagnostics
};
AuthoringReach parse_source_archive(const std::uint8_t* data, std::size_t size);

struct SignatureReach {
    bool key_parsed = false;
    bool verified = false;   // by the archive's own key, over the archive's pack bytes
    bool claim_read = false; // a pack claim in the (unverified) trusted comment
};
SignatureReach check_signature_archive(const std::uint8_t* data, std::size_t size);

} // namespace pavilion::fuzz
