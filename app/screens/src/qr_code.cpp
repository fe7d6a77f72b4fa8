#include "pavilion/screens/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace pavilion::screens {

std::optional<QrMatrix> make_qr(std::string_view text) {
    if (text.empty() || text.size() > 1000) return std::nullopt;
    const std::string copy(text); // libqrencode wants a NUL-terminated string
    // Level M survives a smudge on a phone camera's view without growing the code much.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return std::nullopt;
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.dark.resize(static_cast<std::size_t>(code->width) * code->width);
    for (std::size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = code->data[i] & 1;
    return matrix;
}

} // namespace pavilion::screens
