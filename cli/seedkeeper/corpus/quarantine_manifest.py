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
            entries.append(QuarantineEntry(**json.loads(line)))
        except (ValueError, TypeError) as exc:
            raise UsageError(f"{MANIFEST} line {n} is malformed: {exc}") from None
    return entries


def write_manifest(seeds: Path, entries: list[QuarantineEntry]) -> None:
    path = seeds / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(asdict(e), ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    write_atomic(path, "".join(lines).encode("utf-8"))
