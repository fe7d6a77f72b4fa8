#include "pavilion/model/workers.hpp"

namespace pavilion::model {

void Workers::settle() {
    while (true) {
        content.wait_idle();
        device.wait_idle();
        installs.wait_idle();
        const bool applied = results.drain() > 0;
        if (!applied && !content.busy() && !device.busy() && !installs.busy() && !results.pending()) return;
    }
}

void Workers::stop() {
    installs.stop();
    device.stop();
    content.stop();
}

} // namespace pavilion::model
