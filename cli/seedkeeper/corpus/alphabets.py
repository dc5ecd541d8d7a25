"""The letters each language writes beyond the basic alphabet (a-z, а-я), and the letters of a
text its language does not write ("Boðaz" is Turkish read as cp1252, "veę" Croatian as cp1257);
the scripts each language tag is written in."""

from __future__ import annotations

import unicodedata

# Letters beyond a-z that Latin-script languages write (upper case is derived). A language not
# listed is not judged on its letters.
_COMMON = "éèêëàâäçïîôöüñ"  # loanwords and names, in any Latin-script text
_ALPHABET = {
    "en": "",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "ca": "àçèéíïòóúü·",
    "nl": "áéëïóöü",
    "tr": "çğıöşüâîûİ",
    "az": "çəğıöşüİ",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sl": "čšž",
    "sq": "çë",
    "lv": "āčēģīķļņšūž",
    "lt": "ąčęėįšųūž",
    "et": "äõöüšž",
    "fi": "äöå",
    "sv": "äöå",
    "da": "æøå",
    "no": "æøå",
    "is": "áðéíóúýþæö",
    "ga": "áéíóú",
    "cy": "âêîôûŵŷ",
    "mt": "ċġħż",
    "af": "áäéèêëíîïóôöúûüý",
    "id": "",
    "ms": "",
    "sw": "",
    "gl": "áéíñóúü",
    "eu": "ñ",
    # Cyrillic: the letters beyond Russian а-я each language writes.
    "ru": "ё",
    "uk": "єіїґ",
    "be": "ёіў",
    "bg": "ѝ",
    "sr": "ђјљњћџ",
    "mk": "ѓѕјљњќџ",
    "kk": "әғқңөұүһіё",
    "ky": "ңөүё",
    "mn": "өүё",
    "tg": "ғӣқӯҳҷё",
    "tt": "әөүҗңһё",
}


_CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg", "tt"})


def stray_letters(chars, lang: str, strict: bool = False) -> tuple[str, int]:
    """Letters beyond the basic alphabet (a-z, а-я) that `lang` does not write, when we know its
    alphabet: (up to 8 of them, how often they occur). `chars` counts each character. Unless
    strict, the accented letters of common loanwords ("café") are allowed in any Latin-script
    language."""
    base = lang.split("-")[0]
    if base not in _ALPHABET:
        return "", 0
    cyrillic = base in _CYRILLIC_LANGS
    # Strict: the loanword accents count too, except for languages that have no letters of their
    # own beyond a-z (English "café" is ordinary; Slovenian "è" is "č" read as cp1252).
    loans = not cyrillic and (not strict or not _ALPHABET[base])
    allowed = set(_ALPHABET[base]) | (set(_COMMON) if loans else set())
    stray = []
    for ch in chars:
        if not ch.isalpha() or ch in allowed or ch.lower() in allowed:
            continue
        if cyrillic:
            checked = "\u0400" <= ch <= "\u04ff" and not ("а" <= ch.lower() <= "я")
        else:
            checked = ord(ch) > 127 and _is_latin(ch)
        if checked:
            stray.append(ch)
    return "".join(sorted(stray)[:8]), sum(chars[ch] for ch in stray)


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


# Non-Latin languages the tagger names, by the script they are written in; any other tag is Latin.
_LANG_SCRIPT = {
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr", "sr-Cyrl", "kk", "ky", "mn", "tg", "tt", "ba"), "Cyrillic"),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ckb", "ug", "sd"), "Arabic"),
    **dict.fromkeys(("he", "yi"), "Hebrew"),
    "el": "Greek",
    "th": "Thai",
    **dict.fromkeys(("zh", "zh-Hans", "zh-Hant", "ja", "ko"), "EastAsian"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "Devanagari"),
    "hy": "Armenian",
    "ka": "Georgian",
}


def scripts_of(lang: str) -> set[str]:
    """The scripts a language tag is written in (script groups: EastAsian for CJK); Latin when we
    know of no other."""
    from seedkeeper.lang.classify import SCRIPT_LANG
    from seedkeeper.lang.shared_scripts import SHARED

    base = lang.split("-")[0]
    out = {script for script, tag in SCRIPT_LANG.items() if tag in (lang, base)}
    # Assamese, Tigrinya, Dzongkha: the second language of a script (lang/shared_scripts.py).
    out |= {script for script, tags in SHARED.items() if lang in tags or base in tags}
    for key in (lang, base):
        if key in _LANG_SCRIPT:
            out.add(_LANG_SCRIPT[key])
    return out or {"Latin"}
