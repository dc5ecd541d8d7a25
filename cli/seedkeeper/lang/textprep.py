"""Reduce a document to the text that decides its language.

URLs, e-mail addresses, markup, digits and symbols say nothing about the language but cost
time in the detector and can dominate short texts, so they go first. Long documents are
then sampled: a few evenly spaced windows decide the language as well as the whole text.
"""

from __future__ import annotations

import re
import unicodedata

from .scripts import effective_letters

_URL = re.compile(r"(?:[a-z][a-z0-9+.-]{1,9}://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")  # bounded: linear on long runs
_TAG = re.compile(r"<[^<>\n]{1,300}>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});", re.IGNORECASE)
_MENTION = re.compile(r"(?<!\w)[@#]\w+")
# Markdown link targets and inline code carry paths and identifiers, not prose.
_MD_TARGET = re.compile(r"\]\([^)\s]*\)|`[^`\n]*`")
# Computer text quoted in a sentence, in ASCII: command-line options ("--preserve=mode,ownership",
# "-p"; not "-verdien", what is left of "%(value)s-verdien" once a placeholder is gone), snake_case
# names ("gtk_widget_show_all") and file or dotted names ("stdio.h", "config.toml",
# "org.gnome.desktop"; paths are without_names's). Translated messages and manuals quote them in
# every language, and their English words tipped German, Latvian or Punjabi sentences to English
# ("main.py ਫਾਇਲ ਨਹੀਂ ਮਿਲੀ"). They go before digits and symbols become spaces, which would split
# them into words. An option's value is ASCII ("--color=auto选项" keeps its Chinese); a name never
# runs on into a letter ("fichier_défini" stays); a dotted name has a last part of at most four
# letters or three parts, is not followed by a dot and has no "l.l", so abbreviations ("f.eks.",
# "bl.a.", "d.h."), Catalan "col.laborar" and most missing spaces ("archivo.luego") stay prose.
# Not told apart: a Spanish dialogue dash written "--dijo" loses that word. The look-behinds
# keep a new start out of a span already scanned, so a scan is linear.
_CODE = re.compile(
    r"(?<![^\s(\[\"'“„«])(?:--[A-Za-z][A-Za-z0-9-]*(?:=[A-Za-z0-9_.,:/+%@~*-]*)?|-[A-Za-z][0-9]*)(?![\w-])"
    r"|(?<![\w.-])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+_*(?!\w)"
    r"|(?<![\w./-])[A-Za-z][A-Za-z0-9-]*"
    r"(?:(?:\.(?!l)[a-z][A-Za-z0-9-]*){2,}|\.(?!l)[a-z][A-Za-z0-9]{0,3})(?![\w/.])"
)
# Each pattern with the substrings it cannot match without (the URL one case-insensitively).
_PATTERNS = (
    (_URL, ("://", "www.")),
    (_EMAIL, ("@",)),
    (_TAG, ("<",)),
    (_ENTITY, ("&",)),
    (_MD_TARGET, ("](", "`")),
    (_CODE, ("-", "_", ".")),
    (_MENTION, ("@", "#")),
)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b\u3000]+")
_BLANK_LINE = re.compile(r"\n\s*\n")


# Per-process cache: character -> True if it is noise (digit, symbol, emoji, control).
_noise: dict[str, bool] = {}


def _is_noise(ch: str) -> bool:
    # Letters, marks (Indic vowel signs), punctuation and whitespace stay; numbers,
    # symbols, emoji and format characters (ZWNJ splits Persian morphemes) become spaces.
    if ch in "\n ":
        return False
    category = unicodedata.category(ch)
    return category[0] in "NSC" or ch == "_"


def _noise_table(text: str) -> dict[int, str]:
    """Translation table mapping every noise character of `text` to a space."""
    table = {}
    for ch in set(text):
        flag = _noise.get(ch)
        if flag is None:
            flag = _noise[ch] = _is_noise(ch)
        if flag:
            table[ord(ch)] = " "
    return table


def clean_text(text: str) -> str:
    """Strip URLs, e-mails, markup, digits and symbols; keep line structure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lowered = None
    for pattern, needles in _PATTERNS:
        # A substring test is far cheaper than a regex pass; most texts have no URL or markup.
        if pattern is _URL and "://" not in text:
            lowered = text.lower() if lowered is None else lowered
            if "www." not in lowered:
                continue
        elif not any(n in text for n in needles):
            continue
        text = pattern.sub(" ", text)
    text = text.translate(_noise_table(text))
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def paragraphs(text: str) -> list[str]:
    """Split cleaned text into paragraphs: blank lines, or single lines if there are none."""
    blocks = [b.strip() for b in _BLANK_LINE.split(text)]
    blocks = [b for b in blocks if b]
    if len(blocks) <= 1:
        # Many plain-text files (the seed corpus among them) put one paragraph per line.
        blocks = [line for line in (b.strip() for b in text.split("\n")) if line]
    return blocks


def sample(text: str, budget: int, windows: int = 3) -> str:
    """Return `text` if it fits `budget` characters, else `windows` evenly spaced windows.

    Windows start and end on whitespace where there is some nearby, so words are not cut
    (which would invent n-grams); scripts without spaces are simply cut.
    """
    text = " ".join(text.split())
    if len(text) <= budget:
        return text
    width = budget // windows
    last_start = len(text) - width
    parts = []
    for i in range(windows):
        start = round(i * last_start / (windows - 1)) if windows > 1 else 0
        end = start + width
        if start > 0:
            space = text.find(" ", start, start + 40)
            if space != -1:
                start = space + 1
        if end < len(text):
            space = text.rfind(" ", end - 40, end)
            if space > start:
                end = space
        parts.append(text[start:end])
    return " \n ".join(parts)


# Words that name things rather than speak a language: acronyms (JSON, UUID, NASA), CamelCase
# identifiers (ManagementForm, OpenGIS, GEmblemedIcon), Python's literals, file names and paths
# ("flatpages/default.html"). A sentence of another language that quotes them is otherwise
# voted English ("Logikai érték (True, False vagy None)"). The names themselves are ASCII; their
# edges also know the accented Latin letters, so "FRANÇAIS" or "ÄNDERUNGEN" is one word, not a
# name with its tail cut off. Every alternative is a run of ASCII characters that cannot start
# after another one (the look-behind), so a scan is linear even on "a-a-a-..." at any length.
_EDGE = "A-Za-z0-9\u00c0-\u024f\u0300-\u036f_"
_NAMES = re.compile(
    rf"(?<![{_EDGE}/.\-])(?:"
    r"[A-Z]{2,}s?"  # acronyms, with an English plural (URLs)
    r"|(?!(?:bh|[bdghmnt])[A-Z])[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*)+"  # CamelCase (not Irish tAcht, bhFrainc)
    # A prefix in capitals, then CamelCase (GEmblemedIcon, XMLHttpRequest). Not without a capital
    # after the lower case: "GStreamer", "SELinux", "IPv6" stay, since setting them aside left
    # stubs of two words ("Показати параметри") that the detectors agreed on wrongly.
    r"|(?!IJ)[A-Z]{2,}[a-z]+[A-Z][A-Za-z0-9]*"
    r"|True|False|None"
    r"|/[A-Za-z0-9_./-]+|[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*"  # paths: a leading slash or two
    r"|[A-Za-z0-9_-]+\.(?:html?|txt|py|js|css|json|xml|php|md|csv|pdf|png|jpe?g|gif|zip|exe)"  # file names
    rf")(?![{_EDGE}/])"
)
# Names are set aside only while at least this share of the letters remains: a text that is
# mostly names (an all-capitals headline, a list of identifiers) keeps them all.
MIN_KEPT_SHARE = 0.34


def without_names(text: str, letters: float | None = None) -> str:
    """`text` with acronyms, identifiers and paths blanked, unless they are most of it.

    `letters` is effective_letters(text) when the caller has it already."""
    stripped = _NAMES.sub(" ", text)
    if stripped == text:
        return text
    if letters is None:
        letters = effective_letters(text)
    # Weighted letters: two Han characters beside "PostgreSQL" are the sentence, not a tenth of it.
    if effective_letters(stripped) < MIN_KEPT_SHARE * letters:
        return text
    return _SPACES.sub(" ", stripped)
