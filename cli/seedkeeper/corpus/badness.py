"""ftfy's mojibake test ("is this text bad?") without importing ftfy in every process.

ftfy builds its badness expression from character tables when it is imported (~70 ms, most of a
run that checks one changed document). The expression and the set of characters it can need are
saved once per ftfy version (see model_store), so a process compiles one pattern (~10 ms) and
imports ftfy only when a text is flagged and ftfy has to judge it. The pattern is ftfy's own text
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


def could_be_bad(text: str) -> bool:
    """False when `text` holds none of the characters every alternative of ftfy's expression
    needs (plain ASCII, Persian, Arabic, Chinese...): such a text cannot be flagged."""
    return not text.isascii() and not _screen()[0].isdisjoint(text)


def is_bad(text: str) -> bool:
    """ftfy.badness.is_bad: the text holds a sequence that looks like mojibake."""
    return _screen()[1].search(text) is not None


@functools.cache
def _screen() -> tuple[frozenset[str], re.Pattern]:
    name = model_store.copy_name(f"ftfy-{package_version('ftfy')}-badness", _FORMAT)
    return model_store.load(name, _write, _read, _from_ftfy)


def _read(folder: str) -> tuple[frozenset[str], re.Pattern] | None:
    with open(os.path.join(folder, "badness.json"), encoding="utf-8") as fh:
        saved = json.load(fh)
    pattern, flags, chars = saved["pattern"], saved["flags"], saved["chars"]
    if not (isinstance(pattern, str) and type(flags) is int and isinstance(chars, str) and chars):
        return None
    return frozenset(chars), re.compile(pattern, flags)


def _from_ftfy() -> tuple[frozenset[str], re.Pattern]:
    """The characters and the expression, from ftfy: each alternative of the expression needs at
    least one character of its categories or one non-ASCII character written in it."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    members = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    found = {ch for ch in BADNESS_RE.pattern if ord(ch) > 127}
    found.update(ch for ch in map(chr, range(128, 0x10000)) if members.match(ch))
    return frozenset(found), BADNESS_RE


def _write(folder: str) -> None:
    chars, expression = _from_ftfy()
    saved = {"pattern": expression.pattern, "flags": expression.flags, "chars": "".join(sorted(chars))}
    with open(os.path.join(folder, "badness.json"), "w", encoding="utf-8") as fh:
        json.dump(saved, fh, ensure_ascii=True)
