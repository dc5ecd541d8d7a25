"""The managed table's columns, and which cells of a table row are a person's.

Shared by the reader (row_pins.lang_from_cells: the language a row pins, which `check` reads) and
the table renderer (pinned_notes.adopted_fields: what `index` carries into the Pinned and Notes cells),
so both read a row by one rule: `check` says before `index` what it says after.
"""

from __future__ import annotations

import functools
import re

COLUMNS = ("File", "Language", "Pinned", "Chars", "Words", "SHA-256", "Status", "Title", "Notes")
OUR_HEADERS = frozenset(c.lower() for c in COLUMNS)
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
_SHORT_HASH = re.compile(r"[0-9a-f]{12}").fullmatch  # what index writes in SHA-256 now


def recomputed(header: str, value: str) -> bool:
    """Whether a hand-written table's cell holds only what `index` computes again: its column is
    one the managed table computes (Status, Words, SHA-256...) and it says what index would
    write there (`ok`, `duplicate of x.txt (exact)`, a count, a hash). Dropping it loses
    nothing; any other text in such a column is a person's, and is kept."""
    pattern = _COMPUTED.get(header.strip().lower())
    return pattern is not None and pattern.fullmatch(value.strip()) is not None


@functools.cache
def _tool_tags() -> frozenset[str]:
    """Every tag the tagger gives (and "und", and an empty cell), as the Language column shows it.
    Loaded on first use: only a table shaped like ours outside the markers asks."""
    from seedkeeper.lang.classify import SCRIPT_LANG
    from seedkeeper.lang.shared_scripts import SHARED
    from seedkeeper.lang.tags import LANGDETECT_LANGS, PY3LANGID_LANGS, SCRIPT_LANGS

    return frozenset({"", "und", "yi", *LANGDETECT_LANGS, *PY3LANGID_LANGS, *SCRIPT_LANG.values()}).union(
        *SCRIPT_LANGS.values(), *SHARED.values()
    )


def shaped_like_ours(headers: set[str] | frozenset[str]) -> bool:
    """Whether a table with these (lower-case) headers is the managed table, or one shaped like
    it (ours that lost its markers, or a copy): its Language column is what the tool detected,
    and only its Pinned and Notes columns, and columns a person added, are a person's."""
    return {"file", "pinned", "notes"} <= headers


def added_in_ours(
    header: str,
    value: str,
    managed: bool,
    tool_title: str | None = None,
    repeated: bool = False,
    edited: frozenset[str] | None = None,
) -> bool:
    """In a table shaped like ours, whether the cell (`header` lower-case) is a person's besides
    Pinned and Notes, which `index` carries into Notes: a column a person added ("Owner", or a
    second column of a name the row has had already: `repeated`), a cell past the header (a
    `|` typed in Notes: no header), and a person's words in a column the table computes (a
    Status of "waiting on the author"), in its Language column or in its Title column.

    Outside the markers: in a computed or Language column anything the tool does not write
    there (tools_vocabulary), in the Title column anything but `tool_title` (the cell `index`
    writes for the row's document: IndexEntry.tool_title). Inside, where the tool's own values
    are often stale, the cells in `edited` (IndexEntry.edited: told by whoever read the
    documents, inside_cells.py); until then, none: a stale value is not told from a person's
    word without the documents, and the commands that carry or read them tell first."""
    if repeated or header not in OUR_HEADERS:
        # The tool writes each of its columns once: a second Notes, Pinned, File or Title column
        # is one a person added, whatever it holds.
        return True
    if managed:
        return edited is not None and header in edited
    if header == "title":
        # Only the very cell the tool writes is its own: a title of the person's, the tool's
        # with words added ("... — Sara's pick"), a `lang:`, anything beside an empty title.
        # Not known (None: the document was not read) is a person's: nothing dropped unseen.
        return value.strip() != tool_title
    return not tools_vocabulary(header, value)


def tools_vocabulary(header: str, value: str) -> bool:
    """Whether a cell of our table's column `header` (lower-case) says what some version of the
    tool writes there, its closed vocabulary: a language tag it gives in Language, a status in
    Status, a count in Chars and Words, a hash in SHA-256 (recomputed). Any other text
    is a person's. Title, Pinned, Notes and File have no such vocabulary: True."""
    if header == "language":
        # The tool writes a tag it can give there ("fa", "zh-Hant", "und"); anything else is a
        # person's ("English (checked by Sara)", "TBD", "mix"), carried into Notes as
        # `Language: ...`: an old tag kept is clutter, a word dropped is lost.
        return value.strip() in _tool_tags()
    if header not in COMPUTED_HEADERS:
        return True
    # What the tool writes now, answered without the patterns: every managed row asks.
    if (value.isdecimal() and header in ("chars", "words")) or (value == "ok" and header == "status"):
        return True
    return (header == "sha-256" and _SHORT_HASH(value) is not None) or recomputed(header, value)
