#pragma once
// The fuzz targets: each takes arbitrary bytes, feeds them to one part of Pavilion that reads
// untrusted input, and returns 0 (libFuzzer's convention). A crash, a sanitizer report or a
// broken invariant (fuzz_check) is the finding. libfuzzer/libfuzzer_entry.cpp wraps one per
// executable; fuzz_replay_test.cpp runs every corpus and regression file through them.

#include <cstddef>
#include <cstdint>

namespace pavilion::fuzz {

// Bytes as a pack file: open, catalog, media, images decoded, font, base map, search.
int fuzz_pack_reader(const std::uint8_t* data, std::size_t size);
// Bytes as a fuzz archive (fuzz_archive.hpp) of a pack source folder, parsed as pavilion-pack does.
int fuzz_authoring(const std::uint8_t* data, std::size_t size);
// Bytes as a fuzz archive of key.pub, pack.minisig and pack: parsed, verified, claim read.
int fuzz_signature(const std::uint8_t* data, std::size_t size);
// Bytes as an image from a pack, decoded as the kiosk and the builder do.
int fuzz_media(const std::uint8_t* data, std::size_t size);

} // namespace pavilion::fuzz
