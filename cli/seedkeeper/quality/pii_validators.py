"""The validators of pii.py's detectors: each takes a regex's match (and its line) and returns
the value masked, or None when the match is not personal data after all (Luhn for cards, mod 97
for IBANs, the ITU country codes and E.164 lengths for phones, `ipaddress` for IPv6)."""

from __future__ import annotations

import ipaddress
import re

from . import masking
from .numbering import COUNTRY_CODES, IBAN_LENGTHS

# Between the groups of a card number: a space or hyphen, or their full-width forms (U+3000, U+FF0D).
CARD_SEPARATORS = "[ \\-\u3000\uff0d]"
_IMAGE_SUFFIX = {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "avif"}


def ascii_digits(s: str) -> str:
    """The decimal digits of `s` in ASCII, whatever their script (int('۹') == 9)."""
    return "".join(str(int(c)) for c in s if c.isdecimal())


def email(addr: str, line: str, start: int) -> str | None:
    """The masked form of an e-mail address, or None for an image name (`logo@2x.png`) or the
    user part or a path of a URL (an address in its query string, `?email=...`, is a person's)."""
    if addr.rsplit(".", 1)[-1].lower() in _IMAGE_SUFFIX:
        return None
    token_start = max(line.rfind(" ", 0, start), line.rfind("\t", 0, start)) + 1
    url = line[token_start:start]
    if "://" in url and "?" not in url.split("://", 1)[1]:
        return None  # user-info or a path inside a URL
    return masking.mask_email(addr)


def signed_amount(raw: str) -> bool:
    """Whether a `+`-led number is a signed amount in thousands ("+49 000 000 рублей", "+20.500.000",
    "+44 207 946 000"): groups of three after the first, the last one zeros. Not a number to dial,
    nor is any shorter piece of it (pii._scan does not retry it one group shorter)."""
    groups = [g for g in re.split(r"[ \u00a0.\-\uff0d()]+", raw[1:]) if g]
    return len(groups) >= 3 and all(len(g) == 3 for g in groups[1:]) and not int(ascii_digits(groups[-1]))


def phone(raw: str, line: str, start: int) -> str | None:
    """The masked form of a phone number `raw` (E.164-like: a known country code, 8-15 digits),
    or None when it is no number to dial."""
    digits = ascii_digits(raw)
    if not 8 <= len(digits) <= 15:
        return None
    cc = next((digits[:n] for n in (1, 2, 3) if digits[:n] in COUNTRY_CODES), None)
    if cc is None or (cc in ("1", "7") and len(digits) != 11):
        return None  # North America and Russia/Kazakhstan numbers have exactly 10 digits after the code
    if signed_amount(raw):
        return None
    native_cc = "".join(c for c in raw if c.isdecimal())[: len(cc)]
    return masking.mask_phone(raw, native_cc)


def luhn(digits: str) -> bool:
    """Whether `digits` pass the Luhn check every payment card number passes."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def card(raw: str, line: str, start: int) -> str | None:
    """The masked form of a payment card number (an issuer's first digit, Luhn, even groups), or None."""
    digits = ascii_digits(raw)
    if digits[0] not in "23456" or not luhn(digits):
        return None  # issuers' numbers start with 2-6; 9 is where ISBNs (978/979) and most IDs start
    groups = re.split(CARD_SEPARATORS, raw)
    if len(groups) > 1:
        if len({c for c in raw if not c.isdecimal()}) > 1:
            return None
        sizes = [len(g) for g in groups]
        if not (all(s == 4 for s in sizes[:-1]) and 1 <= sizes[-1] <= 4) and sizes not in ([4, 6, 5], [4, 6, 4]):
            return None  # written in fours (or Amex 4-6-5): anything else is some other number
    return masking.mask_card(raw)


def iban_value(s: str) -> int:
    """An IBAN as the integer the mod-97 check reads (letters as 10-35, the first four moved last)."""
    return int("".join(str(int(c)) if c.isdecimal() else str(ord(c) - 55) for c in s))


def iban(raw: str, line: str, start: int) -> str | None:
    """The masked form of an IBAN whose length fits its country and whose mod-97 check holds, or None."""
    want = IBAN_LENGTHS.get(raw[:2])
    if want is None:
        return None
    compact = ""
    for group in raw.split(" "):
        compact += group
        if len(compact) == want:
            # Move the first four characters to the end; a valid IBAN then leaves 1 modulo 97.
            return masking.mask_iban(compact) if iban_value(compact[4:] + compact[:4]) % 97 == 1 else None
        if len(compact) > want:
            return None
    return None


def ipv4(raw: str, line: str, start: int) -> str | None:
    """The masked form of an IPv4 address, or None (a version number such as 1.2.3.4, 0.x, loopback,
    multicast or reserved)."""
    parts = [int(p) for p in raw.split(".")]
    if all(p < 10 for p in parts) or parts[0] in (0, 127) or parts[0] >= 224:
        return None
    return masking.mask_ipv4(raw)


def ipv6(raw: str, line: str, start: int) -> str | None:
    """The masked form of an IPv6 address, or None when it does not parse as one."""
    groups = [g for g in raw.split(":") if g]
    if len(groups) < 2 or not any(c.isdigit() for c in raw) or ("::" not in raw and len(groups) < 8):
        return None
    try:
        addr = ipaddress.IPv6Address(raw)
    except ValueError:
        return None
    if addr.is_loopback or addr.is_unspecified:
        return None
    return masking.mask_ipv6(raw)
