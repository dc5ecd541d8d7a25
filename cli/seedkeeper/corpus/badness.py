"""ftfy's mojibake test ("is this text bad?") without importing ftfy in every process.

ftfy builds its badness expression from character tables when it is imported (~70 ms, most of a
run that checks one changed document). The expression and the set of characters it can need are
saved once per ftfy version (see model_store), so a process compiles one pattern (~10 ms; only
once a text holds a character the expression needs) and imports ftfy only when a text is
flagged and ftfy has to judge it. The pattern is ftfy's own text
and flags, so the answers are ftfy's answers.
"""

from __future__ import annotations

import functools
import json
import os
import re

from .. import model_store
from .._version import package_version

# The layout of the saved copy; part of its folder's name.
_FORMAT = "1"
# The flags a saved expression may carry: not DEBUG (re.compile would print) nor TEMPLATE.
_FLAG_BITS = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE | re.ASCII)


def could_be_bad(text: str) -> bool:
    """False when `text` holds none of the characters every alternative of ftfy's expression
    needs (plain ASCII, Persian, Arabic, Chinese...): such a text cannot be flagged."""
    return not text.isascii() and not _saved()[0].isdisjoint(text)


def is_bad(text: str) -> bool:
    """ftfy.badness.is_bad: the text holds a sequence that looks like mojibake."""
    return _pattern().search(text) is not None


@functools.cache
def _pattern() -> re.Pattern:
    # Compiled on first use (~10 ms): a text the screen lets through never needs it.
    _, pattern, flags = _saved()
    if isinstance(pattern, re.Pattern):
        return pattern
    try:
        return re.compile(pattern, flags)
    except Exception:  # noqa: BLE001 - a copy its checksums did not catch (too deep, bad flags): ftfy's own
        return _from_ftfy()[1]


@functools.cache
def _saved() -> tuple[frozenset[str], str | re.Pattern, int]:
    name = model_store.copy_name(f"ftfy-{package_version('ftfy')}-badness", _FORMAT)
    return model_store.load(name, _write, _read, _from_ftfy)


def _read(folder: str) -> tuple[frozenset[str], str, int] | None:
    with open(os.path.join(folder, "badness.json"), encoding="utf-8") as fh:
        saved = json.load(fh)
    pattern, flags, chars = saved["pattern"], saved["flags"], saved["chars"]
    if not (isinstance(pattern, str) and type(flags) is int and isinstance(chars, str) and chars):
        return None
    # Flags re.compile knows only: the pattern is compiled later, outside model_store's checks.
    if flags < 0 or flags & ~_FLAG_BITS:
        return None
    return frozenset(chars), pattern, flags


def _from_ftfy() -> tuple[frozenset[str], re.Pattern, int]:
    """The characters and the expression, from ftfy: each alternative of the expression needs at
    least one character of its categories or one non-ASCII character written in it."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    members = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    found = {ch for ch in BADNESS_RE.pattern if ord(ch) > 127}
    found.update(ch for ch in map(chr, range(128, 0x10000)) if members.match(ch))
    return frozenset(found), BADNESS_RE, BADNESS_RE.flags


def _write(folder: str) -> None:
    chars, expression, flags = _from_ftfy()
    saved = {"pattern": expression.pattern, "flags": flags, "chars": "".join(sorted(chars))}
    with open(os.path.join(folder, "badness.json"), "w", encoding="utf-8") as fh:
        json.dump(saved, fh, ensure_ascii=True)
