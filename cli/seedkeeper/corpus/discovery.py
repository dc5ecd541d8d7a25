"""Finding the documents on disk: regular files under the folder matching the include globs,
except hidden paths and INDEX.md itself. Symlinked folders are not followed (they could lead
anywhere); a symlinked file is listed like any file and judged when it is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from seedkeeper.corpus.paths import is_decodable, matches_include, shown

INDEX_NAME = "INDEX.md"


def discover(root: Path, include: tuple[str, ...] = ("*.txt",), undecodable: list[str] | None = None) -> list[str]:
    """Relative, '/'-separated paths of the documents under `root`, sorted.

    A path that is not valid UTF-8 cannot be listed in INDEX.md, cached or printed as is: it is
    left out, and its escaped form (`bad\\xff.txt`) is appended to `undecodable` (when given)."""
    found: list[str] = []
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=lambda e: None):
        # Prune hidden folders in place so os.walk never descends into them (quarantine, .git).
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = os.path.relpath(dirpath, root)
        for name in filenames:
            if name.startswith("."):
                continue
            rel = name if rel_dir == "." else f"{rel_dir.replace(os.sep, '/')}/{name}"
            if rel == INDEX_NAME or not matches_include(rel, include):
                continue
            if not is_decodable(rel):
                if undecodable is not None:
                    undecodable.append(shown(rel))
                continue
            try:
                st = os.stat(os.path.join(dirpath, name))  # follows a file symlink: type only
            except OSError:
                st = None
            if st is None or stat.S_ISREG(st.st_mode) or os.path.islink(os.path.join(dirpath, name)):
                # A dangling or outward symlink still counts as "on disk"; it is never read here.
                found.append(rel)
    return sorted(found)
