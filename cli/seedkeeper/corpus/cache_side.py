"""The cache's two side tables, beside the per-document analyses (see cache.py):

- `shingles`: (content sha256, fingerprint) -> a blob: a document's shingle hashes (near-duplicate
  confirmation) or its boilerplate findings; the fingerprint says which.
- `pairs`: (normalized hash, normalized hash, fingerprint) -> the exact overlap of two documents'
  shingle sets, once a candidate pair has been confirmed.

A database error turns the cache off for the run (`close`); a damaged row is a miss.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


class SideTables:
    """Methods of Cache (which owns `db`, `readonly`, `close` and `_rows_in`) for the side tables."""

    db: sqlite3.Connection | None
    readonly: bool

    def get_blob(self, sha256: str, fingerprint: str) -> bytes | None:
        """Shingle hashes stored for these bytes (near-duplicate confirmation), or None."""
        return self.get_blobs([(sha256, fingerprint)]).get((sha256, fingerprint))

    def get_blobs(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
        """get_blob for many (sha256, fingerprint) keys, 400 keys (800 parameters) per query."""
        if self.db is None or not keys:
            return {}
        keys = sorted(set(keys))
        out: dict[tuple[str, str], bytes] = {}
        try:
            for i in range(0, len(keys), 400):
                chunk = keys[i : i + 400]
                # A join on a VALUES list: SQLite answers it from the primary key (a row-value IN
                # scans the whole table).
                rows = ",".join(["(?, ?)"] * len(chunk))
                query = (
                    f"SELECT s.sha256, s.fingerprint, s.data FROM (VALUES {rows}) AS k"
                    " JOIN shingles AS s ON s.sha256 = k.column1 AND s.fingerprint = k.column2"
                )
                found = self.db.execute(query, [v for k in chunk for v in k])
                # SQLite keeps any type in any column: a value that is not bytes was not written
                # here (or was damaged), and is a miss for every reader.
                out.update(((sha, fp), data) for sha, fp, data in found if type(data) is bytes)
        except sqlite3.Error:
            return {}
        return out

    def put_blobs(self, fingerprint: str, items: Iterable[tuple[str, bytes]]) -> None:
        self.put_blob_groups({fingerprint: list(items)})

    def put_blob_groups(self, groups: dict[str, list[tuple[str, bytes]]]) -> None:
        """put_blobs for several fingerprints, in one transaction (a commit per group costs a
        sync each: hundreds of them on a cold run with boilerplate)."""
        groups = {fingerprint: items for fingerprint, items in groups.items() if items}
        if self.db is None or self.readonly or not groups:
            return
        try:
            with self.db:
                for fingerprint, items in groups.items():
                    self.db.executemany(
                        "INSERT OR REPLACE INTO shingles VALUES (?, ?, ?)",
                        [(sha, fingerprint, data) for sha, data in items],
                    )
        except sqlite3.Error:
            self.close()

    def get_pairs(self, keys: list[tuple[str, str]], fingerprint: str) -> dict[tuple[str, str], tuple[int, int, int]]:
        """(a, b) -> (|A ∩ B|, |A|, |B|) for the pairs stored; missing or damaged rows are absent."""
        if self.db is None or not keys:
            return {}
        wanted = set(keys)
        out: dict[tuple[str, str], tuple[int, int, int]] = {}
        try:
            query = "SELECT a, b, inter, na, nb FROM pairs WHERE fingerprint = ? AND a IN ({})"
            for a, b, inter, na, nb in self._rows_in(query, fingerprint, sorted({a for a, _ in keys})):
                ok = all(isinstance(v, int) and v >= 0 for v in (inter, na, nb)) and inter <= min(na, nb)
                if (a, b) in wanted and ok:
                    out[(a, b)] = (inter, na, nb)
        except sqlite3.Error:
            return {}
        return out

    def put_pairs(self, found: dict[tuple[str, str], tuple[int, int, int]], fingerprint: str) -> None:
        if self.db is None or self.readonly or not found:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?, ?, ?)",
                    [(a, b, fingerprint, *v) for (a, b), v in found.items()],
                )
        except sqlite3.Error:
            self.close()
