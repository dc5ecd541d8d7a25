"""INDEX.md's references kept in the cache, by its text: a large unchanged INDEX.md is not parsed again.

Reading INDEX.md is a pure function of its text and the settings that name documents (include
globs, name pattern), and of the parser. At 100,000 documents reading it line by line costs
seconds in every run, decoding the kept references a fraction of that. Small files are parsed as
before (their parse is cheaper than a trip to the cache).
"""

from __future__ import annotations

import hashlib
import json

from seedkeeper.corpus.cache_json import loads_lenient
from seedkeeper.corpus.paths import BACKSLASH_SEPARATES
from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.reader import parse_index

# Below this many characters INDEX.md is simply parsed.
MIN_CHARS = 50_000
# Bump when the reader may give other references for the same text.
# 3: a backslash is a separator only where the platform says so (corpus.paths.BACKSLASH_SEPARATES).
# 4: a bare "language: xx" pins only where the tag ends the phrase (entries._LANG_IN_NOTE).
# 5: markers inside a raw HTML block (`<pre>`, `<script>`, ...) are text, not a managed block.
# 6: a list item's pinned language is read in its link's text and continuation lines too.
# 7: ... its note read with its continuation lines, as one sentence. 8: a closer on a marker or
# fence line leaves that line in its raw HTML block. 9: entries carry a list item's continuation.
# 10: ... and the memo keeps it (9 left it out: a warm run lost an `ignore:` written there).
# 11: a pinned language is a tag of registered subtags (entries.is_pin_tag): "no-nonsense" pins nothing.
# 12: a fence line markdown-it reads as HTML or indented code (`<div>` then `~~~`) hides no marker.
# 13: a table row pins what `index` writes into Pinned (row_pins.lang_from_cells): a `lang:` in a column a
# person added to ours pins, the Language column of a table shaped like ours never does, Pinned wins.
# 14: `lang: ja` in a Language or Pinned column pins.
# 15: a Pinned cell pins any text shaped like a tag ("fr-UK"), registered or not (entries.is_pinned_cell).
# 16: outside the markers, words in a table shaped like ours' Language column are a person's (columns.added_in_ours).
# 18 (17 was a reverted rule): ... and a `lang:` typed there pins for check too (row_pins._header_roles).
# 19: ... and in its Title columns, all of them: the parse reads each Title cell as a person's until
# the documents' titles tell (IndexEntry.tool_title, indexmd/title_cells.py); a second column of
# a name (Notes, Pinned, Title), in the managed table too, is a person's; so are the words beside
# the name in its File cell (entries.reference_words).
# 20: a list item's note starts with its link's title, `(a title)` (indexmd/link_titles.py).
# 21: GitHub's footnotes: `000_x.txt[^1]` names 000_x.txt, a footnote definition is prose (indexmd/footnotes.py).
# 22: a link target with balanced or escaped parentheses (`news/a(1).txt`) is read whole in notes
# and link words (indexmd/link_titles.LINK_DEST), as markdown-it reads it.
# 23: include globs compare names composed (NFC, paths.matches_include): a non-ASCII glob
# names an entry written decomposed too.
# 24: a hand table row lists every document named alone in a cell of its own, not only the first
# (indexmd/row_refs.py).
# 25: a later cell naming a document another listing lists is a mention (row_refs.settle_later_cells);
# the memo keeps which listings are later cells' (IndexEntry.later); a row's pin is its first
# reference's alone (indexmd/table_rows.py); a quoted row's cells past its header are read
# after its `> ` (row_cells.row_body).
# 26: a note's marks in Persian/Arabic and CJK punctuation count as their ASCII counterparts
# (`lang：fa` pins, `- 000_x.txt، note` names 000_x.txt; entries.COLONS, COMMAS...).
# 27: a reference is a document's by its path, as discovery matches the include globs (no hidden
# part, not INDEX.md; paths.is_document_path); the name pattern no longer makes one.
# 28: a glob with '/' is anchored at the seeds folder and its `*` stays within one folder name
# (`legal/*.txt` names neither `a/legal/x.txt` nor `legal/d/x.txt`); a `**` part is zero or more
# folders (`**/*.txt` names a.txt: paths.path_glob).
# 29: a GitHub task list item (`- [ ] 000_x.txt`) lists the name after its box, which starts its note (reader.task_box).
# 30: a `[...]` set in a glob with '/' reads as fnmatch reads it (`[z-a]` matches nothing rather
# than raising: paths._char_set).
MEMO_VERSION = "30"
_KIND = "index-parse"


def text_digest(text: str, include: tuple[str, ...], name_pattern: str, memo: str):
    """A sha256 object over everything INDEX.md's reading depends on: its text (length first,
    so that nothing appended later runs into it), the settings that name documents, the
    parser's (and its footnote plugin's) and this tool's versions, and `memo` (the asking
    memo's own version)."""
    from seedkeeper._version import __version__, package_version

    parser = f"{package_version('markdown-it-py')}+{package_version('mdit-py-plugins')}"  # footnotes
    h = hashlib.sha256(f"{__version__}|{memo}|{parser}|{include!r}|{name_pattern!r}|{len(text)}|".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h


def _key(text: str, include: tuple[str, ...], name_pattern: str) -> str:
    """The cache key of INDEX.md's parse (text_digest, for this memo's version)."""
    # The platform's reading of a backslash is part of the parse: a shared cache folder must not
    # hand Windows's parse to POSIX.
    salt = f"parse-{MEMO_VERSION}-{int(BACKSLASH_SEPARATES)}"
    return "index-" + text_digest(text, include, name_pattern, salt).hexdigest()


def _encode(doc: IndexDocument) -> bytes:
    """The parse as the memo keeps it (_decode reads it back)."""
    # A table row's cells are (header, text) pairs, and every row of a table has the same
    # headers: they are kept once ("heads") and each row keeps its texts and its headers' index.
    heads: dict[tuple[str, ...], int] = {}
    rows = []
    for e in doc.entries:
        names = tuple(h for h, _ in e.cells)
        at = heads.setdefault(names, len(heads))
        texts = [v for _, v in e.cells]
        rows.append(
            [e.written, e.rel, e.line, e.kind, e.unsafe_reason, e.title, e.note, e.lang, e.managed, at, texts, e.more]
            + [e.later] * e.later  # only on a later cell's listing: the memo of a common file stays as it was
        )
    data = {"heads": list(heads), "entries": rows, "span": doc.managed_span, "spans": doc.managed_spans}
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _decode(blob: bytes, text: str) -> IndexDocument:
    """The document back from its blob; anything of another shape raises (a miss)."""
    # orjson is the fast reader (the memo is written by json.dumps); it refuses the surrogate
    # code points _encode lets through (surrogatepass), which the json module then reads.
    data = loads_lenient(blob)
    # markdown-it counts a lone CR as a line break too: entry lines may go that far.
    lines = text.count("\n") + text.count("\r") + 1
    heads = [tuple(_strings(h)) if type(h) is list else _reject() for h in data["heads"]]
    entries = []
    append = entries.append
    # Exact type tests, written out: this loop runs once per entry of a 100,000-line INDEX.md,
    # and generator expressions would cost more than the decoding itself.
    for row in data["entries"]:
        written, rel, line, kind, unsafe, title, note, lang, managed, at, texts, more, *later = row
        if (
            type(written) is not str
            or type(kind) is not str
            or type(note) is not str
            or type(line) is not int
            or not 0 < line <= lines
            or type(managed) is not bool
            or (rel is not None and type(rel) is not str)
            or (unsafe is not None and type(unsafe) is not str)
            or (title is not None and type(title) is not str)
            or (lang is not None and type(lang) is not str)
            or type(at) is not int
            or type(texts) is not list
            or type(more) is not str
            or later not in ([], [True])
        ):
            raise ValueError("index memo row of another shape")
        if not 0 <= at < len(heads):
            raise ValueError("index memo row of another shape")
        names = heads[at]
        if len(names) != len(texts):
            raise ValueError("index memo row of another shape")
        pairs = tuple(zip(names, _strings(texts))) if texts else ()
        append(IndexEntry(written, rel, line, kind, unsafe, title, note, lang, managed, pairs, more, later=bool(later)))
    blocks = text.count("\n") + 1  # the managed blocks' lines come from text.split("\n")
    span = _span(data["span"], blocks) if data["span"] is not None else None
    spans = [_span(pair, blocks) for pair in data["spans"]]
    return IndexDocument(text, entries, span, spans)


def _span(pair, lines: int) -> tuple[int, int]:
    """A managed block's (begin, end) line numbers, inside the text's `lines`; else ValueError."""
    if type(pair) is not list or len(pair) != 2 or not all(type(x) is int for x in pair):
        raise ValueError("index memo span of another shape")
    begin, end = pair
    if not 0 <= begin <= end < lines:
        raise ValueError("index memo span outside the text")
    return begin, end


def _reject():
    """Raise: a memo of another shape (used inside an expression)."""
    raise ValueError("index memo of another shape")


def _strings(values: list) -> list:
    """`values` when every one is a str, else ValueError (a memo of another shape)."""
    if not all(type(v) is str for v in values):
        raise ValueError("index memo cell of another shape")
    return values


def parse_index_cached(text: str, include: tuple[str, ...], name_pattern: str, cache) -> IndexDocument:
    """parse_index(text, include, name_pattern), answered from the cache (a pool.CacheSpec, or
    None for no cache) when the same text was read before."""
    if cache is None or len(text) < MIN_CHARS:
        return parse_index(text, include, name_pattern)
    from seedkeeper.corpus.cache import Cache

    key = _key(text, include, name_pattern)
    store = Cache(cache.folder)
    try:
        blob = store.get_blob(key, _KIND)
        if blob:
            try:
                return _decode(blob, text)
            except (ValueError, TypeError, KeyError, UnicodeDecodeError):
                pass  # a damaged memo is a miss: parsed again and replaced
        doc = parse_index(text, include, name_pattern)
        store.put_blobs(_KIND, [(key, _encode(doc))])
        return doc
    finally:
        store.close()
