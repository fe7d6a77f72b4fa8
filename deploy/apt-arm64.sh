# shellcheck shell=bash
# Sourced by cross-build-arm64.sh and test-deploy.sh: a private apt for Debian bookworm arm64.
# Its lists, cache and (empty) dpkg status live in .deps/apt-arm64, so the host's dpkg never gets
# a foreign architecture and nothing arm64 is installed into the host system.
#
#   apt_arm64_setup          writes the sources and runs apt-get update (once per call)
#   apt_arm64 ARGS...        apt-get with that configuration

apt_arm64_dir="${apt_arm64_dir:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.deps/apt-arm64}"
apt_arm64_mirror="${PAVILION_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
apt_arm64_security_mirror="${PAVILION_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

apt_arm64() {
  apt-get \
    -o APT::Architecture=arm64 -o APT::Architectures::=arm64 \
    -o Dir::State="$apt_arm64_dir" -o Dir::State::Lists="$apt_arm64_dir/lists" \
    -o Dir::State::status="$apt_arm64_dir/status" -o Dir::Cache="$apt_arm64_dir" \
    -o Dir::Cache::Archives="$apt_arm64_dir/archives" \
    -o Dir::Etc::SourceList="$apt_arm64_dir/etc/sources.list" \
    -o Dir::Etc::SourceParts="$apt_arm64_dir/etc/sources.list.d" \
    -o Dir::Etc::PreferencesParts="$apt_arm64_dir/etc/preferences.d" \
    -o Debug::NoLocking=1 -o APT::Install-Recommends=0 -o APT::Sandbox::User=root -q "$@"
}

apt_arm64_setup() {
  mkdir -p "$apt_arm64_dir"/{lists/partial,archives/partial,etc/sources.list.d,etc/preferences.d}
  [ -f "$apt_arm64_dir/status" ] || : >"$apt_arm64_dir/status"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  cat >"$apt_arm64_dir/etc/sources.list" <<SOURCES
deb [arch=arm64 signed-by=$keyring] $apt_arm64_mirror bookworm main
deb [arch=arm64 signed-by=$keyring] $apt_arm64_mirror bookworm-updates main
deb [arch=arm64 signed-by=$keyring] $apt_arm64_security_mirror bookworm-security main
SOURCES
  apt_arm64 update
}
