"""The incremental cache: one SQLite file of per-document analyses, keyed by content.

- `analyses`: (content sha256, fingerprint) -> the analysis as JSON plus the signature bytes. The
  fingerprint covers the tool version and every setting that changes the result, so a change of
  either simply misses.
- `pairs`: (normalized hash, normalized hash, fingerprint) -> the exact overlap of two documents'
  shingle sets, once a near-duplicate or containment candidate has been confirmed: warm runs
  confirm nothing again (the table is added to older cache files on open).
- `files`: (folder, relative path) -> (size, mtime_ns, inode, ctime_ns, sha256): the stat shortcut that lets
  an unchanged file skip even being read. A fresh CI checkout has new mtimes, misses here, and
  falls back to hashing the bytes, which then hit `analyses`. A file changed within RACY_NS of
  being stored is stored with a stat key that never matches ("racily clean", as git says).

SQLite commits are atomic. A corrupt or foreign file is set aside and rebuilt; any database
error later only turns the cache off for the run. Stored as JSON, never pickle: a cache restored
from elsewhere must not be able to run code.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.cache_rows import decode_into, decode_row, encode_row
from seedkeeper.corpus.cache_side import SideTables

SCHEMA = "seedkeeper-cache-4"
# A file written in the clock tick it was read in may be written again, at the same size, in
# that tick: on a file system with coarse timestamps (1-2 s: FAT, HFS+, some NFS mounts) its
# size, mtime, ctime and inode would then all be what the cache saw. As git does with "racily
# clean" index entries, a file whose mtime or ctime is this close to the moment it is stored
# (either side) gets no stat key: the next run reads and hashes it (one file, rarely), then stores a real key.
RACY_NS = 2_000_000_000
_NO_MATCH = -1  # a size no file has: the stat key of a racily clean file
CACHE_FILE = "cache.sqlite3"
DEFAULT_DIR = ".seedkeeper_cache"


def default_cache_dir(seeds: Path, config_file: str | None, configured: str | None, base_dir: str) -> Path:
    """--cache-dir/$SEEDKEEPER_CACHE_DIR win (handled by the caller); then `cache-dir` from config
    (relative to the config's folder); then `.seedkeeper_cache` beside the config file; without
    a config, beside the seeds folder. Never inside the seeds folder: read-only commands write
    nothing there."""
    env = os.environ.get("SEEDKEEPER_CACHE_DIR")
    if env:
        return Path(env)
    if configured:
        p = Path(configured)
        return p if p.is_absolute() else Path(base_dir) / p
    base = Path(config_file).resolve().parent if config_file else Path(seeds).resolve().parent
    candidate = base / DEFAULT_DIR
    seeds_real = Path(seeds).resolve()
    if candidate.resolve() == seeds_real or seeds_real in candidate.resolve().parents:
        candidate = seeds_real.parent / DEFAULT_DIR
    return candidate


_PAIRS_TABLE = """CREATE TABLE IF NOT EXISTS pairs (a TEXT NOT NULL, b TEXT NOT NULL, fingerprint TEXT NOT NULL,
    inter INTEGER NOT NULL, na INTEGER NOT NULL, nb INTEGER NOT NULL, PRIMARY KEY (a, b, fingerprint))"""


class Cache(SideTables):
    """A connection to the cache file. Methods never raise on database trouble: they miss."""

    def __init__(self, folder: Path, *, readonly: bool = False):
        self.folder = Path(folder)
        self.path = self.folder / CACHE_FILE
        self.readonly = readonly
        self.db: sqlite3.Connection | None = None
        self._open()

    def _open(self) -> None:
        try:
            if self.readonly:
                if not self.path.exists():
                    return
                self.db = sqlite3.connect(self._uri("mode=ro"), uri=True, timeout=5)
                self._verify()
                return
            self.folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30)
            self._verify_or_rebuild()
            self._add_pairs_table()
        except (sqlite3.Error, OSError):
            self.close()

    def _uri(self, query: str) -> str:
        # as_uri percent-encodes the path: a folder named "a?b" or "50%" is still that folder.
        return f"{self.path.absolute().as_uri()}?{query}"

    def _add_pairs_table(self) -> None:
        """Caches made before the pairs table get it now; a cache that cannot be written (a
        read-only file) still answers everything else."""
        assert self.db is not None
        try:
            with self.db:
                self.db.execute(_PAIRS_TABLE)
        except sqlite3.Error:
            pass

    def _verify(self) -> None:
        assert self.db is not None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not row or row[0] != SCHEMA:
            raise sqlite3.DatabaseError("foreign cache")

    def _verify_or_rebuild(self) -> None:
        assert self.db is not None
        try:
            # Reading the schema row proves the file is a SQLite database of ours; a damaged page
            # elsewhere surfaces as an error on use, which turns the cache off for that run.
            # (PRAGMA quick_check would scan the whole file on every run.)
            self._verify()
            return
        except sqlite3.Error:
            self.db.close()
        # Not ours, or damaged: set it aside (it is only a cache) and start a fresh one. A file
        # SQLite just created (empty) is simply new, not corrupt.
        with contextlib.suppress(OSError):
            if os.path.getsize(self.path) > 0:
                os.replace(self.path, self.path.with_suffix(".corrupt"))
            else:
                os.unlink(self.path)
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(str(self.path) + suffix)
        self.db = sqlite3.connect(self.path, timeout=30)
        with self.db:
            self.db.executescript(
                """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE analyses (sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL, data TEXT NOT NULL,
                                       signature BLOB, PRIMARY KEY (sha256, fingerprint));
                CREATE TABLE shingles (sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL, data BLOB NOT NULL,
                                       PRIMARY KEY (sha256, fingerprint));
                CREATE TABLE files (folder TEXT NOT NULL, rel TEXT NOT NULL, size INTEGER NOT NULL,
                                    mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
                                    sha256 TEXT NOT NULL,
                                    PRIMARY KEY (folder, rel));
                """
            )
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))

    @property
    def enabled(self) -> bool:
        return self.db is not None

    def close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
        self.db = None

    def known_files(self, folder: str) -> dict[str, tuple[int, int, int, int, str]]:
        """rel -> (size, mtime_ns, inode, ctime_ns, sha256) for one seeds folder."""
        if self.db is None:
            return {}
        try:
            rows = self.db.execute(
                "SELECT rel, size, mtime_ns, inode, ctime_ns, sha256 FROM files WHERE folder = ?", (folder,)
            )
            return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in rows}
        except sqlite3.Error:
            self.close()
            return {}

    def unchanged(
        self, folder: str, fingerprint: str, stats: dict[str, tuple[int, int, int, int]]
    ) -> dict[str, DocAnalysis]:
        """rel -> cached analysis of each document whose (size, mtime_ns, inode, ctime_ns) in
        `stats` is what the cache saw for it in `folder`: one query joining the stat keys to
        their analyses (known_files + get_many, without a round of queries per 500 files)."""
        if self.db is None or not stats:
            return {}
        out: dict[str, DocAnalysis] = {}
        try:
            rows = self.db.execute(
                "SELECT f.rel, f.size, f.mtime_ns, f.inode, f.ctime_ns, a.data, a.signature FROM files f"
                " JOIN analyses a ON a.sha256 = f.sha256 AND a.fingerprint = ? WHERE f.folder = ?",
                (fingerprint, folder),
            )
            for rel, size, mtime_ns, inode, ctime_ns, data, sig in rows:
                if stats.get(rel) == (size, mtime_ns, inode, ctime_ns):
                    decode_into(out, rel, data, sig)
        except sqlite3.Error:
            self.close()
            return {}
        return out

    def get(self, rel: str, sha256: str, fingerprint: str) -> DocAnalysis | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT data, signature FROM analyses WHERE sha256 = ? AND fingerprint = ?", (sha256, fingerprint)
            ).fetchone()
            return decode_row(rel, row[0], row[1]) if row else None
        except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError):
            return None

    def get_many(self, wanted: dict[str, str], fingerprint: str) -> dict[str, DocAnalysis]:
        """rel -> cached analysis for {rel: sha256}, in a few queries rather than one per file."""
        if self.db is None or not wanted:
            return {}
        by_sha: dict[str, list[str]] = {}
        for rel, sha in wanted.items():
            by_sha.setdefault(sha, []).append(rel)
        out: dict[str, DocAnalysis] = {}
        try:
            query = "SELECT sha256, data, signature FROM analyses WHERE fingerprint = ? AND sha256 IN ({})"
            for sha, data, sig in self._rows_in(query, fingerprint, list(by_sha)):
                for rel in by_sha[sha]:
                    decode_into(out, rel, data, sig)
        except sqlite3.Error:
            self.close()
            return {}
        return out

    def _rows_in(self, query: str, fingerprint: str, values: list[str]):
        """The rows of `query` (its `{}` an IN list) for `values`, 500 at a time: SQLite caps the
        number of parameters of one statement."""
        assert self.db is not None
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            yield from self.db.execute(query.format(",".join("?" * len(chunk))), (fingerprint, *chunk))

    def put_many(
        self, folder: str, fingerprint: str, items: Iterable[tuple[DocAnalysis, tuple[int, int, int, int]]]
    ) -> None:
        """Store analyses (only readable ones with a hash) and their files' stat keys, in one
        transaction."""
        if self.db is None or self.readonly:
            return
        now = time.time_ns()
        try:
            with self.db:
                for a, (size, mtime_ns, inode, ctime_ns) in items:
                    if not a.sha256:
                        continue
                    if abs(max(mtime_ns, ctime_ns) - now) < RACY_NS:
                        # Only near now: a file dated well in the future (an archive's dates, a
                        # file server's clock ahead of ours) keeps its key, or it would be read
                        # again on every run.
                        size = _NO_MATCH
                    data, sig = encode_row(a)
                    self.db.execute(
                        "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)", (a.sha256, fingerprint, data, sig)
                    )
                    self.db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (folder, a.rel, size, mtime_ns, inode, ctime_ns, a.sha256),
                    )
        except sqlite3.Error:
            self.close()


def clear_cache(folder: Path, *, remove_folder: bool = False) -> bool:
    """Remove the cache file (and SQLite side files), and with `remove_folder` the folder itself
    once it is empty. Returns whether any cache file was removed."""
    removed = False
    for name in (CACHE_FILE, CACHE_FILE + "-wal", CACHE_FILE + "-shm", CACHE_FILE + "-journal", "cache.corrupt"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(Path(folder) / name)
            removed = True
    if remove_folder:
        # The default folder, which seedkeeper made, goes too once empty; a folder the user
        # named (--cache-dir, $SEEDKEEPER_CACHE_DIR, `cache-dir`) is theirs, and one holding
        # anything else is kept.
        with contextlib.suppress(OSError):
            os.rmdir(folder)
    return removed
