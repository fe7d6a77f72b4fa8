#pragma once
// A directory of derived files, one per 64-bit key, that a kiosk can always do without: a
// missing, unreadable or damaged entry just means the work is done again. Writes go to a
// temporary name and are renamed into place, so a power cut or a second kiosk process never
// leaves half a file under a real name; only the newest few entries are kept.

#include "pavilion/content/expected.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::content {

class KeyedFileCache {
public:
    // directory "" disables the cache (reads find nothing, writes do nothing). It is made on the
    // first write. Entries are named "<prefix><16 hex digits>".
    KeyedFileCache(std::string directory, std::string prefix, std::size_t keep = 4,
                   std::size_t max_bytes = 64u << 20);

    bool enabled() const { return !directory_.empty(); }
    const std::string& directory() const { return directory_; }
    std::string path_of(std::uint64_t key) const;

    // The bytes stored under key; nullopt when there are none (or too many to be ours).
    std::optional<std::vector<std::uint8_t>> read(std::uint64_t key) const;
    // Stores bytes under key and removes the oldest entries beyond `keep`. An error says why it
    // could not (the caller goes on without the cache).
    Status write(std::uint64_t key, const std::vector<std::uint8_t>& bytes) const;

    // $XDG_CACHE_HOME/pavilion, else $HOME/.cache/pavilion, else "" (no cache).
    static std::string user_cache_directory();

private:
    void remove_oldest_entries() const;

    std::string directory_;
    std::string prefix_;
    std::size_t keep_;
    std::size_t max_bytes_;
};

} // namespace pavilion::content
