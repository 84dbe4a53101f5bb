"""Analysed case files cached on disk, so reconcile benchmarks re-run in seconds.

The cache lives in ``benchmarks/.cache/casefiles/<digest>/`` (gitignored). ``<digest>`` hashes
the source of every module that shapes a case file (``analyze.py``, ``clean.py``, ``nlp.py``,
``model.py``, ``conventions.py``, ``extract/``, ``ingest/``, ``data/``), so any change to
extraction starts a fresh cache and a stale case file is never scored. Each file is one case
file as JSON, named by a hash of the report text and its metadata.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from storydesk.analyze import analyze_article  # noqa: E402
from storydesk.ingest import make_article, source_from_text  # noqa: E402
from storydesk.model import CaseFile  # noqa: E402

CACHE = HERE / ".cache" / "casefiles"
_SHAPING = ("analyze.py", "clean.py", "nlp.py", "model.py", "conventions.py", "extract", "ingest", "data")


def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (or beside the folder of worktrees)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "data").exists():
            return base / "shared"
    return ROOT.parent / "shared"


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    src = ROOT / "src" / "storydesk"
    digest = hashlib.sha1()
    for name in _SHAPING:
        path = src / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in {".py", ".json"}:
                digest.update(str(file.relative_to(src)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def case_file(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> CaseFile:
    """The case file of one report, from the cache when it is there."""
    key = hashlib.sha1("\x1f".join([text, str(published), title or "", outlet or "", url or ""]).encode()).hexdigest()
    folder = CACHE / extractor_digest()
    path = folder / f"{key}.json"
    if path.exists():
        return CaseFile.model_validate_json(path.read_text(encoding="utf-8"))
    article = make_article(
        source_from_text(text), published=published, title=title, outlet=outlet, url=url, check_language=False
    )
    case = analyze_article(article)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(case.model_dump_json(), encoding="utf-8")
    tmp.replace(path)
    return case
