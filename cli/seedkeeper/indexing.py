"""`index`: the managed table's rows from a survey, and writing INDEX.md (or checking it).

The rows are in INDEX.md order, then documents found on disk but not yet listed, sorted. A
listed document that is no longer on disk gets no row: the index describes the folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .analysis import Features
from .discovery import INDEX_NAME
from .errors import UsageError
from .pipeline import CacheSpec, Progress
from .problems import Problem, make
from .settings import Settings
from .survey import Survey, survey

# Content codes that make a document's row say it is broken.
_ERROR_CODES = ("binary", "not-utf8", "empty", "too-large")


def rows_for(s: Survey) -> list:
    """One row per document (index_writer.IndexRow), in the corpus' order (listed first, then
    newly found)."""
    from .index_writer import IndexRow

    dup = {d.file: d for c in (s.dedup.clusters if s.dedup else []) for d in c.duplicates}
    rows = []
    for a in s.analyses:
        d = dup.get(a.rel)
        errors = sorted({p.code for p in a.problems if p.code in _ERROR_CODES})
        if d is not None and d.kind == "near":
            status = f"near duplicate of {d.of} ({d.similarity:.2f})"
        elif d is not None:
            status = f"duplicate of {d.of} ({d.kind})"  # ends in ")" so no cell reads as a file name
        elif errors:
            status = "error: " + ", ".join(errors)
        else:
            status = "ok"
        lang = a.lang["lang"] if a.lang else ""
        rows.append(IndexRow(file=a.rel, lang=lang, chars=a.chars, words=a.words, sha=a.sha256[:12], status=status, title=a.title))
    return rows


def render_for(s: Survey, current: str | None) -> str:
    """The INDEX.md text `seedkeeper index` would write for this survey."""
    from .index_writer import render_index

    return render_index(current, rows_for(s), include=s.settings.include, name_pattern=s.settings.name_pattern)


def current_text(s: Survey) -> str | None:
    """INDEX.md as text, or None when it is missing; unreadable INDEX.md is a usage error for
    commands that would rewrite it (we never overwrite what we cannot read)."""
    if s.corpus.index is not None and s.corpus.index_raw is not None:
        return s.corpus.index_raw.decode("utf-8")  # the raw text: a BOM is kept, as a person wrote it
    if not os.path.lexists(s.root / INDEX_NAME):
        return None
    why = next((p.message for p in s.corpus.problems if p.code == "index-unreadable"), f"{INDEX_NAME} cannot be read")
    raise UsageError(f"{why}; fix it first (see `seedkeeper validate`)")


def index_outdated_problem(s: Survey) -> Problem | None:
    """index-outdated when INDEX.md differs from what `seedkeeper index` would write."""
    if s.corpus.index is None:
        return None  # index-missing / index-unreadable already say so
    old = current_text(s)
    if render_for(s, old) != old:
        return make("index-outdated", INDEX_NAME, "INDEX.md is not what `seedkeeper index` would write; run `seedkeeper index`", None)
    return None


@dataclass
class IndexOutcome:
    """What `index` did or would do."""

    changed: bool  # INDEX.md differs (and, unless check/diff, was rewritten)
    written: bool
    diff: str
    text: str


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
    from .index_io import unified_diff, update_index

    settings = settings or Settings()
    s = survey(seeds, settings, features=Features(dedup=True, lang=True), jobs=jobs, cache=cache, progress=progress)
    old = current_text(s)
    new = render_for(s, old)
    diff = unified_diff(old, new, INDEX_NAME)
    if not write or new == old:
        return IndexOutcome(changed=new != old, written=False, diff=diff, text=new)

    def transform(fresh: str | None) -> str:
        return render_for(s, fresh)

    changed, text = update_index(s.root, transform)
    return IndexOutcome(changed=True, written=changed, diff=diff, text=text)


