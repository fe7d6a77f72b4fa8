#include "pavilion/core/expected.hpp"

namespace pavilion::core {

const char* to_string(ErrorCode code) {
    switch (code) {
    case ErrorCode::io: return "io";
    case ErrorCode::not_a_pack: return "not_a_pack";
    case ErrorCode::unsupported: return "unsupported";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::unsafe: return "unsafe";
    case ErrorCode::authoring: return "authoring";
    case ErrorCode::bad_key: return "bad_key";
    case ErrorCode::bad_signature: return "bad_signature";
    case ErrorCode::untrusted: return "untrusted";
    case ErrorCode::tampered: return "tampered";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::not_newer: return "not_newer";
    case ErrorCode::other_pack: return "other_pack";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::no_space: return "no_space";
    case ErrorCode::cancelled: return "cancelled";
    case ErrorCode::busy: return "busy";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::floor_unknown: return "floor_unknown";
    }
    return "unknown";
}

} // namespace pavilion::core
