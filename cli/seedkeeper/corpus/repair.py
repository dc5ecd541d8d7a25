"""Mechanical repairs of one document's bytes: the pure part of `seedkeeper fix`.

Each repair keeps the letters: it changes only the encoding (legacy code page or UTF-16 to UTF-8,
when the decode is confident), the byte-order mark, line ends, Unicode normalization (NFC is
canonically equivalent) and control characters. `mojibake` is the one repair that changes
letters (ftfy's fix_encoding), so callers run it only when a person asks for it by name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from seedkeeper.corpus.content_checks import UTF8_BOM

# The codes `fix` can repair, in the order the repairs run.
FIXABLE = ("not-utf8", "bom", "crlf", "control-char", "not-nfc", "mojibake")
# Repairs that change letters: only when named (not through ALL or a prefix).
CHANGES_LETTERS = frozenset({"mojibake"})
# C0 and C1 controls other than tab and newline (CR is the crlf repair's).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


@dataclass
class Repair:
    """The outcome for one document: new bytes (None when nothing changed or it was refused)."""

    data: bytes | None = None
    codes: list[str] = field(default_factory=list)  # what was repaired
    encoding: str | None = None  # the encoding the text was read from, when not UTF-8
    refused: list[tuple[str, str]] = field(default_factory=list)  # (code, why)
    old_text: str = ""
    new_text: str = ""


def repair(raw: bytes, wanted: set[str], encoding: str | None) -> Repair:
    """Repair `raw` for the `wanted` codes. `encoding` ("auto" or a codec name) allows reading
    non-UTF-8 bytes; without it such a document is refused whole (we never touch text we cannot
    read with confidence)."""
    from seedkeeper.corpus.decoding import decode

    out = Repair()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        if "not-utf8" not in wanted:
            out.refused.append(("not-utf8", "not UTF-8 and not-utf8 is not selected; nothing touched"))
            return out
        if encoding is None:
            out.refused.append(("not-utf8", "not UTF-8; run `seedkeeper fix --encoding auto` (or --encoding NAME)"))
            return out
        try:
            text, used = decode(raw, encoding)
        except (UnicodeDecodeError, ValueError) as exc:
            out.refused.append(("not-utf8", f"cannot decode as {encoding}: {exc}"))
            return out
        out.encoding = used
        out.codes.append("not-utf8")
    out.old_text = raw.decode("utf-8", errors="replace") if out.encoding is None else text
    text = _repair_text(text, raw, wanted, out)
    out.new_text = text
    data = text.encode("utf-8")
    if data != raw:
        out.data = data
    return out


def _repair_text(text: str, raw: bytes, wanted: set[str], out: Repair) -> str:
    if text.startswith("\ufeff") and ("bom" in wanted or out.encoding is not None):
        text = text[1:]
        if raw.startswith(UTF8_BOM):
            out.codes.append("bom")
    if "crlf" in wanted and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        out.codes.append("crlf")
    if "control-char" in wanted and _CONTROL.search(text):
        text = _CONTROL.sub("", text)
        out.codes.append("control-char")
    if "not-nfc" in wanted and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        out.codes.append("not-nfc")
    if "mojibake" in wanted:
        from ftfy import fix_encoding

        fixed = fix_encoding(text)
        if fixed != text:
            text = fixed
            out.codes.append("mojibake")
    return text
