"""Turning a file's bytes into clean text: BOMs, strict UTF-8, legacy encodings and UTF-16 chosen
only when the choice is clear (see plausibility.py), and the cleaning every written document gets
(no BOM, LF, NFC)."""

from __future__ import annotations

import codecs
import unicodedata

from seedkeeper.corpus.content_checks import looks_binary
from seedkeeper.corpus.plausibility import judge
from seedkeeper.errors import UsageError


class AmbiguousEncoding(ValueError):
    """No encoding reads the bytes clearly better than the others; `verdict` lists the candidates."""

    def __init__(self, message: str, verdict):
        super().__init__(message)
        self.verdict = verdict


def check_encoding(encoding: str) -> None:
    """A UsageError unless `encoding` is one `decode` takes: auto, or the name of a text codec
    (`cp1256`, `utf-16`; not `base64`, a bytes-to-bytes codec). Checked before anything is read,
    so a mistyped name is said at once, not only once some document needs decoding."""
    if encoding.lower() == "auto":
        return
    try:
        # What `decode` will do (bytes.decode): the codec is looked up only when there is a byte.
        b"0".decode(encoding, "replace")
    except LookupError:
        raise UsageError(f"unknown encoding: {encoding} (auto, or a codec name such as cp1256)") from None


def decode(raw: bytes, encoding: str) -> tuple[str, str]:
    """Decode input bytes: strict UTF-8 by default; 'auto' reads a BOM, then UTF-8, then the one
    legacy encoding or UTF-16 that reads clearly best (AmbiguousEncoding, with the candidates,
    when none does); any other value is a codec name. Raises ValueError."""
    if encoding.lower() in ("utf-8", "utf8"):
        return raw.decode("utf-8-sig"), "utf-8"
    if encoding.lower() != "auto":
        check_encoding(encoding)
        return raw.decode(encoding), encoding
    bom = bom_encoding(raw)
    if bom is not None:
        return raw.decode(bom), bom
    if b"\x00" not in raw:  # NUL is valid UTF-8, but text with NULs is UTF-16 or nothing
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    verdict = judge(raw)
    if verdict.chosen is not None:
        return verdict.chosen.text, verdict.chosen.encoding
    if looks_binary(raw) and not any(c.lang != "und" for c in verdict.candidates):
        raise ValueError("binary data, not text")
    raise AmbiguousEncoding(
        "no encoding reads it clearly; candidates: " + verdict.explain() + "; choose one with --encoding NAME",
        verdict,
    )


def bom_encoding(raw: bytes) -> str | None:
    """The encoding a byte-order mark names, or None."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return name
    return None


def clean(text: str) -> str:
    """UTF-8-ready text: no BOM, LF line endings, Unicode NFC."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
