#!/usr/bin/env bash
# The whole-system test's disk image: Debian bookworm amd64 made with mmdebstrap, provisioned by
# deploy/provision-pi.sh exactly as a Pi is (it installs the .deb with apt, so its Depends come
# from the archive), plus what only the test adds:
#
#   make-image.sh [--tcg] PAVILION.deb TEST_KEY.pub OUT_DIR   # OUT_DIR/{disk.raw,vmlinuz,initrd.img}
#
# Test-only, never on a kiosk: the kernel and initramfs (linux-image-amd64; a Pi boots its own),
# qemu-guest-agent (how the test runs commands in the guest: a virtio-serial port that only the
# VM's host can reach; no network, no serial shell), and an fstab. The PIN is 2468.
# --tcg (QEMU without KVM emulates the CPU, 10-20x slower than a Pi): a drop-in gives the kiosk's
# unit WatchdogSec=60 and TimeoutStartSec=600, because under emulation llvmpipe draws a frame
# that uploads the base map in more than the shipped 10 s and the watchdog would restart a
# kiosk that is only slow. Everything else stays as shipped.
# Downloaded .debs are kept in OUT_DIR/../apt-cache; the image is rebuilt when the .deb, the key or
# the provisioning script changed.
set -euo pipefail

tcg=0
if [ "${1:-}" = --tcg ]; then tcg=1; shift; fi
[ $# -eq 3 ] || { echo "usage: make-image.sh PAVILION.deb TEST_KEY.pub OUT_DIR" >&2; exit 2; }
deb="$(realpath "$1")"
key="$(realpath "$2")"
out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
provision="$here/../provision-pi.sh"
mkdir -p "$out"
out="$(realpath "$out")"
cache="$(dirname "$out")/apt-cache"
mkdir -p "$cache"

# The package's contents and control fields, not its bytes: cpack stamps build times into them.
deb_digest() {
  dpkg-deb -f "$deb"
  dpkg-deb --fsys-tarfile "$deb" | tar -tvf - | awk '{print $1, $3, $6}'
  dpkg-deb --fsys-tarfile "$deb" | tar -xOf -
}
stamp="$( (deb_digest; cat "$key" "$provision" "$0") | sha256sum | cut -d' ' -f1)-tcg$tcg"
if [ -f "$out/disk.raw" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "make-image: $out/disk.raw is up to date" >&2
  exit 0
fi
rm -f "$out/stamp" "$out/disk.raw"

tree="$out/tree"
rm -rf "$tree"
mkdir -p "$out/provision"
cp "$deb" "$key" "$provision" "$out/provision/"
# mmdebstrap runs the hooks with the variables below in their environment.
export PAVILION_PROVISION_DIR="$out/provision" PAVILION_DEB_NAME="${deb##*/}" PAVILION_KEY_NAME="${key##*/}"
tcg_hook='true'
if ((tcg)); then
  # shellcheck disable=SC2016 # evaluated by mmdebstrap, "$1" is the chroot
  tcg_hook='mkdir -p "$1"/etc/systemd/system/pavilion.service.d && printf "# Test image only, QEMU without KVM: an emulated CPU is slow, not hung.\n[Service]\nWatchdogSec=60\nTimeoutStartSec=600\n" >"$1"/etc/systemd/system/pavilion.service.d/50-test-tcg.conf'
fi

# shellcheck disable=SC2016 # the hooks are evaluated by mmdebstrap, "$1" is the chroot
mmdebstrap --variant=apt --architectures=amd64 --mode=root \
  --include=systemd-sysv,udev,dbus,kmod,procps,e2fsprogs,linux-image-amd64,initramfs-tools,qemu-guest-agent \
  --aptopt='Acquire::Languages "none"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/pavilion/*' \
  --skip=download/empty --skip=essential/unlink \
  --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
  --setup-hook="sync-in $cache /var/cache/apt/archives/" \
  --customize-hook='mkdir -p "$1"/root/provision && cp "$PAVILION_PROVISION_DIR"/* "$1"/root/provision/' \
  --customize-hook='printf "2468\n" | chroot "$1" /root/provision/provision-pi.sh --deb /root/provision/"$PAVILION_DEB_NAME" --key /root/provision/"$PAVILION_KEY_NAME" --pin-stdin' \
  --customize-hook='rm -rf "$1"/root/provision' \
  --customize-hook="$tcg_hook" \
  --customize-hook='echo pavilion-test >"$1"/etc/hostname' \
  --customize-hook='printf "/dev/vda / ext4 defaults,errors=remount-ro 0 1\n" >"$1"/etc/fstab' \
  --customize-hook="sync-out /var/cache/apt/archives $cache" \
  --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*_Packages' \
  bookworm "$tree" "${PAVILION_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >&2

cp -L "$tree"/boot/vmlinuz-* "$out/vmlinuz"
cp -L "$tree"/boot/initrd.img-* "$out/initrd.img"
size_mb=$(( $(du -sm "$tree" | cut -f1) + 2048 ))
mkfs.ext4 -q -F -L pavilion-root -d "$tree" "$out/disk.raw" "${size_mb}M"
rm -rf "$tree" "$out/provision"
echo "$stamp" >"$out/stamp"
echo "make-image: $out/disk.raw (${size_mb} MB, sparse)" >&2
