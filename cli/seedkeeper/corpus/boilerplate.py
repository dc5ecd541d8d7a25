"""`boilerplate` across a corpus: lines that many documents share (site footers, share buttons).

Each document's line fingerprints come from its (cached) analysis; counting them needs no text.
Only the documents that hold a frequent line are read again, to name the line and its number.
An unchanged corpus gets its findings whole from the cache. When a few documents changed, last
run's counts are brought up to date with their old and new lines (boilerplate_state.py) and only
they are looked at again, unless that moves a frequent line's count; else everything is counted
again. A document's findings are cached by its bytes and by how many documents share each of its
frequent lines, so a recount reads no text that it read before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.model import Corpus
from seedkeeper.corpus.safe_read import read_bytes
from seedkeeper.problems import Problem, make

if TYPE_CHECKING:  # imports numpy, which a warm run never loads
    from seedkeeper.corpus.boilerplate_state import BoilerplateState


def boilerplate_problems(
    corpus: Corpus, analyses: Sequence[DocAnalysis], settings, cache=None, row_fingerprint: str | None = None
) -> list[Problem]:
    """The `boilerplate` findings of every readable document (`settings`: quality.QualitySettings;
    `cache`: a pool.CacheSpec or None; `row_fingerprint`: the cache fingerprint of `analyses`,
    with which a changed document's earlier analysis is found, so that its old lines can be
    taken out of last run's counts)."""
    from seedkeeper.corpus.cache import Cache
    from seedkeeper.quality import QUALITY_VERSION

    with_lines = [a for a in analyses if a.readable and a.line_fps]
    sha = {a.rel: a.sha256 for a in analyses}
    store = Cache(cache.folder) if cache is not None else None
    # The same documents with the same lines and settings give the same findings: kept whole
    # (looked up before any fingerprint is unpacked or counted).
    # The analyses' own cache fingerprint is part of both keys below: a release that reads
    # lines otherwise bumps it, and then nothing counted before is taken for this run's.
    version = f"{QUALITY_VERSION}|{row_fingerprint or ''}"
    whole = _corpus_key([a.rel for a in with_lines], sha, settings, version) if store is not None else None
    if whole is not None:
        found_all = _decoded_all(store.get_blob(whole, "boilerplate"))
        if found_all is not None:
            store.close()
            # In this run's order (INDEX.md may list the same documents in another order now).
            order = {a.rel: i for i, a in enumerate(with_lines)}
            found_all.sort(key=lambda item: order.get(item[0], len(order)))
            return [make("boilerplate", rel, message, line) for rel, line, message in found_all]
    # The counter needs numpy (~60 ms to import): a warm run, answered above, never loads it.
    from seedkeeper.corpus import boilerplate_state as bs
    from seedkeeper.quality import BoilerplateCounter

    key = bs.state_key(version, settings.cache_key())
    fresh: dict[str, list[tuple[str, bytes]]] = {}
    try:
        run = _Run(corpus, with_lines, sha, settings, store, fresh)
        state = None
        if store is not None and row_fingerprint is not None:
            state = _updated(run, bs.decode(store.get_blob(key, bs.KIND)), row_fingerprint)
        if state is not None:
            found = state.found
        else:
            counter = BoilerplateCounter()
            for a in with_lines:
                counter.add(run.fps(a.rel))
            found = run.findings([a.rel for a in with_lines], counter)
            if store is not None and counter.lines <= bs.MAX_LINES:
                keys, counts = counter.all_counts()
                state = bs.BoilerplateState({a.rel: a.sha256 for a in with_lines}, keys, counts, found)
        # A document that could not be read again has no findings this run: nothing whole is
        # kept, or a later run would take its missing findings for its findings.
        if whole is not None and not run.incomplete:
            fresh.setdefault("boilerplate", []).append((whole, json.dumps(found, ensure_ascii=False).encode()))
            keep = state is not None and int(state.counts.sum()) <= bs.MAX_LINES
            # A state not kept is emptied: a corpus grown past the limit reads no stale megabytes.
            fresh.setdefault(bs.KIND, []).append((key, bs.encode(state) if keep else b""))
    finally:
        if store is not None:
            store.put_blob_groups(fresh)
            store.close()
    return [make("boilerplate", rel, message, line) for rel, line, message in found]


class _Run:
    """One run's documents with lines, their fingerprints (unpacked on demand) and the per-document
    findings cache."""

    def __init__(self, corpus: Corpus, with_lines: Sequence[DocAnalysis], sha: dict, settings, store, fresh: dict):
        self.corpus, self.settings, self.store, self.fresh, self.sha = corpus, settings, store, fresh, sha
        self.hex = {a.rel: a.line_fps for a in with_lines}
        self.infos = {d.rel: d.info for d in corpus.documents}
        self._fps: dict[str, tuple[int, ...]] = {}
        self.incomplete = False  # a document could not be read again for its findings

    def fps(self, rel: str) -> tuple[int, ...]:
        """The line fingerprints of document `rel` (its analysis keeps them packed, as hex)."""
        from seedkeeper.quality import unpack_fingerprints

        if rel not in self._fps:
            self._fps[rel] = unpack_fingerprints(bytes.fromhex(self.hex[rel]))
        return self._fps[rel]

    def findings(self, rels: list[str], counter) -> list[tuple[str, int, str]]:
        """(file, line, message) of the documents `rels`, in their order, against `counter`."""
        from seedkeeper.quality import QUALITY_VERSION

        # The lines at or over the limit, as a dict: most documents hold none, and a dict look-up
        # per line answers that faster than counting each document's lines with numpy.
        frequent = counter.frequent(self.settings)
        settings_key = self.settings.cache_key()
        # Besides the bytes, a document's findings depend on how many documents share each of its
        # frequent lines (the others are never reported), the corpus size (named in the message)
        # and the settings.
        keys = {}
        for rel in rels:
            shared = [(fp, frequent[fp]) for fp in self.fps(rel) if fp in frequent]
            if shared:
                keys[rel] = f"bp/{QUALITY_VERSION}/{_digest(shared, counter.documents, settings_key)}"
        sha = self.sha
        stored = self.store.get_blobs([(sha[rel], key) for rel, key in keys.items()]) if self.store is not None else {}
        out: list[tuple[str, int, str]] = []
        for rel, key in keys.items():
            found = _decoded(stored.get((sha[rel], key)))
            if found is None:
                max_size = self.corpus.settings.max_size
                found = _compute(counter, self.infos[rel], self.fps(rel), self.settings, max_size, sha[rel])
                if found is None:
                    self.incomplete = True
                    continue  # gone or changed since it was analysed: the next run reads it again
                self.fresh.setdefault(key, []).append((sha[rel], json.dumps(found, ensure_ascii=False).encode()))
            out.extend((rel, line, message) for line, message in found)
        return out


def _updated(run: _Run, state: BoilerplateState | None, row_fingerprint: str) -> BoilerplateState | None:
    """Last run's `state` brought up to this corpus when only a few of the same documents
    changed (see boilerplate_state), or None: then everything is counted again."""
    import numpy as np

    from seedkeeper.corpus import boilerplate_state as bs
    from seedkeeper.quality import BoilerplateCounter
    from seedkeeper.quality.boilerplate import threshold

    if state is None or state.docs.keys() != run.hex.keys():
        return None  # documents added or removed: the threshold and every message may change
    changed = [rel for rel in run.hex if state.docs[rel] != run.sha[rel]]
    if not changed:
        return None  # same documents, yet the whole result was not kept: count again
    if len(changed) > max(32, len(run.hex) // 20):
        return None  # a full count costs less than this many look-ups
    old = run.store.get_many({rel: state.docs[rel] for rel in changed}, row_fingerprint)
    if any(rel not in old or not old[rel].line_fps for rel in changed):
        return None  # an earlier analysis not kept (or it had no lines then): count again
    removed = [np.frombuffer(bytes.fromhex(old[rel].line_fps), dtype="<u8") for rel in changed]
    if any(np.any(r[1:] <= r[:-1]) for r in removed):
        return None  # not sorted and distinct, as line_fingerprints keeps them: damaged
    added = [np.asarray(run.fps(rel), dtype=np.uint64) for rel in changed]
    limit = threshold(len(state.docs), run.settings)
    moved = bs.apply_changes(state.keys, state.counts, np.concatenate(removed), np.concatenate(added), limit)
    if moved is None:
        return None
    keys, counts = moved
    counter = BoilerplateCounter.from_counts(keys, counts, len(state.docs))
    redone = set(changed)
    fresh = {}
    for rel, line, message in run.findings(changed, counter):
        fresh.setdefault(rel, []).append((rel, line, message))
    kept: dict[str, list[tuple[str, int, str]]] = {}
    for item in state.found:
        if item[0] not in redone:
            kept.setdefault(item[0], []).append(item)
    found = [item for rel in run.hex for item in (fresh if rel in redone else kept).get(rel, ())]
    return bs.BoilerplateState({rel: run.sha[rel] for rel in run.hex}, keys, counts, found)


def _corpus_key(rels: list[str], sha: dict, settings, version: str) -> str:
    """The key of the whole result: the documents with lines and their bytes, the settings and `version`."""
    h = hashlib.sha256(f"{version}|{settings.cache_key()}".encode())
    # One update of the joined text: the same digest as one update per document, made faster.
    h.update("".join([f"\n{rel}\x00{sha[rel]}" for rel in sorted(rels)]).encode())
    return "bp-corpus-" + h.hexdigest()


def _decoded_all(blob: bytes | None) -> list[tuple[str, int, str]] | None:
    """A whole result as (file, line, message) triples; None for a miss or another shape."""
    if not blob:
        return None
    from seedkeeper.corpus.cache_json import loads

    try:
        data = loads(blob)
    except ValueError:
        return None
    if type(data) is not list or not all(_is_finding(item, 3) for item in data):
        return None
    return [(rel, line, message) for rel, line, message in data]


def _is_finding(item, size: int) -> bool:
    """[file, line, message] (size 3) or [line, message] (size 2), exactly typed."""
    return (
        type(item) is list
        and len(item) == size
        and type(item[-2]) is int
        and type(item[-1]) is str
        and (size == 2 or type(item[0]) is str)
    )


def _digest(shared: list[tuple[int, int]], documents: int, settings_key: str) -> str:
    """A document's findings key: its frequent lines with their counts, the corpus size, the settings."""
    return hashlib.sha256(repr((shared, documents, settings_key)).encode()).hexdigest()[:24]


def _decoded(blob: bytes | None) -> list[tuple[int, str]] | None:
    """Cached findings as (line, message) pairs; anything of another shape is a miss."""
    from seedkeeper.corpus.cache_json import loads

    if not blob:
        return None
    try:
        data = loads(blob)
    except ValueError:
        return None
    if type(data) is not list or not all(_is_finding(item, 2) for item in data):
        return None
    return [(line, message) for line, message in data]


def _compute(counter, info, fps, settings, max_size: int, sha256: str) -> list[tuple[int, str]] | None:
    """A document's findings from its text, or None when it cannot be read, or no longer holds
    the bytes it was analysed with (edited during the run: findings of other bytes would be
    kept under these bytes' name)."""
    try:
        data = read_bytes(info, max_size + 1)
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    return [(x.line, x.message) for x in counter.findings(text, fps, settings)]
