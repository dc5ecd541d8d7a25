"""INDEX.md as a file: its bytes read safely and decoded, or the finding that says why not.

`read_index` refuses an INDEX.md that is missing (index-missing), resolves outside the seeds
folder, is not a regular file or is too large to be a hand-kept index (index-unreadable);
`decode_index` refuses one that is not UTF-8 text. Neither parses it: model.load_corpus does.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.safe_read import resolve_inside
from seedkeeper.errors import UnsafePathError
from seedkeeper.problems import Problem, make

# INDEX.md is read whole; past this size it is surely not a hand-kept index.
MAX_INDEX_BYTES = 64 * 1024 * 1024


def read_index(root: Path) -> tuple[bytes | None, list[Problem]]:
    """Read INDEX.md's bytes safely, or say why not (index-missing / index-unreadable)."""
    path = root / INDEX_NAME
    if not os.path.lexists(path):
        missing = f"{INDEX_NAME} not found in the seeds folder; `seedkeeper index` creates one"
        return None, [make("index-missing", None, missing)]
    try:
        real = resolve_inside(root, INDEX_NAME)
        st = os.stat(real)
    except UnsafePathError:
        return None, [make("index-unreadable", INDEX_NAME, f"{INDEX_NAME} resolves outside the seeds folder; not read")]
    except OSError as exc:
        return None, [make("index-unreadable", INDEX_NAME, f"cannot stat {INDEX_NAME}: {exc.strerror}")]
    if not stat.S_ISREG(st.st_mode):
        return None, [make("index-unreadable", INDEX_NAME, f"{INDEX_NAME} is not a regular file")]
    if st.st_size > MAX_INDEX_BYTES:
        return None, [
            make(
                "index-unreadable", INDEX_NAME, f"{INDEX_NAME} is {st.st_size} bytes, over {MAX_INDEX_BYTES}; not read"
            )
        ]
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            return fh.read(MAX_INDEX_BYTES + 1), []
    except OSError as exc:
        return None, [make("index-unreadable", INDEX_NAME, f"cannot read {INDEX_NAME}: {exc.strerror}")]


def decode_index(raw: bytes) -> tuple[str | None, list[Problem]]:
    """INDEX.md must be UTF-8 text; say where it is not."""
    if b"\x00" in raw:
        return None, [
            make(
                "index-unreadable",
                INDEX_NAME,
                "INDEX.md contains NUL bytes: not a text file",
                raw[: raw.find(b"\x00")].count(b"\n") + 1,
            )
        ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            make(
                "index-unreadable",
                INDEX_NAME,
                f"INDEX.md is not UTF-8: invalid byte at line {line}, byte offset {exc.start}",
                line,
            )
        ]
