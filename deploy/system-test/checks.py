#!/usr/bin/env python3
"""The whole-system test's checks, run by deploy/test-system.sh against the image it built.

Every check prints one line, `PASS name: detail` or `FAIL name: detail`; the exit status is the
number of failures (0: all passed). Stages, each on a copy-on-write overlay of the image:

  main    boot, software rendering, the attract loop, a tap to Home, a tap to Stories, memory,
          USB sticks (newer installs, older / foreign key / damaged refused), SIGSEGV and
          SIGSTOP restarts, escape keys (kiosk running, restart gap, hot-plugged keyboard),
          a USB network adapter;
  cuts    power cuts (kill -9 of QEMU) at random moments of an install of the large pack,
          each on its own overlay of main's final disk; after each boot: the old or the new pack
          shown, the store intact, nothing half-installed.
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from machine import Machine, MachineError  # noqa: E402
import pictures  # noqa: E402

STATE = "/var/lib/pavilion"
TITLE_BOX = (40, 120, 1300, 200)    # Home's pack title: what tells one pack from another
BANNER_BOX = (560, 850, 1360, 1020) # the update card, bottom centre
SCREEN_MATCH = 0.03                 # at most 3% of pixels off: the same screen
FIRST_READY_S = 90                  # boot to kiosk READY, a generous bound under KVM


def seconds_of(span):
    """systemd's time span as `systemctl show` prints it ("5s", "1min 30s", "100ms")."""
    units = {"us": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "h": 3600}
    return sum(float(n) * units[u] for n, u in re.findall(r"([\d.]+)(us|ms|min|s|h)\b", span))


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, name, detail):
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


class Test:
    def __init__(self, options):
        self.o = options
        self.report = Report()
        self.image = options.image
        self.material = options.material
        self.work = options.work
        self.kvm = options.kvm == 1
        self.refs = {name: pictures.read_ppm(os.path.join(self.material, "refs", name + ".ppm"))
                     for name in ("builtin-home", "builtin-stories", "newer-home", "large-home")}
        self.dumps = 0
        self.machines = []  # every QEMU started, so that none outlives the test
        self.slow = 1 if self.kvm else 4     # TCG emulates the CPU: everything takes longer
        self.settle = 3 * self.slow          # seconds for a screen to finish its opening animation

    # --- machines -------------------------------------------------------------------------------
    def overlay(self, name, backing, backing_format):
        path = os.path.join(self.work, name + ".qcow2")
        subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-F", backing_format,
                        "-b", backing, path], check=True)
        return path

    def machine(self, name, disk):
        vm = Machine(self.work, name, disk, os.path.join(self.image, "vmlinuz"),
                     os.path.join(self.image, "initrd.img"), self.kvm)
        self.machines.append(vm)
        return vm

    def boot(self, vm):
        """Starts VM and waits for the kiosk's READY; returns seconds from power-on, or None."""
        vm.start()
        limit = FIRST_READY_S if self.kvm else 10 * FIRST_READY_S
        if not vm.agent_ready(limit):
            return None
        return self.wait_ready(vm, limit - (time.monotonic() - vm.started_at), None, vm.started_at)

    def service(self, vm):
        text = vm.output("systemctl show pavilion.service -p ActiveState -p SubState -p MainPID "
                         "-p NRestarts -p ExecMainStartTimestampMonotonic")
        return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)

    def wait_ready(self, vm, timeout, old_main_pid, since):
        """Seconds from SINCE until pavilion.service is active with a main PID other than
        OLD_MAIN_PID (Type=notify: active means the kiosk drew its first frame)."""
        deadline = time.monotonic() + max(timeout, 1)
        while time.monotonic() < deadline:
            state = self.service(vm)
            if (state.get("ActiveState") == "active" and state.get("MainPID", "0") != "0"
                    and state.get("MainPID") != old_main_pid):
                return time.monotonic() - since
            time.sleep(0.1)
        return None

    def guest_now(self, vm):
        return vm.output("date +%s.%N").strip()

    def journal(self, vm, since, unit="pavilion.service"):
        return vm.output(f"journalctl -q -o cat -u {unit} --since @{since}")

    def wait_journal(self, vm, since, pattern, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.journal(vm, since), re.M)
            if match:
                return match
            time.sleep(0.3)
        return None

    def screen(self, vm, label, keep=True):
        """A screen dump; KEEP: numbered and left in the work folder for a look afterwards,
        otherwise one file per label, overwritten (the polling loops take hundreds)."""
        if keep:
            self.dumps += 1
            path = os.path.join(self.work, f"{self.dumps:03d}-{vm.name}-{label}.ppm")
        else:
            path = os.path.join(self.work, f"{vm.name}-{label}-latest.ppm")
        vm.screendump(path)
        return pictures.read_ppm(path)

    def kiosk_pid(self, vm):
        return vm.output("pidof -s pavilion || true").strip()

    def matches(self, picture, ref, box=None):
        share, mean = pictures.difference(picture, self.refs[ref], box)
        return share <= SCREEN_MATCH, f"{share * 100:.2f}% of pixels differ from {ref} (mean {mean:.1f})"

    def wait_screen(self, vm, label, ref, box=None, patience=10):
        """Screen dumps until one matches REF (a screen finishes its opening animation and its
        pictures come in; under TCG that takes a while): (matched, detail with the seconds)."""
        started = time.monotonic()
        while True:
            picture = self.screen(vm, label, keep=False)
            ok, detail = self.matches(picture, ref, box)
            waited = time.monotonic() - started
            if ok or waited > patience * self.settle:
                self.screen(vm, label)  # the last one, kept
                return ok, f"{detail} after {waited:.1f} s"
            time.sleep(0.5)

    def tap_to(self, vm, x, y, label, ref, box=None):
        """A tap at (X, Y) that must lead to REF. Tapped a second time if the screen has not
        changed after a while: under TCG on a busy host the guest may see the press and the
        release so far apart that the kiosk takes them for a long press. The detail says so."""
        for tap in (1, 2):
            vm.tap(x, y)
            ok, detail = self.wait_screen(vm, label, ref, box, patience=5)
            if ok:
                break
        return ok, detail + (" (second tap)" if tap == 2 else "")

    def card_shown(self, picture, ref):
        """(share of the card's area unlike REF's Home, share of it in the refusal card's red):
        the kiosk's cards are dark on a dark screen, hence the low threshold."""
        share, _ = pictures.difference(picture, self.refs[ref], BANNER_BOX, threshold=16)
        return share, pictures.share_of_red(picture, BANNER_BOX)

    def ensure_home(self, vm, ref):
        """Home of REF's pack on screen and no card on it: a visitor's tap away from the
        attract loop if the idle timeout has passed (on Home's title, where it does nothing),
        and the end of the card an earlier install left (it stays 12 s)."""
        started = time.monotonic()
        while time.monotonic() - started < 60 * self.slow:
            picture = self.screen(vm, "home?", keep=False)
            if self.matches(picture, ref)[0]:
                if self.card_shown(picture, ref)[0] < 0.05:
                    return
                time.sleep(1)
            else:
                self.tap_to(vm, 300, 160, "home", ref)

    # --- main stage -----------------------------------------------------------------------------
    def run_main(self):
        disk = self.overlay("main", os.path.join(self.image, "disk.raw"), "raw")
        vm = self.machine("main", disk)
        seconds = self.boot(vm)
        if not self.report.check(seconds is not None, "boot",
                                 f"kiosk READY {seconds:.1f} s after power-on ({'KVM' if self.kvm else 'TCG'})"
                                 if seconds else "the kiosk never became ready"):
            vm.power_cut()
            return None
        self.check_renderer(vm)
        self.check_screens(vm)
        self.check_memory(vm)
        self.check_sticks(vm)
        self.check_restarts(vm)
        self.check_escapes(vm)
        self.check_login_prompts(vm)
        with open(os.path.join(self.work, "main-journal.txt"), "w") as out:
            out.write(vm.output("journalctl -b -o short-monotonic --no-pager", timeout=120))
        vm.shut_down()
        return disk

    def check_renderer(self, vm):
        state = self.service(vm)
        lines = self.journal(vm, 0)
        chosen = re.search(r"pavilion-session: (.*rendering.*)", lines)
        self.report.check(chosen is not None and state.get("NRestarts") == "0", "renderer fallback",
                          f"{chosen.group(1) if chosen else 'no line from pavilion-session'}; "
                          f"restarts since boot: {state.get('NRestarts')}")

    def check_screens(self, vm):
        attract = self.screen(vm, "attract")
        brightness, colours = pictures.statistics(attract)
        self.report.check(brightness > 12 and colours > 40, "attract loop on screen",
                          f"mean brightness {brightness:.0f}, {colours} colours (a console or a "
                          "black screen has a handful)")
        ok, detail = self.tap_to(vm, 960, 540, "home", "builtin-home")
        self.report.check(ok, "tap: attract -> Home", detail + " (the kiosk's own --screenshot)")
        ok, detail = self.tap_to(vm, 960, 646, "stories", "builtin-stories")  # the Stories door
        self.report.check(ok, "tap: Home -> Project Stories", detail)
        ok, detail = self.tap_to(vm, 92, 55, "home-again", "builtin-home")  # Back
        self.report.check(ok, "tap: Back -> Home", detail)

    def check_memory(self, vm):
        text = vm.output(
            "cg=/sys/fs/cgroup/system.slice/pavilion.service; cat $cg/memory.peak $cg/memory.current "
            "$cg/memory.max; for p in $(pidof pavilion cage Xwayland); do "
            "awk -v p=$p '/^Pss:/{print p, $2}' /proc/$p/smaps_rollup; done; "
            "grep -E '^(anon|file) ' $cg/memory.stat")
        numbers = text.split()
        try:
            peak, current = int(numbers[0]) >> 20, int(numbers[1]) >> 20
            limit = numbers[2]
        except (ValueError, IndexError):
            self.report.check(False, "memory", text.strip()[:200])
            return
        pss = sum(int(v) for v in re.findall(r"^\d+ (\d+)$", text, re.M)) >> 10
        limit_mb = int(limit) >> 20 if limit.isdigit() else None
        self.report.check(limit_mb is not None and peak < limit_mb, "memory",
                          f"service peak {peak} MB, now {current} MB (page cache included), "
                          f"PSS of kiosk + cage + Xwayland {pss} MB; MemoryMax {limit_mb} MB")

    # --- USB sticks -----------------------------------------------------------------------------
    def stick_copy(self, kind, tag):
        path = os.path.join(self.work, f"stick-{kind}-{tag}.img")
        shutil.copyfile(os.path.join(self.material, "sticks", kind + ".img"), path)
        return path

    def report_on_stick(self, image):
        result = subprocess.run(["mtype", "-i", image, "::PAVILION/expo.pack.report.txt"],
                                capture_output=True, text=True)
        found = re.search(r"^result:\s*(.*)$", result.stdout, re.M)
        return found.group(1).strip() if found else f"no report ({result.stderr.strip()[:80]})"

    def store(self, vm):
        return vm.output(f"cat {STATE}/pointers 2>&1; echo '--'; ls {STATE}/packs; echo '--'; "
                         f"ls -A {STATE}/staging 2>/dev/null")

    def check_sticks(self, vm):
        # kind, journal outcome, what the report and the journal line must say. An older pack is
        # "skipped": the kiosk shows no card for a stick whose pack is not newer (by design, so
        # that a stick left in shows nothing), and the report on the stick says why.
        cases = [("newer", "installed", r"belt-and-road-v2"),
                 ("older", "skipped", r"older"),
                 ("foreign", "refused", r"key|trust"),
                 ("damaged", "refused", r"tamper|match|changed|damaged")]
        for number, (kind, outcome, words) in enumerate(cases):
            self.check_stick(vm, number, kind, outcome, words)
        pointers = self.store(vm)
        self.report.check(re.match(r"current belt-and-road-v2-[0-9a-f]{8}\.pack\n--", pointers) is not None,
                          "store after the sticks", " | ".join(pointers.split("\n")))

    def watch_install(self, vm, since, home, kind):
        """Screen dumps while the stick is read: (the journal's outcome line or None, seconds to
        it, the largest share of the card's area unlike Home (HOME: the reference), the largest
        share of red there). Watched until 12 s after the outcome (the card's time on
        screen): the screen may lag the journal under TCG."""
        started = time.monotonic()
        outcome, outcome_at, card, red = None, None, 0.0, 0.0
        next_journal = 0.0
        while time.monotonic() - started < 120 * self.slow:
            picture = self.screen(vm, f"install-{kind}", keep=False)
            share, redness = self.card_shown(picture, home)
            red = max(red, redness)  # any refusal card, even after a larger "checking" one
            if share > card:
                card = share
                shutil.copyfile(os.path.join(self.work, f"{vm.name}-install-{kind}-latest.ppm"),
                                os.path.join(self.work, f"{vm.name}-card-{kind}.ppm"))
            if outcome is not None and time.monotonic() - outcome_at > 12:
                break
            if outcome is None and time.monotonic() >= next_journal:
                match = re.search(r"^updates: (installed|refused|skipped)(.*)$",
                                  self.journal(vm, since), re.M)
                next_journal = time.monotonic() + 1
                if match:
                    outcome, outcome_at = match, time.monotonic()
        seconds = (outcome_at or time.monotonic()) - started
        return outcome, seconds, card, red

    def check_stick(self, vm, number, kind, outcome, words):
        home = "builtin-home" if kind == "newer" else "newer-home"
        # On a still Home without a card, so that only a card changes the screen.
        self.ensure_home(vm, home)
        image = self.stick_copy(kind, "main")
        since = self.guest_now(vm)
        vm.plug_stick(f"stick{number}", image)
        match, seconds, card, red = self.watch_install(vm, since, home, kind)
        line = match.group(0) if match else "no outcome in the journal"
        ok = match is not None and match.group(1) == outcome and re.search(words, line, re.I) is not None
        if outcome == "skipped":
            card_ok, card_text = card < 0.05, "no card, as for any pack that is not newer"
        elif outcome == "refused":
            card_ok, card_text = card > 0.5 and red > 0.002, "the red 'Update failed' card"
        else:
            card_ok, card_text = card > 0.5 and red < 0.002, "a card, not the red one"
        self.report.check(ok and card_ok, f"stick {kind}",
                          f"{seconds:.1f} s after plugging: {line[:170]}; screen: {card_text} "
                          f"(card area {card * 100:.0f}% changed, {red * 100:.1f}% red)")
        if kind == "newer":
            ok, detail = self.wait_screen(vm, "home-newer", "newer-home", TITLE_BOX)
            self.report.check(ok, "new pack on screen without a restart", f"title: {detail}")
        vm.unplug(f"stick{number}-dev", f"stick{number}")
        report = self.report_on_stick(image)
        expected = "installed" if outcome == "installed" else r"refused|not installed"
        self.report.check(re.search(expected, report, re.I) is not None
                          and (outcome == "installed" or re.search(words, report, re.I) is not None),
                          f"report on stick {kind}", f"PAVILION/expo.pack.report.txt says: {report[:140]}")

    # --- restarts -------------------------------------------------------------------------------
    def restart_after(self, vm, signal_name):
        state = self.service(vm)
        pid = self.kiosk_pid(vm)
        started = time.monotonic()
        vm.shell(f"kill -{signal_name} {pid}")
        return self.wait_ready(vm, 120, state.get("MainPID"), started)

    def check_restarts(self, vm):
        settings = vm.output("systemctl show pavilion.service -p RestartUSec -p WatchdogUSec")
        values = dict(line.split("=", 1) for line in settings.splitlines() if "=" in line)
        restart, watchdog = seconds_of(values.get("RestartUSec", "")), seconds_of(values.get("WatchdogUSec", ""))
        start = 10 * self.slow * 1.5  # from the restart to the first frame
        for signal_name, limit in (("SEGV", restart + start), ("STOP", watchdog + restart + start)):
            seconds = self.restart_after(vm, signal_name)
            self.report.check(seconds is not None and seconds <= limit, f"restart after SIG{signal_name}",
                              (f"kiosk READY again {seconds:.1f} s after the signal" if seconds
                               else "not back within 120 s") +
                              f" (limit {limit:.0f} s; {' '.join(settings.split())})")
            time.sleep(2)

    # --- escapes --------------------------------------------------------------------------------
    ESCAPES = [["ctrl", "alt", f"f{n}"] for n in range(2, 7)] + [
        ["alt", "sysrq", "r"], ["alt", "sysrq", "b"], ["ctrl", "alt", "delete"],
        ["ctrl", "alt", "backspace"]]

    def held(self, vm, boot_id):
        """(still the same boot, kiosk active, active VT, login prompts seen on tty1-6)"""
        text = vm.output("cat /proc/sys/kernel/random/boot_id; systemctl is-active pavilion; "
                         "cat /sys/class/tty/tty0/active; "
                         "for n in 1 2 3 4 5 6; do tr -d '\\000' </dev/vcs$n | grep -c 'login:' || true; done")
        lines = text.split()
        same_boot = bool(lines) and lines[0] == boot_id
        prompts = sum(int(x) for x in lines[3:] if x.isdigit())
        return same_boot, lines[1] if len(lines) > 1 else "?", lines[2] if len(lines) > 2 else "?", prompts

    def check_escapes(self, vm):
        boot_id = vm.output("cat /proc/sys/kernel/random/boot_id").strip()
        for keys in self.ESCAPES:
            vm.send_keys(keys)
            time.sleep(0.7)
        for _ in range(8):  # Ctrl+Alt+Del 8 times within 2 s: systemd's burst reboot
            vm.send_keys(["ctrl", "alt", "delete"], hold_ms=50)
            time.sleep(0.15)
        time.sleep(2)
        same_boot, active, vt, prompts = self.held(vm, boot_id)
        # The kiosk may be in its attract loop, which moves: judged as the gap check is, by
        # what a console or a black screen cannot show, not against a picture from before.
        brightness, colours = pictures.statistics(self.screen(vm, "escape-after"))
        self.report.check(same_boot and active == "active" and prompts == 0 and colours > 40,
                          "escape keys, kiosk running",
                          f"{len(self.ESCAPES)} chords + 8x Ctrl+Alt+Del: same boot {same_boot}, "
                          f"kiosk {active}, VT {vt}, login prompts {prompts}, {colours} colours "
                          f"on screen (mean brightness {brightness:.0f})")
        self.check_gap_escapes(vm, boot_id)
        self.check_usb_keyboard(vm, boot_id)
        self.check_usb_network(vm)

    def check_gap_escapes(self, vm, boot_id):
        """The seconds between two kiosk starts, when the VT is a text console."""
        state = self.service(vm)
        vm.shell(f"kill -SEGV {self.kiosk_pid(vm)}")
        started = time.monotonic()
        gap = False
        while time.monotonic() - started < 10 and not gap:
            gap = self.service(vm).get("ActiveState") != "active"
        for keys in self.ESCAPES:
            vm.send_keys(keys)
            time.sleep(0.2)
        back = self.wait_ready(vm, 120, state.get("MainPID"), started)
        same_boot, active, vt, prompts = self.held(vm, boot_id)
        picture = self.screen(vm, "after-gap")
        brightness, colours = pictures.statistics(picture)
        self.report.check(gap and back is not None and same_boot and prompts == 0 and colours > 40,
                          "escape keys in the restart gap",
                          f"keys sent while the unit was down: {gap}; kiosk back after "
                          f"{back if back is None else round(back, 1)} s on VT {vt}, same boot "
                          f"{same_boot}, login prompts {prompts}, {colours} colours on screen")

    def usb_devices(self, vm):
        return vm.output("for d in /sys/bus/usb/devices/*; do [ -f $d/product ] && "
                         "echo \"$(cat $d/product)|$(cat $d/authorized)\"; done")

    def check_usb_keyboard(self, vm, boot_id):
        vm.command("device_add", {"driver": "usb-kbd", "bus": "xhci.0", "id": "visitor-kbd",
                                  "display": "video0"})
        time.sleep(self.settle)
        devices = self.usb_devices(vm)
        keyboard = re.search(r"^QEMU USB Keyboard\|(\d)$", devices, re.M)
        for keys in self.ESCAPES:
            vm.key_events("video0", keys)  # the keyboard bound to the screen: the visitor's
            time.sleep(0.3)
        time.sleep(1)
        same_boot, active, vt, prompts = self.held(vm, boot_id)
        tablet = re.search(r"^QEMU USB Tablet\|(\d)$", devices, re.M)
        self.report.check(keyboard is not None and keyboard.group(1) == "0" and same_boot
                          and active == "active" and prompts == 0 and tablet and tablet.group(1) == "1",
                          "hot-plugged USB keyboard",
                          f"keyboard authorized={keyboard.group(1) if keyboard else '?'} (usbguard), "
                          f"tablet authorized={tablet.group(1) if tablet else '?'}; after its keys: "
                          f"same boot {same_boot}, kiosk {active}, VT {vt}, login prompts {prompts}")
        vm.unplug("visitor-kbd")

    def check_usb_network(self, vm):
        before = vm.output("ls /sys/class/net").split()
        # An isolated QEMU hub port: the adapter is connected to nothing, on purpose.
        vm.command("netdev_add", {"type": "hubport", "id": "visitor-net", "hubid": 9})
        vm.command("device_add", {"driver": "usb-net", "bus": "xhci.0", "netdev": "visitor-net",
                                  "id": "visitor-nic"})
        time.sleep(self.settle)
        after = vm.output("ls /sys/class/net").split()
        devices = self.usb_devices(vm)
        adapter = re.search(r"^RNDIS/QEMU USB Network Device\|(\d)$", devices, re.M)
        self.report.check(adapter is not None and adapter.group(1) == "0" and before == after,
                          "hot-plugged USB network adapter",
                          f"authorized={adapter.group(1) if adapter else '?'} (usbguard); "
                          f"network interfaces {' '.join(after)} (before: {' '.join(before)})")
        vm.unplug("visitor-nic")

    def check_login_prompts(self, vm):
        text = vm.output("systemctl list-units --no-legend --plain 'getty@*' 'autovt@*' "
                         "'serial-getty@*'; pgrep -ax agetty; pgrep -ax login; "
                         "sysctl -n kernel.sysrq; systemctl is-enabled ctrl-alt-del.target")
        serial = open(vm.serial_log, errors="replace").read()
        prompts = len(re.findall(r"login:", serial))
        lines = [line for line in text.splitlines() if line.strip()]
        ok = lines[-2:] == ["0", "masked"] and len(lines) == 2 and prompts == 0
        self.report.check(ok, "no login prompt anywhere",
                          f"gettys/logins running: {max(len(lines) - 2, 0)}, kernel.sysrq="
                          f"{lines[-2] if len(lines) >= 2 else '?'}, ctrl-alt-del.target "
                          f"{lines[-1] if lines else '?'}, 'login:' on the serial console: {prompts}")

    # --- power cuts -----------------------------------------------------------------------------
    def install_time(self, backing):
        """One uninterrupted install of the large pack: seconds from plugging to installed."""
        vm = self.machine("calibrate", self.overlay("calibrate", backing, "qcow2"))
        try:
            if self.boot(vm) is None:
                return None
            since = self.guest_now(vm)
            started = time.monotonic()
            vm.plug_stick("large", self.stick_copy("large", "calibrate"))
            found = self.wait_journal(vm, since, r"^updates: installed", 180 * self.slow)
            return time.monotonic() - started if found else None
        finally:
            vm.power_cut()

    def run_cuts(self, main_disk):
        seconds = self.install_time(main_disk)
        if not self.report.check(seconds is not None, "install of the large pack",
                                 f"{seconds:.1f} s from plugging the stick to installed" if seconds
                                 else f"did not install within {180 * self.slow} s"):
            return
        rng = random.Random(self.o.seed)
        outcomes = []
        vm = None
        for cut in range(1, self.o.cuts + 1):
            delay = rng.uniform(0.5, seconds * 1.1)
            vm, outcome = self.power_cut(vm, cut, main_disk, delay)
            outcomes.append(outcome)
        if vm:
            vm.power_cut()
        shown = [o for o in outcomes if o]
        self.report.check(len(shown) == self.o.cuts, "power cuts",
                          f"{self.o.cuts} cuts (seed {self.o.seed}): old pack {shown.count('old')}, "
                          f"new pack {shown.count('new')}, bad {self.o.cuts - len(shown)}")

    def power_cut(self, vm, cut, backing, delay):
        """Cut number CUT, DELAY s after plugging the large stick into VM (a running kiosk that
        still shows the old pack), or into a new overlay of BACKING when VM is None. Returns the
        machine to go on with (None when the new pack went in: the next cut needs the old one
        again) and "old", "new" or None (a failed check)."""
        if vm is None:
            vm = self.machine(f"cuts{cut}", self.overlay(f"cuts{cut}", backing, "qcow2"))
            if self.boot(vm) is None:
                self.report.check(False, f"power cut {cut}", "the first boot did not reach the kiosk")
                vm.power_cut()
                return None, None
        vm.plug_stick(f"large{cut}", self.stick_copy("large", f"cut{cut}"))
        time.sleep(delay)
        vm.power_cut()
        seconds = self.boot(vm)
        if seconds is None:
            self.report.check(False, f"power cut {cut}", f"cut {delay:.2f} s after plugging: "
                              "the kiosk did not come back")
            vm.power_cut()
            return None, None
        outcome = self.after_cut(vm, cut, delay, seconds)
        os.unlink(os.path.join(self.work, f"stick-large-cut{cut}.img"))
        if outcome == "old":
            return vm, outcome
        vm.power_cut()
        os.unlink(vm.disk)
        return None, outcome

    def after_cut(self, vm, cut, delay, seconds):
        text = vm.output(
            f"cd {STATE} && cat pointers && echo -- && ls packs && echo -- && ls -A staging; "
            f"echo --; for p in $(awk '{{print $2}}' pointers); do "
            f"pavilion-pack verify packs/$p --key keys/test.pub >/dev/null 2>&1 && echo verified $p || "
            f"echo BAD $p; done; echo --; "
            f"runuser -u pavilion -- pavilion-pack floor --state {STATE} 2>&1; echo rc=$?")
        parts = text.split("--\n")
        pointers = parts[0] if parts else ""
        named = re.findall(r"^(?:current|previous) (\S+)$", pointers, re.M)
        current = re.search(r"^current (\S+)$", pointers, re.M)
        packs = parts[1].split() if len(parts) > 1 else []
        staging = parts[2].split() if len(parts) > 2 else ["?"]
        verified = re.findall(r"^verified (\S+)$", parts[3] if len(parts) > 3 else "", re.M)
        which = None
        if current and current.group(1).startswith("belt-and-road-v4-"):
            which = "new"
        elif current and current.group(1).startswith("belt-and-road-v2-"):
            which = "old"
        vm.tap(960, 540)
        time.sleep(self.settle)
        home = self.screen(vm, "home")
        old_ok, _ = self.matches(home, "newer-home", TITLE_BOX)
        new_ok, _ = self.matches(home, "large-home", TITLE_BOX)
        on_screen = "new" if new_ok else ("old" if old_ok else "neither")
        # The version floor is written before the pointer file: after any cut it reads, and is
        # at or above the version the pointer file names (ahead when the cut came between them).
        floor_text = parts[4] if len(parts) > 4 else ""
        floor_mark = re.search(r"^floor: pack belt-and-road version (\d+)", floor_text, re.M)
        current_version = re.search(r"-v(\d+)-", current.group(1)) if current else None
        floor_ok = ("rc=0" in floor_text and floor_mark is not None and current_version is not None
                    and int(floor_mark.group(1)) >= int(current_version.group(1)))
        store_ok = (which is not None and set(named) <= set(p for p in packs if p.endswith(".pack"))
                    and not staging and sorted(verified) == sorted(named)
                    and all(p.endswith(".minisig") or p in named for p in packs) and floor_ok)
        ok = store_ok and on_screen == which
        self.report.check(ok, f"power cut {cut}",
                          f"{delay:.2f} s after plugging; back in {seconds:.1f} s; pointers name "
                          f"{which or 'nothing usable'} ({' '.join(named)}), packs/ {len(packs)} files, "
                          f"staging {len(staging)} files, signatures verified {len(verified)}/{len(named)}, "
                          f"floor {floor_mark.group(1) if floor_mark else 'unreadable'}, "
                          f"screen shows the {on_screen} pack")
        return which if ok else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", required=True)
    parser.add_argument("--material", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--cuts", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kvm", type=int, default=1)
    parser.add_argument("--only", choices=["main", "cuts"], help="one stage (cuts needs main.qcow2)")
    options = parser.parse_args()
    # Stopped from outside: still power every QEMU off (the finally below), never leave one.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    for name in ("image", "material", "work"):
        setattr(options, name, os.path.abspath(getattr(options, name)))
    test = Test(options)
    started = time.monotonic()
    try:
        main_disk = os.path.join(options.work, "main.qcow2")
        if options.only != "cuts":
            main_disk = test.run_main()
        if main_disk and options.only != "main" and options.cuts > 0:
            test.run_cuts(main_disk)
    except (MachineError, OSError, ValueError, subprocess.CalledProcessError) as error:
        test.report.check(False, "test machinery", str(error))
    finally:
        for vm in test.machines:
            vm.power_cut()
    print(f"{test.report.passed} passed, {test.report.failed} failed "
          f"({time.monotonic() - started:.0f} s in QEMU)", flush=True)
    return min(test.report.failed, 100)


if __name__ == "__main__":
    sys.exit(main())
