"""`index`: write the managed table in INDEX.md (or say how it would change)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.survey import Survey, survey
from seedkeeper.settings import Settings

from .index_rows import adopted_files, current_text, render_for, rows_for, write_rows


@dataclass
class IndexOutcome:
    """What `index` did or would do."""

    changed: bool  # INDEX.md differs (and, unless check/diff, was rewritten)
    written: bool
    diff: str
    text: str
    adopted: list[str] = field(default_factory=list)  # hand-written entries moved into managed tables
    # Documents left out: a list item starts with the (spaced) name without marking its end.
    unmarked: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Managed rows a person typed in outside Pinned and Notes: file -> those columns, whose words
    # were kept in Notes (indexmd/inside_cells.py).
    kept: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Lines a person typed between the markers that the new text holds above a begin marker
    # (index rewrites everything between them: indexmd/rescued.py), in the order they stood.
    moved_out: list[str] = field(default_factory=list)


def index(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    write: bool = True,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> IndexOutcome:
    """(Re)write the managed table in INDEX.md; with write=False only compute the change.

    The write happens under a folder lock, against the INDEX.md bytes read under that lock: if
    a person or another run changed it since we surveyed, the table is rendered again on the
    fresh text, so no edit is lost."""
    from seedkeeper.indexmd.files import unified_diff
    from seedkeeper.indexmd.rescued import moved_out

    settings = settings or Settings()

    def run() -> object:
        return survey(seeds, settings, features=Features(dedup=True, lang=True), jobs=jobs, cache=cache)

    s = survey(seeds, settings, features=Features(dedup=True, lang=True), jobs=jobs, cache=cache, progress=progress)
    old = current_text(s)
    rows = rows_for(s)
    new = render_for(s, old, rows=rows)
    diff = unified_diff(old, new, INDEX_NAME)
    adopted = adopted_files(s) if new != old else []
    kept = _kept_in_notes(s, rows) if new != old else {}
    moved = moved_out(old, new) if old is not None and new != old else []
    if not write or new == old:
        return IndexOutcome(
            changed=new != old,
            written=False,
            diff=diff,
            text=new,
            adopted=adopted,
            unmarked=s.corpus.unmarked,
            kept=kept,
            moved_out=moved,
        )

    written, text = write_rows(s, old, resurvey=run)
    if text != new:  # INDEX.md changed under us and was rendered again: show what was written
        diff = unified_diff(old, text, INDEX_NAME)
        moved = moved_out(old, text) if old is not None else []
    return IndexOutcome(
        changed=True,
        written=written,
        diff=diff,
        text=text,
        adopted=adopted,
        unmarked=s.corpus.unmarked,
        kept=kept,
        moved_out=moved,
    )


def _kept_in_notes(s: Survey, rows: list) -> dict[str, tuple[str, ...]]:
    """file -> the columns of its managed row whose words a person typed and `index` keeps in
    Notes (indexmd/inside_cells.py), told as the writer tells them: `index` says so."""
    from seedkeeper.indexmd.inside_cells import edited_rows, with_edits
    from seedkeeper.indexmd.table import CellGuard

    if s.corpus.index is None:
        return {}
    guard = CellGuard(tuple(s.settings.include), s.settings.name_pattern)
    return edited_rows(with_edits(s.corpus.index, {r.file: r for r in rows}, guard, s.corpus.named))
