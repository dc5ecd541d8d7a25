"""Opening a document safely: confined to the seeds folder, regular files only, size-capped.

The path is resolved (following symlinks) and must stay inside the folder before anything is
opened. Folders, FIFOs, devices and sockets are recognised by stat and never opened. A file over
the size limit is never read whole.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from seedkeeper.errors import NotARegularFileError, UnsafePathError


@dataclass(frozen=True)
class FileInfo:
    """What stat says about a document that passed the safety checks."""

    where: str  # the resolved path, inside the folder (a str: a Path per document costs more than its stat)
    size: int
    mtime_ns: int
    inode: int
    ctime_ns: int = 0  # changes on any write, even one that puts the old mtime back

    @property
    def path(self) -> Path:
        """The resolved path, inside the folder."""
        return Path(self.where)


@lru_cache(maxsize=16)
def _realpath(root: str) -> str:
    # The seeds folder's own real path, once per run rather than once per document.
    return os.path.realpath(root)


def resolve_inside(root: Path, rel: str) -> Path:
    """Resolve `rel` under `root`; raise UnsafePathError if it ends up outside (symlinks too)."""
    return Path(_confine(root, rel)[0])


def _confine(root: Path, rel: str) -> tuple[str, os.stat_result | None]:
    """resolve_inside as a str, plus the file's stat when the fast path already has it (its last
    lstat, of a component that is not a symlink, is what stat would say), else None."""
    folder = os.fspath(root)
    # Cached by absolute path: a relative "seeds" names another folder after a chdir.
    base = _realpath(folder if os.path.isabs(folder) else os.path.abspath(folder))
    if rel and "/" not in rel and rel != "..":
        # A name in the folder itself (most documents): os.path.join(base, rel), spelled out.
        path = base + rel if base.endswith("/") else f"{base}/{rel}"
        try:
            st = os.lstat(path)
            if not stat.S_ISLNK(st.st_mode):
                return path, st
        except OSError:
            pass  # missing, or a symlink: realpath and the caller's stat decide
    parts = rel.split("/")
    if ".." not in parts and not rel.startswith("/"):
        # Fast path (most documents): when no component is a symlink, the path is inside by
        # construction; one lstat per component is far cheaper than realpath's walk.
        try:
            for i in range(len(parts)):
                st = os.lstat(os.path.join(base, *parts[: i + 1]))
                if stat.S_ISLNK(st.st_mode):
                    break
            else:
                return os.path.join(base, *parts), st
        except OSError:
            pass  # missing: let realpath and the caller's stat decide
    root_real = Path(base)
    real = Path(os.path.realpath(root_real / rel))
    if real != root_real and root_real not in real.parents:
        raise UnsafePathError(f"{rel} resolves outside the seeds folder")
    return os.fspath(real), None


def inspect(root: Path, rel: str) -> FileInfo:
    """Stat a document after confining it. Raises UnsafePathError, NotARegularFileError,
    FileNotFoundError."""
    real, st = _confine(root, rel)
    if st is None:
        st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        kind = _kind(st.st_mode)
        raise NotARegularFileError(f"{rel} is a {kind}, not a regular file")
    return FileInfo(real, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def read_bytes(info: FileInfo, limit: int) -> bytes:
    """Read at most `limit` bytes. O_NONBLOCK so that a file swapped for a FIFO cannot hang us;
    O_NOFOLLOW so that a symlink swapped in after the check is refused; fstat re-checks the type."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(info.where, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFileError(f"{os.path.basename(info.where)} is a {_kind(st.st_mode)}, not a regular file")
        chunks, remaining = [], limit
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read_text(info: FileInfo, limit: int) -> str:
    """A document's text for comparing it with others: UTF-8 with bad bytes replaced (their own
    finding says so), no BOM. Reads at most `limit` bytes, like read_bytes."""
    return read_bytes(info, limit).decode("utf-8", errors="replace").lstrip("\ufeff")
