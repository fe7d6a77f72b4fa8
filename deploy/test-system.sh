#!/usr/bin/env bash
# The whole system, tested as a machine: a Debian bookworm amd64 image made with mmdebstrap from
# the packages Pavilion ships, the .deb this tree builds and deploy/provision-pi.sh, booted in
# QEMU (KVM when /dev/kvm works, TCG otherwise) with a virtio GPU (no 3D), a USB tablet, QMP and
# a test-only guest agent, then checked from outside, one line per check (PASS/FAIL name: detail):
#
#   deploy/test-system.sh [--cuts N] [--seed S] [--tcg | --kvm-or-skip] [--keep]
#
#   1. host tools (qemu-system-x86, mmdebstrap, mtools, dosfstools, netpbm, xvfb), non-interactively;
#   2. the .deb (deploy/build-deb.sh, into build-deb/) and pavilion-pack from the same build;
#   3. test material in build-system/: a test signing key (its .pub is provisioned into the image)
#      and a foreign one, packs (newer, older, foreign key, damaged, and a large one for the power
#      cuts), FAT stick images holding PAVILION/expo.pack + .minisig, and reference pictures from
#      the kiosk's own --screenshot of the same packs;
#   4. the image: mmdebstrap bookworm + the kernel, provision-pi.sh run in it exactly as on a Pi
#      (it installs the .deb with apt), plus, for the test only, qemu-guest-agent; an ext4 disk;
#   5. deploy/system-test/checks.py boots it and checks (see that file): the kiosk on screen,
#      a tap, USB sticks (installed / refused, banner, report, store), restarts after SIGSEGV
#      and SIGSTOP, escape keys and a hot-plugged keyboard, and --cuts power cuts (kill -9 of
#      QEMU) at random moments of an install.
#
# Downloaded .debs are kept in build-system/apt-cache, so a second run needs no network for the
# image. Run as root (mmdebstrap, apt-get). --kvm-or-skip (deploy/run-tests.sh): without a usable
# KVM print one line and exit 0, as TCG takes far longer than CI's budget. --keep leaves build-system/run/ (serial logs, screen
# dumps, QEMU logs) for a look; it is kept anyway when a check fails.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cuts=10
seed="$RANDOM"
force_tcg=0
kvm_or_skip=0
keep=0
while (($#)); do
  case "$1" in
    --cuts) [ $# -ge 2 ] || { echo "test-system: --cuts needs a number" >&2; exit 2; }; cuts="$2"; shift 2 ;;
    --seed) [ $# -ge 2 ] || { echo "test-system: --seed needs a number" >&2; exit 2; }; seed="$2"; shift 2 ;;
    --tcg) force_tcg=1; shift ;;
    --kvm-or-skip) kvm_or_skip=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-system: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "test-system: run as root (mmdebstrap, apt-get)" >&2; exit 2; }
skip() { echo "test-system: skipped: $*"; exit 0; }
if ((kvm_or_skip)); then
  [ -c /dev/kvm ] || skip "no /dev/kvm (the whole-system test needs KVM in deploy/run-tests.sh)"
  grep -Eqw 'vmx|svm' /proc/cpuinfo ||
    skip "the CPU offers no virtualization (vmx/svm) although /dev/kvm exists"
fi

out="$root/build-system"
run="$out/run"
mkdir -p "$out"
started=$SECONDS
timings=()
step_start=0
begin() { echo "== $1" >&2; step_start=$SECONDS; }
end() { timings+=("$(printf '%-40s %4d s' "$1" $((SECONDS - step_start)))"); }
# shellcheck disable=SC2317 # called by the EXIT trap
print_times() {
  echo "== times" >&2
  printf '%s\n' "${timings[@]}" >&2
  echo "total $((SECONDS - started)) s" >&2
}
trap print_times EXIT

# --- 1. host tools ---------------------------------------------------------------------------------
begin "host tools"
tools=(qemu-system-x86 qemu-utils mmdebstrap mtools dosfstools e2fsprogs netpbm xvfb xauth python3)
missing=()
for package in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
end "host tools"

# --- 2. the .deb -------------------------------------------------------------------------------------
begin "build the .deb (build-deb/)"
deb="$(./deploy/build-deb.sh)"
pack_tool="$root/build-deb/pavilion-pack"
kiosk="$root/build-deb/pavilion"
end "build the .deb (build-deb/)"

# --- KVM or TCG -----------------------------------------------------------------------------------
# /dev/kvm may exist and still not run a guest (nested virtualization without VMX: QEMU starts,
# the guest never gets past its first instruction). So boot the image's kernel for up to 20 s
# and look for its first line, once the image exists (below).
kvm_works() { # kvm_works KERNEL
  [ -c /dev/kvm ] && [ -r /dev/kvm ] && [ -w /dev/kvm ] || return 1
  local log="$out/kvm-probe.log"
  rm -f "$log"
  timeout 20 qemu-system-x86_64 -accel kvm -machine q35 -nodefaults -no-user-config -display none \
    -m 256 -kernel "$1" -append "console=ttyS0 panic=-1" -no-reboot -serial "file:$log" \
    >/dev/null 2>&1 || true
  grep -q "Linux version" "$log" 2>/dev/null
}

# --- 3. test material --------------------------------------------------------------------------------
begin "keys, packs, sticks, references"
"$root/deploy/system-test/make-material.sh" "$pack_tool" "$kiosk" "$out/material"
end "keys, packs, sticks, references"

# --- 4. the image ------------------------------------------------------------------------------------
begin "image (mmdebstrap + provision-pi.sh)"
kernel_probe="$out/image/vmlinuz"
use_kvm=0
if ((!force_tcg)); then
  [ -f "$kernel_probe" ] || "$root/deploy/system-test/make-image.sh" "$deb" "$out/material/test.pub" "$out/image"
  kvm_works "$kernel_probe" && use_kvm=1
fi
((use_kvm || !kvm_or_skip)) || skip "KVM did not run a guest (probe: $out/kvm-probe.log)"
if ((use_kvm)); then
  echo "test-system: QEMU with KVM" >&2
  "$root/deploy/system-test/make-image.sh" "$deb" "$out/material/test.pub" "$out/image"
else
  echo "test-system: QEMU with TCG (no usable KVM): slow, and the kiosk's watchdog gets 60 s" >&2
  "$root/deploy/system-test/make-image.sh" --tcg "$deb" "$out/material/test.pub" "$out/image"
fi
end "image (mmdebstrap + provision-pi.sh)"

# --- 5. boot and check -------------------------------------------------------------------------------
begin "boot and check (QEMU)"
rm -rf "$run"
mkdir -p "$run"
status=0
/usr/bin/python3 "$root/deploy/system-test/checks.py" --image "$out/image" --material "$out/material" \
  --work "$run" --cuts "$cuts" --seed "$seed" --kvm "$use_kvm" || status=$?
end "boot and check (QEMU)"
if ((status == 0 && !keep)); then
  rm -rf "$run"
elif ((status != 0)); then
  echo "test-system: logs and screen dumps kept in $run" >&2
fi
exit "$status"
