"""A real ``storydesk serve`` in a subprocess on 127.0.0.1, at a free port, for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(
    *args: str,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    startup_s: float = 90.0,
) -> Iterator[str]:
    """Start ``storydesk serve`` with ``args``; yield its base URL; stop it."""
    port = free_port()
    command: Sequence[str] = [sys.executable, "-m", "storydesk.cli", "serve", "--port", str(port), *args]
    environment = {k: v for k, v in os.environ.items() if k != "STORYDESK_TOKEN"} | (env or {})
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"storydesk serve exited with {process.returncode} before it was ready")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"storydesk serve was not ready within {startup_s:g} s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()  # type: ignore[union-attr]
