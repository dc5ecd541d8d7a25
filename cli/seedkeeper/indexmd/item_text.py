"""What a list item's first line says beside its reference, read from its source so a person's
own Markdown is kept: the item's text without its marker, the note after a link or a name, and
where a spaced name ends. The reader (reader.py) decides which item references what; these only
cut its line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seedkeeper.corpus.paths import normalize_target
from seedkeeper.indexmd.entries import COLONS, LINK_SRC, NOTE_SEPARATORS, REF_LINK_SRC
from seedkeeper.indexmd.link_titles import link_dest

if TYPE_CHECKING:  # pragma: no cover - markdown-it loads only when a file needs the parser
    from markdown_it.token import Token

# NOTE_SEPARATORS (entries.py): what may stand between a reference and its note, dropped from the
# note's start. A spaced name ends at a dash or a bar between spaces, or a colon (of any script:
# entries.COLONS) before a space.
_SPACED_NAME_END = re.compile(rf"\s+[—–]\s+|\s+-{{1,2}}\s+|[{COLONS}]\s+|\s+\|\s+")


def link_text(children: list[Token], open_at: int) -> str:
    """The text of the link that opens at `children[open_at]`, as rendered."""
    parts = []
    for c in children[open_at + 1 :]:
        if c.type == "link_close":
            break
        parts.append(c.content)
    return "".join(parts).strip()


def clean_note(text: str) -> str:
    """`text` without the separators and white space that start it (` — a note` -> `a note`)."""
    return text.strip().lstrip(NOTE_SEPARATORS).strip()


def item_body(source: str) -> str:
    """A list item's first line without its marker (and task box)."""
    return re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", source)


def note_after_link(source: str, href: str) -> str:
    """The note on list item line `source` after its link to `href`, as written: the line without
    its marker and the link's source text (a reference-style link's too)."""
    body = item_body(source)
    for m in LINK_SRC.finditer(body):
        dest = link_dest(m.group(2))
        if normalize_target(dest, from_link=True).rel == normalize_target(href, from_link=True).rel:
            return clean_note(body[: m.start()] + body[m.end() :])
    ref = REF_LINK_SRC.match(body)  # `[text][label]`, `[label][]`, `[label]`: the target is defined elsewhere
    return clean_note(body[ref.end() :]) if ref else ""


def split_note(text: str) -> tuple[str, str]:
    """ "my file.txt — a note" -> ("my file.txt", "a note"): a spaced name ends at a separator."""
    m = _SPACED_NAME_END.search(text)
    return (text[: m.start()], clean_note(text[m.end() :])) if m else (text, "")
