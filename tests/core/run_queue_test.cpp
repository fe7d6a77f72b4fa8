// The one hand-off from workers to the main thread, and the serial worker that feeds it.

#include "pavilion/core/run_queue.hpp"
#include "pavilion/core/serial_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace pavilion::core {
namespace {

TEST(RunQueue, RunsWhatWasPostedFromAnyThreadOnTheDrainingThreadInOrder) {
    std::atomic<int> wakes{0};
    RunQueue queue([&] { ++wakes; });
    std::vector<int> ran;
    const auto main_thread = std::this_thread::get_id();
    std::thread worker([&] {
        for (int i = 0; i < 100; ++i)
            queue.post([&ran, i, main_thread] {
                EXPECT_EQ(std::this_thread::get_id(), main_thread);
                ran.push_back(i);
            });
    });
    worker.join();
    EXPECT_TRUE(queue.pending());
    EXPECT_EQ(wakes, 100);
    EXPECT_TRUE(ran.empty()) << "nothing runs before the drain";
    EXPECT_EQ(queue.drain(), 100u);
    ASSERT_EQ(ran.size(), 100u);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(ran[i], i);
    EXPECT_FALSE(queue.pending());
}

TEST(RunQueue, ATaskPostedWhileDrainingWaitsForTheNextDrain) {
    RunQueue queue;
    int runs = 0;
    std::function<void()> again = [&] {
        ++runs;
        queue.post(again);
    };
    queue.post(again);
    EXPECT_EQ(queue.drain(), 1u); // a task that re-posts itself cannot keep a frame from ending
    EXPECT_EQ(runs, 1);
    EXPECT_EQ(queue.drain(), 1u);
    EXPECT_EQ(runs, 2);
}

TEST(SerialWorker, RunsJobsOneAtATimeInOrder) {
    SerialWorker worker("test");
    std::vector<int> order;
    std::atomic<int> running{0};
    bool overlapped = false;
    for (int i = 0; i < 20; ++i)
        worker.post([&, i] {
            if (++running > 1) overlapped = true;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            order.push_back(i);
            --running;
        });
    worker.wait_idle();
    EXPECT_FALSE(worker.busy());
    EXPECT_FALSE(overlapped);
    ASSERT_EQ(order.size(), 20u);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(order[i], i);
}

TEST(SerialWorker, StoppingFinishesTheRunningJobAndDropsTheRest) {
    SerialWorker worker("test");
    std::atomic<bool> started{false}, release{false};
    std::atomic<int> finished{0};
    worker.post([&] {
        started = true;
        while (!release) std::this_thread::yield();
        ++finished;
    });
    for (int i = 0; i < 5; ++i) worker.post([&] { ++finished; });
    while (!started) std::this_thread::yield();
    EXPECT_TRUE(worker.busy());
    std::thread stopper([&] { worker.stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    release = true;
    stopper.join();
    EXPECT_EQ(finished, 1) << "the running job finished; the waiting ones were dropped";
    worker.post([&] { ++finished; }); // after stop: ignored
    worker.wait_idle();               // returns at once
    EXPECT_EQ(finished, 1);
}

} // namespace
} // namespace pavilion::core
