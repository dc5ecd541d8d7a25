"""Atomic file writes and a folder lock.

A write goes to a temp file in the same folder, is fsynced, then renamed over the target, so a
reader (or a run killed at any moment) sees either the old bytes or the new ones, never a mix.
The lock is an flock on the folder itself, so it leaves no stray lock file behind.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from seedkeeper.errors import IndexLockError


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically (temp file in the same folder, fsync, rename)."""
    path = Path(path)
    folder = path.parent
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o644
    # A hidden temp name: if we are killed between create and rename, discovery ignores it, and
    # the next write cleans it up (see _clean_stale_temps).
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        # A folder this user cannot write (or a full disk): name the file that was to be
        # written ("permission denied: seeds/INDEX.md"), not our temp name nobody knows.
        exc.filename = str(path)
        raise
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno is not None and exc.filename in (None, tmp):
            exc.filename = str(path)  # "no space left on device: INDEX.md", not just the errno
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def clean_stale_temps(path: Path, older_than: float = 0.0) -> list[Path]:
    """Remove temp files a killed writer of `path` left behind; only our own `.NAME.*.tmp`."""
    removed = []
    path = Path(path)
    now = time.time()
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if now - tmp.stat().st_mtime >= older_than:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass
    return removed


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float = 300.0) -> Iterator[None]:
    """Hold an exclusive flock on `folder` (a directory fd) while the block runs."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if time.monotonic() > deadline:
                    raise IndexLockError(f"timed out waiting for the lock on {folder}") from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock
