# Sourced by deploy/run-sanitized-tests.sh and deploy/run-fuzz.sh: the sanitizers' options, with
# the suppressions of this folder (reports from libraries we do not build, each entry says why).
# Child processes (the kiosk binary the kiosk tests start) inherit them.
sanitizer_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$sanitizer_dir/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$sanitizer_dir/ubsan.supp:print_stacktrace=1:halt_on_error=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
