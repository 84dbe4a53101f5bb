"""A progress bar on standard error for long commands: counts, rate, time left.

Shown only when standard error is a terminal (and not with ``--quiet``); library code
reports progress through callbacks and never prints.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from storydesk.store.pipeline import Progress as AddProgress


class AddBar:
    """``with AddBar(quiet) as bar: desk.add(..., progress=bar.update)``."""

    def __init__(self, quiet: bool = False) -> None:
        console = Console(stderr=True)
        self.enabled = not quiet and sys.stderr.isatty()
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeRemainingColumn(),
            console=console,
            disable=not self.enabled,
            transient=False,
        )
        self._task = self._bar.add_task("adding", total=None, detail="")
        self._summary_task: TaskID | None = None

    def update(self, progress: AddProgress) -> None:
        detail = f"{progress.rate:.1f} reports/s, {progress.failed} failed"
        self._bar.update(self._task, completed=progress.done, total=progress.total, detail=detail)

    def summaries(self, done: int, total: int) -> None:
        """Stories summarised at the end of a run (``desk.add(..., on_summary=bar.summaries)``)."""
        if self._summary_task is None:
            self._summary_task = self._bar.add_task("summarising", total=total, detail="stories")
        self._bar.update(self._summary_task, completed=done, total=total)

    def print(self, line: str) -> None:
        """A line on standard output, above the bar when it is shown."""
        if self.enabled:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def __enter__(self) -> AddBar:
        self._bar.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._bar.stop()
