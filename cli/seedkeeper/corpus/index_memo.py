"""INDEX.md's references kept in the cache, by its text: a large unchanged INDEX.md is not parsed again.

Reading INDEX.md is a pure function of its text and the settings that name documents (include
globs, name pattern), and of the parser. At 100,000 documents reading it line by line costs
seconds in every run, decoding the kept references a fraction of that. Small files are parsed as
before (their parse is cheaper than a trip to the cache).
"""

from __future__ import annotations

import hashlib
import json

from seedkeeper.indexmd.entries import IndexDocument, IndexEntry
from seedkeeper.indexmd.reader import parse_index

# Below this many characters INDEX.md is simply parsed.
MIN_CHARS = 50_000
# Bump when the reader may give other references for the same text.
MEMO_VERSION = "1"
_KIND = "index-parse"


def text_digest(text: str, include: tuple[str, ...], name_pattern: str, memo: str):
    """A sha256 object over everything INDEX.md's reading depends on: its text (length first,
    so that nothing appended later runs into it), the settings that name documents, the
    parser's and this tool's versions, and `memo` (the asking memo's own version)."""
    from seedkeeper._version import __version__, package_version

    parser = package_version("markdown-it-py")
    h = hashlib.sha256(f"{__version__}|{memo}|{parser}|{include!r}|{name_pattern!r}|{len(text)}|".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h


def _key(text: str, include: tuple[str, ...], name_pattern: str) -> str:
    return "index-" + text_digest(text, include, name_pattern, f"parse-{MEMO_VERSION}").hexdigest()


def _encode(doc: IndexDocument) -> bytes:
    rows = [
        [e.written, e.rel, e.line, e.kind, e.unsafe_reason, e.title, e.note, e.lang, e.managed, e.cells]
        for e in doc.entries
    ]
    data = {"entries": rows, "span": doc.managed_span, "spans": doc.managed_spans}
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _decode(blob: bytes, text: str) -> IndexDocument:
    """The document back from its blob; anything of another shape raises (a miss)."""
    data = json.loads(blob.decode("utf-8", "surrogatepass"))
    entries = []
    for written, rel, line, kind, unsafe, title, note, lang, managed, cells in data["entries"]:
        texts = (written, kind, note)
        optional = (rel, unsafe, title, lang)
        if not (
            all(isinstance(v, str) for v in texts)
            and all(v is None or isinstance(v, str) for v in optional)
            and isinstance(line, int)
            and isinstance(managed, bool)
        ):
            raise ValueError("index memo row of another shape")
        pairs = tuple((str(h), str(v)) for h, v in cells)
        entries.append(IndexEntry(written, rel, line, kind, unsafe, title, note, lang, managed, pairs))
    span = tuple(data["span"]) if data["span"] is not None else None
    spans = [(int(b), int(e)) for b, e in data["spans"]]
    return IndexDocument(text, entries, span, spans)  # type: ignore[arg-type]


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
