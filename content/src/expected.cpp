#include "pavilion/content/expected.hpp"

namespace pavilion::content {

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
    }
    return "unknown";
}

} // namespace pavilion::content
