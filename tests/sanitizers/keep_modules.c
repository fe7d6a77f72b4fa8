/* Preloaded into the sanitized kiosk tests (deploy/run-sanitized-tests.sh): dlclose does nothing.
 * Mesa loads its GL driver with dlopen and unloads it when the kiosk exits, before LeakSanitizer
 * looks; the driver's own leaks then show as "<unknown module>" and no suppression can name them.
 * With the driver kept loaded, lsan.supp can name the library each leak belongs to. */
#include <stddef.h>

int dlclose(void* handle) {
    (void)handle;
    return 0;
}
