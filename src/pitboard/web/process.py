"""``pitboard serve`` in a subprocess on a free loopback port: what the browser tests and
``bench/web.py`` drive (the real server, not an in-process app)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path


def _pitboard() -> list[str]:
    script = Path(sys.executable).with_name("pitboard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pitboard"]


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class ServerProcess:
    """A running ``pitboard serve --db DB`` (its output collected by a thread, so the pipe never
    fills). Started when created: on a free port (three tries: another process may take it
    first), ready once it answers ``/static/style.css``; ``RuntimeError`` with its output if not."""

    def __init__(self, db: Path, host: str = "127.0.0.1", cwd: Path | None = None, timeout: float = 120.0) -> None:
        self.output: list[str] = []
        started = time.perf_counter()
        for _ in range(3):
            self.port = _free_port(host)
            self.url = f"http://{host}:{self.port}"
            self.proc = subprocess.Popen(
                [*_pitboard(), "serve", "--host", host, "--port", str(self.port), "--db", str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                cwd=cwd,
            )
            self.reader = threading.Thread(target=self._read, daemon=True)
            self.reader.start()
            if self._wait(timeout):
                self.startup_s = time.perf_counter() - started
                return
            self.stop()
        raise RuntimeError("pitboard serve did not start:\n" + self.log)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)

    @property
    def log(self) -> str:
        return "".join(self.output)

    def _wait(self, timeout: float) -> bool:
        """The announced address, then an answer there."""
        announced = f"pitboard is serving on {self.url}/"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.reader.join(5)
                return False
            if announced in self.log:
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(self.url + "/static/style.css", timeout=5) as response,
                ):
                    if response.status == 200:
                        return True
            time.sleep(0.05)
        return False

    def rss_mb(self) -> float:
        """The server's resident memory now (Linux ``VmRSS``)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS in /proc status")

    def cpu_s(self) -> float:
        """User + system CPU seconds the server has used so far (Linux)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.reader.join(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
