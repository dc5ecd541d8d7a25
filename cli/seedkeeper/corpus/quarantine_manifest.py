"""The quarantine's manifest (`.seedkeeper/quarantine.jsonl`): one JSON object per move.

It is also the journal: a move is recorded (state "moving") before anything moves, and marked
"done" after, so an interrupted run can be finished (quarantine.finish_interrupted).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from seedkeeper.corpus.atomic import write_atomic
from seedkeeper.errors import UsageError

MANIFEST = ".seedkeeper/quarantine.jsonl"


@dataclass(frozen=True)
class QuarantineEntry:
    """One move into the quarantine, as recorded in the manifest. Paths are relative, `/`."""

    file: str  # where it was (and is restored to)
    quarantined: str  # where it is now
    kind: str
    similarity: float
    of: str  # the document it duplicates
    sha256: str
    moved_at: str  # UTC, ISO 8601
    restored_at: str | None = None
    pinned: str = ""  # what a person wrote about it in INDEX.md, put back on restore
    notes: str = ""
    state: str = "done"  # "moving": the intent is recorded, the move may not have happened yet
    # A hand-written table row that listed it: its cells by column, (header, text as the table
    # parser reads it; header "" past the header), so `restore` puts each back in its own column;
    # and what the file's other listings said, (pinned, notes). `pinned` and `notes` above say it
    # all in one note, for a list item or the managed table. Left out of the JSON when empty.
    cells: tuple[tuple[str, str], ...] = ()
    elsewhere: tuple[str, str] = ("", "")
    # The documents listed just above and below it, in the same list or table ("" at an edge),
    # so `restore` puts it back where it was (indexmd.neighbours). Left out of the JSON when
    # both are "": a manifest written before they were kept reads as having none.
    between: tuple[str, str] = ("", "")

    @property
    def restored(self) -> bool:
        return self.restored_at is not None


Moved = QuarantineEntry


def read_manifest(seeds: Path) -> list[QuarantineEntry]:
    path = seeds / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(_entry(json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise UsageError(f"{MANIFEST} line {n} is malformed: {exc}") from None
    return entries


def _entry(data: dict) -> QuarantineEntry:
    """One manifest line's object as an entry; its lists (JSON has no tuples) as tuples of strings."""
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    cells = tuple((str(h), str(v)) for h, v in data.pop("cells", ()))
    pinned, notes = data.pop("elsewhere", ("", ""))
    before, after = data.pop("between", ("", ""))
    entry = QuarantineEntry(**data, cells=cells, elsewhere=(str(pinned), str(notes)), between=(str(before), str(after)))
    # JSON of the wrong types (a hand edit: "file": 5) is malformed too, not an internal error
    # where a path is joined or compared.
    for name in _TEXT_FIELDS:
        if type(getattr(entry, name)) is not str:
            raise TypeError(f"{name} is not a string")
    if entry.restored_at is not None and type(entry.restored_at) is not str:
        raise TypeError("restored_at is not a string")
    if type(entry.similarity) not in (int, float):
        raise TypeError("similarity is not a number")
    return entry


_TEXT_FIELDS = ("file", "quarantined", "kind", "of", "sha256", "moved_at", "pinned", "notes", "state")


def _record(e: QuarantineEntry) -> dict:
    """An entry as its manifest line's object: without `cells` and `elsewhere` when empty, so a
    manifest with no hand-table row in it reads as it did before they were kept; without
    `between` when it names no neighbour (a document listed alone, or nowhere)."""
    out = asdict(e)
    if not e.cells:
        del out["cells"], out["elsewhere"]
    if not any(e.between):
        del out["between"]
    return out


def write_manifest(seeds: Path, entries: list[QuarantineEntry]) -> None:
    path = seeds / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(_record(e), ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    write_atomic(path, "".join(lines).encode("utf-8"))
