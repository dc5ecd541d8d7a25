"""Reading and rewriting INDEX.md on disk, safely.

Every rewrite is a read-modify-write under the folder lock, so two runs racing serialise instead of
losing one's update. The write itself is atomic (temp file in the folder, fsync, rename): a run
killed at any moment leaves INDEX.md old or new, never half. On top of the lock, the bytes are
compared just before the rename, so an editor saving INDEX.md meanwhile (it takes no lock) makes
us start over from its version instead of overwriting it.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from seedkeeper.corpus.atomic import clean_stale_temps, folder_lock, write_atomic
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.errors import IndexWriteError, UsageError

# After each line end Markdown knows: LF, CR not followed by LF.
_LINE_ENDS = re.compile("(?<=\n)|(?<=\r)(?!\n)")


class IndexChangedError(IndexWriteError, UsageError):
    """INDEX.md kept changing under us (someone else writes it without the lock); nothing written.
    Exit 2, as for the lock: the machine's state, not the data's."""


def read_index_bytes(seeds: Path) -> bytes | None:
    """INDEX.md's bytes, or None when there is none. Refuses a non-regular file (a symlink,
    a folder, a FIFO): replacing it would write somewhere the user did not mean."""
    path = Path(seeds) / INDEX_NAME
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise IndexWriteError(f"{path} is not a regular file; not reading or replacing it")
    with open(path, "rb") as fh:
        return fh.read()


def _decode(raw: bytes | None, path: Path) -> str | None:
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IndexWriteError(f"{path} is not UTF-8 (line {line}, byte offset {exc.start}); not rewriting it") from None


def update_index(seeds: Path, transform: Callable[[str | None], str], *, retries: int = 5) -> tuple[bool, str]:
    """Rewrite INDEX.md as `transform(old_text)` (old_text None when there is none).

    Returns (changed, new_text). Identical bytes are not written (the mtime stays). Under the
    folder lock: stale temp files of killed writers are removed, then compare-and-swap; if the file
    changed between our read and our rename, the transform runs again on the new text, up to
    `retries` times, then IndexChangedError. Do not call it while this process already holds
    folder_lock(seeds): flock is per open file, so it would wait for itself until the timeout.
    """
    seeds = Path(seeds)
    path = seeds / INDEX_NAME
    with folder_lock(seeds):
        # Safe under the lock: every live writer of ours holds it, so any temp file is a dead one's.
        clean_stale_temps(path)
        for _ in range(max(1, retries)):
            old = read_index_bytes(seeds)
            new_text = transform(_decode(old, path))
            new = new_text.encode("utf-8")
            if new == old:
                return False, new_text
            if read_index_bytes(seeds) != old:
                continue  # someone wrote it meanwhile: redo from theirs
            write_atomic(path, new)
            if read_index_bytes(seeds) == new:
                return True, new_text
        raise IndexChangedError(f"{path} kept changing while being rewritten ({retries} tries); nothing more written")


def _lines(text: str) -> list[str]:
    """The lines of `text` as Markdown ends them (LF, CRLF, CR), each with its end; not where
    str.splitlines would also split (a form feed, U+2028 inside a line stays in it)."""
    return [ln for ln in _LINE_ENDS.split(text) if ln]


def unified_diff(old: str | None, new: str, path: str = INDEX_NAME) -> str:
    """A git-style unified diff from `old` (None: no file) to `new`; "" when they are equal."""
    if old == new:
        return ""
    a = [] if old is None else _lines(old)
    b = _lines(new)
    out = []
    for line in difflib.unified_diff(a, b, "/dev/null" if old is None else f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
