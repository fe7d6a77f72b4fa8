#include "pavilion/core/run_queue.hpp"

namespace pavilion::core {

void RunQueue::post(Task task) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    if (wake_) wake_();
}

std::size_t RunQueue::drain() {
    std::deque<Task> due;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        due.swap(tasks_);
    }
    for (auto& task : due) task();
    return due.size();
}

bool RunQueue::pending() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return !tasks_.empty();
}

} // namespace pavilion::core
