"""What the duplicate search keeps in the cache between runs: the clusters of an unchanged
corpus (by everything they depend on), last run's candidate pairs (so a corpus that changed a
little is searched only around its changed documents) and the pairs confirmed on exact shingles.
Each is a miss, never an error, when what is stored has another shape."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from seedkeeper.corpus.analysis import DocAnalysis


def dedup_settings_key(threshold: float, containment: float) -> str:
    """The versions and settings every stored duplicate result depends on."""
    from seedkeeper.similarity.version import CLUSTERING_VERSION, MINHASH_VERSION, NORMALIZATION_VERSION

    return f"{CLUSTERING_VERSION}|{MINHASH_VERSION}|{NORMALIZATION_VERSION}|{threshold}|{containment}"


def clusters_key(analyses: Sequence[DocAnalysis], order: dict[str, int], threshold: float, containment: float) -> str:
    """Everything find_duplicates' answer depends on: each document's name, order and hashes (its
    signature and shingles follow from its bytes), the settings and the code's versions."""
    from seedkeeper._version import __version__

    h = hashlib.sha256(f"{__version__}|{dedup_settings_key(threshold, containment)}".encode())
    # One update of the joined text: the same digest as two updates per document, made faster.
    h.update(
        "".join(
            [
                f"\n{a.rel}\x00{order[a.rel]}\x00{a.sha256}\x00{a.normalized_hash}\x00{float(a.shingles)}"
                + ("-" if a.signature is None else "+")
                for a in sorted(analyses, key=lambda a: (order[a.rel], a.rel))
            ]
        ).encode()
    )
    return "clusters-" + h.hexdigest()


def result_blob(result) -> bytes:
    """A DedupResult as the cache keeps it (cached_result reads it back)."""
    data = {"clusters": [c.to_dict() for c in result.clusters], "too_short": list(result.too_short)}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def cached_result(blob: bytes | None):
    """A DedupResult from the cache, or None for a miss or anything of another shape."""
    from seedkeeper.similarity.results import Cluster, DedupResult, Duplicate

    if not blob:
        return None
    from seedkeeper.corpus.cache_json import loads

    try:
        data = loads(blob)
        clusters = []
        for c in data["clusters"]:
            if type(c["keep"]) is not str or not all(_is_duplicate(d) for d in c["duplicates"]):
                return None
            dups = [Duplicate(d["file"], d["kind"], float(d["similarity"]), d["of"]) for d in c["duplicates"]]
            clusters.append(Cluster(c["keep"], dups))
        too_short = data["too_short"]
        if type(too_short) is not list or not all(type(f) is str for f in too_short):
            return None
    except (ValueError, KeyError, TypeError):
        return None
    return DedupResult(clusters, too_short)


def _is_duplicate(d) -> bool:
    """A duplicate as result_blob writes it, exactly typed (a bool is no similarity)."""
    return (
        type(d) is dict
        and all(type(d.get(k)) is str for k in ("file", "kind", "of"))
        and type(d.get("similarity")) in (int, float)
    )


class CandidateCache:
    """find_duplicates' CandidateMemo on the SQLite cache: one blob per settings and versions."""

    def __init__(self, store, threshold: float, containment: float):
        key = dedup_settings_key(threshold, containment)
        self.store, self.key = store, "candidates-" + hashlib.sha256(key.encode()).hexdigest()[:24]

    def load(self):
        """(identities present, candidate pairs) of the last run, or None for a miss."""
        from seedkeeper.corpus.cache_json import loads

        blob = self.store.get_blob(self.key, "candidates")
        if not blob:
            return None
        try:
            data = loads(blob)
            present, pairs = data["present"], data["pairs"]
            if not all(type(k) is str for k in present) or not all(
                type(p) is list and len(p) == 2 and type(p[0]) is str and type(p[1]) is str for p in pairs
            ):
                return None
            return set(present), {(a, b) for a, b in pairs}
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, present, pairs) -> None:
        """Keep this run's identities and candidate pairs for the next run."""
        data = {"present": sorted(present), "pairs": sorted(pairs)}
        self.store.put_blobs("candidates", [(self.key, json.dumps(data).encode("utf-8"))])


class PairCache:
    """find_duplicates' PairStore on the SQLite cache."""

    def __init__(self, store, fingerprint: str):
        self.store, self.fp = store, fingerprint

    def get_many(self, keys):
        """(intersection, size a, size b) of the pairs of normalized hashes `keys` confirmed before."""
        return self.store.get_pairs(keys, self.fp)

    def put_many(self, found):
        """Keep this run's confirmed overlaps, by pair of normalized hashes."""
        self.store.put_pairs(found, self.fp)
