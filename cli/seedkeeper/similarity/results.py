"""What the duplicate finder answers: clusters of duplicates, as plain records.

Apart from clustering.py (which needs numpy) so that a result read back from the cache, and
the commands that render it, load nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["exact", "normalized", "near", "contained"]


@dataclass(frozen=True)
class Duplicate:
    """A document found to repeat `of` (the document it matched)."""

    file: str
    kind: Kind
    similarity: float
    of: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "similarity": self.similarity, "of": self.of}


@dataclass(frozen=True)
class Cluster:
    """Documents that repeat each other; `keep` is the one listed first in INDEX.md."""

    keep: str
    duplicates: list[Duplicate]

    def to_dict(self) -> dict[str, Any]:
        return {"keep": self.keep, "duplicates": [d.to_dict() for d in self.duplicates]}


@dataclass
class DedupResult:
    """Clusters sorted by kept file, duplicates by file; `too_short` lists documents with too
    few shingles for near-duplicate comparison (their exact/normalized copies are still found)."""

    clusters: list[Cluster] = field(default_factory=list)
    too_short: list[str] = field(default_factory=list)
    confirmed: int = 0  # candidate pairs whose exact overlap was computed (not from the PairStore)

    @property
    def duplicate_files(self) -> list[str]:
        """Every file that is a duplicate of a kept one, sorted."""
        return sorted(d.file for c in self.clusters for d in c.duplicates)

    def to_dict(self) -> dict[str, Any]:
        return {"clusters": [c.to_dict() for c in self.clusters], "too_short": list(self.too_short)}
