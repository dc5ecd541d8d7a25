"""A hand-written table's cells as `seedkeeper index` carries them into its managed table.

A person's table may have columns the managed table computes again (Status, Words, SHA-256...):
a cell there that says only what `index` would write is derived data and is written again; any
other text in it is a person's words. Those words, and every other cell the managed table has no
column for, go to the row's Notes as `Header: text` (a `lang:` among them may move to Pinned).
Nothing a person wrote may be lost: columns.recomputed matches only the tool's own text.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.columns import COMPUTED_HEADERS, LANG_HEADERS, OUR_HEADERS
from seedkeeper.indexmd.entries import pinned_lang, without_pinned_lang


def carried_note(pinned: str, parts: list[tuple[str, str, str]], *, if_same: bool, if_empty: bool) -> tuple[str, str]:
    """(pinned, the Notes cell) of a table row whose carried cells are `parts` ((separator,
    label, text), joined in order as `Label: text`). The first `lang:` they hold moves out of its
    cell when it is what Pinned says (`if_same`), or into an empty Pinned (`if_empty`); else it
    stays, a person's own words. A cell left with nothing goes with its label: a Status cell
    that only said `lang: fa` leaves no bare `Status:` in Notes."""
    for k, (sep, label, text) in enumerate(parts):
        found = pinned_lang(text)
        if found is None:
            continue
        if if_empty and not pinned.strip():
            pinned = found
        elif not (if_same and found == pinned):
            break
        parts = [*parts[:k], (sep, label, pin_taken_out(text)), *parts[k + 1 :]]
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
    would be noise), and "" when that label is all it holds (what is left of "Status: lang: fa"
    once the pin moved)."""
    if not label or not text:
        return text
    own = re.match(rf"{re.escape(label)}\s*:", text, re.I)
    if own is None:
        shown = f"{label}: {text}"
        # `Header — text` when the colon would make a pin the cell did not: a Language cell of
        # "fa, mostly" is no pin, the note "Language: fa, mostly" would be one.
        if "lang" in label.lower() and pinned_lang(shown) != pinned_lang(text):
            return f"{label} — {text}"
        return shown
    return text if text[own.end() :].strip() else ""


def moved_to_pinned(pinned: str, note: str) -> tuple[str, str]:
    """(pinned, the note's cell) with the note's `lang: xx` taken out when it is what Pinned now
    says (moved, as from a Notes cell); a different one stays, the person's own words."""
    if pinned and pinned_lang(note) == pinned:
        note = pin_taken_out(note)
    return pinned, note


# A `Label:` part of a note with nothing after it before the next `;` or the end, the label one
# of the managed table's or a pin column's headers: what an earlier version wrote when it carried
# a hand cell ("Language: lang: ja"). Any other words before a colon are a person's ("BBC archive,
# original: lang: fa", "checked by: lang: fr") and stay, however bare once the pin moved.
_BARE_LABEL = re.compile(r"(?:^|;)\s*([A-Za-z][\w -]{0,30}?)\s*:\s*(?=;|$)")
_LABELS = frozenset(OUR_HEADERS | LANG_HEADERS | COMPUTED_HEADERS)


def _bare_labels(text: str) -> list[re.Match[str]]:
    return [m for m in _BARE_LABEL.finditer(text) if m.group(1).lower() in _LABELS]


def pin_taken_out(note: str) -> str:
    """`note` without its `lang: xx` (without_pinned_lang), and without a `Label:` that pin was
    all of: "Language: lang: ja; Source: x" (a hand cell carried into Notes by an earlier
    version) leaves "Source: x", not "Language: ; Source: x". A bare label the person wrote
    themselves ("Owner: ;") is not the pin's, and stays."""
    out = without_pinned_lang(note)
    theirs = {m.group().strip(" ;") for m in _bare_labels(note)}
    left = [m for m in _bare_labels(out) if m.group().strip(" ;") not in theirs]
    for m in reversed(left):
        out = out[: m.start()] + out[m.end() :]
    # The first part's label went with the `;` before the next part: drop that seam, nothing else.
    return out.strip().lstrip(";").strip() if left else out
