"""What `fix` does to INDEX.md: the managed table refreshed for the repaired documents, which
also adopts the entries a person listed by hand outside it (as `seedkeeper index` does); in a
dry run, what it would write, computed from the repaired bytes without writing them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.corpus.survey import survey
from seedkeeper.errors import IndexWriteError
from seedkeeper.settings import Settings

from .index_rows import adopted_files, current_text, index_write_reason, render_for, write_rows

_FEATURES = Features(dedup=True, lang=True)  # what the table's rows say


@dataclass
class IndexChange:
    """INDEX.md's change: whether it was (or would be) rewritten, the documents adopted from
    hand-written entries, and (for a preview) the unified diff."""

    changed: bool = False
    adopted: list[str] = field(default_factory=list)
    diff: str = ""


def preview(root: Path, settings: Settings, repaired: Mapping[str, bytes], cache: CacheSpec | None) -> IndexChange:
    """What refreshing the managed table would change once `repaired` (rel -> new bytes) are written."""
    from seedkeeper.indexmd.files import unified_diff

    s = survey(root, settings, features=_FEATURES, cache=cache, replaced=repaired)
    old = current_text(s)
    new = render_for(s, old)
    if new == old:
        return IndexChange()
    return IndexChange(True, adopted_files(s), unified_diff(old, new, INDEX_NAME))


def refresh(root: Path, settings: Settings, cache: CacheSpec | None, repaired: list[str]) -> IndexChange:
    """Rewrite the managed table for the folder as it is now (the `repaired` documents written).
    Raises IndexWriteError naming the repaired documents when INDEX.md cannot be rewritten."""
    s = survey(root, settings, features=_FEATURES, cache=cache)
    adopted = adopted_files(s)
    try:
        written, _ = write_rows(s)
    except IndexWriteError as exc:
        # The documents are repaired (atomically, each): only the table's refresh was refused.
        reason = index_write_reason(exc)
        raise IndexWriteError(f"repaired {', '.join(repaired)}; INDEX.md was not rewritten: {reason}") from exc
    return IndexChange(written, adopted if written else [])
