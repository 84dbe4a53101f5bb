"""The command line as a user runs it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "report.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "storydesk.cli", *args], input=stdin, capture_output=True, timeout=300, check=False
    )


def test_analyze_text_json_and_schema() -> None:
    done = run("analyze", str(EXAMPLE), "--published", "2024-03-19", "--format", "json")
    assert done.returncode == 0, done.stderr
    case = json.loads(done.stdout)
    assert case["article"]["published"] == "2024-03-19"
    assert any(p["name"] == "Laura Askwith" for p in case["people"])
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "CaseFile"
    assert set(case) <= set(schema["properties"])


def test_analyze_stdin_markdown() -> None:
    done = run("analyze", "-", "--format", "md", "--published", "2024-03-19", stdin=EXAMPLE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("# ")
    assert "## People" in done.stdout.decode()


def test_analyze_html_finds_metadata() -> None:
    done = run("analyze", str(ROOT / "examples" / "report.html"), "--format", "json")
    case = json.loads(done.stdout)
    assert case["article"]["source_format"] == "html"
    assert case["article"]["published"] and case["article"]["title"] and case["article"]["outlet"]


def test_jsonl_gives_one_case_per_record() -> None:
    done = run("analyze", str(ROOT / "examples" / "reports.jsonl"), "--format", "json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(lines) == 3


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (("analyze", "-"), b"", "E101", "no text"),
        (("analyze", "-"), bytes(range(256)) * 8, "E102", "binary"),
        (("analyze", "/no/such/report.txt"), None, "E106", "no such file"),
        (("analyze", str(EXAMPLE), "--published", "19/03/2024"), None, "E108", "YYYY-MM-DD"),
        (("analyze", "-", "--max-bytes", "1000"), b"word " * 400, "E103", "limit"),
        (
            ("analyze", "-"),
            "La policía detuvo el lunes a un hombre de 41 años en el centro de la ciudad después de "
            "una pelea en un bar. Según los testigos, el hombre había amenazado a varios clientes con "
            "un cuchillo antes de huir a pie.".encode(),
            "E104",
            "English",
        ),
    ],
)
def test_bad_input_is_one_line_and_nonzero(args: tuple[str, ...], stdin: bytes | None, code: str, message: str) -> None:
    done = run(*args, stdin=stdin)
    err = done.stderr.decode()
    assert done.returncode != 0
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"storydesk: error {code}:") and message in err
