#include "pavilion/core/serial_worker.hpp"

namespace pavilion::core {

SerialWorker::SerialWorker(std::string name, std::function<void()> on_start)
    : name_(std::move(name)), on_start_(std::move(on_start)), thread_([this] { run(); }) {}

SerialWorker::~SerialWorker() { stop(); }

void SerialWorker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    work_ready_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void SerialWorker::post(Job job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        jobs_.push_back(std::move(job));
    }
    work_ready_.notify_one();
}

void SerialWorker::wait_idle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [&] { return stopping_ || (jobs_.empty() && !running_job_); });
}

bool SerialWorker::busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_job_ || !jobs_.empty();
}

void SerialWorker::run() {
    if (on_start_) on_start_();
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        work_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (stopping_) break;
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        running_job_ = true;
        lock.unlock();
        job();
        job = nullptr; // what a job that ran captured is destroyed here, outside the lock
        lock.lock();
        running_job_ = false;
        if (jobs_.empty()) idle_.notify_all();
    }
    idle_.notify_all();
}

} // namespace pavilion::core
