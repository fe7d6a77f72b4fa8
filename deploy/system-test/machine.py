"""One QEMU virtual machine of the whole-system test, driven through QMP and the guest agent.

QMP (the host's side of QEMU) takes screen dumps, sends keys and pointer events, plugs USB
devices in and out. The guest agent (qemu-guest-agent on a virtio-serial port, installed in the
TEST image only, see deploy/README.md) runs commands inside the guest and returns their output:
no network, no serial shell. Both are small JSON-over-socket protocols; the Python standard
library speaks them here because Debian bookworm packages no QMP client library for Python.
"""

import base64
import json
import os
import signal
import socket
import subprocess
import time


class MachineError(Exception):
    pass


class JsonChannel:
    """A line-delimited JSON connection to a UNIX socket (QMP or the guest agent)."""

    def __init__(self, path, timeout):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""

    def send(self, message):
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def receive(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise MachineError("the socket closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        # 0xff: the guest agent's delimiter before its answer to guest-sync-delimited.
        line = line.lstrip(b"\xff")
        return json.loads(line) if line.strip() else self.receive()

    def close(self):
        self.sock.close()


class Machine:
    """A QEMU process with a virtio GPU, a USB tablet, QMP and the guest agent."""

    SCREEN = (1920, 1080)
    ABS_MAX = 0x7FFF  # QEMU's range for absolute pointer axes

    def __init__(self, workdir, name, disk, kernel, initrd, use_kvm):
        self.workdir = workdir
        self.name = name
        self.disk = disk
        self.kernel = kernel
        self.initrd = initrd
        self.use_kvm = use_kvm
        self.process = None
        self.qmp = None
        self.events = []
        self.qmp_path = os.path.join(workdir, name + ".qmp")
        self.qga_path = os.path.join(workdir, name + ".qga")
        self.serial_log = os.path.join(workdir, name + ".serial.log")
        self.started_at = 0.0

    # --- life cycle ------------------------------------------------------------------------
    def command_line(self):
        accel = ["-accel", "kvm", "-cpu", "host"] if self.use_kvm else ["-accel", "tcg"]
        width, height = self.SCREEN
        return ["qemu-system-x86_64", "-machine", "q35", *accel, "-smp", "2", "-m", "2048",
                "-nodefaults", "-no-user-config", "-display", "none",
                "-kernel", self.kernel, "-initrd", self.initrd,
                "-append", "root=/dev/vda ro console=ttyS0 consoleblank=0 quiet",
                "-drive", f"file={self.disk},if=virtio,format=qcow2,cache=writeback,discard=unmap",
                "-device", f"virtio-vga,id=video0,xres={width},yres={height}",
                "-device", "qemu-xhci,id=xhci",
                "-device", "usb-tablet,bus=xhci.0,id=tablet,display=video0",
                "-device", "virtio-serial-pci",
                "-chardev", f"socket,path={self.qga_path},server=on,wait=off,id=qga",
                "-device", "virtserialport,chardev=qga,name=org.qemu.guest_agent.0",
                "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
                "-serial", f"file:{self.serial_log}",
                "-nic", "none", "-rtc", "base=utc"]

    def start(self):
        for path in (self.qmp_path, self.qga_path):
            if os.path.exists(path):
                os.unlink(path)
        log = open(os.path.join(self.workdir, self.name + ".qemu.log"), "ab")
        self.process = subprocess.Popen(self.command_line(), stdout=log, stderr=log,
                                        stdin=subprocess.DEVNULL)
        self.started_at = time.monotonic()
        deadline = time.monotonic() + 30
        while not os.path.exists(self.qmp_path):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise MachineError(f"QEMU did not start (see {self.name}.qemu.log)")
            time.sleep(0.05)
        self.qmp = JsonChannel(self.qmp_path, 60)
        self.qmp.receive()  # greeting
        self.command("qmp_capabilities")

    def power_cut(self):
        """kill -9 of QEMU: the guest loses everything it had not written to its disk."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._closed()

    def shut_down(self, timeout=90):
        try:
            self.agent("guest-shutdown", {"mode": "powerdown"}, expect_reply=False)
        except (MachineError, OSError):
            pass
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.power_cut()
        self._closed()

    def _closed(self):
        if self.qmp:
            self.qmp.close()
            self.qmp = None

    # --- QMP ---------------------------------------------------------------------------------
    def command(self, name, arguments=None):
        message = {"execute": name}
        if arguments:
            message["arguments"] = arguments
        self.qmp.send(message)
        while True:
            reply = self.qmp.receive()
            if "event" in reply:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise MachineError(f"{name}: {reply['error'].get('desc')}")
            return reply.get("return")

    def screendump(self, path):
        self.command("screendump", {"filename": path})
        return path

    def send_keys(self, keys, hold_ms=100):
        self.command("send-key", {"keys": [{"type": "qcode", "data": k} for k in keys],
                                  "hold-time": hold_ms})

    def key_events(self, console, keys, hold_s=0.1):
        """Presses then releases KEYS through the keyboard bound to display device CONSOLE
        (QMP names the display, and QEMU picks the input device bound to it)."""
        down = [{"type": "key", "data": {"down": True, "key": {"type": "qcode", "data": k}}}
                for k in keys]
        up = [{"type": "key", "data": {"down": False, "key": {"type": "qcode", "data": k}}}
              for k in reversed(keys)]
        self.command("input-send-event", {"device": console, "events": down})
        time.sleep(hold_s)
        self.command("input-send-event", {"device": console, "events": up})

    def tap(self, x, y, settle_s=1.0):
        """A touch at screen pixel (X, Y): the USB tablet, bound to the virtio GPU's console.
        The pointer moves there first and rests for SETTLE_S, so that the kiosk has drawn a frame
        with it there; then press and release follow each other at once (two QMP commands, so
        two HID reports): an emulated guest that polls its events once per slow frame sees a
        tap, not a press in one frame and a release half a second later (a long press)."""
        width, height = self.SCREEN
        position = [{"type": "abs", "data": {"axis": "x", "value": round(x * self.ABS_MAX / (width - 1))}},
                    {"type": "abs", "data": {"axis": "y", "value": round(y * self.ABS_MAX / (height - 1))}}]
        self.command("input-send-event", {"device": "video0", "events": position})
        time.sleep(settle_s)
        self.command("input-send-event", {"device": "video0", "events": position + [
            {"type": "btn", "data": {"down": True, "button": "left"}}]})
        self.command("input-send-event", {"device": "video0", "events": [
            {"type": "btn", "data": {"down": False, "button": "left"}}]})

    def plug_stick(self, node, image):
        self.command("blockdev-add", {"driver": "raw", "node-name": node,
                                      "file": {"driver": "file", "filename": image}})
        self.command("device_add", {"driver": "usb-storage", "bus": "xhci.0", "drive": node,
                                    "id": node + "-dev", "removable": True})

    def unplug(self, device_id, node=None, timeout=20):
        self.command("device_del", {"id": device_id})
        deadline = time.monotonic() + timeout
        while not any(e.get("event") == "DEVICE_DELETED" and e.get("data", {}).get("device") == device_id
                      for e in self.events):
            if time.monotonic() > deadline:
                raise MachineError(f"{device_id} was not released by the guest")
            self.command("query-status")  # pumps events
            time.sleep(0.2)
        if node:
            self.command("blockdev-del", {"node-name": node})

    # --- the guest agent -------------------------------------------------------------------
    def agent(self, name, arguments=None, timeout=30, expect_reply=True):
        channel = JsonChannel(self.qga_path, timeout)
        try:
            # guest-sync-delimited flushes whatever an earlier, abandoned exchange left behind.
            token = int(time.monotonic() * 1000) & 0x7FFFFFFF
            channel.sock.sendall(b"\xff")
            channel.send({"execute": "guest-sync-delimited", "arguments": {"id": token}})
            while True:
                data = channel.sock.recv(1)
                if not data:
                    raise MachineError("the guest agent closed the channel")
                if data == b"\xff":
                    break
            while channel.receive().get("return") != token:
                pass
            message = {"execute": name}
            if arguments:
                message["arguments"] = arguments
            channel.send(message)
            if not expect_reply:
                return None
            reply = channel.receive()
            if "error" in reply:
                raise MachineError(f"guest agent {name}: {reply['error'].get('desc')}")
            return reply.get("return")
        finally:
            channel.close()

    def agent_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise MachineError("QEMU exited while booting")
            try:
                self.agent("guest-ping", timeout=3)
                return True
            except (MachineError, OSError, ValueError):  # ValueError: a garbled answer
                time.sleep(0.5)
        return False

    def run(self, argv, timeout=60, stdin=None):
        """Runs ARGV in the guest as root; returns (exit code, stdout, stderr) as text."""
        arguments = {"path": argv[0], "arg": list(argv[1:]), "capture-output": True}
        if stdin is not None:
            arguments["input-data"] = base64.b64encode(stdin.encode()).decode()
        pid = self.agent("guest-exec", arguments)["pid"]
        deadline = time.monotonic() + timeout
        while True:
            status = self.agent("guest-exec-status", {"pid": pid})
            if status.get("exited"):
                break
            if time.monotonic() > deadline:
                raise MachineError(f"{' '.join(argv)}: still running after {timeout} s")
            time.sleep(0.1)
        decode = lambda key: base64.b64decode(status.get(key, "")).decode(errors="replace")
        return status.get("exitcode", -1), decode("out-data"), decode("err-data")

    def shell(self, script, timeout=60):
        code, out, err = self.run(["/bin/sh", "-c", script], timeout)
        return code, out + err

    def output(self, script, timeout=60):
        return self.shell(script, timeout)[1]
