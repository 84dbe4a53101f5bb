"""Debian's Chromium, driven by Playwright: no browser is downloaded.

``STORYDESK_CHROMIUM`` overrides the path (default ``/usr/bin/chromium``, from Debian's
``chromium`` package, which ``.ci/run`` installs). Under CI a missing browser fails the run;
elsewhere the browser tests are skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path(os.environ.get("STORYDESK_CHROMIUM", "/usr/bin/chromium"))
# Headless as root on a machine with no outside network: no sandbox (root), no GPU, and no
# background connections (they would be refused, many at a time).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise FileNotFoundError(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    return CHROMIUM


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium; Playwright gives it a fresh, empty profile directory."""
    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, chromium_sandbox=False, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
