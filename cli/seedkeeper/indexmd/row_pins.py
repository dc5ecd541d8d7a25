"""The language a table row in INDEX.md pins, read from its cells: one rule for `check` (the
reader's IndexEntry.lang) and `index` (the Pinned cell it writes when it carries the row), so
what `check` reads before `index` is what it reads after.

In the managed table and a table shaped like it (columns.shaped_like_ours), the Pinned cell,
else the first `lang:` among the cells `index` carries into Notes; in a hand-written table, a
Pinned column, then a Language column, then a `lang:` in Notes, then in any other cell. The
note rules themselves (what a `lang:` is, what a Pinned cell holds) are entries.py's.
"""

from __future__ import annotations

from functools import lru_cache

from seedkeeper.indexmd.columns import COMPUTED_HEADERS, OUR_HEADERS, added_in_ours, shaped_like_ours
from seedkeeper.indexmd.entries import is_pin_tag, is_pinned_cell, pinned_lang, reference_words


def lang_from_cells(
    cells: tuple[tuple[str, str], ...],
    managed: bool,
    tool_title: str | None = None,
    rel: str | None = None,
    written: str = "",
    edited: frozenset[str] | None = None,
) -> str | None:
    """The language a person pinned in a table row's cells (`managed`: between the markers), or
    None: what `index` writes into the row's Pinned cell when it carries the row
    (pinned_notes.adopted_fields), so `check` reads before `index` the pin it reads after. `tool_title`
    is the Title cell `index` writes for the row's document (IndexEntry.tool_title); `rel` and
    `written` its reference (the words beside it in a File cell are a person's); `edited` the
    managed row's computed cells a person edited (IndexEntry.edited)."""
    lows, ours = _header_roles(tuple(h for h, _ in cells))
    if ours is not None:
        # Our table, between the markers or one that lost them: its Language column is what the
        # tool detected, not a pin. The Pinned cell, else the first `lang:` of the cells `index`
        # carries into Notes: Notes, then a column a person added ("Owner"), a cell past the
        # header, a person's words in a computed, Language or Title column (columns.added_in_ours),
        # in column order.
        pinned_at, notes_at, file_at, others, again = ours
        pinned = cells[pinned_at][1].strip()
        if pinned and is_pinned_cell(pinned):
            return pinned
        carried = [cells[notes_at][1]]
        for k in others:
            value = cells[k][1]
            if "lang" not in value.lower():
                continue  # pins nothing, whoever wrote it (nearly every cell: no rule run per row)
            if k == file_at:
                # The words beside the name in its File cell ("[Persian news](x.txt)") are a
                # person's, carried as the table carries them (inside the markers, once told).
                if rel is not None and (not managed or (edited is not None and "file" in edited)):
                    carried.append(reference_words(value, rel, written or rel))
            elif added_in_ours(lows[k], value, managed, tool_title, k in again, edited):
                carried.append(value)
        return next((found for v in carried if "lang" in v.lower() and (found := pinned_lang(v))), None)
    # A hand-written table, wherever it is (a table typed between the markers is carried as one):
    # a Pinned column holding a tag, else a Language/Lang column (a person's, in such a table);
    # else a `lang:` in a Notes cell, as in a list item's note; else in any other cell (a
    # Comments column, beside the file name: where `restore` puts a person's language back when
    # there is no Notes or Language column). The Pinned column wins over the others, as in ours.
    row = list(zip(lows, (v for _, v in cells)))
    for wanted in (("pinned",), ("lang", "language")):
        for h, value in row:
            if h in wanted and (is_pinned_cell(value.strip()) if h == "pinned" else is_pin_tag(value.strip())):
                return value.strip()
            if h in wanted and (found := pinned_lang(value)) is not None:
                return found  # `lang: ja` typed in the Language column: the column's pin, as a Notes one
    in_notes = elsewhere = None
    for h, value in row:
        if not value or "lang" not in value.lower():
            continue
        if h in ("notes", "note"):
            in_notes = in_notes or pinned_lang(value)
        elif elsewhere is None:
            elsewhere = pinned_lang(value)
    return in_notes or elsewhere


@lru_cache(maxsize=256)
def _header_roles(
    headers: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[int, int, int, tuple[int, ...], frozenset[int]] | None]:
    """A table's headers in lower case, and for a table shaped like ours where its Pinned,
    Notes and File cells are (the first of each, as `index` reads them), which other cells may
    be a person's (columns.added_in_ours, and the File cell's words beside the name), and which
    of those repeat a column named before them (a second Notes, Pinned or Title column: a
    person's): worked out once per table, not once per row (a managed table of 100,000 rows is
    read on every run)."""
    lows = tuple(h.strip().lower() for h in headers)
    if not shaped_like_ours(set(lows)):
        return lows, None
    again = frozenset(k for k, h in enumerate(lows) if h and h in lows[:k])
    # Every cell added_in_ours may carry: a column a person added, a computed one, the File,
    # Language and Title ones, a repeated one.
    others = tuple(
        k
        for k, h in enumerate(lows)
        if h not in OUR_HEADERS or h in COMPUTED_HEADERS or h in ("file", "language", "title") or k in again
    )
    return lows, (lows.index("pinned"), lows.index("notes"), lows.index("file"), others, again)
