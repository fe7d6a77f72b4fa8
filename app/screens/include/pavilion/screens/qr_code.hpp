#pragma once
// QR codes for source links (libqrencode), as a matrix of modules the screens draw as squares:
// crisp at any size, no texture.

#include <optional>
#include <string_view>
#include <vector>

namespace pavilion::screens {

struct QrMatrix {
    int size = 0;           // modules per side
    std::vector<bool> dark; // row-major, size * size
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// nullopt when the text cannot be encoded (empty or too long).
std::optional<QrMatrix> make_qr(std::string_view text);

} // namespace pavilion::screens
