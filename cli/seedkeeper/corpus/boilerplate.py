"""`boilerplate` across a corpus: lines that many documents share (site footers, share buttons).

Each document's line fingerprints come from its (cached) analysis; counting them needs no text.
Only the documents that hold a frequent line are read again, to name the line and its number.
The counting is redone every run (it depends on the whole corpus, and recounting cached
fingerprints takes milliseconds); a document's findings are cached by its bytes and by how many
documents share each of its frequent lines, so an unchanged corpus reads no text again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.model import Corpus
from seedkeeper.corpus.safe_read import read_text
from seedkeeper.problems import Problem, make


def boilerplate_problems(corpus: Corpus, analyses: Sequence[DocAnalysis], settings, cache=None) -> list[Problem]:
    """The `boilerplate` findings of every readable document (`settings`: quality.QualitySettings;
    `cache`: a pool.CacheSpec or None)."""
    from seedkeeper.corpus.cache import Cache
    from seedkeeper.quality import QUALITY_VERSION

    with_lines = [a for a in analyses if a.readable and a.line_fps]
    sha = {a.rel: a.sha256 for a in analyses}
    store = Cache(cache.folder) if cache is not None else None
    # The same documents with the same lines and settings give the same findings: kept whole
    # (looked up before any fingerprint is unpacked or counted).
    whole = _corpus_key([a.rel for a in with_lines], sha, settings, QUALITY_VERSION) if store is not None else None
    if whole is not None:
        found_all = _decoded_all(store.get_blob(whole, "boilerplate"))
        if found_all is not None:
            store.close()
            return [make("boilerplate", rel, message, line) for rel, line, message in found_all]
    # The counter needs numpy (~60 ms to import): a warm run, answered above, never loads it.
    from seedkeeper.quality import BoilerplateCounter, unpack_fingerprints

    fps = {a.rel: unpack_fingerprints(bytes.fromhex(a.line_fps)) for a in with_lines}
    counter = BoilerplateCounter()
    for f in fps.values():
        counter.add(f)
    infos = {d.rel: d.info for d in corpus.documents}
    fresh: dict[str, list[tuple[str, bytes]]] = {}
    out: list[Problem] = []
    # The lines at or over the limit, as a dict: most documents hold none, and a dict look-up per
    # line answers that faster than counting each document's lines with numpy.
    frequent = counter.frequent(settings)
    settings_key = settings.cache_key()
    # Besides the bytes, a document's findings depend on how many documents share each of its
    # frequent lines (the others are never reported), the corpus size (named in the message) and
    # the settings.
    keys = {}
    for rel, f in fps.items():
        shared = [(fp, frequent[fp]) for fp in f if fp in frequent]
        if shared:
            keys[rel] = f"bp/{QUALITY_VERSION}/{_digest(shared, counter.documents, settings_key)}"
    stored = store.get_blobs([(sha[rel], key) for rel, key in keys.items()]) if store is not None else {}
    try:
        for rel, key in keys.items():
            found = _decoded(stored.get((sha[rel], key)))
            if found is None:
                found = _compute(counter, infos[rel], fps[rel], settings, corpus.settings.max_size)
                if found is None:
                    continue  # gone since it was analysed: its other findings already say what is wrong
                fresh.setdefault(key, []).append((sha[rel], json.dumps(found, ensure_ascii=False).encode()))
            out.extend(make("boilerplate", rel, message, line) for line, message in found)
        if whole is not None:
            rows = [[p.file, p.line, p.message] for p in out]
            fresh.setdefault("boilerplate", []).append((whole, json.dumps(rows, ensure_ascii=False).encode()))
    finally:
        if store is not None:
            store.put_blob_groups(fresh)
            store.close()
    return out


def _corpus_key(rels: list[str], sha: dict, settings, version: str) -> str:
    h = hashlib.sha256(f"{version}|{settings.cache_key()}".encode())
    # One update of the joined text: the same digest as one update per document, made faster.
    h.update("".join([f"\n{rel}\x00{sha[rel]}" for rel in sorted(rels)]).encode())
    return "bp-corpus-" + h.hexdigest()


def _decoded_all(blob: bytes | None) -> list[tuple[str, int, str]] | None:
    if not blob:
        return None
    try:
        data = json.loads(blob.decode("utf-8"))
        return [(str(rel), int(line), str(message)) for rel, line, message in data]
    except (UnicodeDecodeError, ValueError, TypeError):
        return None


def _digest(shared: list[tuple[int, int]], documents: int, settings_key: str) -> str:
    return hashlib.sha256(repr((shared, documents, settings_key)).encode()).hexdigest()[:24]


def _decoded(blob: bytes | None) -> list[tuple[int, str]] | None:
    """Cached findings as (line, message) pairs; anything of another shape is a miss."""
    if not blob:
        return None
    try:
        data = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, list) or not all(
        isinstance(x, list) and len(x) == 2 and isinstance(x[0], int) and isinstance(x[1], str) for x in data
    ):
        return None
    return [(line, message) for line, message in data]


def _compute(counter, info, fps, settings, max_size: int) -> list[tuple[int, str]] | None:
    try:
        text = read_text(info, max_size + 1)
    except OSError:
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return [(x.line, x.message) for x in counter.findings(text, fps, settings)]
