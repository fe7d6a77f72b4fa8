#pragma once
// PINs in the desk's memory, internal to the model library.

#include <algorithm>
#include <string>

namespace pavilion::model {

// Overwrites a PIN before it is dropped, so its digits do not stay behind in the string's buffer.
inline void wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

} // namespace pavilion::model
