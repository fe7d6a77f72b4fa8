#pragma once
// One background thread that runs jobs one after another, in the order they were posted. Jobs
// that share a resource which is not thread-safe (an SQLite connection, a PIN file) go to the
// same worker and so never run at once; results go back to the main thread through a RunQueue.
//
// Destruction finishes the job that is running and drops the ones still waiting: a kiosk that
// is closing does not start new work.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace pavilion::core {

class SerialWorker {
public:
    using Job = std::function<void()>;

    // on_start: runs first on the new thread (e.g. to lower its scheduling priority).
    explicit SerialWorker(std::string name, std::function<void()> on_start = {});
    ~SerialWorker();
    SerialWorker(const SerialWorker&) = delete;
    SerialWorker& operator=(const SerialWorker&) = delete;

    // Any thread.
    void post(Job job);

    // Blocks until every job posted before the call has finished (off-screen runs and tests,
    // which want complete frames; never the live loop).
    void wait_idle();

    // Whether a job is running or waiting (a snapshot).
    bool busy() const;

    // Finishes the running job, drops the waiting ones and joins the thread; later posts are
    // ignored. The destructor does this too; owners whose jobs refer to them call it first.
    void stop();

    const std::string& name() const { return name_; }

private:
    void run();

    std::string name_;
    std::function<void()> on_start_;
    mutable std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable idle_;
    std::deque<Job> jobs_;
    bool running_job_ = false;
    bool stopping_ = false;
    std::thread thread_; // last: starts once everything above exists
};

} // namespace pavilion::core
