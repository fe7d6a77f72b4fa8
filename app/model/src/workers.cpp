#include "pavilion/model/workers.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pavilion::model {

void Workers::lower_priority() {
    // On Linux nice is per thread: PRIO_PROCESS with the thread's own id. Failing to lower it
    // (a sandbox that forbids it) changes nothing but the order of work.
    const auto thread_id = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, thread_id, 10);
}

void Workers::settle() {
    while (true) {
        content.wait_idle();
        packs.wait_idle();
        device.wait_idle();
        installs.wait_idle();
        const bool applied = results.drain() > 0;
        const bool busy = content.busy() || packs.busy() || device.busy() || installs.busy();
        if (!applied && !busy && !results.pending()) return;
    }
}

void Workers::stop() {
    installs.stop();
    device.stop();
    packs.stop();
    content.stop();
}

} // namespace pavilion::model
