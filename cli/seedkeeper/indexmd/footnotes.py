"""GitHub's footnotes in INDEX.md: `- 000_x.txt[^1] from Sara` with `[^1]: Scanned in 2019.` below.

GitHub Flavored Markdown renders `[^1]` as a superscript link to the definition, which it shows at
the foot of the page, and leaves a `[^x]` that no definition names as the text it is. Read as
GitHub reads it (mdit-py-plugins' footnote plugin, which matches references only where a
definition exists, as GitHub does; no `^[inline]` footnotes, which GitHub lacks):

* a footnote reference right after a bare name, in a list item or a table cell, does not stop the
  name from being a reference: `- 000_x.txt[^1] from Sara` lists 000_x.txt, its note is
  `[^1] from Sara` (the reference travels with the note into Notes, where GitHub renders it the
  same), and `| 000_x.txt[^1] |` names the file as `| 000_x.txt |` does. A reference ends a
  spaced name as a separator does (`- my file.txt[^1] from Sara`);
* a footnote definition is prose: a note about the line that cites it, which GitHub moves to the
  page's foot, out of every section. A bare name in it lists nothing, in a list or a table inside
  it too; a link to a document in it is a reference, as a link anywhere is; and a `lang:` in it
  pins nothing (write the pin beside the name). `index` leaves every definition where it is,
  byte for byte.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - markdown-it loads only when a file needs the parser
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Footnote references (`[^1][^note]`) ending a text; a label has no white space.
_TRAILING_MARKS = re.compile(r"((?:\[\^[^\]\s]+\])+)$")


def with_footnotes(parser: MarkdownIt) -> MarkdownIt:
    """`parser` reading footnotes as GitHub does: definitions where they are written (not moved
    to the end of the tokens: line order is INDEX.md's order), references only to a definition,
    no inline footnotes."""
    from mdit_py_plugins.footnote import footnote_plugin

    return parser.use(footnote_plugin, inline=False, move_to_end=False)


def footnote_marks(text: str) -> tuple[str, str]:
    """`000_x.txt[^1]` -> ("000_x.txt", "[^1]"): a table cell's text (stripped of spaces and code
    backticks) without the footnote references that end it, and those references ("" when none).
    By shape alone: the reader already chose the cell for the name it holds."""
    text = text.strip()
    m = _TRAILING_MARKS.search(text)
    if m is None:
        return text.strip("` "), ""
    return text[: m.start()].strip("` "), m.group(1)


def _labels(children: list[Token]) -> list[str]:
    """The labels of the footnote references GitHub shows in an inline run, in order."""
    return [c.meta.get("label", "") for c in children if c.type == "footnote_ref"]


def cell_name(content: str, children: list[Token]) -> str:
    """A table cell's text with the footnote references that end it taken off (and its code
    backticks), when GitHub shows those as footnote references (`000_x.txt[^1]` -> `000_x.txt`);
    else the text as it is: `000_x.txt[^x]` with no `[^x]:` defined is what GitHub shows."""
    labels = _labels(children)
    name, marks = footnote_marks(content) if labels else (content, "")
    shown = marks and set(re.findall(r"\[\^([^\]]+)\]", marks)) <= set(labels)
    return name if shown else content


def marked_name(first_line: str, children: list[Token]) -> tuple[str, str] | None:
    """A list item's first line that a footnote reference cuts after a name: (the text before the
    first reference, the rest from it: `[^1] from Sara`), or None when GitHub shows no footnote
    reference there, or something other than text comes before it (a link, a code span, emphasis:
    the other rules read those)."""
    first = next((k for k, c in enumerate(children) if c.type == "footnote_ref"), None)
    if first is None or any(c.type != "text" for c in children[:first]):
        return None
    at = first_line.find(f"[^{children[first].meta.get('label', '')}]")
    head = first_line[:at].strip() if at > 0 else ""
    return (head, first_line[at:].strip()) if head else None
