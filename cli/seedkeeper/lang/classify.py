"""Tag one short, cleaned text: the script decides what it can, the model the rest.

Scripts used by one language (Hangul, Greek, Thai...) settle the language outright. Han,
kana and Hangul together settle Chinese, Japanese and Korean, and a character table tells
Simplified from Traditional. Arabic and Cyrillic combine letter evidence with the model
restricted to the languages of that script; Latin and Devanagari use the restricted model,
with tie-breakers for close Latin pairs. Acronyms, identifiers and paths are set aside first
(textprep.without_names). When the vote on Latin letters stays open and another script holds
much of the text (Korean or Hebrew around file names and code; a third is enough for a script
of one language such as Hangul or Greek), that script's letters decide ("latin-set-aside").
"""

from __future__ import annotations

import math
import re

from . import allowed, arabic, closepairs, cyrillic, refine, shared_scripts, vote
from .backends import Model
from .hanzi import JAPANESE_ONLY, chinese_evidence, chinese_variant, variant_counts
from .result import UND, LangResult, ranked_candidates
from .scripts import EAST_ASIAN, ScriptProfile, effective_letters, profile, script_of
from .textprep import without_names

# A sentence has this many weighted letters (a Han character weighs 3); below it a text is a
# fragment, tagged only on strong evidence (see vote.py). Below MIN_SCRIPT_LETTERS even a
# script that belongs to one language is not trusted (a stray letter is not a document).
MIN_LETTERS = vote.MIN_LETTERS
MIN_SCRIPT_LETTERS = 3
# Letters at which the length factor of the confidence reaches one half.
HALF_CONFIDENCE_LETTERS = 20

SCRIPT_LANG = {
    "Greek": "el",
    "Hebrew": "he",
    "Thai": "th",
    "Georgian": "ka",
    "Armenian": "hy",
    "Bengali": "bn",
    "Gurmukhi": "pa",
    "Gujarati": "gu",
    "Oriya": "or",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Lao": "lo",
    "Tibetan": "bo",
    "Myanmar": "my",
    "Ethiopic": "am",
    "Khmer": "km",
    "Thaana": "dv",
    "Mongolian": "mn",
    "Syriac": "syr",
}
MODEL_GROUP = {"Latin": "latin", "Cyrillic": "cyrillic", "Arabic": "arabic", "Devanagari": "devanagari"}
# langdetect codes that are not BCP 47 as we emit it.
_BCP47 = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "nb": "no"}


def to_bcp47(code: str) -> str:
    """Map a langdetect language code to the tag seedkeeper emits."""
    return _BCP47.get(code, code)


# A Han character followed by a Hangul syllable, or the reverse: one word in two scripts.
_HANJA_PARTICLE = re.compile("[\u4e00-\u9fff][\uac00-\ud7a3]|[\uac00-\ud7a3][\u4e00-\u9fff]")


def _east_asian(prof: ScriptProfile, text: str) -> tuple[str, float]:
    han = prof.counts.get("Han", 0)
    kana = prof.counts.get("Kana", 0)
    hangul = prof.counts.get("Hangul", 0)
    bopomofo = prof.counts.get("Bopomofo", 0)
    # Korean may quote Hanja and Japanese is mostly kanji, so shares, not presence, decide;
    # but Han without any Hangul cannot be Korean, and without kana Japanese is unlikely.
    if hangul and hangul >= 0.3 * (han + kana + hangul):
        return "ko", hangul / (hangul + kana + 0.2 * han)
    if kana >= 2 and kana >= 0.05 * (han + kana):
        return "ja", min(1.0, 0.5 + 2.5 * kana / (han + kana))
    if hangul >= 2 and not kana and hangul >= 0.1 * (han + hangul) and _HANJA_PARTICLE.search(text):
        # Korean written with Hanja ("大韓民國은 民主共和國이다"): Hangul endings glued to Han
        # words. Chinese quoting a Korean word sets it apart ("首尔（서울）", "「사랑」").
        return "ko", 0.5 + hangul / (han + hangul)
    japanese = sum(n for ch, n in prof.chars.items() if ch in JAPANESE_ONLY)
    if japanese and not hangul and japanese * 2 >= sum(variant_counts(prof.chars)):
        # Kanji alone, in forms only Japanese writes ("東京都庁舎"): not Chinese.
        return "ja", japanese / (japanese + 1) * 0.75
    chinese, is_chinese = chinese_evidence(prof.chars)
    if kana and not is_chinese and not hangul:
        # Kanji with one kana ending and nothing only Chinese writes ("人間は、理", "本当に選"):
        # Chinese has no kana.
        return "ja", 0.5 + 0.5 * kana / (han + kana)
    if not is_chinese and any(variant_counts(prof.chars)):
        # Every distinctive character is one Japanese writes too ("横浜", "東京"), and nothing
        # else says Chinese: kanji without kana may be either language, however long (an
        # address, "東京都千代田区永田町一丁目七番一号", or a list of place names), and no
        # variant can be named honestly.
        return UND, 0.0
    # The variant from the characters Japanese does not write, where there are some.
    return chinese_variant(chinese if any(variant_counts(chinese)) else prof.chars, bopomofo)


def _single_script(script: str, prof: ScriptProfile, text: str) -> str:
    """The language of a script most texts in it are written in, or the one of the languages
    sharing it that its letters, words or CLD2 name; UND for a fragment none of them places."""
    lang = SCRIPT_LANG[script]
    return shared_scripts.decide(script, lang, prof, text)


def _combine(evidence: dict[str, float], model: dict[str, float], floor: float) -> dict[str, float]:
    """Posterior proportional to exp(evidence) times the model probability floored at `floor`.

    langdetect reports near-certainty even when wrong; the floor bounds how much it can
    outvote decisive letters.
    """
    langs = sorted(set(evidence) | set(model))
    logits = {lg: evidence.get(lg, 0.0) + math.log(max(model.get(lg, 0.0), floor)) for lg in langs}
    top = max(logits.values())
    weights = {lg: math.exp(v - top) for lg, v in logits.items()}
    total = sum(weights.values())
    return {lg: w / total for lg, w in weights.items()}


def _latin(text: str, model: dict[str, float]) -> dict[str, float]:
    """Apply close-pair tie-breakers within the group of the model's favourite."""
    best = min(model, key=lambda lg: (-model[lg], lg))
    group = closepairs.group_of(best)
    if group is None:
        return model
    members = {lg: model.get(lg, 0.0) for lg in group}
    mass = sum(members.values())
    posterior = _combine(closepairs.evidence(text, group), members, 0.02 * mass)
    adjusted = dict(model)
    for lang, p in posterior.items():
        adjusted[lang] = p * mass
    return adjusted


def _model_probs(script: str, text: str, prof: ScriptProfile, model: Model) -> dict[str, float]:
    group = MODEL_GROUP[script]
    probs = model(text, group, None)
    if script == "Arabic":
        return _combine(arabic.evidence(prof, text), probs, 0.02)
    if script == "Cyrillic":
        return _combine(cyrillic.evidence(prof, text), probs, 0.02)
    if script == "Latin" and probs:
        return _latin(text, probs)
    return probs


# Latin words in text of another script: code, file names, English terms ("flatpages/default.html"),
# with accented and full-width letters too ("ñ é", "ｓｍａｒｔ").
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a"
_LATIN_RUN = re.compile(f"[{_LATIN_LETTER}][{_LATIN_LETTER}0-9_./:-]*")
# The other script's share of the letters from which it, not the Latin words, is the language
# (a French phrase with one Korean word stays "und"; tuned on the benchmark's dev half).
MIN_SECOND_SHARE = 0.4
# The same for a script of one language (Hangul, Greek, kana...), whose letters name it outright:
# a third ("debug(True 또는 False)" is Korean; "Merci beaucoup madame 사랑해요", at 0.30, stays und).
MIN_SINGLE_SCRIPT_SHARE = 0.33


def _latin_set_aside(text: str, prof: ScriptProfile, model: Model) -> LangResult | None:
    """The language of a text whose Latin words the detectors cannot agree on, when a second
    script carries enough letters: Korean or Hebrew around code and English terms."""
    others = [s for s in prof.counts if s != "Latin"]
    if not others:
        return None
    second = max(sorted(others), key=prof.weighted)
    # A script of one language (Hangul, Greek...) names it with fewer letters than a shared one.
    single = second in SCRIPT_LANG or second in ("Hangul", "Kana")
    if prof.share(second) < (MIN_SINGLE_SCRIPT_SHARE if single else MIN_SECOND_SHARE):
        return None
    rest = _LATIN_RUN.sub(" ", text)
    if profile(rest).dominant in (None, "Latin"):
        # Latin letters the run does not cover (rare Latin blocks): classifying `rest` would be
        # classifying the same text again, with no end.
        return None
    result = classify(rest, model)
    if result.lang == UND:
        return None
    confidence = round(result.confidence * prof.share(second), 4)
    return LangResult(result.lang, confidence, (), result.candidates, "latin-set-aside")


def classify(text: str, model: Model, *, overturn: bool = True) -> LangResult:
    """Tag a cleaned, already sampled text. Never raises on content; "und" when unsure.

    `overturn`: let the word lists overturn agreeing detectors on a sentence
    (refine.words_overturn). The tagger turns it off for the paragraphs of a document it looks
    at for other languages: their tags only decide whether the document is mixed, and weighing
    them read word lists in every worker that tagged a document (a folder run took twice as
    long)."""
    # Names and code are set aside for the detectors, but still make the text a sentence
    # rather than a fragment ("Introduceți un URL valid.").
    letters = effective_letters(text)
    text = without_names(text, letters)
    prof = profile(text)
    script = prof.dominant
    # Marks alone (vowel signs, nuktas, Hebrew points: "ি া ে") are counted as letters of their
    # script, but without a letter they carry them on, they are no word of any language. The
    # letter must be of the script the marks made dominant: a Latin label before them
    # ("Hebrew points: ְ ֱ ֲ ...") does not make the points Hebrew.
    if (
        letters < MIN_SCRIPT_LETTERS
        or script is None
        or not any(ch.isalpha() and script_of(ch) == script for ch in prof.chars)
    ):
        return LangResult(UND, 0.0, decided_by="too-short")
    candidates: tuple = ()
    if script in EAST_ASIAN:
        lang, p = _east_asian(prof, text)
        rule = "script"
        if lang == UND:
            return LangResult(UND, 0.0, decided_by="han-ja-or-zh")
        # A Han text without a character that differs between the standards cannot be given
        # a variant honestly, however long ("日期字串不符合格式" is both): a guess would be
        # wrong half the time, and a wrong tag is worse than "und".
        if lang.startswith("zh") and not any(variant_counts(prof.chars)) and not prof.counts.get("Bopomofo"):
            return LangResult(UND, 0.0, decided_by="zh-variant-unknown")
    elif script in SCRIPT_LANG:
        lang, p, rule = _single_script(script, prof, text), 1.0, "script"
        if lang == UND:
            # A text in a script two languages share that nothing places (shared_scripts.py).
            shared = tuple((cand, 0.5) for cand in shared_scripts.SHARED.get(script, ()))
            return LangResult(UND, 0.0, shared, (("script", shared),), decided_by="script-shared")
    elif script in MODEL_GROUP:
        voices = vote.listen(text, script)
        # langdetect (the slow voter) only when the two others leave the outcome open.
        outcome = vote.without_langdetect(voices, letters)
        if outcome is None:
            outcome = vote.decide(text, script, _model_probs(script, text, prof, model), letters, voices)
        outcome = refine.refine(text, outcome, voices)
        if overturn:
            outcome = refine.words_overturn(text, script, outcome, voices)
        if outcome.lang == UND and script == "Latin":
            aside = _latin_set_aside(text, prof, model)
            if aside is not None:
                return aside
        if outcome.lang == UND:
            # The candidates take the place of a guess: every language any detector proposed, at
            # any rank, with its best score. (First choices only showed `und (hr 100%)`, one
            # language, beside a check naming hr, sr-Latn and bs.)
            ranked = ranked_candidates(top for _, top in outcome.candidates)
            excluded = allowed.ruled_out(text, {cand for cand, _ in ranked})
            # A candidate the text's own words rule out is no candidate (it stays in "candidates").
            others = tuple(kv for kv in ranked if kv[0] not in excluded)
            return LangResult(UND, 0.0, others, outcome.candidates, outcome.rule, excluded)
        lang, p, rule, candidates = outcome.lang, outcome.probability, outcome.rule, outcome.candidates
    else:
        return LangResult(UND, 0.0, decided_by="unknown-script")
    length_factor = letters / (letters + HALF_CONFIDENCE_LETTERS)
    # Text mixing scripts (a Persian article quoting English) is less certain.
    confidence = p * length_factor * prof.share(script)
    return LangResult(lang, round(min(confidence, 1.0), 4), (), candidates, rule)
