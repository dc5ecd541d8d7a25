"""Last run's boilerplate counts, kept so that a corpus where a few documents changed is not
counted again.

Whether a line is boilerplate depends on the whole corpus: in how many documents it appears.
When one document of 3,000 changes, the other documents' lines are still counted as they were.
So a run keeps, in the cache, every line fingerprint with its document count, the bytes (sha256)
each counted document had, and the findings. The next run takes the changed documents' old lines
out of the counts and their new lines in (`apply_changes`). When that moves no line to or from
the threshold, and leaves the count of every line at or over it as it was, every other
document's findings are last run's (their messages name those counts and the corpus size): only
the changed documents are looked at again. Anything else (a document added or removed, many
changed, a frequent line's count moving, a kept state of another shape) is a full count.

The state is one cache blob: 8 bytes giving the header's length, the header (JSON: the
documents and the findings), then the fingerprints (uint64) and their counts (uint32).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np

KIND = "boilerplate-state"
# Bump when the layout below changes.
STATE_VERSION = "1"
# Document-lines (every document's distinct candidate lines, summed) up to which a run keeps its
# counts: 12 bytes a fingerprint, ~12 MB at this size (some 35,000 of the benchmark's
# documents). Over it, keeping them cost as much as counting again (100,000 documents: a 60 MB
# state written and read by every run with a change, and 150 MB more at the peak of a cold
# run), so such a corpus counts again.
MAX_LINES = 1_000_000


@dataclass
class BoilerplateState:
    """What a run counted: each document's sha256, every fingerprint and its document count
    (sorted by fingerprint), and the findings as (file, line, message), in report order."""

    docs: dict[str, str]
    keys: np.ndarray
    counts: np.ndarray
    found: list[tuple[str, int, str]]


def state_key(version: str, settings_key: str) -> str:
    """The cache key of the state for these quality settings and `version` (the quality checks'
    and the analyses' versions): one state per settings, replaced by each run that counts."""
    digest = hashlib.sha256(f"{STATE_VERSION}|{version}|{settings_key}".encode()).hexdigest()
    return "bp-state-" + digest[:32]


def encode(state: BoilerplateState) -> bytes:
    """The state as one blob (see the module docstring)."""
    header = json.dumps(
        {"docs": sorted(state.docs.items()), "found": state.found, "n": int(len(state.keys))}, ensure_ascii=False
    ).encode("utf-8", "surrogatepass")
    return b"".join(
        (
            len(header).to_bytes(8, "little"),
            header,
            np.asarray(state.keys, dtype="<u8").tobytes(),
            np.asarray(state.counts, dtype="<u4").tobytes(),
        )
    )


def decode(blob: bytes | None) -> BoilerplateState | None:
    """The state back from its blob; None for a miss or for anything of another shape."""
    if not blob or len(blob) < 8:
        return None
    from seedkeeper.corpus.cache_json import loads_lenient

    size = int.from_bytes(blob[:8], "little")
    try:
        header = loads_lenient(blob[8 : 8 + size])
        n, pairs, found = header["n"], header["docs"], header["found"]
    except (ValueError, KeyError, TypeError):
        return None
    if type(pairs) is not list or type(found) is not list:
        return None
    if not all(type(p) is list and len(p) == 2 and type(p[0]) is str and type(p[1]) is str for p in pairs):
        return None
    if not all(
        type(f) is list and len(f) == 3 and type(f[0]) is str and type(f[1]) is int and type(f[2]) is str for f in found
    ):
        return None
    docs = dict(pairs)
    found = [tuple(f) for f in found]
    if type(n) is not int or n < 0 or len(blob) != 8 + size + 12 * n:
        return None
    start = 8 + size
    keys = np.frombuffer(blob, dtype="<u8", count=n, offset=start).astype(np.uint64)
    counts = np.frombuffer(blob, dtype="<u4", count=n, offset=start + 8 * n).astype(np.int64)
    if n and (np.any(keys[1:] <= keys[:-1]) or np.any(counts < 1)):
        return None  # not sorted and distinct, or a count that cannot be: damaged
    return BoilerplateState(docs, keys, counts, found)


def apply_changes(
    keys: np.ndarray, counts: np.ndarray, removed: np.ndarray, added: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """The counts after taking the fingerprints `removed` out (the changed documents' old lines,
    each document's distinct, concatenated) and `added` in (their new lines); None when a
    line's count would cross `limit` or change while at or over it (then the findings of
    documents that did not change may change too), or when the counts do not hold what is
    removed (a state that does not match)."""
    both = np.concatenate((np.asarray(removed, dtype=np.uint64), np.asarray(added, dtype=np.uint64)))
    if not both.size:
        return keys, counts
    fps, where = np.unique(both, return_inverse=True)
    delta = np.zeros(len(fps), dtype=np.int64)
    np.add.at(delta, where, np.concatenate((np.full(len(removed), -1), np.full(len(added), 1))))
    moved = delta != 0
    fps, delta = fps[moved], delta[moved]
    if not fps.size:
        return keys, counts
    at = np.searchsorted(keys, fps)
    found = at < len(keys)
    found[found] = keys[at[found]] == fps[found]
    before = np.zeros(len(fps), dtype=np.int64)
    before[found] = counts[at[found]]
    after = before + delta
    if np.any(after < 0) or np.any((before >= limit) | (after >= limit)):
        return None
    counts = counts.copy()
    counts[at[found]] = after[found]
    new = ~found
    keys = np.insert(keys, at[new], fps[new])
    counts = np.insert(counts, at[new], after[new])
    kept = counts > 0  # a line no document holds any more
    return keys[kept], counts[kept]
