"""Problem codes, their default severities, and the Problem record every check returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["error", "warning"]

# The contract from interface.md: code -> (default severity, one-line description).
CODES: dict[str, tuple[Severity, str]] = {
    "index-missing": ("error", "the folder has no INDEX.md"),
    "index-unreadable": ("error", "INDEX.md is not UTF-8 text or not a regular file"),
    "missing-file": ("error", "listed in INDEX.md, not on disk"),
    "unlisted-file": ("error", "a document on disk that INDEX.md does not list"),
    "duplicate-entry": ("error", "listed more than once"),
    "unsafe-path": ("error", "an entry that leaves the folder; never read"),
    "not-a-file": ("error", "an entry that is a folder, FIFO, device or socket; never opened"),
    "not-utf8": ("error", "invalid UTF-8"),
    "binary": ("error", "NUL bytes or other signs of a non-text file"),
    "empty": ("error", "no text but white space"),
    "too-large": ("error", "over the size limit; not read whole"),
    "too-short": ("warning", "under the minimum length"),
    "bom": ("warning", "starts with a UTF-8 byte-order mark"),
    "crlf": ("warning", "CR or CRLF line endings"),
    "control-char": ("warning", "C0/C1 control characters other than tab and newline"),
    "bidi-control": ("warning", "bidi embedding, override or isolate controls"),
    "not-nfc": ("warning", "text not in Unicode NFC"),
    "mojibake": ("warning", "text that was decoded with the wrong encoding"),
    "bad-name": ("warning", "file name does not match the pattern"),
    "exact-duplicate": ("error", "same bytes or same normalized text as an earlier document"),
    "near-duplicate": ("warning", "similarity at or over the threshold with an earlier document"),
    "contained-duplicate": ("warning", "the document's text is (nearly all) contained in a longer document"),
    "lang-undetermined": ("warning", "language could not be determined"),
    "lang-mismatch": ("warning", "the language written in INDEX.md differs from the detected one"),
    "lang-not-allowed": ("warning", "the detected language is not in the configured allow-list"),
    "index-outdated": ("error", "INDEX.md is not what `seedkeeper index` would write"),
    # Content quality and personal data (seedkeeper.quality computes them).
    "markup": ("warning", "HTML/XML tags or character entities left in the text"),
    "repeated-lines": ("warning", "a large share of the document's lines or paragraphs repeat within it"),
    "boilerplate": ("warning", "a line that also appears in many other documents of the corpus"),
    "low-text": ("warning", "letters are a small share of the characters (tables, symbol art, encoded blobs)"),
    "pii-email": ("warning", "an e-mail address"),
    "pii-phone": ("warning", "a phone number in international form (+ and country code)"),
    "pii-ip": ("warning", "an IPv4 or IPv6 address"),
    "pii-card": ("warning", "a payment card number that passes the Luhn check"),
    "pii-iban": ("warning", "an IBAN whose mod-97 check digits are valid"),
    "unused-ignore": ("warning", "a per-file-ignores entry or an `ignore:` note that matches no finding"),
}


# Codes about an INDEX.md entry: their `line` is the entry's line in INDEX.md (where the fix
# goes), not a line of the document. Outputs that annotate files put these on INDEX.md.
INDEX_LINE_CODES = frozenset(
    {
        "missing-file",
        "duplicate-entry",
        "unsafe-path",
        "not-a-file",
        "bad-name",
        "index-unreadable",
        "index-outdated",
        "lang-mismatch",
        "unused-ignore",
    }
)


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: a code about a file (or the folder when file is None), with a line if known."""

    file: str | None
    code: str
    severity: Severity
    message: str
    line: int | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
        }


def make(code: str, file: str | None, message: str, line: int | None = None) -> Problem:
    """Build a Problem with the code's default severity (settings may change it later)."""
    return Problem(file=file, code=code, severity=CODES[code][0], message=message, line=line)


def sort_key(p: Problem) -> tuple:
    """Folder-level problems first, then by file, line, code: the order every output uses."""
    return (p.file is not None, p.file or "", p.line or 0, p.code, p.message)


def matches(code: str, selectors: Iterable[str]) -> bool:
    """True when a code is named by one of the selectors (a code, a prefix ending in "-", or ALL)."""
    return _matches(code, selectors)


def _matches(code: str, selectors: Iterable[str]) -> bool:
    # A selector is a whole code or a prefix ending in "-" ("lang-") or "ALL", like ruff's.
    for s in selectors:
        if s == "ALL" or s == code or (s.endswith("-") and code.startswith(s)):
            return True
    return False


def is_selected(code: str, select: Iterable[str] = ("ALL",), ignore: Iterable[str] = ()) -> bool:
    """Whether the select/ignore policy checks `code` (apply_policy keeps its findings)."""
    return _matches(code, select) and not _matches(code, ignore)


def apply_policy(
    problems: Iterable[Problem],
    select: Iterable[str] = ("ALL",),
    ignore: Iterable[str] = (),
    severities: dict[str, Severity] | None = None,
) -> list[Problem]:
    """Keep the selected, non-ignored codes, apply severity overrides, and sort."""
    select, ignore, severities = list(select), list(ignore), dict(severities or {})
    out = []
    kept: dict[str, bool] = {}  # code -> selected and not ignored: asked once per code, not per finding
    for p in problems:
        keep = kept.get(p.code)
        if keep is None:
            keep = kept[p.code] = is_selected(p.code, select, ignore)
        if not keep:
            continue
        if p.code in severities and severities[p.code] != p.severity:
            p = replace(p, severity=severities[p.code])
        out.append(p)
    return sorted(set(out), key=sort_key)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """True when the problems should fail a run (warnings count too when strict)."""
    return any(p.severity == "error" or strict for p in problems)
