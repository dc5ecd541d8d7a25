"""Moving a document without losing it: paths that stay inside the folder, regular files only,
content hashes, and moves that never overwrite (used by the quarantine and its restore)."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath

from seedkeeper.corpus.paths import BACKSLASH_SEPARATES
from seedkeeper.errors import NotARegularFileError, UnsafePathError, UsageError


def climbs(path: str) -> bool:
    """A `..` segment, between slashes or, where the platform separates with it, backslashes."""
    return any(part == ".." for part in re.split(r"[\\/]" if BACKSLASH_SEPARATES else "/", path))


def safe_rel(file: str) -> PurePosixPath:
    """Refuse paths that are absolute, climb with '..', or point into the quarantine itself."""
    p = PurePosixPath(file)
    # A backslash is an ordinary character in a POSIX name; a `..` between backslashes climbs out
    # only on Windows, and is refused there, as the index reader does (corpus.paths).
    if p.is_absolute() or not p.parts or any(part in ("", ".", "..") for part in p.parts) or climbs(file):
        raise UnsafePathError(f"{file!r} is not a plain path inside the seeds folder")
    if p.parts[0] == ".seedkeeper":
        raise UnsafePathError(f"{file!r} is inside seedkeeper's own folder")
    return p


def regular_file(seeds: Path, file: str) -> Path:
    path = seeds / safe_rel(file)
    # The resolved path must stay inside the folder even through symlinked parent folders.
    if not path.parent.resolve().is_relative_to(seeds.resolve()):
        raise UnsafePathError(f"{file!r} leaves the seeds folder")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise UsageError(f"{file} does not exist") from None
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFileError(f"{file} is not a regular file")
    return path


def movable(path: Path) -> bool:
    """Whether `dedup --apply` can move the document at `path` out: a regular file, not a symlink
    (moving a link would move a name, not the bytes)."""
    return not os.path.islink(path) and os.path.isfile(path)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def move_no_overwrite(src: Path, dst: Path) -> None:
    """Move src to dst; raises FileExistsError rather than replace anything at dst."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)  # atomic, and fails with EEXIST if dst exists
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # Filesystems without hard links: check, then rename (a small race, documented).
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "exists", str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


def inside(seeds: Path, path: Path, what: str) -> None:
    """The folder `path` will be created or written in must resolve inside the seeds folder."""
    parent = path.parent
    while not parent.exists() and parent != seeds:
        parent = parent.parent  # the part that exists decides where a mkdir would land
    if not parent.resolve().is_relative_to(seeds.resolve()):
        raise UsageError(f"{what} {path.relative_to(seeds)} leads outside the seeds folder; not moving it")


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
