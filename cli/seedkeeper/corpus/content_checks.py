"""Checks on one document's bytes and text. Each returns Problems; none raises on bad input.

Order matters: a binary file is not also reported as not-utf8, an empty file is not also
too-short. Format characters that scripts need (ZWNJ, ZWJ, LRM, RLM) are ordinary text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from seedkeeper.corpus import badness
from seedkeeper.problems import Problem, make
from seedkeeper.quality.masking import quoted

UTF8_BOM = b"\xef\xbb\xbf"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0 and C1 controls except tab, LF, and CR (CR has its own code, crlf).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_C1 = re.compile("[\x80-\x9f]")
# What ends a finding `seedkeeper fix` repairs: the command, so nobody searches the README for it
# (not-utf8 names its --encoding). mojibake's repair changes letters, so it runs only when named.
_FIXED_BY = " (`seedkeeper fix` repairs it)"
_MOJIBAKE_FIXED_BY = " (`seedkeeper fix --select mojibake` repairs it, changing letters: add --diff to see how first)"
# While the text looks like mojibake its C1 characters may be letters read wrongly: `fix` keeps
# them until the mojibake is repaired (corpus/repair.py), and that repair takes them.
_C1_IN_MOJIBAKE = " (they may be part of the mojibake: repair that first, `seedkeeper fix --select mojibake`)"
# An empty document's way out: it is not text anyone can repair.
_EMPTY_STEP = "; delete it and its INDEX.md entry, or accept it with `ignore: empty` in its note"


@dataclass
class ContentResult:
    """The problems found, and the decoded text (None when the file is binary)."""

    problems: list[Problem]
    text: str | None


def line_of(text: str, index: int) -> int:
    """1-based line number of a character index (LF, CRLF and lone CR all end a line)."""
    head = text[:index]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or a high share of control bytes in the first 8 KiB, mean not text."""
    if b"\x00" in raw:
        return True
    head = raw[:8192]
    if not head:
        return False
    return len(_BINARY_CONTROL.findall(head)) / len(head) > 0.10


def utf16_kind(raw: bytes) -> str | None:
    """'UTF-16 text (BOM FF FE)' when the bytes are UTF-16 (a BOM, or without one the NUL byte of
    every other position that Latin text in UTF-16 has), else None."""
    if len(raw) % 2 or len(raw) < 4:
        return None
    for bom, name in ((b"\xff\xfe", "FF FE"), (b"\xfe\xff", "FE FF")):
        if raw.startswith(bom) and not raw.startswith(b"\xff\xfe\x00\x00"):
            try:
                raw.decode("utf-16")
            except UnicodeDecodeError:
                return None
            return f"UTF-16 text (BOM {name})"
    head = raw[:4096]
    even, odd = head[0::2], head[1::2]
    for zeros, other, name, codec in ((odd, even, "UTF-16LE", "utf-16-le"), (even, odd, "UTF-16BE", "utf-16-be")):
        # Spaces and newlines are 00 20 / 00 0A in UTF-16 in every script; a binary file has NUL
        # bytes at both parities.
        if zeros.count(0) and not other.count(0) and _reads_as_text(raw, codec):
            return f"{name} text (no BOM)"
    return None


def _reads_as_text(raw: bytes, codec: str) -> bool:
    """The first 4 KiB decode strictly, and nearly every character is a letter, mark, digit,
    punctuation or white space (no unassigned or private-use code points)."""
    try:
        sample = raw[:4096].decode(codec)
    except UnicodeDecodeError:
        return False
    texty = sum(1 for ch in sample if ch in "\t\n\r" or unicodedata.category(ch)[0] in "LMNPZ")
    return bool(sample) and texty >= 0.97 * len(sample)


def check_content(rel: str, raw: bytes, min_chars: int, *, in_folder: bool = True) -> ContentResult:
    """Run every content check on a document's bytes (already size-checked by the caller).
    `in_folder` False: a file outside the seeds folder (add's input), whose `empty` finding gets
    no step that acts on the folder's copy."""
    problems: list[Problem] = []
    wide = utf16_kind(raw)
    if wide is not None:
        # Not binary: text in an encoding we do not keep. Reported as such, with the fix.
        msg = f"{wide}; fix with `seedkeeper fix --encoding auto`"
        return ContentResult([make("not-utf8", rel, msg, 1)], None)
    if looks_binary(raw):
        nul = raw.find(b"\x00")
        where = f"NUL byte at byte offset {nul}" if nul >= 0 else "mostly control bytes"
        return ContentResult([make("binary", rel, f"not a text file ({where})", 1)], None)
    body = raw
    if raw.startswith(UTF8_BOM):
        problems.append(make("bom", rel, "starts with a UTF-8 byte-order mark (EF BB BF)" + _FIXED_BY, 1))
        body = raw[3:]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(raw) - len(body))
        line = raw[:offset].count(b"\n") + 1
        col = offset - (raw.rfind(b"\n", 0, offset) + 1)
        bad = body[exc.start : exc.end].hex(" ")
        problems.append(
            make(
                "not-utf8",
                rel,
                f"invalid UTF-8 at line {line}, byte offset {offset} (byte {col + 1} of the line): "
                f"{bad} ({exc.reason}); fix with `seedkeeper fix --encoding auto`",
                line,
            )
        )
        text = body.decode("utf-8", errors="replace")
    if not text.strip():
        problems.append(make("empty", rel, "no text but white space" + (_EMPTY_STEP if in_folder else ""), 1))
        return ContentResult(problems, text)
    stripped = len(text.strip())
    if stripped < min_chars:
        counted = f"{stripped} character{'' if stripped == 1 else 's'}"
        problems.append(make("too-short", rel, f"{counted}, under the minimum of {min_chars}", 1))
    elif min_chars > 0 and not _has_text(text):
        # Ninety ZWJ, ZWNJ or soft hyphens, or a page of dashes: a document with nothing in it.
        message = "no letter, digit or symbol: only punctuation, spaces or format characters"
        problems.append(make("too-short", rel, message, 1))
    problems.extend(_text_checks(rel, text))
    return ContentResult(problems, text)


# Characters that may be text: not white space, punctuation that is common (ASCII, general,
# CJK and Arabic: the symbols among them, $ + < = > ^ ` | ~, stay candidates) or the usual format
# characters. A regex skips a page of dashes at C speed; each candidate is then asked its category.
_MAY_BE_TEXT = re.compile(
    "[^\\s!\"#%&'()*,\\-./:;?@\\[\\\\\\]_{}\u00ad\u060c\u061b\u061f\u066a-\u066d\u200b-\u200f"
    "\u2010-\u2027\u2030-\u2043\u2045-\u2051\u2053-\u205e\u2060-\u2064\u3001-\u3003\u3008-\u3011\ufeff]"
)


def _has_text(text: str) -> bool:
    """Whether `text` holds a letter, mark, digit or symbol (an ordinary text: in its first word)."""
    return any(unicodedata.category(m.group())[0] in "LMNS" for m in _MAY_BE_TEXT.finditer(text))


def _text_checks(rel: str, text: str) -> list[Problem]:
    out: list[Problem] = []
    moj = _mojibake_line(text)
    cr = text.find("\r")
    if cr >= 0:
        kind = "CRLF" if text[cr : cr + 2] == "\r\n" else "CR"
        count = text.count("\r")
        message = f"{kind} line endings ({count} CR characters); use LF{_FIXED_BY}"
        out.append(make("crlf", rel, message, line_of(text, cr)))
    m = _CONTROL.search(text)
    if m:
        n = len(_CONTROL.findall(text))
        step = _C1_IN_MOJIBAKE if moj is not None and _C1.search(text) else _FIXED_BY
        message = f"control character U+{ord(m.group()):04X} ({n} in all){step}"
        out.append(make("control-char", rel, message, line_of(text, m.start())))
    m = _BIDI.search(text)
    if m:
        n = len(_BIDI.findall(text))
        name = unicodedata.name(m.group(), "bidi control")
        out.append(
            make(
                "bidi-control",
                rel,
                f"bidi control U+{ord(m.group()):04X} {name} ({n} in all)",
                line_of(text, m.start()),
            )
        )
    if not unicodedata.is_normalized("NFC", text):
        line = _first_line(text, lambda ln: not unicodedata.is_normalized("NFC", ln))
        message = "text is not in Unicode NFC (decomposed or non-canonical characters)" + _FIXED_BY
        out.append(make("not-nfc", rel, message, line))
    if moj is not None:
        line, sample, how = moj
        message = f"looks decoded with the wrong encoding{how}: {quoted(sample)}{_MOJIBAKE_FIXED_BY}"
        out.append(make("mojibake", rel, message, line))
    return out


def _first_line(text: str, pred) -> int:
    for i, ln in enumerate(text.split("\n"), 1):
        if pred(ln):
            return i
    return 1


def looks_mojibake(text: str) -> bool:
    """Whether `text` has a `mojibake` finding: a line that ftfy would decode differently, or one
    in another script's code page read as Windows-1252 (misread.py)."""
    return _mojibake_line(text) is not None


def _mojibake_line(text: str) -> tuple[int, str, str] | None:
    """(line, sample, how it was misread: "" for what ftfy undoes) of the first mojibake line."""
    # is_bad is a regex over the whole text (the largest cost of the content checks), so it runs
    # only when the text holds a character it could match; fix_encoding (the real judge) runs only
    # on lines it flags, and a line counts only if ftfy would actually change it. ftfy itself is
    # imported only then: it costs ~70 ms to load.
    # Another script's code page read as cp1252 first: ftfy takes some of those lines for UTF-8
    # read wrongly, and its repair would garble them further ("ßÔæÑ" -> "ßﾄ").
    misread = _misread_line(text)
    if misread is not None:
        return misread
    if not badness.could_be_bad(text) or not badness.is_bad(text):
        return None
    from ftfy import fix_encoding

    for i, ln in enumerate(text.split("\n"), 1):
        if badness.is_bad(ln) and fix_encoding(ln) != ln:
            from seedkeeper.quality.pii import mask_pii

            # The sample is cut from the line: personal data is masked first, or a cut would
            # print part of a number or an address (README: never printed whole).
            shown = mask_pii(ln)
            m = re.search(r"\S{0,10}[ÃÂØÙÐÑРС][^\s]{0,10}", shown)
            return i, (m.group() if m else shown[:24]), ""
    return None


def _misread_line(text: str) -> tuple[int, str, str] | None:
    """(line, sample, how) of another script's code page read as Windows-1252 (corpus/misread.py), which
    ftfy does not recognise: "ÇááÛÉ ÇáÚÑÈíÉ" for Arabic, "Ìîñêâà" for Russian."""
    from seedkeeper.corpus.misread import first_misread

    found = first_misread(text)
    if found is None:
        return None
    from seedkeeper.quality.pii import mask_pii

    line, shown, pages = found[0], mask_pii(found[1]), found[2]
    m = re.search(r"\S*[\u00c0-\u00ff]{3,}\S*", shown)
    return line, (m.group() if m else shown)[:24], f" ({' or '.join(pages[:3])} read as cp1252)"
