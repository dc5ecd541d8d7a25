"""Turning a file's bytes into clean text: BOMs, strict UTF-8, legacy encodings guessed with
charset-normalizer, and the cleaning every written document gets (no BOM, LF, NFC)."""

from __future__ import annotations

import codecs
import unicodedata

from seedkeeper.corpus.content_checks import looks_binary
from seedkeeper.errors import UsageError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Tie-break for equally scored guesses: the legacy encodings most text actually comes in.
_PREFERENCE = [
    "utf_8",
    "cp1252",
    "cp1256",
    "cp1251",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp874",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "cp1257",
    "koi8_r",
    "mac_roman",
]


def decode(raw: bytes, encoding: str) -> tuple[str, str]:
    """Decode input bytes: strict UTF-8 by default; 'auto' tries BOMs, UTF-8, then
    charset-normalizer's best guess; any other value is a codec name. Raises ValueError."""
    if encoding.lower() in ("utf-8", "utf8"):
        return raw.decode("utf-8-sig"), "utf-8"
    if encoding.lower() != "auto":
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise UsageError(f"unknown encoding: {encoding}") from None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(raw):
        raise ValueError("binary data, not text")
    from charset_normalizer import from_bytes

    # The default chaos threshold (0.2) rejects real text with many format characters (ZWNJ in
    # cp1256 Persian scores 0.15-0.3); a second, more tolerant pass still ranks by chaos.
    matches = list(from_bytes(raw)) or list(from_bytes(raw, threshold=0.5))
    if not matches:
        raise ValueError("no text encoding fits these bytes")
    # charset-normalizer often scores several code pages the same (cp1250, cp1252 and cp1257
    # all decode French with equal chaos and coherence); among the best-scored, take the most
    # widely used one rather than the first listed.
    low = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= low + 1e-6]
    high = max(m.coherence for m in tied)
    tied = [m for m in tied if m.coherence >= high - 1e-6]
    best = min(
        tied,
        key=lambda m: (_PREFERENCE.index(m.encoding) if m.encoding in _PREFERENCE else len(_PREFERENCE), m.encoding),
    )
    return str(best), best.encoding


def clean(text: str) -> str:
    """UTF-8-ready text: no BOM, LF line endings, Unicode NFC."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
