"""Shell-side rendering of findings: rich text, JSON, GitHub workflow commands.

Only the CLI imports this module; the core never prints.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from seedkeeper.corpus.paths import shown
from seedkeeper.problems import INDEX_LINE_CODES, Problem

_SURROGATE = re.compile("[\ud800-\udfff]")


def stdout_console() -> Console:
    # rich honours NO_COLOR and only colours a terminal; highlight off so paths aren't restyled.
    return Console(highlight=False, soft_wrap=False)


def emit_json(data: Any) -> None:
    """One JSON object on stdout and nothing else: deterministic, UTF-8, not ASCII-escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # A path from the command line may hold bytes that are not UTF-8 (surrogates): escaped, so
    # stdout stays valid UTF-8. Control characters are already \u-escaped by json.
    text = _SURROGATE.sub(lambda m: shown(m.group()).replace("\\", "\\\\"), text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def emit_lines(lines: Iterable[str]) -> None:
    """Print lines as they are: click's echo strips ANSI sequences when stdout is not a terminal,
    which would change a file name in a GitHub annotation (so it points at no file)."""
    for line in lines:
        sys.stdout.write(_SURROGATE.sub(lambda m: shown(m.group()), line) + "\n")
    sys.stdout.flush()


def repo_root(start: Path) -> Path:
    """Where GitHub expects annotation paths to start: $GITHUB_WORKSPACE, else the git root."""
    ws = os.environ.get("GITHUB_WORKSPACE")
    if ws:
        return Path(ws).resolve()
    here = start.resolve()
    for folder in [here, *here.parents]:
        if (folder / ".git").exists():
            return folder
    return Path.cwd().resolve()


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_lines(problems: Iterable[Problem], seeds: Path) -> list[str]:
    """`::error file=...,line=...,title=code::message` lines, paths relative to the repo root."""
    root = repo_root(seeds)
    seeds_abs = seeds.resolve()
    out = []
    for p in problems:
        level = "error" if p.severity == "error" else "warning"
        props = []
        # Index findings with a line are fixed in INDEX.md, so that is where the annotation goes.
        in_index = p.file is None or (p.code in INDEX_LINE_CODES and p.line is not None)
        target = "INDEX.md" if in_index else p.file
        path = os.path.relpath(seeds_abs / target, root)
        if path:
            props.append(f"file={_escape_prop(path.replace(os.sep, '/'))}")
        if p.line is not None:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_prop(p.code)}")
        where = f" ({p.file})" if p.file and target != p.file else ""
        # The file property names the file exactly; the message is for people, so it is shown escaped.
        out.append(f"::{level} {','.join(props)}::{_escape_data(shown(p.message + where))}")
    return out


def print_problems_text(console: Console, problems: list[Problem], summary: str, ok: bool) -> None:
    """Findings grouped by file (folder-level first): the file on its own line, then a table of
    its findings, then a one-line summary. The file name never competes with the message for
    width, and codes never wrap, so an 80-column CI log still shows every word."""
    for file, group in groupby(problems, key=lambda p: p.file):
        console.print(Text(shown(file) if file else "(folder)", style="bold underline"), overflow="fold")
        table = Table(show_header=False, box=None, pad_edge=False, expand=False)
        table.add_column("line", justify="right", no_wrap=True, width=6)
        table.add_column("severity", no_wrap=True, width=8)
        table.add_column("code", no_wrap=True, width=17)
        table.add_column("message", overflow="fold")
        for p in group:
            style = "red" if p.severity == "error" else "yellow"
            table.add_row(
                "" if p.line is None else str(p.line),
                Text(p.severity, style=style),
                Text(p.code, style=style),
                Text(shown(p.message), overflow="fold"),
            )
        console.print(table)
    console.print(Text(summary, style="green" if ok else "red bold"))
