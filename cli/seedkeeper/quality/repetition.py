"""Lines and paragraphs repeated within one document (a paragraph pasted five times, every line doubled).

The rules follow Gopher's repetition filter (Rae et al. 2021, "Scaling Language Models", table A1):
the share of lines that repeat an earlier line, the share of paragraphs that repeat an earlier
paragraph, and the share of characters those repeats hold. Only the first occurrence is an
original; every later copy counts. Gopher's n-gram rules are left out: they need words, and
Chinese or Thai have no spaces between words.

Lines without any letter or digit (separators like `***`, `---`) and one-character lines are
ignored: a news story may use the same separator between all its sections.
"""

from __future__ import annotations

import re

from .chars import Profile
from .findings import Finding, QualitySettings

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_ALNUM = re.compile(r"[^\W_]")


def _repeats(items: list[str]) -> tuple[int, int, str | None, int]:
    """(count of repeats, characters in repeats, first repeated item, its index in items)."""
    seen: set[str] = set()
    dups = dup_chars = 0
    first: str | None = None
    first_at = -1
    for i, item in enumerate(items):
        if item in seen:
            dups += 1
            dup_chars += len(item)
            if first is None:
                first, first_at = item, i
        else:
            seen.add(item)
    return dups, dup_chars, first, first_at


def _substantial(line: str) -> bool:
    return len(line) > 1 and _ALNUM.search(line) is not None


def repeated_findings(text: str, prof: Profile, settings: QualitySettings) -> list[Finding]:
    """At most one finding: the first repeated line, with the shares that crossed a threshold."""
    numbered = [(i, s) for i, raw in enumerate(text.split("\n"), 1) if _substantial(s := raw.strip())]
    if len(numbered) < settings.repeat_min_lines:
        return []
    lines = [s for _, s in numbered]
    if len(set(lines)) == len(lines):
        return []  # no line repeats, so no paragraph can (the usual case: stop here)
    chars = sum(map(len, lines))
    dups, dup_chars, first, at = _repeats(lines)
    reasons = []
    if dups / len(lines) > settings.dup_line_share:
        reasons.append(f"{dups} of {len(lines)} lines repeat an earlier line")
    if chars and dup_chars / chars > settings.dup_line_char_share:
        reasons.append(f"repeated lines hold {dup_chars / chars:.0%} of the characters")
    paragraphs = ["\n".join(x.strip() for x in p.split("\n")) for p in _PARAGRAPH_BREAK.split(text.strip())]
    paragraphs = [p for p in paragraphs if _substantial(p)]
    if len(paragraphs) > 1:
        pdups, pchars, _, _ = _repeats(paragraphs)
        ptotal = sum(map(len, paragraphs))
        if pdups / len(paragraphs) > settings.dup_para_share:
            reasons.append(f"{pdups} of {len(paragraphs)} paragraphs repeat an earlier paragraph")
        elif ptotal and pchars / ptotal > settings.dup_para_char_share:
            reasons.append(f"repeated paragraphs hold {pchars / ptotal:.0%} of the characters")
    if not reasons or first is None:
        return []
    from .masking import quoted, shorten
    from .pii import mask_pii

    line_no = numbered[at][0]
    original = numbered[lines.index(first)][0]
    excerpt = shorten(mask_pii(first), settings.excerpt_chars)
    message = f"{'; '.join(reasons)}; first repeat: line {line_no} repeats line {original}: {quoted(excerpt)}"
    return [Finding("repeated-lines", line_no, message)]
