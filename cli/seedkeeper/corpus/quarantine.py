"""Move duplicates out of the corpus restorably, and put them back.

Nothing is ever deleted. A duplicate moves to `.seedkeeper/quarantine/<its relative path>` inside
the seeds folder (hidden, so discovery ignores it; same filesystem, so the move is a rename).
Every move is recorded in `.seedkeeper/quarantine.jsonl`, one JSON object per line: original
path, quarantined path, why (kind, similarity, of), SHA-256 of the bytes, UTC time, and when it
was restored. The manifest and INDEX.md are rewritten whole with `write_atomic`.

A move never overwrites: it hard-links the file at its new name (which fails if that name
exists) and only then unlinks the old name, so a crash in between leaves two names for the same
bytes, never none. If the quarantine name is taken, a suffix is added: `a.txt` -> `a~1.txt`
(quarantine_paths: where a copy goes, and which quarantine paths are trusted).

The manifest is also the journal: every move is recorded (state "moving") before anything moves,
then the files move, INDEX.md is rewritten, and the moves are marked "done". A run killed (or a disk that fills up) at
any point leaves a state `finish_interrupted` completes: the next `dedup --apply` (or restore)
finishes half-done moves, forgets moves that never happened, and drops the files those moves
moved from INDEX.md (never a listing a person wrote back after a move was done).

These functions do not take the folder lock themselves (flock is per open file, so nesting it
would deadlock the caller): hold `atomic.folder_lock(seeds)` around them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from seedkeeper.corpus.atomic import write_atomic
from seedkeeper.corpus.quarantine_manifest import Moved, QuarantineEntry, read_manifest, write_manifest
from seedkeeper.corpus.quarantine_paths import (  # noqa: F401 - QUARANTINE_DIR re-exported
    QUARANTINE_DIR,
    free_target,
    own_folder,
    quarantined_path,
)
from seedkeeper.corpus.safe_moves import (
    inside,
    move_no_overwrite,
    regular_file,
    safe_rel,
    same_file,
    sha256_file,
)
from seedkeeper.errors import IndexWriteError, SeedkeeperError, UsageError
from seedkeeper.similarity.results import DedupResult

INDEX = "INDEX.md"


@dataclass(frozen=True)
class NotPutBack:
    """The notes and pin saved at the move that `restore` did not write into INDEX.md, and why:
    "already-listed" (a person wrote the document's line back; `line` is it, left as written) or
    "no-index" (there is no INDEX.md). They stay in the manifest."""

    notes: str
    pinned: str
    line: int | None
    why: str


@dataclass(frozen=True)
class AlreadyRestored:
    """A document an earlier `restore` put back (at `restored_at`, UTC): nothing to do."""

    file: str
    quarantined: str
    restored_at: str


@dataclass(frozen=True)
class Restored:
    """A document put back; `intact` is False if its bytes changed while in quarantine."""

    file: str
    quarantined: str
    sha256: str
    intact: bool
    not_put_back: NotPutBack | None = None
    index_refreshed: bool = False  # its managed row filled in as `index` would (operations/restoring.py)
    index_left: bool = False  # its managed row left for `index`, which has more to change there


def _utc(now: datetime | None) -> str:
    now = now or datetime.now(UTC)
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_index(seeds: Path) -> str | None:
    # The same guarded reader `index` uses: a symlink, FIFO or folder named INDEX.md is refused
    # (never read, never replaced), so nothing outside the folder is copied in.
    from seedkeeper.indexmd.files import read_index_bytes

    raw = read_index_bytes(seeds)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IndexWriteError(f"{INDEX} is not UTF-8; not rewriting it") from None


def apply_moves(
    seeds: Path,
    result: DedupResult,
    remove_from_index: Callable[[str, list[str]], str],
    now: datetime | None = None,
    carried: dict[str, tuple[str, str]] | None = None,
    rows: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, str], tuple[str, str]]] | None = None,
) -> list[Moved]:
    """Move every duplicate in `result` (never a kept document) into the quarantine.

    Everything is checked before anything moves: each duplicate must be a regular file inside
    the folder, and `remove_from_index(index_text, files)` is computed first. Then each file
    moves and the manifest is rewritten after each move, and finally INDEX.md is rewritten
    without them (skipped if the folder has no INDEX.md). Returns the moves, sorted by file.
    `carried` (file -> pinned, notes) and `rows` (file -> a hand table row's cells, what its
    other listings said, the files listed either side of it) are what a person wrote about it,
    and where, recorded for `restore`.
    """
    seeds = Path(seeds)
    dups = sorted((d for c in result.clusters for d in c.duplicates), key=lambda d: d.file)
    if not dups:
        return []
    kept = {c.keep for c in result.clusters}
    paths = {}
    for d in dups:
        if d.file in kept:
            raise UsageError(f"{d.file} is both kept and a duplicate")
        paths[d.file] = regular_file(seeds, d.file)
    own_folder(seeds)
    index_text = _read_index(seeds)
    new_index = remove_from_index(index_text, [d.file for d in dups]) if index_text is not None else None

    entries = read_manifest(seeds)
    intents: list[Moved] = []
    for d in dups:
        taken = {e.quarantined for e in entries + intents if not e.restored}
        target = free_target(seeds, d.file, taken)
        pinned, notes = (carried or {}).get(d.file, ("", ""))
        cells, elsewhere, between = (rows or {}).get(d.file, ((), ("", ""), ("", "")))
        digest = sha256_file(paths[d.file])
        intents.append(
            QuarantineEntry(
                d.file, target, d.kind, d.similarity, d.of, digest, _utc(now), None, pinned, notes, "moving"
            )
        )
        if cells or any(between):
            intents[-1] = replace(intents[-1], cells=tuple(cells), elsewhere=elsewhere, between=tuple(between))
    # 1. the intent: if this write fails (a full disk), nothing has moved
    write_manifest(seeds, entries + intents)
    moved: list[Moved] = []
    try:
        for entry in intents:  # 2. the moves
            move_no_overwrite(paths[entry.file], seeds / entry.quarantined)
            moved.append(replace(entry, state="done"))
        # 3. INDEX.md without them (killed before this, the next run drops them)
        if new_index is not None:
            write_atomic(seeds / INDEX, new_index.encode("utf-8"))
    except OSError:
        _roll_back(seeds, entries, moved)  # a full disk: all or nothing
        raise
    # 4. marked done (killed or out of space before this, the records say "moving" with their files
    # in the quarantine: the next run settles them, and restore works from them meanwhile)
    write_manifest(seeds, entries + moved)
    return moved


def _roll_back(seeds: Path, entries: list[QuarantineEntry], moved: list[Moved]) -> None:
    """Put back the files a failed `apply_moves` had moved (a rename needs no free space) and
    forget its intents. Best effort: what cannot be undone stays recorded as "moving", which the
    next run settles."""
    for m in reversed(moved):
        with contextlib.suppress(OSError):
            move_no_overwrite(seeds / m.quarantined, seeds / m.file)
    with contextlib.suppress(OSError):
        write_manifest(seeds, entries)


def finish_interrupted(seeds: Path, remove_from_index: Callable[[str, list[str]], str]) -> list[str]:
    """Complete what a killed or failed `dedup --apply` or restore left half-done, from the journal:
    a move recorded but not made is forgotten; one made (or half-made: two names for the same
    bytes) is completed, marked done and dropped from INDEX.md; a restore that moved the file back
    is marked restored. A listing of a file whose move was already done is left alone. Returns
    the files it settled. Hold the folder lock around it."""
    seeds = Path(seeds)
    entries = read_manifest(seeds)
    out, settled, changed = [], [], False
    completed: set[str] = set()  # moves a killed run made: their listings must still go
    for e in entries:
        if e.restored:
            out.append(e)
            continue
        orig, q = seeds / e.file, seeds / e.quarantined
        has_orig, has_q = os.path.lexists(orig), os.path.lexists(q)
        if e.state == "moving":
            changed = True
            if has_q and has_orig and same_file(orig, q):
                os.unlink(orig)  # killed between link and unlink
            elif has_orig and not has_q:
                settled.append(e.file)
                continue  # never moved: forget the intent
            settled.append(e.file)
            completed.add(e.file)
            out.append(replace(e, state="done"))
        elif has_orig and not has_q:
            changed = True  # a restore moved it back but was killed before recording it
            settled.append(e.file)
            out.append(replace(e, restored_at=_utc(None)))
        else:
            out.append(e)
    if changed:
        write_manifest(seeds, out)
    # Only the moves the killed run made: INDEX.md is rewritten before a move is marked done, so a
    # done move's listings were dropped then, and a listing of it now is one a person wrote back
    # (a note on a quarantined file, a line before `restore`): it is theirs, and `check` reports it.
    gone = [e.file for e in out if e.file in completed and not os.path.lexists(seeds / e.file)]
    index_text = None
    if gone:
        with contextlib.suppress(UsageError):  # an unreadable INDEX.md is reported by the survey, not here
            index_text = _read_index(seeds)
    if index_text is not None:
        new_index = remove_from_index(index_text, gone)
        if new_index != index_text:
            write_atomic(seeds / INDEX, new_index.encode("utf-8"))
            settled += [f for f in gone if f not in settled]
    return settled


def _append_entry(index_text: str, file: str) -> str:
    """Default re-listing: a list item for `file` where a renderer shows it (after the last list,
    or at the end but before a comment or fence left open there, which would hide it)."""
    from seedkeeper.indexmd.entry_edits import add_entries

    return add_entries(index_text, [file])


def restore(
    seeds: Path,
    file: str,
    add_to_index: Callable[[str, str], str] | None = None,
    now: datetime | None = None,
) -> Restored:
    """Put a quarantined document back where it was and list it in INDEX.md again.

    `file` is its original path (or its quarantine path). The latest unrestored move of it is
    undone. Refuses (UsageError) if nothing by that name is quarantined or if something exists
    at the original path: restoring never overwrites.
    """
    seeds = Path(seeds)
    entries = read_manifest(seeds)
    match = [i for i, e in enumerate(entries) if not e.restored and file in (e.file, e.quarantined)]
    if not match:
        raise UsageError(f"{file} is not in the quarantine")
    i = match[-1]
    entry = entries[i]
    own_folder(seeds)
    dst = seeds / safe_rel(entry.file)
    inside(seeds, dst, "the restore target")
    src = quarantined_path(seeds, entry)
    if os.path.lexists(dst):
        raise UsageError(f"{entry.file} exists; not overwriting it (move it away first)")
    if not src.is_file():
        raise SeedkeeperError(f"the quarantined copy {entry.quarantined} is missing")
    index_text = _read_index(seeds)
    new_index = None
    if index_text is not None:
        new_index = (add_to_index or _append_entry)(index_text, entry.file)
    digest = sha256_file(src)
    try:
        move_no_overwrite(src, dst)
    except FileExistsError:
        raise UsageError(f"{entry.file} exists; not overwriting it (move it away first)") from None
    done = [*entries[:i], replace(entry, restored_at=_utc(now)), *entries[i + 1 :]]
    try:
        write_manifest(seeds, done)
        if new_index is not None:
            write_atomic(seeds / INDEX, new_index.encode("utf-8"))
    except OSError:
        # Not recorded (a full disk, a manifest or INDEX.md this user cannot write): the document
        # goes back to the quarantine and the record stays as it was, so nothing is half-restored.
        with contextlib.suppress(OSError):
            move_no_overwrite(dst, src)
            write_manifest(seeds, entries)
        raise
    return Restored(entry.file, entry.quarantined, digest, digest == entry.sha256)


def list_quarantined(seeds: Path, include_restored: bool = False) -> list[QuarantineEntry]:
    """Moves recorded in the manifest, in the order they happened; restored ones only if asked."""
    return [e for e in read_manifest(Path(seeds)) if include_restored or not e.restored]
