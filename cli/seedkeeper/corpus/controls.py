"""What the control-char repair puts where a control character was, so no words are glued.

- A page break or line separator (FF, VT, NEL) becomes a line break, unless a line break is next
  to it already (then it goes: no empty line is added).
- A terminal escape sequence (`ESC [ ... m`, ECMA-48 CSI) leaves nothing: it was never text.
- Any other control after the punctuation that ends a sentence or a clause (`end.`, `(note)`)
  and before a word becomes a space; elsewhere it leaves nothing: between two letters it sits
  inside a word more often than between two (a word processor's optional hyphen U+001F,
  `exam\x1fple`; a control pasted into `e\x1email`), and next to white space, before an accent
  or in a script written without spaces a space would be wrong.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls other than tab, LF and CR (CR is the crlf repair's), in runs.
_RUN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]+")
_C0_RUN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
# ECMA-48 control sequence: ESC [, parameter bytes, intermediate bytes, one final byte.
_CSI = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]")
_LINE_BREAKING = frozenset("\x0b\x0c\x85")
_LINE_END = frozenset("\n\r")
# Scripts written without spaces between words: CJK, kana, Thai, Lao, Tibetan, Myanmar, Khmer.
_NO_SPACES = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003ffff]"
)
# What ends a clause before a space: closing or final punctuation (`end.` `(note)` `»`), not
# opening punctuation nor a hyphen, nor a letter (the control may sit inside a word).
_ENDS_WORD = frozenset({"Po", "Pe", "Pf"})
_STARTS_WORD = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"})


def drop_controls(text: str, *, keep_c1: bool) -> str:
    """`text` without its control characters (tab and line ends stay); with keep_c1 the C1 ones
    (U+0080-U+009F) stay too."""
    text = _CSI.sub("", text)
    runs = _C0_RUN if keep_c1 else _RUN
    return runs.sub(lambda m: _replacement(m.string, m.start(), m.end()), text)


def _replacement(text: str, start: int, end: int) -> str:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if not _LINE_BREAKING.isdisjoint(text[start:end]):
        return "" if before in ("", *_LINE_END) or after in _LINE_END else "\n"
    if not before or not after or _NO_SPACES.match(before) or _NO_SPACES.match(after):
        return ""
    if unicodedata.category(before) in _ENDS_WORD and unicodedata.category(after) in _STARTS_WORD:
        return " "
    return ""
