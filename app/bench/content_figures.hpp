#pragma once
// The data layer's figures, measured in this process through the same code the kiosk runs:
// opening a pack, full-text search, and installing a signed pack compared with the physical
// limit of the same disk (a plain copy plus hash of the same file).

#include "pavilion/core/expected.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace pavilion::bench {

// PackReader::open (integrity and schema checks, whole catalog) of `pack`, repeated.
nlohmann::json measure_pack_open(const std::string& pack, int repeats);

// PackReader::search for a few everyday words per language, each repeated: p50 and p99 in ms.
nlohmann::json measure_search(const std::string& pack, int repeats);

// In work_dir (the disk the kiosk's state lives on): PackInstaller::install of `pack`, signed
// here with a throwaway key, against copying and BLAKE2b-hashing the same file with fsync.
// Each `repeats` times, alternating, so the page cache favours neither.
// A failure (the work_dir unusable, the install refused) is an error, not a figure: the
// README's install throughput must never silently go missing.
core::Expected<nlohmann::json> measure_install(const std::string& pack, const std::string& work_dir, int repeats);

} // namespace pavilion::bench
