#pragma once
// The content layer reports failures with core's one error type (pavilion/core/expected.hpp):
// these declarations only let content's code name it without the namespace.

#include "pavilion/core/expected.hpp"

namespace pavilion::content {

using core::Done;
using core::Error;
using core::ErrorCode;
using core::Expected;
using core::make_error;
using core::ok;
using core::Status;

} // namespace pavilion::content
