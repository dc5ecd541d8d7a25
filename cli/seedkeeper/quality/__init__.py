"""Content quality and personal data (issue 11): pure checks on document text.

Nothing here prints, exits, or imports the CLI: each function takes text and returns Findings
`(code, line, message)`, which the pipeline maps onto its Problem records with the default
severities of QUALITY_CODES.

    quality_findings(text, settings)        markup, repeated-lines, low-text, pii-* of one document
    document_quality(text, settings)        the same plus the document's line fingerprints (cache this)
    line_fingerprints(text, min_letters)    per document, cacheable: hashes of candidate lines
    BoilerplateCounter().add(fps) ...       across the corpus: `boilerplate` findings per document
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedkeeper._lazy import lazy_exports

# Bump when a finding or fingerprint may change for the same text (a cache key part).
# 3: excerpts show ZWNJ, ZWJ, LRM and RLM as themselves, not as `\u200c` (masking.quoted).
# 4: a signed amount in thousands ("+49 000 000 рублей") is no pii-phone; a full-width ＋ starts one.
# 5: ... nor a piece of it one group shorter ("+44 207 946 000").
# 6: a card number grouped by full-width separators (４１１１－１１１１… or the ideographic space) is found.
# 7: an address after a Hebrew prefix letter and a hyphen ("ל-dana@example.co.il") is found.
# 8: an address in a URL's query string (`?email=reza@example.ir`) is found.
QUALITY_VERSION = "8"

# public name -> module of this package that defines it, imported on first use: a run answered
# from the cache needs the version and the settings record, not the checks' regexes and tables.
_LAZY = {
    "BoilerplateCounter": "boilerplate",
    "boilerplate_by_document": "boilerplate",
    "line_fingerprint": "fingerprints",
    "line_fingerprints": "fingerprints",
    "pack_fingerprints": "fingerprints",
    "unpack_fingerprints": "fingerprints",
    "DocumentQuality": "check",
    "document_quality": "check",
    "quality_findings": "check",
    "DOCUMENT_CODES": "findings",
    "PII_CODES": "findings",
    "QUALITY_CODES": "findings",
    "Finding": "findings",
    "QualitySettings": "findings",
    "finding_order": "findings",
    "shorten": "masking",
    "PiiHit": "pii",
    "find_pii": "pii",
    "mask_pii": "pii",
}


if TYPE_CHECKING:  # the names __getattr__ gives, for type checkers
    from .boilerplate import BoilerplateCounter, boilerplate_by_document
    from .check import DocumentQuality, document_quality, quality_findings
    from .findings import DOCUMENT_CODES, PII_CODES, QUALITY_CODES, Finding, QualitySettings, finding_order
    from .fingerprints import line_fingerprint, line_fingerprints, pack_fingerprints, unpack_fingerprints
    from .masking import shorten
    from .pii import PiiHit, find_pii, mask_pii

__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "QUALITY_VERSION",
    "BoilerplateCounter",
    "DOCUMENT_CODES",
    "DocumentQuality",
    "Finding",
    "PII_CODES",
    "PiiHit",
    "QUALITY_CODES",
    "QualitySettings",
    "boilerplate_by_document",
    "document_quality",
    "find_pii",
    "finding_order",
    "line_fingerprint",
    "line_fingerprints",
    "mask_pii",
    "pack_fingerprints",
    "quality_findings",
    "shorten",
    "unpack_fingerprints",
]
