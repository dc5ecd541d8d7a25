"""Which section of INDEX.md (the text under a heading) each document is listed in, so that a
rewrite can be checked to keep them: `index` adopts a hand-written list into a table in the
same section, and must neither move a document to another section nor change which lines are
headings (an adopted item's `<pre>`, left open at the top level, would hold the next heading)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from seedkeeper.corpus.paths import nfc
from seedkeeper.indexmd.layout import block_parser
from seedkeeper.indexmd.markers import thinned_text
from seedkeeper.indexmd.reader import parse_index


def headings(text: str) -> list[tuple[int, str]]:
    """(line, its text) of every heading a CommonMark renderer reads in `text` (lines split on
    "\n" only: no lone CR), in order: at any depth (in a list item or a quote too), none inside
    code or raw HTML."""
    lines = text.split("\n")
    source = thinned_text(lines)  # our tables' rows hold no heading; a large one costs seconds to parse
    return [
        (tok.map[0], lines[tok.map[0]].strip())
        for tok in block_parser().parse(source)
        if tok.type == "heading_open" and tok.map is not None
    ]


def _listed_in(text: str, heads: list[tuple[int, str]], names: tuple[tuple[str, ...], str]) -> dict[str, list]:
    """file (NFC) -> [(section, managed)] of every list item and table row that lists it."""
    starts = [line for line, _ in heads]
    out: dict[str, list] = {}
    for e in parse_index(text, *names).entries:
        if e.rel is not None and e.kind != "link":
            out.setdefault(nfc(e.rel), []).append((bisect.bisect_right(starts, e.line - 1), e.managed))
    return out


def keeps_sections(
    candidate: str, current: str, names: tuple[tuple[str, ...], str], mentions: frozenset[str] = frozenset()
) -> bool:
    """Whether `candidate`, a rewrite of `current` that may adopt what `current` lists by hand,
    reads the same headings and lists each document that `current` lists only by hand (no
    managed row) in the section of its first listing: in a table there, or still by hand. (A
    document a managed table holds stays in that table, wherever it is.) True when nothing is
    listed by hand. `names` are the include globs and the name pattern; `mentions` are files
    whose later-cell listings are read as mentions (row_refs.as_mentions): nothing to keep."""
    # A lone CR is a line break to markdown-it; the reader's line numbers count it so too.
    current, candidate = (re.sub(r"\r(?!\n)", "\n", t) for t in (current, candidate))
    now, wanted = _by_hand(current, (tuple(names[0]), names[1]))
    if mentions:
        skip = {nfc(f) for f in mentions}
        wanted = {f: section for f, section in wanted.items() if f not in skip}
    if not wanted:
        return True  # nothing listed by hand: nothing adopted to check
    new = headings(candidate)
    if now != [h for _, h in new]:
        return False
    after = _listed_in(candidate, new, names)
    return all(any(s == section for s, _ in after.get(file, ())) for file, section in wanted.items())


@lru_cache(maxsize=2)
def _by_hand(current: str, names: tuple[tuple[str, ...], str]) -> tuple[list[str], dict[str, int]]:
    """The headings of `current`, and each document it lists only by hand -> the section of its
    first listing. Cached: index checks each candidate rewrite of one text against it."""
    now = headings(current)
    wanted = {
        file: listings[0][0]
        for file, listings in _listed_in(current, now, names).items()
        if not any(managed for _, managed in listings)
    }
    return [h for _, h in now], wanted
