"""Serving rules: loopback by default, a token required anywhere else, limits checked."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from storydesk import errors
from storydesk.api.config import ServeConfig, is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.53", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("10.0.0.1", False),
        ("desk.example", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_default_config_binds_loopback_and_runs_without_token() -> None:
    config = ServeConfig()
    assert config.host == "127.0.0.1"
    config.check()


def test_exposed_address_needs_a_token() -> None:
    with pytest.raises(errors.UnsafeBindError, match="STORYDESK_TOKEN"):
        ServeConfig(host="0.0.0.0").check()
    ServeConfig(host="0.0.0.0", token="s" * 32).check()


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (ServeConfig(token="short"), "at least 16"),
        (ServeConfig(max_body_bytes=10), "--max-body-bytes"),
        (ServeConfig(timeout_s=0), "--timeout"),
        (ServeConfig(analysis_slots=0), "--analysis-slots"),
    ],
)
def test_bad_limits_are_refused(config: ServeConfig, words: str) -> None:
    with pytest.raises(errors.ConfigError, match=words):
        config.check()


def test_serve_refuses_to_start_exposed_without_a_token() -> None:
    env = {k: v for k, v in os.environ.items() if k != "STORYDESK_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "storydesk.cli", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode().startswith("storydesk: error E302: refusing to serve on 0.0.0.0")
