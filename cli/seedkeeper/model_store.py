"""Ready-to-load copies of the models our libraries ship, kept in the user's cache folder.

The libraries ship their models in forms that are slow to open: py3langid's is LZMA-compressed,
langdetect's is one JSON file per language that has to be merged into a table, ftfy builds its
mojibake expression from character tables when it is imported. A process that checks one changed
document would spend most of its time opening them. So each is converted once (per package
version) into plain files that later processes read or memory-map, and forked workers share.

A copy is a folder built beside its final place and renamed into it, with a `complete` marker
written last: a folder without the marker was interrupted and is built again. Nothing here is ever
required: when the cache folder cannot be written, callers load the packaged model as usual.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable

# Written last into a model folder: a folder without it is a copy that was interrupted.
COMPLETE = "complete"
# A temporary build older than this was killed midway: swept.
_STALE_SECONDS = 3600


def store_root() -> str:
    """`$XDG_CACHE_HOME/seedkeeper` (or `~/.cache/seedkeeper`): the same root as the results cache."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "seedkeeper")


def model_folder(name: str, build: Callable[[str], None]) -> str:
    """The folder `name` under the store, made by `build(folder)` the first time it is asked for.

    `build` writes its files into an empty folder; they are flushed to disk, the marker is added
    and the folder is renamed into place, so a reader never sees half a copy. Raises OSError (or
    whatever `build` raises) when it cannot be made: callers fall back to the packaged model.
    """
    folder = os.path.join(store_root(), name)
    if not os.path.isfile(os.path.join(folder, COMPLETE)):
        _make(folder, build)
    return folder


def _make(folder: str, build: Callable[[str], None]) -> None:
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=parent, suffix=".tmp")
    try:
        build(tmp)
        for entry in os.listdir(tmp):
            with open(os.path.join(tmp, entry), "rb") as fh:
                os.fsync(fh.fileno())
        with open(os.path.join(tmp, COMPLETE), "wb") as fh:
            os.fsync(fh.fileno())
        if os.path.isfile(os.path.join(folder, COMPLETE)):
            return  # another process finished first: its copy is used, ours is dropped below
        if os.path.isdir(folder):
            # An interrupted copy (no marker): moved aside before it goes, so that nothing
            # deletes a folder another process has just renamed into place.
            aside = f"{folder}.old{os.getpid()}"
            os.replace(folder, aside)
            shutil.rmtree(aside, ignore_errors=True)
        os.replace(tmp, folder)
        sweep(parent)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


# Copies that earlier versions of seedkeeper made, in layouts nothing reads any more.
_LEGACY_FILES = (("py3langid-", "-model.npz"),)
_LEGACY_FOLDERS = (("py3langid-", "-model"),)


def sweep(parent: str) -> None:
    """Remove what earlier copies left: a build killed midway (an hour old) and the copies older
    versions of seedkeeper made (py3langid's model as a single file, then a folder without
    recorded shapes). Copies for other package versions stay: another environment may use them."""
    for entry in os.listdir(parent):
        path = os.path.join(parent, entry)
        try:
            if any(entry.startswith(a) and entry.endswith(b) for a, b in _LEGACY_FILES):
                os.unlink(path)
            elif any(entry.startswith(a) and entry.endswith(b) for a, b in _LEGACY_FOLDERS):
                shutil.rmtree(path)
            elif entry.startswith("tmp") and entry.endswith(".tmp"):
                if time.time() - os.path.getmtime(path) > _STALE_SECONDS:
                    shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
        except OSError:
            pass  # somebody else's clean-up, or not ours to remove
