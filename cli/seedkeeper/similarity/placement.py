"""Where a contained document's text sits in its container, and what the container adds.

The container is cut into blocks: paragraphs (blank-line separated), else lines, else
sentences. A block belongs to the contained text when at least half of its shingles are among
the contained document's shingles (so an edited word or two does not move the edges). The
result reads "paragraphs 4-9 of 12", with a short excerpt of each end of the contained text
(personal data masked, as the pii-* findings mask it), and the blocks outside that range (or
inside it, not in the contained text) that the container adds, with their size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from seedkeeper.similarity.minhash import shingles
from seedkeeper.similarity.normalize import normalize

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE = re.compile(r"(?<=[.!?。！？؟])\s+|(?<=[。！？])")


@dataclass(frozen=True)
class Placement:
    """Blocks `first`-`last` (1-based) of `total` hold the contained text; `added` are the runs of
    other blocks (first, last, characters); `head`/`tail` excerpt the contained text's ends."""

    unit: str  # "paragraphs", "lines" or "sentences"
    first: int
    last: int
    total: int
    head: str
    tail: str
    added: list[tuple[int, int, int]] = field(default_factory=list)

    def lines(self, container: str) -> list[str]:
        """Two or three lines for people: where, the two ends, and what the container adds."""
        out = [f"{self._span(self.first, self.last)} of {self.total} of {container}"]
        out.append(f"from “{self.head}” to “{self.tail}”")
        if self.added:
            runs = [f"{self._span(a, b)} ({chars:,} characters)" for a, b, chars in self.added[:4]]
            if len(self.added) > 4:
                runs.append(f"{len(self.added) - 4} more runs")
            text = runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1]
            out.append(f"{container} adds {text}")
        else:
            out.append(f"{container} adds no whole {self.unit[:-1]}: only small changes")
        return out

    def _span(self, a: int, b: int) -> str:
        return f"{self.unit} {a}-{b}" if a != b else f"{self.unit[:-1]} {a}"


def _blocks(text: str) -> tuple[str, list[str]]:
    for unit, parts in (
        ("paragraphs", _BLANK.split(text)),
        ("lines", text.split("\n")),
        ("sentences", _SENTENCE.split(text)),
    ):
        blocks = [p for p in parts if p.strip()]
        if len(blocks) >= 3 or unit == "sentences":
            return unit, blocks
    return "sentences", [text]  # pragma: no cover - the loop always returns


def _clip(s: str, limit: int, keep_end: bool = False) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    return "…" + s[-limit:].lstrip() if keep_end else s[:limit].rstrip() + "…"


def locate(contained: str, container: str, excerpt: int = 40) -> Placement:
    """Where `contained` sits in `container` (see the module docstring)."""
    inside = shingles(normalize(contained))
    unit, blocks = _blocks(container)
    hits = []
    for b in blocks:
        sh = shingles(normalize(b))
        share = float(np.isin(sh, inside, assume_unique=True).mean()) if sh.size else 0.0
        hits.append(share >= 0.5)
    covered = [i for i, h in enumerate(hits) if h]
    first, last = (covered[0], covered[-1]) if covered else (0, len(blocks) - 1)
    added: list[tuple[int, int, int]] = []
    run: list[int] = []
    for i, h in enumerate(hits + [True]):
        if not h:
            run.append(i)
        elif run:
            added.append((run[0] + 1, run[-1] + 1, sum(len(blocks[k].strip()) for k in run)))
            run = []
    from seedkeeper.quality.pii import mask_pii

    # Masked before it is cut, so that a value at an end is shown masked, never in part (README).
    shown = mask_pii(contained)
    return Placement(unit, first + 1, last + 1, len(blocks), _clip(shown, excerpt), _clip(shown, excerpt, True), added)
