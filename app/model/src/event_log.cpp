#include "pavilion/model/event_log.hpp"

#include <cstdio>

namespace pavilion::model {

EventLog::EventLog(Sink sink) : sink_(std::move(sink)) {}

void EventLog::print(std::string_view line) const {
    if (sink_) {
        sink_(line);
        return;
    }
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
}

void EventLog::add(std::string line) {
    print(line);
    kept_.push_back(std::move(line));
    while (kept_.size() > kKept) kept_.pop_front();
}

} // namespace pavilion::model
