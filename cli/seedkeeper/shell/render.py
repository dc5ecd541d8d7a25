"""Shell-side rendering of findings: rich text, JSON, GitHub workflow commands.

Only the CLI imports this module; the core never prints.
"""

from __future__ import annotations

import errno
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
from seedkeeper.corpus.raw_names import name_bytes, quoted, with_name_bytes
from seedkeeper.problems import INDEX_LINE_CODES, Problem

# Width for output that is not a terminal (a pipe, a file): lines are never wrapped there, so
# grep, diff and a wide editor see one finding per line.
UNWRAPPED_WIDTH = 10_000

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Console(Console):
    """rich's Console, leaving a closed pipe to the command's error boundary.

    rich's own handler exits 1 (`seedkeeper tag | head` would read as "errors found"); the
    boundary (runner.exit_code_of) exits 141 quietly, as it does for JSON output."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def stdout_console() -> Console:
    """rich honours NO_COLOR and only colours a terminal; highlight off so paths aren't restyled.
    On a terminal, rich fits its width; anywhere else nothing is wrapped (rich would assume 80)."""
    console = _Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = _Console(highlight=False, soft_wrap=False, width=UNWRAPPED_WIDTH)
    return console


def emit_json(data: Any) -> None:
    """One JSON object on stdout and nothing else: deterministic, UTF-8, not ASCII-escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if _SURROGATE.search(text):
        # A name that is not UTF-8 (surrogates: one on disk, or a path typed): its exact bytes
        # beside it (`file_bytes`), since its escaped text is also a valid name's. Only then: the
        # walk costs a look at every string.
        text = json.dumps(with_name_bytes(data), ensure_ascii=False, indent=2)
        # The name itself is escaped, so stdout stays valid UTF-8. Control characters are
        # already \u-escaped by json.
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
        path = os.path.relpath(seeds_abs / target, root).replace(os.sep, "/")
        where = f" ({quoted(p.file)})" if p.file and target != p.file else ""
        if name_bytes(path) is not None:
            # A workflow command is UTF-8 text: it cannot name these bytes, and their escaped
            # text would put the annotation on another file (one named `bad\xff.txt`). None
            # then, the name in the message.
            path, where = "", f" ({quoted(path)})"
        if path:
            props.append(f"file={_escape_prop(path)}")
        if p.line is not None:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_prop(p.code)}")
        # The file property names the file exactly; the message is for people, so it is shown escaped.
        out.append(f"::{level} {','.join(props)}::{_escape_data(shown(p.message + where))}")
    return out


def display_path(seeds: Path, target: str) -> str:
    """`target` (relative to the seeds folder) as the person would type it from the current folder:
    under the folder they typed (`seeds/000_x.txt`, `../corpus/INDEX.md`), absolute only when the
    seeds folder is outside the current folder and was not typed relative."""
    path = Path(os.path.normpath(Path(seeds) / target))  # "../seedkeeper.toml": the config file
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return Path(os.path.normpath(path)).as_posix()


def concise_lines(problems: Iterable[Problem], seeds: Path | None) -> list[str]:
    """One line per finding, `path:line: code message`, for grep and editors, sorted by path and
    line as ruff sorts them. Findings about an INDEX.md entry point at INDEX.md (where the fix
    goes) and name the document at the end. `seeds` None: files named one by one, each shown as
    it was given."""
    keyed = []
    for p in problems:
        in_index = p.file is None or (p.code in INDEX_LINE_CODES and p.line is not None)
        target = "INDEX.md" if in_index else p.file
        where = f" ({quoted(p.file)})" if p.file and target != p.file else ""
        line = "" if p.line is None else f":{p.line}"
        message = " ".join((p.message + where).splitlines())
        path = quoted(target if seeds is None else display_path(seeds, target))
        keyed.append(((path, p.line or 0, p.code, message), f"{path}{line}: {p.code} {shown(message)}"))
    return [text for _, text in sorted(keyed)]


def _on_index(p: Problem) -> bool:
    """Findings fixed in INDEX.md: about the folder, INDEX.md itself, or an entry's line there."""
    return p.file is None or p.file == "INDEX.md" or (p.code in INDEX_LINE_CODES and p.line is not None)


def text_groups(problems: list[Problem]) -> list[tuple[str, list[tuple[Problem, str]]]]:
    """(heading, [(finding, message)]) in print order: INDEX.md first, its findings by line, each
    entry finding naming its document; then each document's own findings."""
    index = sorted((p for p in problems if _on_index(p)), key=lambda p: (p.line or 0, p.code, p.file or ""))
    groups: list[tuple[str, list[tuple[Problem, str]]]] = []
    if index:
        groups.append(
            (
                "INDEX.md",
                [(p, p.message + (f" ({quoted(p.file)})" if p.file not in (None, "INDEX.md") else "")) for p in index],
            )
        )
    rest = [p for p in problems if not _on_index(p)]
    # A name that is not UTF-8 is its own group, headed as bash quotes it: its escaped text
    # (`bad\xff.txt`) is also a valid name, whose findings are another file's.
    for file, group in groupby(rest, key=lambda p: p.file):
        groups.append((quoted(file), [(p, p.message) for p in group]))
    return groups


def print_problems_text(console: Console, problems: list[Problem], summary: str, ok: bool) -> None:
    """Findings grouped by where the fix goes (INDEX.md first, then each document): the file on
    its own line, then a table of its findings, then a one-line summary. The file name never
    competes with the message for width, and codes never wrap, so an 80-column CI log still shows
    every word."""
    # Wide enough for every code and line number shown (a fixed 17 cut "contained-duplicate").
    line_width = max([6] + [len(str(p.line)) for p in problems if p.line is not None])
    code_width = max([17] + [len(p.code) for p in problems])
    # Asked once: rich works both out from the environment each time (a cost per file at 30,000).
    plain, out = not console.is_terminal, console.file
    limit = min(_PLAIN_MAX, console.width // 2 - line_width - code_width - 16)
    for heading, group in text_groups(problems):
        if plain and _plain_rows(out, heading, group, line_width, code_width, limit):
            continue
        console.print(Text(shown(heading), style="bold underline"), overflow="fold")
        table = Table(show_header=False, box=None, pad_edge=False, expand=False)
        table.add_column("line", justify="right", no_wrap=True, width=line_width)
        table.add_column("severity", no_wrap=True, width=8)
        table.add_column("code", no_wrap=True, width=code_width)
        table.add_column("message", overflow="fold")
        for p, message in group:
            style = "red" if p.severity == "error" else "yellow"
            table.add_row(
                "" if p.line is None else str(p.line),
                Text(p.severity, style=style),
                Text(p.code, style=style),
                Text(shown(message), overflow="fold"),
            )
        _print_unpadded(console, table)
    console.print(Text(summary, style="green" if ok else "red bold"))


# Off a terminal (a CI log, a file) nothing is wrapped or coloured, so a group's table is plain
# columns: written directly, it costs a microsecond a row where rich's table costs a millisecond a
# file (1,000 findings: ~1 s). Text rich would lay out differently (tabs, which it expands; lines
# near the console width, which it folds) still goes through rich. test_render checks both agree.
_PLAIN_MAX = 1_000


def _plain_rows(out, heading: str, group: list[tuple[Problem, str]], line_w: int, code_w: int, limit: int) -> bool:
    """Write one group to `out` as rich would lay it out off a terminal (text of at most `limit`
    characters is never folded); False (nothing written) when the text needs rich's own layout."""
    head = shown(heading)
    rows = [(p, shown(message)) for p, message in group]
    if len(head) > limit or "\t" in head or any(len(m) > limit or "\t" in m for _, m in rows):
        return False
    lines = [head]
    for p, message in rows:
        line = "" if p.line is None else str(p.line)
        lines.append(f"{line:>{line_w}}  {p.severity:<8}  {p.code:<{code_w}}  {message}".rstrip())
    out.write("\n".join(lines) + "\n")
    return True


def _print_unpadded(console: Console, renderable) -> None:
    """Print; off a terminal, without the spaces rich pads each row with up to the widest message
    (in a file or a pipe they are noise for grep and diff)."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
