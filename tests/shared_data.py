"""The ../shared folder for tests: present in CI (CI=true), where a missing folder is an error.

A checkout that does not sit beside ``shared/`` (a git worktree elsewhere) names it with the
environment variable ``STORYDESK_SHARED``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYDESK_SHARED") or ROOT.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips only outside CI when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            raise FileNotFoundError(f"{path} is missing: CI must run with ../shared beside the repo")
        pytest.skip(f"{path} not present")
    return path
