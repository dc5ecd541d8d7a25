"""Mechanical repairs of one document's bytes: the pure part of `seedkeeper fix`.

Each repair keeps the letters: it changes only the encoding (legacy code page or UTF-16 to UTF-8,
when the decode is confident), the byte-order mark, line ends, Unicode normalization (NFC is
canonically equivalent) and control characters. `mojibake` is the one repair that changes
letters (ftfy's fix_encoding, or misread.py's reading of another script's code page read as
Windows-1252), so callers run it only when a person asks for it by name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from seedkeeper.corpus.content_checks import UTF8_BOM

# The codes `fix` can repair, in the order the repairs run. The mojibake repair decodes the text
# again, so it runs before any repair that removes or changes characters it may need: C1 controls
# (U+0080-U+009F) are part of text read as Latin-1 (`’` is `â\x80\x99`), and a combining accent
# read so ends in one (U+0301 is `Ì\x81`). Line ends and a leading BOM are never part of it.
FIXABLE = ("not-utf8", "bom", "crlf", "mojibake", "control-char", "not-nfc")
# Repairs that change letters: only when named (not through ALL or a prefix).
CHANGES_LETTERS = frozenset({"mojibake"})
# C0 and C1 controls other than tab and newline (CR is the crlf repair's).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_C0_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f]")
_KEPT_C1 = "C1 control characters (U+0080-U+009F) kept: "
_KEPT_FOR_MOJIBAKE = _KEPT_C1 + (
    "the text looks decoded with the wrong encoding (mojibake) and they are part of it; "
    "repair that first with `seedkeeper fix --select mojibake`"
)
_KEPT_AFTER_MOJIBAKE = _KEPT_C1 + (
    "the text still looks decoded with the wrong encoding (mojibake) after its repair, and they may be part "
    "of it; correct it by hand, or accept mojibake for this document (`ignore: mojibake`) to let them go"
)


@dataclass
class Repair:
    """The outcome for one document: new bytes (None when nothing changed or it was refused)."""

    data: bytes | None = None
    codes: list[str] = field(default_factory=list)  # what was repaired
    encoding: str | None = None  # the encoding the text was read from, when not UTF-8
    refused: list[tuple[str, str]] = field(default_factory=list)  # (code, why)
    kept: dict[str, str] = field(default_factory=dict)  # code -> why its finding was (partly) left
    old_text: str = ""
    new_text: str = ""


def repair(raw: bytes, wanted: set[str], encoding: str | None, *, mojibake_accepted: bool = False) -> Repair:
    """Repair `raw` for the `wanted` codes. `encoding` ("auto" or a codec name) allows reading
    non-UTF-8 bytes; without it such a document is refused whole (we never touch text we cannot
    read with confidence). While the text looks like mojibake (and a person has not accepted that
    finding, `mojibake_accepted`), its C1 characters are kept: they may be letters read wrongly."""
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
    text = _repair_text(text, raw, wanted, out, mojibake_accepted, encoding)
    out.new_text = text
    data = text.encode("utf-8")
    if data != raw:
        out.data = data
    return out


def _repair_text(
    text: str, raw: bytes, wanted: set[str], out: Repair, mojibake_accepted: bool, encoding: str | None = None
) -> str:
    text = _drop_bom(text, raw, wanted, out)
    if "crlf" in wanted and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        out.codes.append("crlf")
    if "mojibake" in wanted:
        from ftfy import fix_encoding

        from seedkeeper.corpus.misread import repair as read_again

        # Another script's code page read as Windows-1252 first (as the check does): ftfy would
        # take some of its lines for UTF-8 read wrongly and garble them further.
        # A code page a person named (`--encoding cp1251`) is the one a misread text is read in.
        page = encoding if encoding is not None and encoding.lower() not in ("auto", "utf-8", "utf8") else None
        again = read_again(text, page)
        if again is None:
            fixed = fix_encoding(text)
        elif again[0] is None:
            fixed = text  # not ftfy's either: it would garble it further
            out.kept["mojibake"] = (
                f"read in another script's code page, but which one is unclear ({', '.join(again[1][:3])}): "
                "name it: `seedkeeper fix --select mojibake --encoding NAME`"
            )
        else:
            fixed = again[0]
            if read_again(fixed) is None:
                # Every misread line is read back: UTF-8 read wrongly elsewhere ("cafÃ©") is
                # ftfy's, in the same run (the check would report it next).
                fixed = fix_encoding(fixed)
        if fixed != text:
            text = fixed
            out.codes.append("mojibake")
            text = _drop_bom(text, raw, wanted, out)  # `ï»¿` read as Latin-1 is a BOM again
    if "control-char" in wanted and _CONTROL.search(text):
        text = _drop_controls(
            text, out, keep_c1=not mojibake_accepted and _mojibake_with_c1(text), tried="mojibake" in wanted
        )
        text = _drop_bom(text, raw, wanted, out)  # a control character hid a BOM behind it
    if "not-nfc" in wanted and not unicodedata.is_normalized("NFC", text):
        # Safe on text that still holds mojibake: the characters of the code pages ftfy undoes
        # are all composed, and none combines (tests/test_fix_mojibake_order.py checks it).
        text = unicodedata.normalize("NFC", text)
        out.codes.append("not-nfc")
    return text


def _drop_bom(text: str, raw: bytes, wanted: set[str], out: Repair) -> str:
    """The text without its leading byte-order marks (always, when it was converted from another
    encoding: UTF-8 keeps none). All of them: a file saved with a BOM by a tool that read the
    earlier one as text starts with two, and `check` still reports the second (`fix` run twice
    must change nothing the second time)."""
    if not text.startswith("\ufeff") or not ("bom" in wanted or out.encoding is not None):
        return text
    if (raw.startswith(UTF8_BOM) or out.encoding is None) and "bom" not in out.codes:
        out.codes.append("bom")
    return text.lstrip("\ufeff")


def _mojibake_with_c1(text: str) -> bool:
    from seedkeeper.corpus.content_checks import looks_mojibake

    return _C1.search(text) is not None and looks_mojibake(text)


def _drop_controls(text: str, out: Repair, *, keep_c1: bool, tried: bool) -> str:
    """The text without its control characters, words kept apart (corpus/controls.py); with
    keep_c1, C1 ones stay (and `out` says why)."""
    if keep_c1:
        out.kept["control-char"] = _KEPT_AFTER_MOJIBAKE if tried else _KEPT_FOR_MOJIBAKE
    from seedkeeper.corpus.controls import drop_controls

    found = _C0_CONTROL if keep_c1 else _CONTROL
    if not found.search(text):
        return text
    out.codes.append("control-char")
    return drop_controls(text, keep_c1=keep_c1)
