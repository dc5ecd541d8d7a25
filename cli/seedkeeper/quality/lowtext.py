"""Documents that are mostly not text: number tables, symbol art, encoded blobs.

Two signals, both script-agnostic:
- the share of letters (Unicode L* and M*, so Indic and Thai vowel signs count) among the
  non-space characters is under `min_letter_share`. White space and format characters (ZWNJ,
  ZWJ, LRM, RLM) are left out of the count, so Persian and Arabic text is not penalised.
- an unbroken run of `blob_min_chars` base64/hex characters (A-Z a-z 0-9 + / =) that holds
  both digits and letters: base64 is mostly letters, so the share alone would miss it. No
  language writes 200 ASCII letters without a space; Chinese and Thai runs are not ASCII.
The finding points at the first line of the longest stretch of low-letter lines (or the blob).
"""

from __future__ import annotations

import numpy as np

from .chars import B64, LETTER, SPACE, Profile
from .findings import Finding, QualitySettings


def _blob(prof: Profile, min_chars: int) -> tuple[int, int] | None:
    """(offset, length) of the first long base64/hex run, found with numpy before any regex."""
    if prof.count(B64) < min_chars:
        return None  # most non-Latin documents stop here
    not_b64 = np.flatnonzero((prof.flags & B64) == 0)
    bounds = np.concatenate(([-1], not_b64, [len(prof.flags)]))
    gaps = np.diff(bounds) - 1
    for i in np.flatnonzero(gaps >= min_chars).tolist():
        start, length = int(bounds[i]) + 1, int(gaps[i])
        run = prof.text[start : start + length]
        if any(c.isdigit() for c in run) and any(c.isalpha() for c in run):
            return start, length
    return None


def _first_low_line(prof: Profile, share: float) -> int:
    """First line of the longest stretch of lines whose own letter share is under `share`."""
    letters = np.concatenate(([0], np.cumsum((prof.flags & LETTER) != 0)))
    solid = np.concatenate(([0], np.cumsum((prof.flags & SPACE) == 0)))
    best, best_len, run_start, run_len = 1, 0, 1, 0
    for line in range(1, len(prof.line_starts) + 1):
        s, e = prof.line_span(line)
        n = int(solid[e] - solid[s])
        low = n > 0 and int(letters[e] - letters[s]) / n < share
        if low:
            run_start, run_len = (run_start, run_len + 1) if run_len else (line, 1)
            if run_len > best_len:
                best, best_len = run_start, run_len
        elif n > 0:
            run_len = 0
    return best


def lowtext_findings(prof: Profile, settings: QualitySettings) -> list[Finding]:
    """At most one finding: the letter share, or the first encoded blob."""
    solid = len(prof.flags) - prof.count(SPACE)
    if solid >= settings.low_text_min_chars:
        share = prof.count(LETTER) / solid
        if share < settings.min_letter_share:
            line = _first_low_line(prof, settings.min_letter_share)
            message = (
                f"letters are {share:.0%} of the {solid:,} non-space characters (under "
                f"{settings.min_letter_share:.0%}): a table of numbers, symbols or encoded data"
            )
            return [Finding("low-text", line, message)]
    blob = _blob(prof, settings.blob_min_chars)
    if blob is not None:
        start, length = blob
        return [
            Finding(
                "low-text",
                prof.line_of(start),
                f"an encoded blob of {length:,} base64/hex characters with no space (binary data pasted as text)",
            )
        ]
    return []
