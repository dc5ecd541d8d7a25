"""Real multilingual text nobody here wrote: Django's human translations of its own messages.

Django ships, inside its wheel, gettext catalogues (.po) for ~100 locales across its apps
(forms, admin, auth, humanize...). Each msgstr is a translator's sentence or phrase. This
module turns them into three benchmark sets per language:

- sentences: translations of 20+ letters (one line each, placeholders and markup removed);
- documents: 8 consecutive sentences of one locale joined into a paragraph;
- fragments: the first 2 or 3 words of a sentence.

Every message is assigned to a "dev" or "test" half by a hash of its msgid, so rules can be
tuned on dev and the benchmark reported on test (held out). Nothing here is random.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

# Django locale -> the tag seedkeeper should emit. Regional variants fold into the language.
_TAG = {"nb": "no", "zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant", "sr": "sr-Cyrl", "sr_Latn": "sr-Latn"}
# Locales left out: constructed or auxiliary languages with too little text to judge fairly.
_SKIP = {
    "ia",
    "io",
    "udm",
    "os",
    "dsb",
    "hsb",
    "kab",
    "ast",
    "tt",
    "tk",
    "br",
    "gd",
    "fy",
    "lb",
    "ar_DZ",
    "eo",
    "nn",
    "tg",
}

_PLACEHOLDER = re.compile(r"%\([^)]*\)[sdrfi]|%[sdrfi]|\{[^}]*\}|<[^>]*>|&[a-z]+;|\\n|\\t|\\\"")
_LETTER = re.compile(r"[^\W\d_]")


def _unquote(line: str) -> str:
    line = line.strip()
    return line[1:-1] if line.startswith('"') and line.endswith('"') else ""


def parse_po(path: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a .po file; fuzzy and untranslated entries left out.

    Entries are separated by blank lines; a plural entry contributes its first form.
    """
    pairs: list[tuple[str, str]] = []
    for entry in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        if "#, fuzzy" in entry or "#~" in entry:
            continue
        fields: dict[str, str] = {}
        key = None
        for line in entry.splitlines():
            if line.startswith("#"):
                continue
            if line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[")):
                key, _, rest = line.partition(" ")
                fields.setdefault(key, "")
                fields[key] += _unquote(rest)
            elif line.startswith('"') and key:
                fields[key] += _unquote(line)
        msgid = fields.get("msgid", "")
        msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
        if msgid and msgstr:
            pairs.append((msgid, msgstr))
    return pairs


def _django_root() -> Path:
    import django

    return Path(os.path.dirname(django.__file__))


def _clean(text: str) -> str:
    text = _PLACEHOLDER.sub(" ", text)
    return " ".join(text.replace("_", " ").split())


def _half(msgid: str) -> str:
    return "test" if hashlib.sha1(msgid.encode()).digest()[0] % 2 else "dev"


def load(split: str = "test") -> dict[str, list[str]]:
    """Language tag -> cleaned, distinct translations of the `split` half, in a fixed order."""
    root = _django_root()
    by_lang: dict[str, dict[str, str]] = {}
    for po in sorted(root.rglob("LC_MESSAGES/*.po")):
        locale = po.parent.parent.name
        if locale in _SKIP or locale == "en" or locale.startswith("en_"):
            continue
        tag = _TAG.get(locale, locale.split("_")[0])
        for msgid, msgstr in parse_po(po):
            if _half(msgid) != split:
                continue
            text = _clean(msgstr)
            # A translation identical to the English message was not translated.
            if text and text != _clean(msgid):
                by_lang.setdefault(tag, {}).setdefault(text, msgid)
    return {lang: sorted(texts) for lang, texts in sorted(by_lang.items())}


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def sentences(corpus: dict[str, list[str]], per_lang: int = 60, min_letters: int = 20) -> list[tuple[str, str]]:
    """One-line sentences of at least `min_letters` letters, up to `per_lang` per language.

    CJK sentences count characters, which carry more per letter: 8 are enough.
    """
    out = []
    for lang, texts in corpus.items():
        need = 8 if lang in ("ja", "ko", "zh-Hans", "zh-Hant") else min_letters
        picked = [t for t in texts if _letters(t) >= need and len(t.split()) >= (1 if need == 8 else 3)]
        step = max(1, len(picked) // per_lang)
        out.extend((t, lang) for t in picked[::step][:per_lang])
    return out


def documents(corpus: dict[str, list[str]], per_lang: int = 10, size: int = 8) -> list[tuple[str, str]]:
    """Paragraphs of `size` consecutive translations of at least 12 letters each."""
    out = []
    for lang, texts in corpus.items():
        usable = [t if t.endswith((".", "。", "?", "!", "।", "؟")) else t + "." for t in texts if _letters(t) >= 12]
        for i in range(0, min(len(usable), per_lang * size) - size + 1, size):
            out.append((" ".join(usable[i : i + size]), lang))
    return out


def fragments(corpus: dict[str, list[str]], per_lang: int = 60) -> list[tuple[str, str]]:
    """The first two or three words (alternately) of sentences; CJK: the first 4-8 characters."""
    out = []
    for lang, texts in corpus.items():
        picked = []
        for i, t in enumerate(t for t in texts if _letters(t) >= 12):
            if lang in ("ja", "zh-Hans", "zh-Hant"):
                frag = t.replace(" ", "")[: 4 + i % 5]
            else:
                words = [w for w in t.split() if _letters(w)]
                frag = " ".join(words[: 2 + i % 2])
                if len(words) < 2:
                    continue
            picked.append(frag)
        step = max(1, len(picked) // per_lang)
        out.extend((f, lang) for f in picked[::step][:per_lang])
    return out
