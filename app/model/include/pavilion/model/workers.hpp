#pragma once
// The model's background threads and its one way back to the main thread. Slow work (SQL, file
// IO, hashing, Argon2id, opening packs) runs on a worker; what it found comes back through
// `results`, which the model drains once per frame (Kiosk::poll) and so applies on the main
// thread. Four workers, so that a pack copy that takes minutes never delays an item's text, a
// pack switch (its fonts built) never delays another item's text, and a whole-pack hash for the
// operator never delays the visitor:

#include "pavilion/core/pointer_event.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/core/serial_worker.hpp"

#include <functional>

namespace pavilion::model {

struct Workers {
    // Lowers the calling thread's scheduling priority (Linux: a thread's own nice value).
    static void lower_priority();

    // wake: called from any thread when a result is posted (the live loop sleeps until then).
    explicit Workers(std::function<void()> wake) : results(std::move(wake)) {}

    core::RunQueue results;
    // The main thread's time while it applies results (set before each drain), for results that
    // stamp what they change: the model reads no clock of its own.
    core::Millis now = 0;
    // The device and installs workers hash whole packs for seconds: they run at a lower priority
    // (nice 10), so on a busy machine the render thread and the visitor's texts come first.
    core::SerialWorker content{"content"};                   // items' texts
    core::SerialWorker packs{"packs"};                       // opening a pack to show, and its fonts
    core::SerialWorker device{"device", lower_priority};     // the PIN, statistics, settings, the store, exports
    core::SerialWorker installs{"installs", lower_priority}; // copying and verifying packs from sticks and inboxes

    // Waits until no worker has anything to do and every result has been applied (results may
    // start more work, so this repeats until all is quiet). Off-screen runs and tests only.
    void settle();
    // Joins the threads (their running jobs finish; waiting ones are dropped). Results still
    // queued are never applied. The owner calls this before the objects the jobs refer to go.
    void stop();
};

} // namespace pavilion::model
