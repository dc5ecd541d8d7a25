"""A rich progress bar on stderr, only for a person at a terminal and only for long runs.

Whether stdout is a terminal does not matter: `seedkeeper tag seeds > tags.txt` or `--format json`
still shows the bar, on stderr, while stdout gets only the output."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Optional

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

# Show the bar only once the work has taken this long: short runs stay quiet.
DELAY_SECONDS = 0.5


@contextlib.contextmanager
def progress_bar(quiet: bool, label: str) -> Iterator[Optional[Callable[[int, int], None]]]:
    """Yield a (done, total) callback, or None when stderr is not a TTY, in CI, or quiet. The bar
    draws on its own stderr console (rich's default console is stdout's, and would stay silent
    whenever stdout is redirected)."""
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    start = time.monotonic()
    bar: dict[str, object] = {}

    def update(done: int, total: int) -> None:
        if "p" not in bar:
            if time.monotonic() - start < DELAY_SECONDS:
                return
            p = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                transient=True,
                console=Console(stderr=True),
            )
            p.start()
            bar["p"], bar["t"] = p, p.add_task(label, total=total)
        bar["p"].update(bar["t"], completed=done, total=total)  # type: ignore[attr-defined]

    try:
        yield update
    finally:
        if "p" in bar:
            bar["p"].stop()  # type: ignore[attr-defined]
