"""A third real text nobody here wrote: the GNOME desktop's user help, as its translators wrote it.

Debian's package `gnome-user-docs` (CC BY-SA 3.0) ships the GNOME Help pages (Mallard XML) in
~40 languages, one folder per locale under /usr/share/help/. Where Django's strings are short
interface messages and the declaration is formal legal prose, this is the plain explanatory
prose of a help site: "To change the size of the text on the screen, open the Activities
overview..." as translators wrote it for readers, the nearest of the three to web text.

A paragraph left untranslated (identical to the English one in `C/`) is skipped, and so are the
literal computer text inside <code>, <cmd>, <file>, <input>, <output>, <sys>, <var> and <key>
(like Django's placeholders: commands, paths and key names are not the language of the page).
Interface labels (<gui>) stay: the translators wrote them too.

Pages are split into a "dev" and a "test" half by a hash of the page's file name. `load()`
fetches the package once with `apt-get download` into the user's cache folder
(`$XDG_CACHE_HOME/seedkeeper-bench/`); without apt or network it raises, and the benchmark says
so and goes on with the other texts.
"""

from __future__ import annotations

import hashlib
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from udhr_corpus import SENTENCE_END, cache_dir

PACKAGE = "gnome-user-docs=43.0-2"

# Locale folder -> the tag seedkeeper should emit ("C" is the English original).
_TAG = {"C": "en", "pt_BR": "pt", "zh_CN": "zh-Hans", "sr": "sr-Cyrl", "sr@latin": "sr-Latn"}
_NS = "{http://projectmallard.org/1.0/}"
# Elements holding computer text, not the page's language.
_LITERAL = {f"{_NS}{name}" for name in ("code", "cmd", "file", "input", "output", "sys", "var", "key", "keyseq")}


def _help_root() -> Path:
    """The package's usr/share/help folder, fetched with `apt-get download` on first use."""
    folder = cache_dir() / PACKAGE.replace("=", "-")
    target = folder / "usr" / "share" / "help"
    if target.is_dir():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, capture_output=True, check=True, timeout=300)
    deb = next(folder.glob("gnome-user-docs_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(folder)], capture_output=True, check=True, timeout=300)
    return target


def _text(element: ET.Element) -> str:
    """The element's text, literal computer text left out (its tail, the prose after it, kept)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _LITERAL:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(path: Path) -> list[str]:
    """The page's paragraphs (<p>, outside <info>), whitespace collapsed; [] if it does not parse."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    out = []
    for section in root.iter():
        if section.tag == f"{_NS}info":
            continue
        for p in section.findall(f"{_NS}p"):
            text = " ".join(_text(p).split())
            if text:
                out.append(text)
    return out


def _half(page: str) -> str:
    return "test" if hashlib.sha1(page.encode()).digest()[0] % 2 else "dev"


def load(split: str = "test", max_chars: int = 200) -> dict[str, list[str]]:
    """Language tag -> the `split` half's translated sentences of at most `max_chars` characters."""
    root = _help_root()
    english = {p for page in sorted((root / "C" / "gnome-help").glob("*.page")) for p in _paragraphs(page)}
    by_lang: dict[str, dict[str, None]] = {}
    for locale in sorted(p.name for p in root.iterdir() if (p / "gnome-help").is_dir()):
        tag = _TAG.get(locale, locale)
        for page in sorted((root / locale / "gnome-help").glob("*.page")):
            if _half(page.name) != split:
                continue
            for para in _paragraphs(page):
                if locale != "C" and para in english:
                    continue  # left untranslated
                for sentence in SENTENCE_END.split(para):
                    sentence = sentence.strip()
                    if sentence and len(sentence) <= max_chars:
                        by_lang.setdefault(tag, {})[sentence] = None
    return {lang: list(texts) for lang, texts in sorted(by_lang.items())}
