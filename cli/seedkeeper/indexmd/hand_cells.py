"""A hand-written table's cells as `seedkeeper index` carries them into its managed table.

A person's table may have columns the managed table computes again (Status, Words, SHA-256...):
a cell there that says only what `index` would write is derived data and is written again; any
other text in it is a person's words. Those words, and every other cell the managed table has no
column for, go to the row's Notes as `Header: text` (a `lang:` among them may move to Pinned).
Nothing a person wrote may be lost, so the recognisers below match only the tool's own text.
"""

from __future__ import annotations

import re

from seedkeeper.indexmd.entries import pinned_lang, without_pinned_lang

# What a hand table's column is, by its header: where a pinned language or a note is.
LANG_HEADERS = {"pinned", "lang", "language"}
NOTE_HEADERS = {"note", "notes", "comment", "comments", "description"}

# Hand-table columns `index` computes again, each with what such a cell says when it holds only
# derived data (what this tool writes there, or a count or hash a person copied): such a cell is
# written again, not carried into Notes. Any other text in these columns ("waiting on the
# author's permission" under Status) is a person's words, carried into Notes as `Header: text`.
_COUNT = re.compile(r"\d[\d,.'\s\u00a0\u202f]*(?:[kmgt]i?b|b|bytes?|chars?|characters|words?)?", re.I)
_HASH = re.compile(r"`?(?:sha-?256:)?[0-9a-f]{6,64}(?:…|\.\.\.)?`?", re.I)
# Exactly what operations/index_rows.row_values writes (older versions: "duplicate of X" alone),
# X being one file name: no space, an extension with a letter in it. A sentence that merely
# starts and ends like it ("duplicate of the BBC text, see notes.txt", "... before v2.1") is a
# person's. (A document whose name has a space gets its status kept in Notes: noisy, not lossy.)
_FILE = r"\S+\.\w*[^\W\d_]\w*"
_STATUS = re.compile(
    r"ok"
    rf"|duplicate of {_FILE}(?: \((?:exact|normalized)\))?"
    rf"|(?:near duplicate of|contained in) {_FILE} \(\d\.\d\d\)"  # similarity, as `:.2f` writes it
    r"|error: (?:binary|not-utf8|empty|too-large)(?:, (?:binary|not-utf8|empty|too-large))*",
    re.I,
)
_COMPUTED = {
    **dict.fromkeys(("chars", "characters", "words", "size"), _COUNT),
    **dict.fromkeys(("sha", "sha-256", "sha256", "hash"), _HASH),
    "status": _STATUS,
}
COMPUTED_HEADERS = frozenset(_COMPUTED)


def recomputed(header: str, value: str) -> bool:
    """Whether a hand-written table's cell holds only what `index` computes again: its column is
    one the managed table computes (Status, Words, SHA-256...) and it says what index would
    write there (`ok`, `duplicate of x.txt (exact)`, a count, a hash). Dropping it loses
    nothing; any other text in such a column is a person's, and is kept."""
    pattern = _COMPUTED.get(header.strip().lower())
    return pattern is not None and pattern.fullmatch(value.strip()) is not None


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
    """`Label: text` for Notes; the text as written when it starts with its own label already
    ("Status: pending review" under Status; twice would be noise), and "" when that label is all
    it holds (what is left of "Status: lang: fa" once the pin moved)."""
    if not label or not text:
        return text
    own = re.match(rf"{re.escape(label)}\s*:", text, re.I)
    if own is None:
        return f"{label}: {text}"
    return text if text[own.end() :].strip() else ""


def moved_to_pinned(pinned: str, note: str) -> tuple[str, str]:
    """(pinned, the note's cell) with the note's `lang: xx` taken out when it is what Pinned now
    says (moved, as from a Notes cell); a different one stays, the person's own words."""
    if pinned and pinned_lang(note) == pinned:
        note = pin_taken_out(note)
    return pinned, note


# A `Label:` part of a note with nothing after it before the next `;` or the end.
_BARE_LABEL = re.compile(r"(?:^|;)\s*[^\s:;|][^:;|]{0,60}:\s*(?=;|$)")


def pin_taken_out(note: str) -> str:
    """`note` without its `lang: xx` (without_pinned_lang), and without a `Label:` that pin was
    all of: "Language: lang: ja; Source: x" (a hand cell carried into Notes by an earlier
    version) leaves "Source: x", not "Language: ; Source: x". A bare label the person wrote
    themselves ("Owner: ;") is not the pin's, and stays."""
    out = without_pinned_lang(note)
    theirs = {m.group().strip(" ;") for m in _BARE_LABEL.finditer(note)}
    left = [m for m in _BARE_LABEL.finditer(out) if m.group().strip(" ;") not in theirs]
    for m in reversed(left):
        out = out[: m.start()] + out[m.end() :]
    # The first part's label went with the `;` before the next part: drop that seam, nothing else.
    return out.strip().lstrip(";").strip() if left else out
