"""Where two near-duplicate documents differ: a few short excerpts, in near-linear time.

Tokens are white space, single characters of scripts written without spaces (Han, kana, Thai,
Lao, Khmer, Myanmar) and runs of other characters, so excerpts cut sensibly in every script.
A zero-width non-joiner (ZWNJ) is a token of its own, like white space: where one copy has
"می‌خواهم" and the other "می خواهم" or "میخواهم", or Hindi with and without one, a reader sees
the same word, and the excerpts show the changes they would see instead.

Each line quotes its own document, the change and the context around it alike (the two differ
around a change as soon as one repeats or moves text), and masks personal data as the pii-*
findings do (quality.pii), whole: a value that changed, or that the context would cut, is
bracketed or shown as its whole mask, never in part.
"""

from __future__ import annotations

import difflib
import re
from itertools import accumulate

# Diff tokens: white space and ZWNJ, one character of a no-space script, or a run of other
# characters. ZWNJ is cut out of words so that "می‌خواهم" and "می خواهم" align word by word.
_NO_SPACE = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ZWNJ = "\u200c"
_DIFF_TOKEN = re.compile(f"[\\s{_ZWNJ}]+|[{_NO_SPACE}]|[^\\s{_ZWNJ}{_NO_SPACE}]+")
_WHITE = re.compile(r"\s+")


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _spaced(s: str) -> str:
    """Every run of white space one space, kept at the ends too (where a quote joins the next)."""
    return _WHITE.sub(" ", s)


def _looks_the_same(old: str, new: str) -> bool:
    """Whether a change is invisible to a reader: only white space, or a ZWNJ against a space or
    against nothing (as normalize() counts it: a word separator in Arabic script, else nothing)."""
    return any(_one_line(old.replace(_ZWNJ, z)) == _one_line(new.replace(_ZWNJ, z)) for z in (" ", ""))


def _clip(s: str, limit: int, keep_end: bool = False) -> str:
    if len(s) <= limit:
        return s
    return "…" + s[-limit:] if keep_end else s[:limit] + "…"


# SequenceMatcher is quadratic in the worst case; past this many tokens a differing stretch is
# first aligned line by line, then word by word only within small differing line blocks.
_FINE_LIMIT = 4000


def _changes(ta: list[str], tb: list[str]):
    """Token-level opcodes (non-equal ones) in order, in near-linear time for long texts."""
    n = min(len(ta), len(tb))
    p = 0
    while p < n and ta[p] == tb[p]:
        p += 1
    q = 0
    while q < n - p and ta[len(ta) - 1 - q] == tb[len(tb) - 1 - q]:
        q += 1
    a_mid, b_mid = ta[p : len(ta) - q], tb[p : len(tb) - q]
    yield from _aligned(a_mid, b_mid, p, p)


def _aligned(ta: list[str], tb: list[str], oa: int, ob: int):
    if len(ta) + len(tb) <= _FINE_LIMIT:
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            if tag != "equal":
                yield tag, oa + i1, oa + i2, ob + j1, ob + j2
        return
    la, lb = _lines(ta), _lines(tb)
    if len(la) == 1 or len(lb) == 1:
        yield "replace", oa, oa + len(ta), ob, ob + len(tb)  # one giant line: show where it starts
        return
    keys_a = ["".join(ta[i:j]) for i, j in la]
    keys_b = ["".join(tb[i:j]) for i, j in lb]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b).get_opcodes():
        if tag == "equal":
            continue
        a0, a1 = (la[i1][0], la[i2 - 1][1]) if i2 > i1 else ((la[i1][0],) * 2 if i1 < len(la) else (len(ta),) * 2)
        b0, b1 = (lb[j1][0], lb[j2 - 1][1]) if j2 > j1 else ((lb[j1][0],) * 2 if j1 < len(lb) else (len(tb),) * 2)
        if (a1 - a0) + (b1 - b0) <= _FINE_LIMIT:
            yield from _aligned(ta[a0:a1], tb[b0:b1], oa + a0, ob + b0)
        else:
            yield "replace", oa + a0, oa + a1, ob + b0, ob + b1


def _lines(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of lines: a white-space token holding a newline ends one."""
    spans, start = [], 0
    for i, t in enumerate(tokens):
        if "\n" in t:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _merged(changes, ta: list[str]):
    """(i1, i2, j1, j2) of each change, changes that only white space separates made one.

    White space is in every text, so the aligner matches a space token of a rewritten sentence
    to one of its replacement and cuts the rewrite into one change per word; shown that way, one
    rewritten sentence would take every excerpt.
    """
    pending = None
    for _tag, i1, i2, j1, j2 in changes:
        if pending and all(_is_separator(t) for t in ta[pending[1] : i1]):
            pending = (pending[0], i2, pending[2], j2)
            continue
        if pending:
            yield pending
        pending = (i1, i2, j1, j2)
    if pending:
        yield pending


def _is_separator(token: str) -> bool:
    return token[0].isspace() or token[0] == _ZWNJ  # separator tokens hold nothing else


class _Side:
    """One document of the pair: its diff tokens, where each starts, and how to quote a stretch of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _DIFF_TOKEN.findall(text)  # the tokens cover the text: every character is in one
        self.starts = list(accumulate(map(len, self.tokens), initial=0))
        self._pii = None

    @property
    def pii(self) -> list:
        """The personal data in the text (quality.pii's hits), found once, when a line is quoted."""
        if self._pii is None:
            from seedkeeper.quality.pii import find_pii

            self._pii = find_pii(self.text)
        return self._pii

    def _shown(self, lo: int, hi: int) -> str:
        """text[lo:hi] as a line shows it: personal data masked whole, as the pii-* findings do
        (README: never printed whole), white space as single spaces."""
        from seedkeeper.quality.pii import masked_span

        return _spaced(masked_span(self.text, lo, hi, self.pii))

    def quote(self, i1: int, i2: int, context: int) -> str:
        """Tokens i1:i2 in [brackets] with up to `context` characters of this document either side.

        White space at the ends of the changed part is shown as context, outside the brackets, and
        no space is added around them: the line less its brackets and ellipses is this document's
        text, white space shown as single spaces ("茶[园]散步" as written, not "茶 [园] 散步"), and
        personal data masked.
        """
        s, e = self.starts[i1], self.starts[i2]
        changed = self.text[s:e]
        s += len(changed) - len(changed.lstrip())
        e -= len(changed) - len(changed.rstrip())
        # A changed digit or letter inside an address or a number brackets the whole value: its
        # mask, never the changed part alone, and the context then starts where the value ends.
        for h in self.pii:
            if h.start < e and h.end > s:
                s, e = min(s, h.start), max(e, h.end)
        before, after = self._before(s, context), self._after(e, context)
        return f"{before}[{_clip(self._shown(s, e), 3 * context)}]{after}".rstrip()

    def _before(self, s: int, context: int) -> str:
        # A window of the text, widened until white space collapsed it still fills the context:
        # joining the whole prefix would make every excerpt cost the document's length.
        width = 4 * context
        while True:
            lo = max(0, s - width)
            shown = self._shown(lo, s)
            if lo == 0 or len(shown) > context:
                return _clip(shown.lstrip() if lo == 0 else shown, context, keep_end=True)
            width *= 4

    def _after(self, e: int, context: int) -> str:
        width = 4 * context
        while True:
            hi = min(len(self.text), e + width)
            shown = self._shown(e, hi)
            if hi == len(self.text) or len(shown) > context:
                return _clip(shown, context)
            width *= 4


def diff_excerpt(a: str, b: str, context: int = 40, max_parts: int = 3) -> list[str]:
    """Short excerpts of where two near-duplicate texts differ, for people to read.

    For each of the first `max_parts` differing places: "- " + the text of `a` around it and/or
    "+ " + the text of `b` around it, each with up to `context` characters of its own document
    either side and the changed part in [brackets]; white space is shown as single spaces and
    personal data masked. Identical texts give [].
    """
    sa, sb = _Side(a), _Side(b)
    out: list[str] = []
    parts = 0
    for i1, i2, j1, j2 in _merged(_changes(sa.tokens, sb.tokens), sa.tokens):
        old, new = "".join(sa.tokens[i1:i2]), "".join(sb.tokens[j1:j2])
        if _looks_the_same(old, new):
            continue  # only white space or ZWNJ differs here
        if parts == max_parts:
            out.append("… and more differences")
            break
        parts += 1
        # Each line quotes its own document around the change: the two may differ there too
        # (an earlier change, or text that one repeats), so one's context is no quote of the other.
        if _one_line(old):
            out.append("- " + sa.quote(i1, i2, context))
        if _one_line(new):
            out.append("+ " + sb.quote(j1, j2, context))
    return out
