// The libFuzzer entry point of one fuzz executable; CMake picks the target with
// PAVILION_FUZZ_FUNCTION (fuzz_pack_reader, fuzz_authoring, ...), so each target is one line.

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pavilion::fuzz::PAVILION_FUZZ_FUNCTION(data, size);
}
