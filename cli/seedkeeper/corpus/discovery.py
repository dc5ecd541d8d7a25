"""Finding the documents on disk: regular files under the folder matching the include globs,
except hidden paths and INDEX.md itself. Symlinked folders are not followed (they could lead
anywhere); a symlinked file is listed like any file and judged when it is read."""

from __future__ import annotations

import os
from pathlib import Path

from seedkeeper.corpus.paths import INDEX_NAME, is_decodable, is_document_path

__all__ = ["INDEX_NAME", "discover"]


def discover(root: Path, include: tuple[str, ...] = ("*.txt",), undecodable: list[str] | None = None) -> list[str]:
    """Relative, '/'-separated paths of the documents under `root`, sorted.

    A path that is not valid UTF-8 cannot be listed in INDEX.md, cached or printed as is: it is
    left out, and appended to `undecodable` (when given) as os.fsdecode gives it (surrogates for
    its bytes: the exact name, which each output shows escaped; see raw_names)."""
    found: list[str] = []
    for rel_dir, files in _walk(os.fspath(root), ""):
        for entry in files:
            name = entry.name
            if name.startswith("."):
                continue
            rel = f"{rel_dir}{name}"
            if not is_document_path(rel, include):  # the rule INDEX.md's references are read by too
                continue
            if not is_decodable(rel):
                if undecodable is not None:
                    undecodable.append(rel)
                continue
            # A symlink counts as "on disk" (dangling or outward ones too; it is never read here),
            # and so does a regular file; FIFOs, sockets and devices do not. The directory entry
            # knows which without a stat on most file systems.
            try:
                listed = entry.is_symlink() or entry.is_file(follow_symlinks=False)
            except OSError:
                # A file system without types in its listings makes these an lstat, which can
                # fail (a folder readable but not searchable): on disk, as a stat error was before.
                listed = True
            if listed:
                found.append(rel)
    return sorted(found)


def _walk(top: str, rel_dir: str):
    """os.walk(top, followlinks=False), top-down, hidden folders pruned, errors ignored, giving
    (rel_dir with a trailing '/', or '') and the directory entries of the files, so that their
    type comes from the directory listing rather than a stat per file."""
    try:
        with os.scandir(top) as it:
            entries = list(it)
    except OSError:
        return
    dirs: list[os.DirEntry] = []
    files: list[os.DirEntry] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()  # follows a symlink, as os.walk does; it is not descended
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    yield rel_dir, files
    for entry in sorted((d for d in dirs if not d.name.startswith(".")), key=lambda d: d.name):
        if entry.is_symlink():
            continue  # followlinks=False
        yield from _walk(entry.path, f"{rel_dir}{entry.name}/")
