"""Which documents `seedkeeper rename` leaves alone, and why: one answer for `rename` (which skips
them) and for the `bad-name` finding (whose next step must be one that works for that file)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from seedkeeper.indexmd.unmarked import how_to_write

SYMLINK = "a symlink; rename what it points to instead"
LINKED_TO = "a symlink in the folder points to it; renaming it would break the link"


def link_targets(root: Path, on_disk: Iterable[str]) -> set[str]:
    """Real paths that symlinks among the documents point to."""
    out = set()
    for rel in on_disk:
        path = root / rel
        if path.is_symlink():
            out.add(os.path.realpath(path))
    return out


def rename_blocker(root: Path, rel: str, linked: set[str], unmarked: Mapping[str, tuple[int, str]]) -> str | None:
    """Why `rename` leaves the document `rel` (admitted: it is there) as it is, or None when it
    would rename it. (An unreadable file is found out only by reading it, which rename does.)"""
    if rel in unmarked:
        # INDEX.md names it in a form rename cannot rewrite (a spaced name, end unmarked):
        # renaming would leave that item naming a file that is gone. The reason is the one the
        # bad-name finding gives, with how to write the item.
        return _unmarked_step(rel, unmarked)
    path = root / rel
    if not os.path.lexists(path):
        return "not found under that spelling"
    if path.is_symlink():
        return SYMLINK
    if os.path.realpath(path) in linked:
        # A symlink in the folder names its target by its old name: renaming the target would
        # leave the link dangling.
        return LINKED_TO
    return None


def bad_name_step(rel: str, blocker: str | None, unmarked: Mapping[str, tuple[int, str]]) -> str:
    """The next step a `bad-name` finding ends with: `seedkeeper rename`, or what to do first (or
    instead) where rename leaves the file alone."""
    if blocker is None:
        return "`seedkeeper rename` renames it"
    if rel in unmarked:
        return _unmarked_step(rel, unmarked)
    if blocker == SYMLINK:
        return "a symlink, which `seedkeeper rename` leaves alone: remove it, or rename it yourself and in INDEX.md"
    if blocker == LINKED_TO:
        return "a symlink in the folder points to it, so `seedkeeper rename` leaves it alone: remove that link first"
    return f"`seedkeeper rename` leaves it alone: {blocker}"


def _unmarked_step(rel: str, unmarked: Mapping[str, tuple[int, str]]) -> str:
    """Why rename leaves a name an INDEX.md item does not mark the end of, and how to write it."""
    line, rest = unmarked[rel]
    return (
        f"INDEX.md line {line} does not mark where the name ends, so `seedkeeper rename` leaves it alone:"
        f" write {how_to_write(rel, rest)} first"
    )
