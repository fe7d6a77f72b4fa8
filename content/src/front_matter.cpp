#include "front_matter.hpp"

#include <algorithm>

namespace pavilion::content {

bool split_front_matter(const std::string& text, std::string& front, std::string& body,
                        int& body_line) {
    auto starts_with_fence = [](const std::string& s, std::size_t at) {
        return s.compare(at, 3, "+++") == 0 &&
               (at + 3 == s.size() || s[at + 3] == '\n' || s[at + 3] == '\r');
    };
    if (!starts_with_fence(text, 0)) return false;
    const auto front_start = text.find('\n');
    if (front_start == std::string::npos) return false;
    std::size_t at = front_start + 1;
    while (at < text.size()) {
        if (starts_with_fence(text, at)) {
            front = text.substr(front_start + 1, at - front_start - 1);
            const auto body_start = text.find('\n', at);
            body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
            body_line = 2 + static_cast<int>(std::count(front.begin(), front.end(), '\n')) + 1;
            return true;
        }
        const auto next = text.find('\n', at);
        if (next == std::string::npos) break;
        at = next + 1;
    }
    return false;
}

} // namespace pavilion::content
