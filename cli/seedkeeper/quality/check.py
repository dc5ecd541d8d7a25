"""One entry point for the per-document quality checks: quality_findings(text, settings).

The document is classified once (chars.profile: a UTF-32 encode and a table lookup) and every
check reads that profile, so each check's own cost is only its pre-filter on a typical document.
`boilerplate` is not here: it needs the whole corpus (see boilerplate.BoilerplateCounter).
"""

from __future__ import annotations

from dataclasses import dataclass

from .chars import Profile, profile
from .findings import DEFAULT_SETTINGS, PII_CODES, Finding, QualitySettings, cap, finding_order
from .fingerprints import line_fingerprints
from .lowtext import lowtext_findings
from .markup import markup_findings
from .pii import pii_findings
from .repetition import repeated_findings


def quality_findings(text: str, settings: QualitySettings | None = None) -> list[Finding]:
    """Findings of every per-document code in `settings.codes`, sorted by (line, code).

    `text` is the decoded document with LF line ends (a CR stays part of its line); lines are 1-based.
    """
    s = settings or DEFAULT_SETTINGS
    if not text.strip():
        return []
    return _findings(text, profile(text), s)


def _findings(text: str, prof: Profile, s: QualitySettings) -> list[Finding]:
    found: list[Finding] = []
    if "markup" in s.codes:
        found += markup_findings(text, prof, s.excerpt_chars)
    if "repeated-lines" in s.codes:
        found += repeated_findings(text, prof, s)
    if "low-text" in s.codes:
        found += lowtext_findings(prof, s)
    pii = s.codes & PII_CODES
    if pii:
        by_code: dict[str, list[Finding]] = {}
        for f in pii_findings(text, frozenset(pii), prof):
            by_code.setdefault(f.code, []).append(f)
        for code_findings in by_code.values():
            found += cap(code_findings, s.max_per_code)
    return sorted(found, key=finding_order)


@dataclass(frozen=True)
class DocumentQuality:
    """What a cache keeps per document: its findings and its boilerplate fingerprints."""

    findings: tuple[Finding, ...]
    fingerprints: tuple[int, ...]


def document_quality(text: str, settings: QualitySettings | None = None) -> DocumentQuality:
    """quality_findings and line_fingerprints in one go, sharing the character profile (the cheap way)."""
    s = settings or DEFAULT_SETTINGS
    if not text.strip():
        return DocumentQuality((), ())
    prof = profile(text)
    fps = line_fingerprints(text, s.boilerplate_min_letters, prof) if "boilerplate" in s.codes else ()
    return DocumentQuality(tuple(_findings(text, prof, s)), fps)
