"""The managed table as a survey describes it: one row per document, and the INDEX.md text that
`seedkeeper index` would write. Shared by `index` and by check's `index-outdated` finding.

The rows are in INDEX.md order, then documents found on disk but not yet listed, sorted. A
listed document that is no longer on disk gets no row: the index describes the folder.
"""

from __future__ import annotations

import os

from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.survey import Survey
from seedkeeper.errors import UsageError

# Content codes that make a document's row say it is broken.
_ERROR_CODES = ("binary", "not-utf8", "empty", "too-large")


def rows_for(s: Survey) -> list:
    """One `indexmd.table.IndexRow` per document, in the corpus' order (listed first, then newly found)."""
    from seedkeeper.indexmd.table import IndexRow

    dup = {d.file: d for c in (s.dedup.clusters if s.dedup else []) for d in c.duplicates}
    rows = []
    for a in s.analyses:
        d = dup.get(a.rel)
        errors = sorted({p.code for p in a.problems if p.code in _ERROR_CODES})
        if d is not None and d.kind == "near":
            status = f"near duplicate of {d.of} ({d.similarity:.2f})"
        elif d is not None and d.kind == "contained":
            status = f"contained in {d.of} ({d.similarity:.2f})"
        elif d is not None:
            status = f"duplicate of {d.of} ({d.kind})"  # ends in ")" so no cell reads as a file name
        elif errors:
            status = "error: " + ", ".join(errors)
        else:
            status = "ok"
        lang = a.lang["lang"] if a.lang else ""
        rows.append(
            IndexRow(
                file=a.rel, lang=lang, chars=a.chars, words=a.words, sha=a.sha256[:12], status=status, title=a.title
            )
        )
    return rows


def render_for(s: Survey, current: str | None, *, reuse_parse: bool = True) -> str:
    """The INDEX.md text `seedkeeper index` would write for this survey, given INDEX.md's `current` text.

    The corpus' parse of INDEX.md is reused when `current` is the text it was parsed from."""
    from seedkeeper.indexmd.writer import render_index

    parsed = s.corpus.index if reuse_parse else None
    return render_index(
        current, rows_for(s), include=s.settings.include, name_pattern=s.settings.name_pattern, parsed=parsed
    )


def current_text(s: Survey) -> str | None:
    """INDEX.md as text, or None when it is missing; unreadable INDEX.md is a usage error for
    commands that would rewrite it (we never overwrite what we cannot read)."""
    if s.corpus.index is not None and s.corpus.index_raw is not None:
        return s.corpus.index_raw.decode("utf-8")  # the raw text: a BOM is kept, as a person wrote it
    if not os.path.lexists(s.root / INDEX_NAME):
        return None
    why = next((p.message for p in s.corpus.problems if p.code == "index-unreadable"), f"{INDEX_NAME} cannot be read")
    raise UsageError(f"{why}; fix it first (see `seedkeeper validate`)")


def write_rows(s: Survey, old: str | None = None) -> tuple[bool, str]:
    """Write the managed table for survey `s` into INDEX.md, atomically and under the folder
    lock, against the INDEX.md bytes read under that lock: if a person or another run changed it
    since the survey, the table is rendered again on the fresh text, so no edit is lost.
    `old` is the text the survey saw (its parse is reused when unchanged). Returns (written,
    the text INDEX.md now holds)."""
    from seedkeeper.indexmd.files import update_index

    def transform(fresh: str | None) -> str:
        return render_for(s, fresh, reuse_parse=fresh == old)

    return update_index(s.root, transform)
