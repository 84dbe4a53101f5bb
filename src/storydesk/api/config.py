"""How ``storydesk serve`` runs: one typed object with defaults, and the binding rules.

Environment: ``STORYDESK_TOKEN`` is the secret that writes (POST) must carry as
``Authorization: Bearer <token>``. On a loopback address it is optional; on any other
address the server refuses to start without one.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

from storydesk import errors

TOKEN_ENV = "STORYDESK_TOKEN"

# The largest body a request may carry. A report is at most 5 MB of text for the library;
# the server takes 2 MB (about 300,000 words, far beyond any news report), which keeps one
# request's analysis under the time limit on a 2-core machine (analyze() runs at about
# 4,800 words/s, README "Speed").
DEFAULT_MAX_BODY_BYTES = 2_000_000
# Wall-clock limit for one request, analysis included.
DEFAULT_TIMEOUT_S = 60.0
# Analyses that may run at once; each holds a CPU core and about 200 MB (README "Speed").
DEFAULT_ANALYSIS_SLOTS = 2


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServeConfig:
    desk_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    analysis_slots: int = DEFAULT_ANALYSIS_SLOTS
    # As `storydesk add --allow-private`: fetch URLs on loopback and private networks too.
    # Off by default: a server must not become a way into the network it runs in.
    allow_private: bool = False
    fetch_timeout_s: float = 20.0

    def check(self) -> None:
        """Raise :class:`storydesk.errors.ConfigError` for a configuration that must not run."""
        if not is_loopback(self.host) and not self.token:
            raise errors.unsafe_bind(self.host)
        if self.token is not None and len(self.token) < 16:
            raise errors.ConfigError(
                f"{TOKEN_ENV} is {len(self.token)} characters long; use at least 16 random characters."
            )
        if self.max_body_bytes < 1024:
            raise errors.ConfigError(f"--max-body-bytes {self.max_body_bytes} is too small; give at least 1024.")
        if self.timeout_s <= 0:
            raise errors.ConfigError(f"--timeout {self.timeout_s:g} must be more than 0 seconds.")
        if self.analysis_slots < 1:
            raise errors.ConfigError(f"--analysis-slots {self.analysis_slots} must be 1 or more.")


def token_from_env() -> str | None:
    value = os.environ.get(TOKEN_ENV, "").strip()
    return value or None
