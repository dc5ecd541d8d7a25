"""Ready-to-load copies of the models our libraries ship, kept in the user's cache folder.

The libraries ship their models in forms that are slow to open: py3langid's is LZMA-compressed,
langdetect's is one JSON file per language that has to be merged into a table, ftfy builds its
mojibake expression from character tables when it is imported. A process that checks one changed
document would spend most of its time opening them. So each is converted once (per package
version) into plain files that later processes read or memory-map, and forked workers share.

A copy is a folder built beside its final place and renamed into it, with a `complete` marker
written last: a folder without the marker was interrupted and is built again. A copy's name holds
a digest of everything its builder reads besides the package (our own tables and ranges), so a
seedkeeper whose tables changed never reads another's copy. Nothing here is ever required: when
the cache folder cannot be written or a copy cannot be read, callers use the packaged data.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Written last into a model folder: a folder without it is a copy that was interrupted.
COMPLETE = "complete"
# A temporary build (or a copy moved aside) older than this was abandoned: swept.
_STALE_SECONDS = 3600


def store_root() -> str:
    """`$XDG_CACHE_HOME/seedkeeper`, else `~/.cache/seedkeeper`. Raises OSError when neither is an
    absolute path (HOME unset, a relative XDG_CACHE_HOME, which the XDG spec says to ignore): a
    copy is never written relative to the working folder, which may be the seeds folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            raise OSError("no absolute cache folder: HOME is not set")
        base = os.path.join(home, ".cache")
    return os.path.join(base, "seedkeeper")


def copy_name(prefix: str, *inputs: object) -> str:
    """`prefix-<digest>`: the digest covers `inputs` (the versions, tables and layout a builder
    depends on), so a change to any of them names another copy instead of reusing a stale one."""
    return f"{prefix}-{hashlib.sha256(repr(inputs).encode()).hexdigest()[:12]}"


def load(name: str, build: Callable[[str], None], read: Callable[[str], T | None], fallback: Callable[[], T]) -> T:
    """`read(folder)` of the copy `name` (made by `build` on first use), or `fallback()` when the
    copy cannot be made or read. A copy whose files no longer match what was written (sizes, and
    the checksums of the files under 1 MB), or that `read` finds damaged (returns None or raises),
    is moved aside and built once more; whatever still fails, the packaged data is used: a
    damaged or foreign copy never fails a run."""
    for attempt in range(2):
        try:
            folder = model_folder(name, build)
            found = read(folder) if _intact(folder) else None
        except Exception:  # noqa: BLE001  (any failure of an optional copy means: rebuild, else the package)
            found = None
        if found is not None:
            return found
        if attempt == 0 and not _set_aside(name):
            break
    return fallback()


def model_folder(name: str, build: Callable[[str], None]) -> str:
    """The folder `name` under the store, made by `build(folder)` the first time it is asked for.

    `build` writes its files into an empty folder; they are flushed to disk, the marker (a record
    of the files) is added and the folder is renamed into place, so a reader never sees half a
    copy. Raises OSError (or whatever `build` raises) when it cannot be made.
    """
    folder = os.path.join(store_root(), name)
    if not os.path.isfile(os.path.join(folder, COMPLETE)):
        _make(folder, build)
    return folder


def _set_aside(name: str) -> bool:
    """Move a damaged copy out of the way and remove it (what cannot be removed now, a file
    another process still maps on Windows, goes with a later sweep); False when there is none or
    it cannot be moved."""
    try:
        folder = os.path.join(store_root(), name)
        if not os.path.isdir(folder):
            return False
        aside = _aside(folder)
        os.replace(folder, aside)
    except OSError:
        return False
    _verified.discard(folder)
    shutil.rmtree(aside, ignore_errors=True)
    return True


def _aside(folder: str) -> str:
    """A fresh name beside `folder` for a copy moved out of the way (digits only after `.old`, so
    the sweep recognises it)."""
    return f"{folder}.old{os.getpid()}{time.time_ns()}"


# Files up to this size are checksummed in the marker (reading them back costs well under a
# millisecond); larger ones (the memory-mapped tables) by their size only, like any cache file.
_CHECKSUMMED = 1 << 20


def _manifest(folder: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for entry in sorted(os.listdir(folder)):
        if entry == COMPLETE:
            continue
        path = os.path.join(folder, entry)
        size = os.path.getsize(path)
        digest = None
        if size <= _CHECKSUMMED:
            with open(path, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
        out[entry] = [size, digest]
    return out


# Copies found intact in this process: a copy holding several tables (langdetect's groups) is
# checked once, not once per table read from it.
_verified: set[str] = set()


def _intact(folder: str) -> bool:
    """The copy's files are those its marker records."""
    if folder not in _verified:
        with open(os.path.join(folder, COMPLETE), encoding="utf-8") as fh:
            if _manifest(folder) != json.load(fh):
                return False
        _verified.add(folder)
    return True


def _make(folder: str, build: Callable[[str], None]) -> None:
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=parent, suffix=".tmp")
    try:
        # mkdtemp makes the folder private (0700); a copy is no secret, and another user sharing
        # the cache folder must see its marker rather than build (and move aside) their own.
        os.chmod(tmp, 0o755)
        build(tmp)
        for entry in os.listdir(tmp):
            # Opened for writing: Windows cannot flush a handle opened read-only.
            with open(os.path.join(tmp, entry), "r+b") as fh:
                os.fsync(fh.fileno())
        with open(os.path.join(tmp, COMPLETE), "w", encoding="utf-8") as fh:
            json.dump(_manifest(tmp), fh)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.isfile(os.path.join(folder, COMPLETE)):
            return  # another process finished first: its copy is used, ours is dropped below
        if os.path.isdir(folder):
            # An interrupted copy (no marker): moved aside before it goes, so that nothing
            # deletes a folder another process has just renamed into place.
            aside = _aside(folder)
            os.replace(folder, aside)
            shutil.rmtree(aside, ignore_errors=True)
        os.replace(tmp, folder)
        sweep(parent)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


# Copies that earlier versions of seedkeeper made, in layouts nothing reads any more.
_LEGACY_FILES = (("py3langid-", "-model.npz"),)
# (py3langid's unpacked model without recorded shapes, then without its byte order in the name.)
_LEGACY_FOLDERS = (("py3langid-", "-model"), ("py3langid-", "-model-2"))
# Abandoned work: a build killed midway, a copy moved aside whose removal failed.
_ABANDONED = re.compile(r"tmp.*\.tmp|.*\.old\d+")


def sweep(parent: str) -> None:
    """Remove what earlier copies left: abandoned builds and moved-aside copies (an hour old) and
    the copies older versions of seedkeeper made (py3langid's model as a single file, then in
    two older folder layouts). Copies for other package versions stay: another environment
    may use them."""
    for entry in os.listdir(parent):
        path = os.path.join(parent, entry)
        try:
            if any(entry.startswith(a) and entry.endswith(b) for a, b in _LEGACY_FILES):
                os.unlink(path)
            elif any(entry.startswith(a) and entry.endswith(b) for a, b in _LEGACY_FOLDERS):
                shutil.rmtree(path)
            elif _ABANDONED.fullmatch(entry):
                if time.time() - os.path.getmtime(path) > _STALE_SECONDS:
                    shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
        except OSError:
            pass  # somebody else's clean-up, or not ours to remove
