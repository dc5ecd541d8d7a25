"""One entry point for the per-document quality checks: quality_findings(text, settings).

The document is classified once (chars.profile: a UTF-32 encode and a table lookup) and every
check reads that profile, so each check's own cost is only its pre-filter on a typical document.
`boilerplate` is not here: it needs the whole corpus (see boilerplate.BoilerplateCounter).
"""

from __future__ import annotations

from .chars import profile
from .findings import DEFAULT_SETTINGS, PII_CODES, Finding, QualitySettings, cap, finding_order
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
    prof = profile(text)
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
