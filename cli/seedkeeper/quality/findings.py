"""The records and settings every quality check shares: Finding, QualitySettings, QUALITY_CODES.

A Finding is deliberately smaller than the project's Problem: the checks know nothing about files
or severities, so the integrator can map (code, line, message) onto Problem(file, code, severity,
message, line) with the default severities below, and apply its own select/ignore policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from seedkeeper.problems import CODES

Severity = Literal["error", "warning"]

# The codes of this package, with their default severity and description from the project's table.
QUALITY_CODES: dict[str, tuple[Severity, str]] = {
    code: CODES[code]
    for code in (
        "markup",
        "repeated-lines",
        "boilerplate",
        "low-text",
        "pii-email",
        "pii-phone",
        "pii-ip",
        "pii-card",
        "pii-iban",
    )
}

PII_CODES = frozenset(c for c in QUALITY_CODES if c.startswith("pii-"))
# The codes quality_findings() computes from one document alone; boilerplate needs the corpus.
DOCUMENT_CODES = frozenset(QUALITY_CODES) - {"boilerplate"}


@dataclass(frozen=True)
class Finding:
    """One finding in one document: `line` is 1-based in the text as given (LF line ends)."""

    code: str
    line: int
    message: str


def finding_order(f: Finding) -> tuple[int, str, str]:
    """Sort key every result uses: by line, then code (then message, so the order is total)."""
    return (f.line, f.code, f.message)


@dataclass(frozen=True)
class QualitySettings:
    """Thresholds for every quality check; the defaults are what the benchmark was tuned with."""

    # Codes to compute (a check whose codes are all off is not run at all: it saves its time).
    # "boilerplate" here only tells document_quality to compute fingerprints.
    codes: frozenset[str] = field(default=frozenset(QUALITY_CODES))
    # At most this many findings of one code per document; the last one says how many more.
    max_per_code: int = 10

    # low-text: letters (L* and M*) under this share of the non-space characters...
    min_letter_share: float = 0.5
    # ...counted only in documents with at least this many non-space characters.
    low_text_min_chars: int = 80
    # An unbroken run of base64/hex characters at least this long is an encoded blob.
    blob_min_chars: int = 200

    # repeated-lines: Gopher-style thresholds (Rae et al. 2021, table A1), by count and by characters.
    dup_line_share: float = 0.30
    dup_para_share: float = 0.30
    dup_line_char_share: float = 0.20
    dup_para_char_share: float = 0.20
    # Documents with fewer non-empty lines than this are not judged (two lines prove little).
    repeat_min_lines: int = 3

    # boilerplate: a candidate line has at least this many letters (wide CJK letters count 2)...
    boilerplate_min_letters: int = 15
    # ...and is reported when it is in at least max(min_docs, ceil(min_share * corpus size)) documents.
    boilerplate_min_docs: int = 10
    boilerplate_min_share: float = 0.001

    # Shown excerpts (boilerplate lines, markup examples, repeated lines) are cut to this many characters.
    excerpt_chars: int = 60

    def cache_key(self) -> str:
        """Every threshold, in a stable order (the codes sorted): part of every cache key that
        quality results are stored under."""
        values = [v for k, v in sorted(vars(self).items()) if k != "codes"]
        return f"{sorted(self.codes)}:{values}"


DEFAULT_SETTINGS = QualitySettings()


def cap(findings: list[Finding], limit: int) -> list[Finding]:
    """Keep the first `limit` findings of one code; the last kept one says how many were left out."""
    if limit <= 0 or len(findings) <= limit:
        return findings
    kept = findings[:limit]
    last = kept[-1]
    more = len(findings) - limit
    kept[-1] = Finding(last.code, last.line, f"{last.message} (and {more} more in this document)")
    return kept
