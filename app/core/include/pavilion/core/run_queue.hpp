#pragma once
// The one hand-off from worker threads to the main thread. Workers post what should happen once
// their result is ready; the main thread runs all of it, in order, when it drains the queue once
// per frame, so results are only ever applied on the thread that owns the state they change
// (Tracy's RunQueue is the model). Posting also calls the wake function, so a main loop asleep
// in the kernel comes round to drain.

#include <deque>
#include <functional>
#include <mutex>

namespace pavilion::core {

class RunQueue {
public:
    using Task = std::function<void()>;

    // wake: called after every post, from the posting thread; must not block (may be empty).
    explicit RunQueue(std::function<void()> wake = {}) : wake_(std::move(wake)) {}
    RunQueue(const RunQueue&) = delete;
    RunQueue& operator=(const RunQueue&) = delete;

    // Any thread.
    void post(Task task);

    // The main thread: runs every task posted before the call (tasks they post wait for the next
    // drain, so a task that re-posts itself cannot keep a frame from ending). Returns how many ran.
    std::size_t drain();

    // Whether tasks are waiting (any thread; a snapshot).
    bool pending() const;

private:
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::deque<Task> tasks_;
};

} // namespace pavilion::core
