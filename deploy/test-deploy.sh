#!/usr/bin/env bash
# Checks everything deploy/ ships, without a Raspberry Pi:
#
#   deploy/test-deploy.sh [--deb FILE] [--chroot]
#
#   1. shellcheck on every script in deploy/ and on the package's maintainer scripts;
#   2. the polkit rule's decisions (evaluated with node, when it is installed);
#   3. systemd-analyze verify on the units (see "verify" below for the stand-ins it needs);
#   4. the .deb: built with cpack into build-deb/ (configured with CMAKE_INSTALL_PREFIX=/usr), or
#      the one given with --deb (e.g. build-arm64/pavilion_<version>_arm64.deb);
#   5. its file list (dpkg-deb -c) and control fields against what must be there;
#   6. every Depends resolves: apt-get install --simulate ./pavilion_*.deb (an arm64 package is
#      resolved against the arm64 archive by the private apt of deploy/apt-arm64.sh);
#   7. the package unpacked into an empty root, where systemd-sysusers and systemd-tmpfiles
#      (--root) create the user and the directories exactly as the postinst does on the Pi;
#   8. with --chroot (host-architecture package only, a few minutes): a debootstrap'ed bookworm
#      chroot installs the .deb with apt (Depends, postinst), then purges it (postrm).
#
# Every step is timed. Run as root (apt-get install of the tools, debootstrap).
# `test && pass ... || fail ...` is an if/else here: pass never fails.
# shellcheck disable=SC2015
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

deb=""
chroot_test=0
while (($#)); do
  case "$1" in
    --deb) [ $# -ge 2 ] || { echo "test-deploy: --deb needs a file" >&2; exit 2; }; deb="$(realpath "$2")"; shift 2 ;;
    --chroot) chroot_test=1; shift ;;
    -h|--help) sed -n '2,/^# Every step/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-deploy: unknown argument $1" >&2; exit 2 ;;
  esac
done

timings=()
step_start=0
step_name=""
failures=0
begin() { echo "== $1" >&2; step_name="$1"; step_start=$SECONDS; }
end() { timings+=("$(printf '%-44s %4d s' "$1" $((SECONDS - step_start)))"); step_name=""; }
print_times() {
  [ -z "$step_name" ] || timings+=("$(printf '%-44s %4d s (stopped)' "$step_name" $((SECONDS - step_start)))")
  echo "== times" >&2
  printf '%s\n' "${timings[@]}" >&2
}
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*" >&2; }

work="$(mktemp -d)"
chroot_dir=""
cleanup() {
  if [ -n "$chroot_dir" ]; then umount "$chroot_dir/proc" 2>/dev/null || true; fi
  if [ -n "$chroot_dir" ] && mountpoint -q "$chroot_dir/proc"; then
    echo "test-deploy: $chroot_dir/proc is still mounted; $work left in place" >&2
  else
    rm -rf "$work"
  fi
  print_times
}
trap cleanup EXIT

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

begin "tools"
tools=(shellcheck systemd dpkg-dev apt-utils)
((chroot_test)) && tools+=(debootstrap)
missing=()
for package in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
end "tools"

# --- 1. shell scripts ---------------------------------------------------------------------------
begin "shellcheck"
if shellcheck -x deploy/*.sh deploy/system-test/*.sh deploy/systemd/pavilion-session \
     deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm; then
  pass "shellcheck: deploy/*.sh, deploy/system-test/*.sh, pavilion-session and the maintainer scripts"
else
  fail "shellcheck"
fi
end "shellcheck"

# --- 2. polkit rule -----------------------------------------------------------------------------
begin "polkit rule"
if command -v node >/dev/null; then
  cp deploy/polkit/50-pavilion-udisks.rules "$work/rule.js"
  # shellcheck disable=SC2016 # JavaScript, not shell
  if node -e '
    const yes = "yes";
    global.polkit = { Result: { YES: yes, NOT_HANDLED: null }, addRule(f) { this.rule = f; } };
    require(process.argv[1]);
    const ask = (id, user) => polkit.rule({ id: "org.freedesktop.udisks2." + id }, { user });
    const want = [["filesystem-mount", "pavilion", yes], ["filesystem-mount-other-seat", "pavilion", yes],
                  ["eject-media", "pavilion", yes], ["power-off-drive-other-seat", "pavilion", yes],
                  ["filesystem-mount-system", "pavilion", null], ["modify-device", "pavilion", null],
                  ["filesystem-mount", "someone", null]];
    let bad = 0;
    for (const [id, user, result] of want) {
      if (ask(id, user) !== result) { console.error(`${user} ${id}: ${ask(id, user)}, want ${result}`); bad++; }
    }
    process.exit(bad ? 1 : 0);' "$work/rule.js"; then
    pass "polkit: pavilion may mount removable media, not system disks; nobody else gains anything"
  else
    fail "polkit rule"
  fi
else
  echo "skip: node not installed, polkit rule not evaluated" >&2
fi
end "polkit rule"

# --- 3. systemd-analyze verify --------------------------------------------------------------------
# systemd-analyze verify loads each unit as systemd would and also checks that every Exec*
# command exists and is executable here, and that Requires= units exist. cage, udisksctl and the
# kiosk live on the Pi, not on this machine, so the copies verified here point at stand-in
# executables (and a stand-in seatd.service) in a scratch folder; nothing else is changed.
verify_units() { # verify_units DIR: the units in DIR, with stand-ins for what this host lacks
  local dir="$1" stubs="$work/stubs" copy="$work/verify-$RANDOM"
  mkdir -p "$stubs/units" "$copy"
  for unit in seatd.service udisks2.service; do
    if ! systemctl cat "$unit" >/dev/null 2>&1 && [ ! -e "/lib/systemd/system/$unit" ]; then
      printf '[Service]\nExecStart=/bin/true\n' >"$stubs/units/$unit"
    fi
  done
  local program
  for program in /usr/bin/cage /usr/bin/udisksctl /usr/bin/pavilion /usr/bin/findmnt \
                 /usr/lib/pavilion/pavilion-session; do
    if [ ! -x "$program" ]; then
      printf '#!/bin/sh\nexit 0\n' >"$stubs/$(basename "$program")"
      chmod +x "$stubs/$(basename "$program")"
    fi
  done
  local unit sed_args=()
  for program in cage udisksctl pavilion findmnt; do
    [ -x "$stubs/$program" ] && sed_args+=(-e "s#/usr/bin/$program\\b#$stubs/$program#g")
  done
  [ -x "$stubs/pavilion-session" ] &&
    sed_args+=(-e "s#/usr/lib/pavilion/pavilion-session\\b#$stubs/pavilion-session#g")
  for unit in "$dir"/*.service; do
    if ((${#sed_args[@]})); then sed "${sed_args[@]}" "$unit" >"$copy/$(basename "$unit")"
    else cp "$unit" "$copy/"; fi
  done
  local status=0 target output
  for unit in "$copy"/*.service; do
    target="$unit"
    # A template is verified through an instance, as udev starts it.
    case "$unit" in *@.service) target="${unit%@.service}@sda1.service" ;; esac
    if output="$(SYSTEMD_UNIT_PATH="$stubs/units:" systemd-analyze verify "$target" 2>&1)" && [ -z "$output" ]; then
      pass "systemd-analyze verify $(basename "$target")"
    else
      echo "$output" >&2
      fail "systemd-analyze verify $(basename "$target")"
      status=1
    fi
  done
  return $status
}
begin "systemd-analyze verify (source units)"
verify_units deploy/systemd || true
end "systemd-analyze verify (source units)"

# --- 4. the .deb ----------------------------------------------------------------------------------
if [ -z "$deb" ]; then
  begin "build + cpack (build-deb/)"
  deb="$(./deploy/build-deb.sh)"
  end "build + cpack (build-deb/)"
fi
deb_arch="$(dpkg-deb -f "$deb" Architecture)"

# --- 5. contents ----------------------------------------------------------------------------------
begin "contents (dpkg-deb -c / -f)"
dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' >"$work/contents"
expected=(
  "-rwxr-xr-x ./usr/bin/pavilion"
  "-rwxr-xr-x ./usr/bin/pavilion-pack"
  "-rwxr-xr-x ./usr/lib/pavilion/pavilion-session"
  "-rw-r--r-- ./usr/share/pavilion/packs/default.pack"
  "-rw-r--r-- ./usr/share/pavilion/pavilion.svg"
  "-rw-r--r-- ./lib/systemd/system/pavilion.service"
  "-rw-r--r-- ./lib/systemd/system/pavilion-usb-mount@.service"
  "-rw-r--r-- ./lib/udev/rules.d/80-pavilion-usb.rules"
  "-rw-r--r-- ./usr/share/polkit-1/rules.d/50-pavilion-udisks.rules"
  "-rw-r--r-- ./usr/lib/sysusers.d/pavilion.conf"
  "-rw-r--r-- ./usr/lib/tmpfiles.d/pavilion.conf"
  "-rw-r--r-- ./usr/share/doc/pavilion/README.md"
)
for entry in "${expected[@]}"; do
  mode="${entry%% *}"
  path="${entry#* }"
  if awk -v m="$mode" -v p="$path" '$1 == m && $3 == p { found = 1 } END { exit !found }' "$work/contents"; then
    pass "$path ($mode)"
  else
    fail "$path with mode $mode missing from the package"
  fi
done
if awk '$2 != "root/root" { bad = 1 } END { exit bad }' "$work/contents"; then
  pass "every file owned by root/root"
else
  fail "files not owned by root/root"
fi
name="$(basename "$deb")"
version="$(dpkg-deb -f "$deb" Version)"
[ "$name" = "pavilion_${version}_${deb_arch}.deb" ] && pass "file name $name" ||
  fail "file name $name, want pavilion_${version}_${deb_arch}.deb"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends" >&2
# Linked libraries come from dpkg-shlibdeps on a native build (libsystemd0 once the kiosk calls
# sd_notify); the rest is written out in cpack.cmake.
for package in cage xwayland seatd udisks2 polkitd fonts-noto-cjk fonts-noto-core libgl1-mesa-dri \
               libegl1 libegl-mesa0 libxrandr2 libglfw3 libgles2 libsqlite3-0 libqrencode4 libevdev2 \
               libc6 libstdc++6; do
  if tr ',' '\n' <<<"$depends" | awk '{print $1}' | grep -Fqx "$package"; then
    pass "Depends $package"
  else
    fail "Depends lacks $package"
  fi
done
# The listing first: with pipefail, grep -q closing the pipe early made tar's SIGPIPE a failure.
control_files="$(dpkg-deb --ctrl-tarfile "$deb" | tar -t)"
grep -qx './postinst' <<<"$control_files" && pass "postinst present" || fail "no postinst"
end "contents (dpkg-deb -c / -f)"

# --- 6. Depends resolve ---------------------------------------------------------------------------
begin "Depends resolve (apt-get --simulate)"
cp "$deb" "$work/"
host_arch="$(dpkg --print-architecture)"
simulate=()
if [ "$deb_arch" = "$host_arch" ]; then
  simulate=(apt-get install --simulate -q)
elif [ "$deb_arch" = arm64 ]; then
  # shellcheck source=deploy/apt-arm64.sh
  . "$root/deploy/apt-arm64.sh"
  [ -d "$apt_arm64_dir/lists" ] || apt_arm64_setup >/dev/null
  simulate=(apt_arm64 install --simulate)
else
  fail "no archive to resolve a $deb_arch package against"
fi
if ((${#simulate[@]})); then
  if (cd "$work" && "${simulate[@]}" "./$name") >"$work/simulate" 2>&1; then
    pass "apt-get install --simulate ./$name: $(grep -c '^Inst ' "$work/simulate") packages would be installed"
  else
    cat "$work/simulate" >&2
    fail "Depends do not resolve"
  fi
fi
end "Depends resolve (apt-get --simulate)"

# --- 7. unpacked into an empty root -----------------------------------------------------------------
begin "empty root: sysusers + tmpfiles + verify"
target="$work/root"
mkdir -p "$target/etc"
dpkg-deb -x "$deb" "$target"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$target/etc/passwd"
printf 'root:x:0:\n' >"$target/etc/group"
: >"$target/etc/shadow"
: >"$target/etc/gshadow"
systemd-sysusers --root="$target" >/dev/null 2>&1 || systemd-sysusers --root="$target"
if user_line="$(grep '^pavilion:' "$target/etc/passwd")"; then
  pass "user: $user_line"
  uid="$(cut -d: -f3 <<<"$user_line")"
  gid="$(cut -d: -f4 <<<"$user_line")"
  [ "$uid" -lt 1000 ] && pass "a system user (uid $uid)" || fail "uid $uid is not a system uid"
  for group in input video render; do
    grep -Eq "^$group:[^:]*:[0-9]+:(.*,)?pavilion(,|$)" "$target/etc/group" &&
      pass "pavilion in group $group" || fail "pavilion not in group $group"
  done
  systemd-tmpfiles --root="$target" --create pavilion.conf
  check_dir() { # check_dir PATH OWNER_UID GROUP_GID MODE
    local got
    got="$(stat -c '%u %g %a' "$target$1" 2>/dev/null || echo missing)"
    [ "$got" = "$2 $3 $4" ] && pass "$1 ($got)" || fail "$1: $got, want $2 $3 $4"
  }
  check_dir /var/lib/pavilion "$uid" "$gid" 750
  check_dir /var/lib/pavilion/keys 0 "$gid" 750
  check_dir /var/lib/pavilion/packs "$uid" "$gid" 750
  check_dir /media/pavilion 0 "$gid" 750
else
  fail "systemd-sysusers made no pavilion user"
fi
grep -q '^ExecStart=/usr/lib/pavilion/pavilion-session /usr/bin/pavilion --state /var/lib/pavilion$' \
  "$target/lib/systemd/system/pavilion.service" && pass "installed unit runs /usr/bin/pavilion under cage (pavilion-session)" ||
  fail "installed unit's ExecStart"
verify_units "$target/lib/systemd/system" || true
end "empty root: sysusers + tmpfiles + verify"

# --- 8. a real install in a bookworm chroot ---------------------------------------------------------
if ((chroot_test)); then
  begin "chroot: debootstrap + apt install + purge"
  if [ "$deb_arch" != "$host_arch" ]; then
    fail "--chroot needs a $host_arch package (this one is $deb_arch)"
  else
    base="$root/.deps/chroot-bookworm-$host_arch.tar"
    if [ ! -f "$base" ]; then
      debootstrap --variant=minbase bookworm "$work/base" "${PAVILION_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >/dev/null
      tar -C "$work/base" -cf "$base" .
      rm -rf "$work/base"
    fi
    chroot_dir="$work/chroot"
    mkdir -p "$chroot_dir"
    tar -C "$chroot_dir" -xf "$base"
    cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
    printf '#!/bin/sh\nexit 101\n' >"$chroot_dir/usr/sbin/policy-rc.d"
    chmod +x "$chroot_dir/usr/sbin/policy-rc.d"
    cp "$deb" "$chroot_dir/tmp/"
    mount -t proc proc "$chroot_dir/proc"
    if chroot "$chroot_dir" sh -c "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/$name" >"$work/chroot.log" 2>&1; then
      pass "apt install ./$name in a bookworm chroot (postinst ran)"
      chroot "$chroot_dir" id pavilion >&2 && pass "postinst made the pavilion user" || fail "no pavilion user after install"
      chroot "$chroot_dir" stat -c '%U:%G %a %n' /var/lib/pavilion /var/lib/pavilion/keys /var/lib/pavilion/packs >&2
      chroot "$chroot_dir" test -d /var/lib/pavilion/packs && pass "state directories" || fail "no /var/lib/pavilion/packs"
      if chroot "$chroot_dir" sh -c "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q pavilion" >>"$work/chroot.log" 2>&1 &&
         ! chroot "$chroot_dir" test -e /var/lib/pavilion; then
        pass "purge removes the package and its state"
      else
        fail "purge"
      fi
    else
      tail -30 "$work/chroot.log" >&2
      fail "apt install in the chroot"
    fi
    umount "$chroot_dir/proc"
    chroot_dir=""
  fi
  end "chroot: debootstrap + apt install + purge"
fi

if ((failures)); then
  echo "test-deploy: $failures check(s) failed" >&2
  exit 1
fi
echo "test-deploy: all checks passed" >&2
