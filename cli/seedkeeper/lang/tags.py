"""Language codes: what each detector says, mapped to the BCP 47 tags seedkeeper emits.

Three detectors speak three dialects of ISO 639 (langdetect's "zh-cn" and "nb" is "no",
CLD2's "iw" and "jw", py3langid's "uzs"). Everything is mapped to one tag set here, and
each model script (Latin, Cyrillic, Arabic, Devanagari) lists the languages that can be
written in it, so a detector's answer outside the text's script is never believed.
"""

from __future__ import annotations

from functools import lru_cache

# langdetect 1.0.9's profiles, in seedkeeper's tags (zh-cn/zh-tw are settled by script).
LANGDETECT_LANGS = frozenset(
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml "
    "mr ne nl no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh-Hans zh-Hant".split()
)

# py3langid 0.4's languages, in seedkeeper's tags (a test checks this against its model).
# A language CLD2 names that neither this set nor langdetect's holds can only be outvoted by
# neighbours: Cebuano by Tagalog, Maori by Indonesian, Tsonga by Swahili.
PY3LANGID_LANGS = frozenset(
    "ace af am an ar as az ba bcl be bg bn br bs ca ckb crh cs cy da de dz el en eo es et eu ext fa "
    "fi fo fr fuv fy ga gcf gcr gd gl gn gom grc gu guw ha hbo he hi hr ht hu hy id ig is it ja jv "
    "ka kab kik kk km kn ko ku ky la lb lg lij ln lo lt ltg lv mg mk ml mn mr ms mt my ne nl nn no "
    "nso oc om or pa pcm pl ps pt qu ro ru rw sa se si sk sl sn so sq sr-Cyrl sr-Latn st sv sw ta te "
    "tg th tk tl tr tt ug uk ur uz vec vi vo wa wuu xh yo yue zh zh-Hans zh-Hant zu".split()
)

# Languages written mostly in each model script, in seedkeeper's tags: the union of what
# py3langid and CLD2 know. Serbian is split by script; Uzbek and Kurdish have Latin forms too.
SCRIPT_LANGS: dict[str, frozenset[str]] = {
    "Latin": frozenset(
        "af an az bs br ca ceb co cs cy da de en eo es et eu fi fo fr fy ga gd gl gn gv ha haw hr "
        "ht hu ia id ig is it jv ku la lb lg ln lt lv mg mi ms mt nl nn no nso ny oc om pl pt qu "
        "rm ro rw sk sl sm sn so sq sr-Latn ss st su sv sw tk tl tn to tr ts uz ve vi vo wa wo xh "
        "yo zu".split()
    ),
    "Cyrillic": frozenset("ba be bg kk ky mk mn ru sr-Cyrl tg tt uk".split()),
    "Arabic": frozenset("ar ckb fa ps sd ug ur".split()),
    "Devanagari": frozenset("hi mr ne sa".split()),
}

# Codes that are not the tag seedkeeper emits. Arabic dialects fold into Arabic (the seed
# corpus tags the written language); Chinese and Serbian get their script subtag elsewhere.
_ALIASES = {
    "nb": "no",
    "iw": "he",
    "jw": "jv",
    "in": "id",
    "ji": "yi",
    "mo": "ro",
    "sh": "hr",
    "fil": "tl",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "zh-Hant": "zh",
    "ary": "ar",
    "arz": "ar",
    "uzs": "uz",
    "sdh": "ckb",
    "sr-ME": "sr",
    "gug": "gn",
}


@lru_cache(maxsize=4096)  # a few hundred codes times a few scripts: called per candidate, per text
def normalise(code: str, script: str | None) -> str | None:
    """seedkeeper's tag for a detector's `code` in text of `script`; None if it cannot apply.

    None for "unknown" answers and for languages not written in the text's model script
    (a detector saying Russian for Latin text is noise, not a vote).
    """
    if not code or code in ("un", "xxx", "und", "zxx") or code.startswith("xx-"):
        return None
    code = _ALIASES.get(code, code)
    if code == "sr":
        if script not in ("Cyrillic", "Latin"):
            return None
        code = "sr-Cyrl" if script == "Cyrillic" else "sr-Latn"
    allowed = SCRIPT_LANGS.get(script or "")
    if allowed is not None and code not in allowed:
        # A few languages are written in two scripts; only the text's script is allowed.
        return None
    return code


# Tags a person writes that name one language under another code (BCP 47 deprecated codes),
# for comparing tags. Not _ALIASES above, which maps the detectors' output to one tag each:
# there "sh" becomes hr (a detector must answer one standard), here it stays Serbo-Croatian,
# which matches none of bs, hr and sr.
_TAG_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "fil": "tl", "nb": "no", "sh": "hbs"}
# Regions that imply a Chinese script: zh-CN is written in Simplified characters, zh-TW in Traditional.
_IMPLIED_SCRIPT = {("zh", region): "hans" for region in ("cn", "sg")} | {
    ("zh", region): "hant" for region in ("tw", "hk", "mo")
}


def _parts(tag: str) -> tuple[str, str | None]:
    """(language, script or None) of a BCP 47 tag; regions only count where they imply a script."""
    subtags = tag.replace("_", "-").lower().split("-")
    language = _TAG_ALIASES.get(subtags[0], subtags[0])
    script = next((t for t in subtags[1:] if len(t) == 4 and t.isalpha()), None)
    if script is None:
        script = next((_IMPLIED_SCRIPT[(language, t)] for t in subtags[1:] if (language, t) in _IMPLIED_SCRIPT), None)
    return language, script


def same_lang(a: str, b: str) -> bool:
    """Whether two tags can name the same text's language: `zh` matches `zh-Hans`, `sr` matches
    `sr-Cyrl` and `sr-Latn` (but those two differ), `no` matches `nb`, `zh-CN` matches `zh-Hans`,
    `pt-BR` matches `pt`; case does not matter. Scripts must agree when both tags name one."""
    (lang_a, script_a), (lang_b, script_b) = _parts(a), _parts(b)
    if lang_a != lang_b:
        # Norwegian: "no" is the macrolanguage of Bokmål (nb, folded into "no") and Nynorsk.
        return {lang_a, lang_b} == {"no", "nn"}
    return script_a is None or script_b is None or script_a == script_b


def canonical(tag: str) -> str:
    """A BCP 47 tag written as seedkeeper writes its own: `nb` is `no`, `SR-latn` is `sr-Latn`,
    `zh-CN` is `zh-Hans`; regions other than those that imply a script are dropped."""
    language, script = _parts(tag)
    return f"{language}-{script.title()}" if script else language
