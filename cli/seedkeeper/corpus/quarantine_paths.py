"""Where the quarantine keeps its copies, and which of its paths can be trusted.

A duplicate moves to `.seedkeeper/quarantine/<its relative path>` inside the seeds folder; if that
name is taken (an earlier copy, on disk or recorded), a suffix is added: `a.txt` -> `a~1.txt`.
Moves and restores go through this folder only when it is a real folder of the seeds folder, and
a manifest entry's quarantine path is trusted only when it stays inside it (the manifest lives in
the corpus, so a pull request could point it anywhere). Used by quarantine.py.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path, PurePosixPath

from seedkeeper.corpus.quarantine_manifest import MANIFEST, QuarantineEntry, read_manifest
from seedkeeper.corpus.safe_moves import climbs
from seedkeeper.errors import UsageError

QUARANTINE_DIR = ".seedkeeper/quarantine"


def own_folder(seeds: Path) -> None:
    """`.seedkeeper/` and its quarantine must be real folders inside the seeds folder: if either is
    a symlink, moves and the manifest would land wherever it points."""
    for rel in (".seedkeeper", QUARANTINE_DIR):
        path = seeds / rel
        if os.path.islink(path) or (os.path.lexists(path) and not path.is_dir()):
            raise UsageError(f"{rel} in the seeds folder is a symlink or not a folder; not moving anything through it")


def in_quarantine(seeds: Path, rel: str) -> bool:
    """Whether `dedup --apply` left a copy of INDEX.md's `rel` in the quarantine: its own path
    there, spelled as typed, composed or decomposed (INDEX.md is typed composed; the copy keeps
    the spelling the folder gave the document, decomposed on macOS), or, failing that, the path
    the manifest records for it (`a~1.txt`: an earlier copy held the name when it moved)."""
    folder = seeds / QUARANTINE_DIR
    spellings = dict.fromkeys((rel, unicodedata.normalize("NFC", rel), unicodedata.normalize("NFD", rel)))
    if any(os.path.lexists(folder / spelling) for spelling in spellings):
        return True
    return any(
        q.startswith(QUARANTINE_DIR + "/") and ".." not in q.split("/") and os.path.lexists(seeds / q)
        for q in _unrestored(seeds).get(unicodedata.normalize("NFC", rel), ())
    )


# The last manifest read, by (seeds folder, the manifest's stat): `check` asks for every listed
# file that is missing, and reading the manifest for each made 3,000 missing files beside 3,000
# recorded moves take 37 s.
_unrestored_memo: dict[tuple, dict[str, list[str]]] = {}


def _unrestored(seeds: Path) -> dict[str, list[str]]:
    """The quarantine paths of the manifest's unrestored moves, by the file's composed name."""
    try:
        st = os.stat(seeds / MANIFEST)
    except OSError:
        return {}
    key = (str(seeds), st.st_ino, st.st_size, st.st_mtime_ns)
    if key not in _unrestored_memo:
        try:
            entries = read_manifest(seeds)
        except (UsageError, OSError):
            entries = []  # a hint, not a verdict: an unreadable manifest is `restore`'s to report
        by_file: dict[str, list[str]] = {}
        for e in entries:
            if not e.restored:
                by_file.setdefault(unicodedata.normalize("NFC", e.file), []).append(e.quarantined)
        _unrestored_memo.clear()
        _unrestored_memo[key] = by_file
    return _unrestored_memo[key]


def quarantined_path(seeds: Path, entry: QuarantineEntry) -> Path:
    """Where the manifest says the copy is, trusted only inside `.seedkeeper/quarantine/`: the
    manifest lives in the corpus, so a pull request could point it anywhere."""
    q = PurePosixPath(entry.quarantined)
    if (
        q.is_absolute()
        or ".." in q.parts
        or climbs(entry.quarantined)
        or q.parts[:2] != tuple(QUARANTINE_DIR.split("/"))
    ):
        raise UsageError(
            f"manifest entry for {entry.file} points outside the quarantine: {entry.quarantined!r}; not restoring"
        )
    src = seeds / q
    base = (seeds / QUARANTINE_DIR).resolve()
    if not src.resolve().is_relative_to(base) or os.path.islink(src):
        raise UsageError(f"manifest entry for {entry.file} resolves outside the quarantine; not restoring")
    return src


def free_target(seeds: Path, file: str, taken: set[str]) -> str:
    """The quarantine path `file` moves to: its own path under the quarantine, or that path with
    the first free suffix (`a~1.txt`) when a copy already has the name, on disk or in `taken`
    (the quarantine paths of the moves recorded and not restored)."""
    rel = PurePosixPath(file)
    n = 0
    while os.path.lexists(seeds / _quarantine_target(rel, n)) or str(_quarantine_target(rel, n)) in taken:
        n += 1  # an earlier quarantined copy has that name: keep both
    return str(_quarantine_target(rel, n))


def _quarantine_target(rel: PurePosixPath, n: int) -> PurePosixPath:
    name = rel.name if n == 0 else f"{rel.stem}~{n}{rel.suffix}"
    return PurePosixPath(QUARANTINE_DIR) / rel.parent / name
