"""Names that are not valid UTF-8 (Python holds them as `str` with surrogates, from os.fsdecode),
kept exact wherever a program reads the output.

Shown escaped, such a name (the bytes b"bad\\xff.txt") reads `bad\\xff.txt`, which is also what a
file literally named `bad\\xff.txt` (a backslash, x, f, f: a valid name) reads. So each output
that a program reads adds what tells them apart: JSON a `<key>_bytes` hex of the exact bytes, a
URI percent-encodes them, and text quotes the name as bash does (`$'bad\\xff.txt'`)."""

from __future__ import annotations

import os
import re
from typing import Any

from seedkeeper.corpus.paths import is_decodable, shown

# Never produced by os.fsdecode; a lone one elsewhere (it cannot be encoded back) is left alone.
_RAW_BYTE = range(0xDC80, 0xDD00)


def name_bytes(name: str) -> bytes | None:
    """The exact bytes of a name that is not valid UTF-8, as the file system holds them; None for
    every other name (nothing to add: its text is its name)."""
    if is_decodable(name):
        return None
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:
        return None


def with_name_bytes(data: Any) -> Any:
    """`data` (JSON-like) with, beside every string value that holds a name that is not UTF-8,
    the same key with `_bytes`: the hex of its exact bytes (`bytes.fromhex` turns it back). The
    string itself stays as it is (the JSON writer shows it escaped); nothing else changes."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            out[key] = with_name_bytes(value)
            raw = name_bytes(value) if isinstance(value, str) else None
            if raw is not None and f"{key}_bytes" not in data:
                out[f"{key}_bytes"] = raw.hex()
        return out
    if isinstance(data, (list, tuple)):
        return [with_name_bytes(v) for v in data]
    return data


def quoted(name: str) -> str:
    """A name for people: shown() as always, unless it is not UTF-8; then quoted as bash writes
    it, `$'bad\\xff.txt'`, where `\\xff` is the byte and a backslash of the name is `\\\\`, so it
    cannot read as the valid name `bad\\xff.txt`, and pasted into a shell it is the file."""
    if is_decodable(name):
        return shown(name)
    return "$'" + "".join(map(_in_ansi_c_quotes, name)) + "'"


def _in_ansi_c_quotes(ch: str) -> str:
    code = ord(ch)
    if code in _RAW_BYTE:
        return f"\\x{code - 0xDC00:02x}"
    if ch in "\\'":
        return "\\" + ch
    if (code < 0x20 and ch != "\t") or code == 0x7F:
        return f"\\x{code:02x}"
    if 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"  # \x85 in bash is the byte 0x85, not the character U+0085
    return ch


# What a URI cannot hold as itself or would read otherwise: `%` (else the name `bad%FF.txt`
# reads as the byte FF), `#` and `?` (a fragment, a query), controls; spaces and letters of any
# script stay readable, as SARIF viewers show them.
_URI_UNSAFE = re.compile("[%#?\x00-\x1f\x7f-\x9f]|[\udc80-\udcff]")


def uri_path(path: str) -> str:
    """`path` ('/'-separated) as a URI path: each byte that is not UTF-8 and each character above
    percent-encoded (`bad%FF.txt`), so that percent-decoding gives the exact bytes of the name."""

    def enc(m: re.Match[str]) -> str:
        ch = m.group()
        code = ord(ch)
        raw = bytes([code - 0xDC00]) if code in _RAW_BYTE else ch.encode("utf-8")
        return "".join(f"%{b:02X}" for b in raw)

    return _URI_UNSAFE.sub(enc, path)
