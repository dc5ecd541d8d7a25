"""A link's title (`[text](x.txt "scan from Sara, 2019")`: the tooltip GitHub shows over the link)
as a person's words about the document it links.

`index` carries what a person wrote beside a document's name into the row's Notes (the link's
text, the item's note, a hand table's other cells); the title is carried with them, in brackets,
`(scan from Sara, 2019)`: brackets are one of the three ways CommonMark writes a title, they tell
it from the note that follows, and a title that only said `lang: fr` leaves no `""` behind once
the pin moves to Pinned (a `(lang: fr)` goes with its brackets, entries.without_pinned_lang). What
is between the delimiters is kept as typed (escapes and entities too). A reference-style link's
title is in its definition (`[r]: x.txt "title"`), which stays where it is, byte for byte: the
title carried is the one GitHub shows (markdown-it's, escapes resolved), as the link's text is.
"""

from __future__ import annotations

import re

from seedkeeper.corpus.paths import normalize_target

# An inline link's destination as CommonMark reads it: `<...>`, or a run without spaces whose
# parentheses are backslash-escaped or balanced (`news/a(1).txt`, two levels deep here). A `)`
# ends the run only when it closes no `(` of its own: `[x](a(1).txt)` targets `a(1).txt`.
_PLAIN = r"(?:[^\s()\\]|\\.)"
LINK_DEST = r"(<[^>\n]*>|(?:" + _PLAIN + r"|\((?:" + _PLAIN + r"|\(" + _PLAIN + r"*\))*\))*)"
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")

# An inline link's source, as entries.LINK_SRC reads it (the same spans), with the title's three
# forms captured: "...", '...' and (...).
_TITLED_LINK = re.compile(
    r"!?\[((?:[^\[\]\\]|\\.)*)\]\(\s*" + LINK_DEST + r"(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)


def link_dest(raw: str) -> str:
    """The target a LINK_DEST match names, as markdown-it reads it: without its `<>` and with its
    backslash escapes resolved (`a\\(1\\).txt` is `a(1).txt`); percent-decoding is left to
    paths.normalize_target."""
    bare = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    return _ESCAPED.sub(r"\1", bare)


# A reference-style link (`[text][label]`, `[label][]`, `[label]`) not followed by `(`: the start
# of a list item's text whose link is defined elsewhere.
_REF_LINK_START = re.compile(r"!?\[(?:[^\[\]\\]|\\.)*\](?:\[(?:[^\[\]\\]|\\.)*\])?(?!\()")


def in_brackets(title: str) -> str:
    """`title` (a link's title, without its delimiters) as Notes carries it: `(title)`, or "" for
    a title of white space only."""
    title = re.sub(r"\s*\n\s*", " ", title).strip()  # a definition's title may span lines; a cell cannot
    return f"({title})" if title else ""


def link_words(link_source: str, text: str, just_the_name: bool) -> str:
    """What an inline link to a document (`link_source`, its text `text`) says in a table cell's
    words (entries.reference_words): its text, then its title in brackets (`doc (a title)`); the
    title alone when the text is `just_the_name` of the file (`[x.txt](x.txt "a title")`)."""
    m = _TITLED_LINK.fullmatch(link_source.strip())
    title = in_brackets(m.group(3)[1:-1]) if m and m.group(3) else ""
    if not title:
        return text.strip()
    return title if just_the_name else f"{text.strip()} {title}"


def item_link_title(body: str, href: str, shown: str | None) -> str:
    """The title, as Notes carries it, of the link that starts a list item's text `body` (the
    item's first line without its marker) and targets `href`; `shown` is the title markdown-it
    read (None or "" when the link has none).

    An inline link's title is taken as typed in `body`. A reference-style link's is `shown` (its
    definition is elsewhere and stays there). A link whose source does not close on the item's
    first line carries nothing here: its words are in the note and the lines that continue it."""
    if not shown:
        return ""
    rel = normalize_target(href, from_link=True).rel
    for m in _TITLED_LINK.finditer(body):
        if normalize_target(link_dest(m.group(2)), from_link=True).rel == rel:
            return in_brackets(m.group(3)[1:-1]) if m.group(3) else ""
    return in_brackets(shown) if _REF_LINK_START.match(body) else ""
