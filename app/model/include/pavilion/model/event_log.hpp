#pragma once
// The kiosk's log: every line goes to the journal (stderr on a deployed kiosk, a string in the
// tests) and the most recent ones stay for the operator panel's "Recent log".

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::model {

class EventLog {
public:
    using Sink = std::function<void(std::string_view line)>;

    static constexpr std::size_t kKept = 40;

    // sink: where lines are printed; empty prints them to stderr.
    explicit EventLog(Sink sink = {});

    // Printed and kept for the operator.
    void add(std::string line);
    // Printed only: lines a visitor's every step makes ("screen=home lang=en"), which would push
    // the operator's useful lines out.
    void print(std::string_view line) const;

    std::vector<std::string> recent() const { return {kept_.begin(), kept_.end()}; }

private:
    Sink sink_;
    std::deque<std::string> kept_;
};

} // namespace pavilion::model
