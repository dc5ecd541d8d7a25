"""Evidence for Arabic-script languages: Persian, Arabic, Urdu (and Pashto, Sorani, Uyghur).

langdetect folds the Persian yeh (U+06CC) into the Arabic one before scoring, so on short
text it cannot see the letters that separate these languages. Those letters, and a few very
frequent function words, are scored here as log-odds evidence that the tagger combines
with the statistical model.
"""

from __future__ import annotations

import re

from .scripts import ScriptProfile

# Letters no Persian or Arabic text uses: tteh, ddal, rreh, noon ghunna, yeh barree.
_URDU_STRONG = "\u0679\u0688\u0691\u06ba\u06d2\u06d3"
# Heh doachashmee and heh goal: Urdu's two hehs (Persian and Arabic use U+0647).
_URDU_WEAK = "\u06be\u06c1"
# peh, tcheh, jeh, gaf: Persian and Urdu, never standard Arabic.
_PERSIAN_URDU = "\u067e\u0686\u0698\u06af"
# Farsi yeh and keheh: Persian and Urdu spelling of yeh and kaf.
_PERSIAN_URDU_SPELLING = "\u06cc\u06a9"
# teh marbuta and alef maksura: Arabic spelling.
_ARABIC_STRONG = "\u0629\u0649"
# Arabic yeh and kaf: Arabic, but also Persian typed on an Arabic keyboard, hence weak.
_ARABIC_WEAK = "\u064a\u0643"
_PASHTO = "\u067c\u0689\u0693\u0696\u069a\u0681\u0685\u06cd\u06ab\u06bc"
# Sorani: yeh with small v, lam with small v, reh with small v, oe, ae.
_SORANI = "\u06ce\u06b5\u0695\u06c6\u06d5"
_UYGHUR = "\u06c7\u06c8\u06cb"

# Arabic yeh and kaf are folded into the Persian forms before matching words, so Persian
# typed on an Arabic keyboard still matches; alef maksura is not folded (على is Arabic).
_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(w.translate(_FOLD) for w in spaced.split())


_PERSIAN_WORDS = _words(
    "از به در که این را با است برای آن یک می شد شده بود کرد خود نیز اما هر دیگر بر اند "
    "شود کند نمی چه همه تا هست بسیار وی ایشان کنند کرده دارد"
)
# Not على/بين: Persian has the name علی and the word بین.
_ARABIC_WORDS = _words(
    "في إلى الى عن مع التي الذي أن إن هذا هذه كان كانت قد لم لن بعد ذلك هو هي حتى أو كل وقد ثم لكن عند منذ أي غير الذين"
)
# Not کی/پر/ان: Persian uses those spellings too.
_URDU_WORDS = _words(
    "ہے ہیں کے کا میں سے کو اور نے یہ وہ تھا تھی تھے بھی کہ ایک گیا ہو کر لیے نہیں جو اس گے گی رہا رہے"
)

LANGS = ("ar", "fa", "ur")


def evidence(prof: ScriptProfile, text: str) -> dict[str, float]:
    """Log-odds evidence per language from letters and function words (0 = no evidence).

    Pashto, Sorani and Uyghur appear only when their own letters are present: langdetect has
    no profile for them, so letters are all we have.
    """
    words = _WORD.findall(text.translate(_FOLD))
    n_words = max(len(words), 1)
    fa_words = sum(w in _PERSIAN_WORDS for w in words)
    ar_words = sum(w in _ARABIC_WORDS for w in words)
    ur_words = sum(w in _URDU_WORDS for w in words)
    # The article al- starts a third of Arabic words but few Persian or Urdu ones.
    al_share = sum(w.startswith("\u0627\u0644") and len(w) > 3 for w in words) / n_words

    ur_strong = prof.count(_URDU_STRONG)
    fa_ur = prof.count(_PERSIAN_URDU) + 0.3 * min(prof.count(_PERSIAN_URDU_SPELLING), 10)
    ar_strong = prof.count(_ARABIC_STRONG)

    scores = {
        # Letters only Urdu has weigh most; Persian/Urdu letters count for both, and the
        # function words break that tie.
        "ur": 2.0 * min(ur_strong, 8) + 0.5 * min(prof.count(_URDU_WEAK), 6) + 1.5 * ur_words + 0.5 * min(fa_ur, 6),
        "fa": 1.0 * min(fa_ur, 8) + 1.5 * fa_words - 2.0 * min(ur_strong, 4),
        "ar": 1.0 * min(ar_strong, 6)
        + 0.2 * min(prof.count(_ARABIC_WEAK), 10)
        + 1.5 * ar_words
        + 8.0 * al_share
        - 1.5 * min(prof.count(_PERSIAN_URDU), 4),
    }
    for lang, letters in (("ps", _PASHTO), ("ckb", _SORANI), ("ug", _UYGHUR)):
        distinct = sum(1 for ch in letters if prof.chars.get(ch))
        if distinct >= 2:
            scores[lang] = 3.0 * distinct + 0.5 * min(prof.count(letters), 10)
    return scores
