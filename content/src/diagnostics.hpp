#pragma once
// Authoring errors, each "file:line: what is wrong". The builder collects them all, so an editor
// sees every mistake in one run instead of one per build.

#include <string>
#include <vector>

namespace pavilion::content {

class Diagnostics {
public:
    // file: path relative to the pack source folder; line 0 when no line applies.
    void error(const std::string& file, int line, const std::string& message) {
        messages_.push_back(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message);
    }
    bool empty() const { return messages_.empty(); }
    const std::vector<std::string>& messages() const { return messages_; }
    std::string joined() const {
        std::string all;
        for (const auto& message : messages_) all += (all.empty() ? "" : "\n") + message;
        return all;
    }

private:
    std::vector<std::string> messages_;
};

} // namespace pavilion::content
