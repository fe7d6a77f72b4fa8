#!/usr/bin/env bash
# Turns a fresh Raspberry Pi OS bookworm (Lite or Desktop, arm64) into a Pavilion kiosk.
# Safe to run again: every step checks what is there first.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: sudo provision-pi.sh --deb PAVILION.deb --key OPERATOR.pub [options]

Sets a Raspberry Pi OS bookworm machine up as a Pavilion kiosk, then says what to do next:
  1. installs the package with apt (so its Depends come from the archive: cage, xwayland, seatd,
     udisks2, Mesa, fonts ...);
  2. makes sure the system user `pavilion` exists, in the groups input, video and render;
  3. creates /var/lib/pavilion/{keys,packs} (keys: root's, readable by the kiosk only);
  4. installs the operator's minisign public key as /var/lib/pavilion/keys/<name>.pub: the
     kiosk accepts only packs signed with a trusted key;
  5. sets the operator PIN with `pavilion --state /var/lib/pavilion --set-pin` (PIN on stdin),
     and with --pack-id fixes the pack id this kiosk takes without the operator's confirmation
     (`pavilion-pack floor --pack-id`; otherwise the first pack installed fixes it);
  6. turns screen blanking off (consoleblank=0 on the kernel command line), frees tty1 from
     the login prompt, boots to the console instead of a desktop (multi-user.target), keeps the
     journal across reboots, and arms the Pi's hardware watchdog for systemd itself;
  7. locks the machine down so that a visitor with a keyboard or a USB device cannot leave the
     kiosk: no magic SysRq, no login prompt on any VT or serial port, no Ctrl+Alt+Del reboot,
     no power or suspend keys, usbguard admits only hubs, USB sticks and touch controllers, USB
     network adapters are never configured, Bluetooth is off;
  8. enables seatd.service, usbguard.service and pavilion.service.

Options:
  --deb FILE        the package (pavilion_<version>_arm64.deb); default: the newest
                    pavilion_*_<this machine's arch>.deb in the current directory
  --key FILE        the operator's minisign public key (pavilion-pack keygen -p FILE);
                    repeat for several keys; may be left out when a key is already installed
  --usb-allow VID:PID
                    also admit this USB device (hex ids, as lsusb shows them), e.g. a touch
                    controller that presents a boot mouse or keyboard interface; repeatable
  --pin-stdin       read the operator PIN (4 to 8 digits) from the first line of standard input
                    (e.g. printf '%s\n' "$PIN" | sudo provision-pi.sh ... --pin-stdin)
  --no-pin          leave the PIN as it is (default when stdin is not a terminal)
  --pack-id ID      the only pack id this kiosk installs from a stick without the operator's
                    confirmation (its version floor; see the README's "The version floor")
  --start           start the kiosk now instead of at the next boot
  -h, --help        this text

Without --pin-stdin or --no-pin, on a terminal, the PIN is asked for twice (not echoed); an
empty answer leaves it as it is.
EOF
}

die() { echo "provision-pi: $*" >&2; exit 1; }
note() { echo "provision-pi: $*" >&2; }

deb=""
keys=()
usb_allow=()
pin_mode=ask
start_now=0
pack_id=""
while (($#)); do
  case "$1" in
    --deb) [ $# -ge 2 ] || die "--deb needs a file"; deb="$2"; shift 2 ;;
    --key) [ $# -ge 2 ] || die "--key needs a file"; keys+=("$2"); shift 2 ;;
    --pin-stdin) pin_mode=stdin; shift ;;
    --no-pin) pin_mode=none; shift ;;
    --start) start_now=1; shift ;;
    --pack-id) [ $# -ge 2 ] || die "--pack-id needs an id"; pack_id="$2"; shift 2 ;;
    --usb-allow) [ $# -ge 2 ] || die "--usb-allow needs VID:PID"; usb_allow+=("$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 ...)"
command -v apt-get >/dev/null || die "this is for Raspberry Pi OS / Debian bookworm (apt)"

state=/var/lib/pavilion
keydir=$state/keys

# --- read everything first, so a mistake stops before anything changes -----------------------
if [ -z "$deb" ]; then
  arch="$(dpkg --print-architecture)"
  deb="$(find . -maxdepth 1 -name "pavilion_*_${arch}.deb" -printf '%T@ %p\n' 2>/dev/null |
         sort -rn | head -n 1 | cut -d' ' -f2-)"
  [ -n "$deb" ] || die "no pavilion_*_${arch}.deb here: pass --deb FILE"
fi
[ -f "$deb" ] || die "no such package: $deb"
deb="$(realpath "$deb")"
[ "$(dpkg-deb -f "$deb" Package)" = pavilion ] || die "$deb is not the pavilion package"

for key in "${keys[@]}"; do
  [ -f "$key" ] || die "no such key file: $key"
  # A minisign public key: a comment line, then base64 of "Ed" + key id (8) + Ed25519 key (32).
  sed -n 2p "$key" | grep -Eq '^RW[A-Za-z0-9+/]{54}$' ||
    die "$key is not a minisign public key (pavilion-pack keygen -p FILE writes one)"
done
if ((${#keys[@]} == 0)) && ! compgen -G "$keydir/*.pub" >/dev/null; then
  die "no trusted key installed yet: pass --key OPERATOR.pub"
fi

pin=""
case "$pin_mode" in
  stdin)
    IFS= read -r pin || true
    [ -n "$pin" ] || die "--pin-stdin: no PIN on standard input"
    ;;
  ask)
    if [ -t 0 ]; then
      IFS= read -r -s -p "Operator PIN (empty: leave as it is): " pin; echo >&2
      if [ -n "$pin" ]; then
        IFS= read -r -s -p "The same PIN again: " again; echo >&2
        [ "$pin" = "$again" ] || die "the two PINs differ"
      fi
    else
      note "stdin is not a terminal: PIN left as it is (use --pin-stdin)"
    fi
    ;;
esac

for id in "${usb_allow[@]}"; do
  [[ "$id" =~ ^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$ ]] || die "--usb-allow $id: want VID:PID in hex (e.g. 0eef:0001)"
done

if [ -n "$pin" ] && ! [[ "$pin" =~ ^[0-9]{4,8}$ ]]; then
  die "a PIN is 4 to 8 digits"
fi

# --- 1. the package ---------------------------------------------------------------------------
note "installing $(basename "$deb")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "$deb"

# --- 2. the user ------------------------------------------------------------------------------
# The package's postinst already ran systemd-sysusers; this covers a user made by hand earlier.
if ! id pavilion >/dev/null 2>&1; then
  useradd --system --home-dir "$state" --no-create-home --shell /usr/sbin/nologin \
    --comment "Pavilion kiosk" --user-group pavilion
fi
for group in input video render; do
  getent group "$group" >/dev/null || groupadd --system "$group"
  id -nG pavilion | tr ' ' '\n' | grep -qx "$group" || usermod -a -G "$group" pavilion
done

# --- 3. state directories ---------------------------------------------------------------------
install -d -o pavilion -g pavilion -m 0750 "$state"
install -d -o root -g pavilion -m 0750 "$keydir"
install -d -o pavilion -g pavilion -m 0750 "$state/packs"
install -d -o root -g pavilion -m 0750 /media/pavilion

# --- 4. trusted keys --------------------------------------------------------------------------
for key in "${keys[@]}"; do
  name="$(basename "$key")"
  name="${name%.pub}.pub"
  install -o root -g pavilion -m 0640 "$key" "$keydir/$name"
  note "trusted key: $keydir/$name"
done

# --- 5. operator PIN --------------------------------------------------------------------------
if [ -n "$pin" ]; then
  printf '%s\n' "$pin" | runuser -u pavilion -- /usr/bin/pavilion --state "$state" --set-pin
  note "operator PIN set"
fi
unset pin again
# As the kiosk user: the floor file is the kiosk's to raise at every install.
if [ -n "$pack_id" ]; then
  runuser -u pavilion -- /usr/bin/pavilion-pack floor --state "$state" --pack-id "$pack_id" >/dev/null
  note "this kiosk takes pack '$pack_id'"
fi

# --- 6. the machine ---------------------------------------------------------------------------
# Screen blanking: the kernel blanks an idle console after 10 minutes; cage itself never blanks.
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
if [ -f "$cmdline" ]; then
  if ! grep -qw 'consoleblank=0' "$cmdline"; then
    [ -f "$cmdline.pavilion-orig" ] || cp -p "$cmdline" "$cmdline.pavilion-orig"
    sed -i '1 s/$/ consoleblank=0/' "$cmdline"
    note "consoleblank=0 added to $cmdline (from the next boot)"
  fi
else
  note "no cmdline.txt found: add consoleblank=0 to the kernel command line yourself"
fi

# A desktop image boots into lightdm, which would hold the display: boot to the console.
if [ "$(systemctl get-default)" != multi-user.target ]; then
  systemctl set-default multi-user.target
  note "default target: multi-user.target (no desktop)"
fi

# Keep the journal across reboots (the crash policy may reboot), at most 64 MB of it.
install -d -m 0755 /etc/systemd/journald.conf.d
cat >/etc/systemd/journald.conf.d/50-pavilion.conf <<'EOF'
# Written by pavilion's provision-pi.sh: kiosk logs survive a reboot.
[Journal]
Storage=persistent
SystemMaxUse=64M
EOF

# If systemd itself stops answering, the SoC's watchdog resets the Pi (bcm2835: 15 s at most).
install -d -m 0755 /etc/systemd/system.conf.d
cat >/etc/systemd/system.conf.d/50-pavilion-watchdog.conf <<'EOF'
# Written by pavilion's provision-pi.sh: the hardware watchdog guards systemd itself.
[Manager]
RuntimeWatchdogSec=15
EOF

# --- 7. lock-down -----------------------------------------------------------------------------
# A visitor may plug in a keyboard, or anything else, while the kiosk runs or in the seconds
# between two kiosk starts, when the VT is a plain text console. Each step closes one way out.
write_file() { # write_file PATH MODE: standard input into PATH, rewritten only when it differs
  local target="$1" mode="$2" scratch
  scratch="$(mktemp)"
  cat >"$scratch"
  if [ -f "$target" ] && cmp -s "$scratch" "$target"; then rm -f "$scratch"; return 0; fi
  install -D -o root -g root -m "$mode" "$scratch" "$target"
  rm -f "$scratch"
}

# Magic SysRq: Alt+SysRq+R takes the keyboard back from the compositor, Alt+SysRq+B resets the
# machine at once (Debian's default 438 allows both). Off entirely.
write_file /etc/sysctl.d/90-pavilion-lockdown.conf 0644 <<'CONF'
# Written by pavilion's provision-pi.sh: no magic SysRq keys on a public kiosk.
kernel.sysrq = 0
CONF

# No login prompt anywhere a visitor could reach: the six VTs (getty@, and autovt@ for the VTs
# logind would start one on when switched to) and the serial consoles (the Pi's GPIO UARTs:
# Raspberry Pi OS puts console=serial0 on the kernel command line). The operator uses SSH.
for n in 1 2 3 4 5 6; do
  for unit in "getty@tty$n.service" "autovt@tty$n.service"; do
    systemctl disable "$unit" >/dev/null 2>&1 || true
    systemctl mask "$unit" >/dev/null
  done
done
for port in ttyS0 ttyAMA0 ttyAMA10; do
  systemctl disable "serial-getty@$port.service" >/dev/null 2>&1 || true
  systemctl mask "serial-getty@$port.service" >/dev/null
done

# logind: no VT gets a login prompt on demand (NAutoVTs=0), none is kept for one (ReserveVT=0),
# and the power keys a keyboard or a touch controller's consumer page may send do nothing.
write_file /etc/systemd/logind.conf.d/50-pavilion.conf 0644 <<'CONF'
# Written by pavilion's provision-pi.sh: no login on demand, no power keys for visitors.
[Login]
NAutoVTs=0
ReserveVT=0
HandlePowerKey=ignore
HandlePowerKeyLongPress=ignore
HandleRebootKey=ignore
HandleRebootKeyLongPress=ignore
HandleSuspendKey=ignore
HandleSuspendKeyLongPress=ignore
HandleHibernateKey=ignore
HandleHibernateKeyLongPress=ignore
CONF

# Ctrl+Alt+Del on a text console (between two kiosk starts) asks systemd to reboot:
# ctrl-alt-del.target masked, and pressing it 7 times within 2 s no longer forces a reboot.
systemctl mask ctrl-alt-del.target >/dev/null
write_file /etc/systemd/system.conf.d/50-pavilion-ctrl-alt-del.conf 0644 <<'CONF'
# Written by pavilion's provision-pi.sh: Ctrl+Alt+Del does nothing, however often pressed.
[Manager]
CtrlAltDelBurstAction=none
CONF

# USB: usbguard admits hubs, USB sticks (one mass-storage interface and nothing else, so a
# "stick" that is also a keyboard stays out) and HID devices whose every interface is HID
# without the boot keyboard/mouse subclass (touch controllers). Everything else is blocked, also
# what was plugged in before boot (PresentDevicePolicy=apply-policy); --usb-allow adds devices by
# id. The trade-off: usbguard sees interfaces, not HID report descriptors, so a device built to
# look like a touch controller can still type; what it can type does nothing (README, Security).
{
  echo "# Written by pavilion's provision-pi.sh (usbguard-rules.conf(5)). A device that no rule"
  echo "# allows is blocked (ImplicitPolicyTarget=block)."
  echo "allow with-interface match-all { 09:*:* }"
  echo "allow with-interface equals { 08:*:* }"
  echo "allow with-interface match-all { 03:00:* }"
  for id in "${usb_allow[@]}"; do echo "allow id ${id,,}"; done
} | write_file /etc/usbguard/rules.conf 0600
if ! dpkg-query -W -f='${Status}' usbguard 2>/dev/null | grep -q "install ok installed"; then
  apt-get install -y -q usbguard
fi
daemon_conf=/etc/usbguard/usbguard-daemon.conf
for setting in RuleFile=/etc/usbguard/rules.conf ImplicitPolicyTarget=block \
               PresentDevicePolicy=apply-policy PresentControllerPolicy=keep \
               InsertedDevicePolicy=apply-policy; do
  key="${setting%%=*}"
  if grep -q "^$key=" "$daemon_conf"; then
    sed -i "s#^$key=.*#$setting#" "$daemon_conf"
  else
    echo "$setting" >>"$daemon_conf"
  fi
done

# USB network adapters (also while usbguard is stopped for maintenance) are never configured by
# NetworkManager (Raspberry Pi OS bookworm) or systemd-networkd: a visitor's adapter gets no
# address and no route to the kiosk.
write_file /etc/udev/rules.d/70-pavilion-no-usb-network.rules 0644 <<'CONF'
# Written by pavilion's provision-pi.sh: network adapters on USB are left unconfigured.
ACTION=="add|change", SUBSYSTEM=="net", SUBSYSTEMS=="usb", ENV{NM_UNMANAGED}="1"
CONF
write_file /etc/systemd/network/05-pavilion-usb-unmanaged.network 0644 <<'CONF'
# Written by pavilion's provision-pi.sh: network adapters on USB are left unconfigured.
[Match]
Path=*-usb-*

[Link]
Unmanaged=yes
CONF

# Bluetooth: the kiosk uses none, and a paired keyboard would pass usbguard by.
for unit in bluetooth.service hciuart.service; do
  if [ -e "/lib/systemd/system/$unit" ] || [ -e "/usr/lib/systemd/system/$unit" ]; then
    systemctl disable "$unit" >/dev/null 2>&1 || true
    systemctl mask "$unit" >/dev/null
  fi
done
note "locked down: SysRq off, no login prompts, no Ctrl+Alt+Del, usbguard, no USB network, no Bluetooth"

# --- 8. services ------------------------------------------------------------------------------
# Without a running systemd (a chroot preparing an SD card image) units are only enabled.
running=0
[ -d /run/systemd/system ] && running=1
if ((running)); then
  systemctl daemon-reload
  udevadm control --reload-rules || true
fi
systemctl enable seatd.service usbguard.service pavilion.service
if ((running)); then
  # From here a keyboard on this machine stops working, unless --usb-allow named it.
  systemctl restart usbguard.service
  sysctl -q --system >/dev/null || true
fi
if ((start_now && running)); then
  systemctl restart seatd.service
  systemctl restart pavilion.service
  note "pavilion.service started: journalctl -u pavilion -f"
else
  note "done: reboot to start the kiosk (sudo reboot); logs: journalctl -u pavilion"
fi
