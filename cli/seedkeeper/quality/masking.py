"""Masks for personal data, and the excerpt shortener every message uses.

CI logs are public, so no message may carry the personal data it reports. Each mask keeps just
enough to find the spot by eye: the first character of an e-mail's local part and its domain
(r***@example.ir), a phone's country code and last four digits (+98 *** *** 6789), a card's first
and last four digits (4111 **** **** 1111), an IBAN's country and check digits and last four
characters, an address's network part. Digits keep their script: a Persian number stays Persian.
"""

from __future__ import annotations

import re

_SEP = re.compile(r"[\s.\-/()\uff0d]+")


def shorten(text: str, limit: int) -> str:
    """Collapse white space and cut to `limit` characters with an ellipsis."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: max(1, limit - 1)].rstrip() + "…"


# Python's repr escapes every format character, but the zero-width (non-)joiner and the
# left-to-right and right-to-left marks are ordinary letters of Persian, Arabic, Urdu, Hindi and
# Hebrew text (interface: "ZWNJ, ZWJ, LRM and RLM are ordinary text"): a Persian excerpt full
# of `\u200c` is unreadable and matches nothing a person greps for. Controls, bidi overrides
# and the rest stay escaped, so nothing can reorder or hide the rest of the line.
_ORDINARY_ESCAPES = re.compile(r"(?<!\\)((?:\\\\)*)\\u(200[cdef])")


def quoted(text: str) -> str:
    """`text` quoted as repr quotes it, with ZWNJ, ZWJ, LRM and RLM shown as themselves."""
    return _ORDINARY_ESCAPES.sub(lambda m: m.group(1) + chr(int(m.group(2), 16)), repr(text))


def mask_email(addr: str) -> str:
    """r***@example.ir: first character of the local part, the domain in full."""
    local, _, domain = addr.rpartition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(number: str, country_code: str) -> str:
    """+98 *** *** 6789: the country code, one *** per hidden group, the last four digits.

    `number` is the match as written (starting with +), `country_code` its country calling code
    in the digits of the match's script.
    """
    digits = [c for c in number if c.isdigit()]
    tail = "".join(digits[-4:])
    groups = [g for g in _SEP.split(number[1:]) if g]
    if len(groups) >= 3:
        # Written in groups: hide every group but the first (the country code) and the last four digits.
        hidden = max(1, len(groups) - 2)
        return "+" + " ".join([country_code] + ["***"] * hidden + [tail])
    return f"+{country_code} *** {tail}"


def mask_card(number: str) -> str:
    """4111 **** **** 1111: first and last four digits, separators kept as written."""
    digits = [c for c in number if c.isdigit()]
    head, tail = "".join(digits[:4]), "".join(digits[-4:])
    groups = [g for g in re.split("[ \\-\u3000\uff0d]+", number) if g]
    if len(groups) >= 3:
        sep = next(c for c in number if not c.isdigit())  # as written: "-", " ", "－" or "\u3000"
        return sep.join([head] + ["****"] * (len(groups) - 2) + [tail])
    return head + "*" * (len(digits) - 8) + tail


def mask_iban(iban: str) -> str:
    """DE89 **** 3000: country, check digits and the last four characters."""
    compact = "".join(iban.split())
    return f"{compact[:4]} **** {compact[-4:]}"


def mask_ipv4(addr: str) -> str:
    """192.168.*.*: the first two octets (the network), never the host."""
    a, b, _, _ = addr.split(".")
    return f"{a}.{b}.*.*"


def mask_ipv6(addr: str) -> str:
    """2001:db8:*: the first two groups (the routing prefix), never the interface id."""
    groups = addr.split(":")
    return ":".join(groups[:2]) + ":*"
