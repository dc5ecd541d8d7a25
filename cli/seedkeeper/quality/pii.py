"""Personal data: e-mail addresses, international phone numbers, IP addresses, card numbers, IBANs.

Each detector is a regex that proposes and a validator that decides (pii_validators: Luhn for cards,
mod 97 for IBANs, the ITU country-code list and E.164 lengths for phones, `ipaddress` for IPv6), so dates,
prices, scores, ISBNs and version numbers stay quiet. The regexes run only on the lines a numpy
pre-filter picked (chars.Profile): most documents have no '@', no '+' before digits, no run of
13 digits, and never pay for those scans.

Choices worth knowing:
- A phone number must be in international form (+ and a valid country code, 8-15 digits); local
  forms like 0912 345 6789 are not reported: without a country they are as often order numbers.
- Digits of every script count for phones, cards and IBANs (+۹۸ ۹۱۲ ...). IP addresses are ASCII
  only: nobody writes an address in Persian digits, and Persian decimals must not look like one.
- A dotted quad whose four parts are all single digits (1.2.3.4, 8.8.8.8, 1.1.1.1) is taken as a
  version number or a public resolver, not as personal data; so are 0.x, 127.x and 224-255.x,
  and anything glued to a letter (v1.20.3.4) or with a fifth part (1.2.3.4.5). A version with a
  multi-digit part written alone ("version 10.0.0.12") is reported: it is a valid address, and
  telling the two apart would need words of each language before it.
- A URL is not an e-mail: an '@' after '://' in the same token (user-info, /@handle paths) is not
  reported, unless the URL's query string holds it (`?email=...`); `mailto:` addresses are.
  `logo@2x.png` (image scale suffixes) is not an address.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import pii_validators as valid
from .chars import ASCII_DIGIT, ASCII_UPPER, Profile, dense_runs, profile
from .findings import PII_CODES, Finding

# Look-arounds are ASCII on purpose: Chinese, Thai or Japanese text runs into an address or a
# number with no space ("请联系zhang@example.cn。"), and CJK letters are \w to Python.
# A hyphen before the address ends it there, but for Hebrew's one-letter prepositions glued to a
# Latin word with one ("ל-dana@example.co.il", "to dana@..."): that hyphen is not part of it.
_EMAIL = re.compile(
    r"(?:(?<![A-Za-z0-9._%+-])|(?<=[\u05d0-\u05ea]-))[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
    r"(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9]{2})"
)
_ANY_DIGIT = re.compile(r"\d")
# The plus may be full-width (＋, as a Chinese or Japanese input method types it beside
# full-width digits, "＋８６ １３８ ００１３ ８０００"), and so may the hyphens (－).
_PHONE = re.compile(
    r"(?<![A-Za-z\d+\uff0b_])[+\uff0b][ \u00a0]?\(?\d{1,5}\)?(?:(?:[ \u00a0.\-\uff0d]|\) ?| ?\()?\d{1,5}\)?){1,7}"
    r"(?![A-Za-z\d_])"
)
# Groups are set apart by a space or a hyphen, or by their full-width forms (the ideographic space
# U+3000 and U+FF0D) that a Japanese or Chinese input method types with full-width digits.
_CARD = re.compile(
    r"(?<![A-Za-z\d_\-\uff0d+/])(?<!\d[.,])\d(?:[ \-\u3000\uff0d]?\d){12,18}"
    r"(?![ \-\u3000\uff0d]?\d|[.,]\d|[A-Za-z_])"
)
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d\d(?: ?[A-Z\d]{1,4}){2,8}(?![a-z])")
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"(?<![A-Za-z0-9_.]){_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}(?![A-Za-z0-9_]|\.[0-9])")
_IPV6 = re.compile(
    r"(?<![A-Za-z0-9_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})?"
    r"(?![A-Za-z0-9_:])"
)


@dataclass(frozen=True)
class PiiHit:
    """One piece of personal data: its code, character offsets in the text, and its masked form."""

    code: str
    start: int
    end: int
    masked: str


def _positions(p: Profile, char: str) -> np.ndarray:
    return p.positions(char)


def _plus_signs(p: Profile) -> np.ndarray:
    """Offsets of "+" and of the full-width "＋" that CJK input methods type."""
    return np.union1d(p.positions("+"), p.positions("\uff0b"))


def _pairs(p: Profile, first: int, second: int) -> np.ndarray:
    """Offsets where two flagged characters follow each other (first at i, second at i+1)."""
    f = p.flags
    return np.flatnonzero((f[:-1] & first).astype(bool) & (f[1:] & second).astype(bool))


def _digit_dot_digit(p: Profile) -> np.ndarray:
    """Offsets of an ASCII digit followed by a dot and another ASCII digit (a dotted quad needs three)."""
    d = (p.flags & ASCII_DIGIT).astype(bool)
    if len(d) < 3 or "." not in p.text:
        return p.cps[:0]
    hits = np.flatnonzero(d[:-2] & (p.cps[1:-1] == 46) & d[2:])
    return hits if len(hits) >= 3 else hits[:0]


# code -> (candidate offsets in a profile, regex, validator returning the masked text or None)
_Detector = tuple[str, Callable[[Profile], np.ndarray], re.Pattern, Callable[[str, str, int], "str | None"]]
_DETECTORS: list[_Detector] = [
    ("pii-email", lambda p: _positions(p, "@"), _EMAIL, valid.email),
    (
        "pii-phone",
        lambda p: _plus_signs(p) if len(dense_runs(p.digit_positions(), 8, 24)) else p.cps[:0],
        _PHONE,
        valid.phone,
    ),
    ("pii-card", lambda p: dense_runs(p.digit_positions(), 13, 24), _CARD, valid.card),
    (
        "pii-iban",
        lambda p: _pairs(p, ASCII_UPPER, ASCII_UPPER) if len(dense_runs(p.digit_positions(), 10, 40)) else p.cps[:0],
        _IBAN,
        valid.iban,
    ),
    ("pii-ip", _digit_dot_digit, _IPV4, valid.ipv4),
    (
        "pii-ip",
        lambda p: _positions(p, ":") if "::" in p.text or p.text.count(":") >= 7 else p.cps[:0],
        _IPV6,
        valid.ipv6,
    ),
]


def _zero(ch: str) -> int:
    """The code point of the zero of a digit's script (Persian, Devanagari...): tells scripts apart."""
    return ord(ch) - int(ch)


def _shorter(code: str, raw: str) -> str | None:
    """`raw` less its last group, when a number ran into the next one ("+1 555 010 1618 22").

    Cards are cut only where the digits change script ("4111 ... 1111 ६."): two numbers written
    in the same script one after the other stay one unknown number.
    """
    k = max(raw.rfind(" "), raw.rfind("-"), raw.rfind("\u00a0"), raw.rfind("\u3000"), raw.rfind("\uff0d"))
    if k <= 0:
        return None
    head, tail = raw[:k].rstrip(" -(\u00a0\u3000\uff0d"), raw[k + 1 :].lstrip("(")
    if code == "pii-card" and not (tail[:1].isdecimal() and _zero(tail[0]) != _zero(raw[0])):
        return None
    return head


def _scan(code: str, regex: re.Pattern, validate, body: str):
    """(start, end, masked) of each valid match; a rejected candidate is retried shorter, then one on."""
    pos = 0
    while (m := regex.search(body, pos)) is not None:
        raw = m.group()
        masked = validate(raw, body, m.start())
        # An amount in thousands stays one: a shorter piece of it is no phone number either.
        retry = code == "pii-card" or (code == "pii-phone" and not valid.signed_amount(raw))
        while masked is None and retry:
            raw = _shorter(code, raw)
            if raw is None or not regex.fullmatch(raw):
                break
            masked = validate(raw, body, m.start())
        if masked is not None and raw is not None:
            yield m.start(), m.start() + len(raw), masked
            pos = m.start() + len(raw)
        else:
            pos = m.start() + 1  # "14 6219 7384 ...": the card may start at the next group


def find_pii(text: str, codes: frozenset[str] = PII_CODES, prof: Profile | None = None) -> list[PiiHit]:
    """Every piece of personal data in `text`, in text order, with its masked form."""
    if prof is None and "@" not in text and not _ANY_DIGIT.search(text):
        return []  # every kind holds an '@' or a digit: no need to build the profile
    prof = prof or profile(text)
    hits: list[PiiHit] = []
    for code, candidates, regex, validate in _DETECTORS:
        if code not in codes:
            continue
        for line in prof.lines_of(candidates(prof)):
            start, end = prof.line_span(line)
            body = text[start:end]
            for a, b, masked in _scan(code, regex, validate, body):
                hits.append(PiiHit(code, start + a, start + b, masked))
    hits.sort(key=lambda h: (h.start, -h.end))
    # A card number inside an IBAN, or an IP inside an e-mail domain, is the same span twice: keep the first.
    kept: list[PiiHit] = []
    for h in hits:
        if not kept or h.start >= kept[-1].end:
            kept.append(h)
    return kept


def mask_pii(text: str) -> str:
    """`text` with every piece of personal data replaced by its masked form (for excerpts in messages)."""
    return masked_span(text, 0, len(text), find_pii(text))


def masked_span(text: str, start: int, end: int, hits: list[PiiHit]) -> str:
    """`text[start:end]` with each piece of personal data in `hits` (find_pii(text)) that it
    overlaps replaced by its masked form, whole: a value the span cuts is not shown in part."""
    if start >= end:
        return ""
    parts, pos = [], start
    # hits are in text order and do not overlap, so their ends are in order too.
    for h in hits[bisect_right(hits, start, key=lambda h: h.end) :]:
        if h.start >= end:
            break
        parts += [text[pos : max(pos, h.start)], h.masked]
        pos = h.end
    parts.append(text[pos:end])
    return "".join(parts)


_LABEL = {
    "pii-email": "e-mail address",
    "pii-phone": "phone number",
    "pii-ip": "IP address",
    "pii-card": "payment card number (passes the Luhn check)",
    "pii-iban": "IBAN (valid check digits)",
}


def pii_findings(text: str, codes: frozenset[str], prof: Profile) -> list[Finding]:
    """One finding per code and line: the first masked value, and how many more the line holds."""
    by_line: dict[tuple[str, int], list[PiiHit]] = {}
    for h in find_pii(text, codes, prof):
        by_line.setdefault((h.code, prof.line_of(h.start)), []).append(h)
    out: list[Finding] = []
    for (code, line), hs in sorted(by_line.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        more = f" (and {len(hs) - 1} more on this line)" if len(hs) > 1 else ""
        out.append(Finding(code, line, f"{_LABEL[code]} {hs[0].masked}{more}"))
    return out
