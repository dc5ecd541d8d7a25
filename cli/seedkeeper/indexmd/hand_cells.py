"""A hand-written table's cells as `seedkeeper index` carries them into its managed table.

A person's table may have columns the managed table computes again (Status, Words, SHA-256...):
a cell there that says only what `index` would write is derived data and is written again; any
other text in it is a person's words. Those words, and every other cell the managed table has no
column for, go to the row's Notes as `Header: text` (a `lang:` among them may move to Pinned).
Nothing a person wrote may be lost: columns.recomputed matches only the tool's own text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from seedkeeper.indexmd.entries import COLONS, pinned_lang, without_pinned_lang


def carried_note(
    pinned: str,
    parts: list[tuple[str, str, str]],
    *,
    if_same: bool,
    if_empty: bool,
    reference: tuple[int, Callable[[str], bool]] | None = None,
) -> tuple[str, str]:
    """(pinned, the Notes cell) of a table row whose carried cells are `parts` ((separator,
    label, text), joined in order as `Label: text`). The first `lang:` they hold moves out of its
    cell when it is what Pinned says (`if_same`), or into an empty Pinned (`if_empty`); else it
    stays, a person's own words. A cell left with nothing goes with its label: a Status cell
    that only said `lang: fa` leaves no bare `Status:` in Notes (that label is ours: the
    header's). A label typed in the cell ("Status: lang: fa") is a person's, and stays.
    `reference`: the part that holds the words of the File cell and what tells the document's
    name: left with the name alone once its pin moved (`x.txt (lang: fa)`), it goes, since the
    name is the File cell's own."""
    for k, (sep, label, text) in enumerate(parts):
        found = pinned_lang(text)
        if found is None:
            continue
        if if_empty and not pinned.strip():
            pinned = found
        elif not (if_same and found == pinned):
            break
        left = without_pinned_lang(text)
        if reference is not None and reference[0] == k and reference[1](left):
            left = ""
        parts = [*parts[:k], (sep, label, left), *parts[k + 1 :]]
        break
    note = ""
    for sep, label, text in parts:
        shown = _labelled(label, text)
        if shown:
            note = f"{note}{sep}{shown}" if note else shown
    return pinned, note


def _labelled(label: str, text: str) -> str:
    """`Label: text` for Notes (`Label — text` where the colon would pin); the text as written
    when it starts with its own label already ("Status: pending review" under Status; twice
    would be noise), even when that label is all that is left once the pin moved ("Status:"
    of "Status: lang: fa": a person typed it, and every word a person wrote stays)."""
    if not label or not text:
        return text
    if re.match(rf"{re.escape(label)}\s*[{COLONS}]", text, re.I):
        return text
    shown = f"{label}: {text}"
    # `Header — text` when the colon would make a pin the cell did not: a Language cell of
    # "fa, mostly" is no pin, the note "Language: fa, mostly" would be one.
    if "lang" in label.lower() and pinned_lang(shown) != pinned_lang(text):
        return f"{label} — {text}"
    return shown


def unpinned(text: str) -> str:
    """`text` with every `lang:` that would pin taken out (entries.without_pinned_lang, the first
    one each time): a copy of a row's words for a document the row's pin is not said of."""
    for _ in range(text.lower().count("lang")):
        if pinned_lang(text) is None:
            break
        text = without_pinned_lang(text)
    return text


def moved_to_pinned(pinned: str, note: str) -> tuple[str, str]:
    """(pinned, the note's cell) with the note's `lang: xx` taken out when it is what Pinned now
    says (moved, as from a Notes cell); a different one stays, the person's own words. Only the
    pin moves: a label typed before it ("Status: lang: fa") stays in the note, since nothing
    tells a person's "Status:" from one an earlier version carried there."""
    if pinned and pinned_lang(note) == pinned:
        note = without_pinned_lang(note)
    return pinned, note
