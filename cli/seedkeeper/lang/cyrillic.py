"""Evidence for Cyrillic-script languages from letters that only some alphabets have.

langdetect knows Russian, Ukrainian, Bulgarian and Macedonian. Letters settle most cases
outright (ї є ґ are Ukrainian, ѓ ќ ѕ Macedonian, ђ ћ Serbian, ў Belarusian, ә ғ қ ұ
Kazakh), and Serbian, Belarusian and Kazakh have no langdetect profile at all, so letters
and a few function words are all that can name them.
"""

from __future__ import annotations

import re

from .scripts import ScriptProfile

LANGS = ("bg", "mk", "ru", "uk")

_WORD = re.compile(r"[\u0400-\u04ff]+")
# Serbian "је", "у", "су" where Macedonian says "е", "во", "се"; Macedonian's postfixed
# articles (-от, -та, -то) are counted separately.
_SERBIAN_WORDS = frozenset("је у су који која које није био била ће шта још овај".split())
_MACEDONIAN_WORDS = frozenset("е во што ќе со кој која беше има оваа овој јас тие".split())


def evidence(prof: ScriptProfile, text: str) -> dict[str, float]:
    """Log-odds evidence per language from distinctive letters and function words."""
    count = prof.count
    only_ru_be = count("ыэё")  # never in Ukrainian, Bulgarian, Macedonian or Serbian
    ukrainian = 2.0 * count("їєґ") + 0.7 * count("іІ")
    serbian_mk = count("јљњџЈЉЊЏ")  # Serbian and Macedonian only
    scores: dict[str, float] = {
        "uk": min(ukrainian, 12) - 2.0 * min(only_ru_be, 4) - 1.0 * min(count("ъщ"), 4),
        "ru": 1.0 * min(only_ru_be, 6) - 2.0 * min(count("їєґ"), 4) - 3.0 * min(serbian_mk, 3),
        # Bulgarian writes ъ as a vowel inside words; Russian only as a rare hard sign.
        "bg": 2.5 * min(count("ъ") / max(prof.letters, 1) * 100, 3)
        - 2.0 * min(only_ru_be, 4)
        - 3.0 * min(serbian_mk, 3),
        "mk": 2.5 * min(count("ѓќѕЃЌЅ"), 6)
        + 0.5 * min(serbian_mk, 6)
        - 2.0 * min(only_ru_be, 4)
        - 2.0 * min(count("ъщ"), 4),
    }
    if serbian_mk or count("ђћЂЋ"):
        words = _WORD.findall(text.lower())
        sr_words = sum(w in _SERBIAN_WORDS for w in words)
        mk_words = sum(w in _MACEDONIAN_WORDS for w in words)
        mk_articles = sum(len(w) > 4 and w.endswith(("от", "та", "то")) for w in words)
        scores["sr"] = (
            3.0 * min(count("ђћЂЋ"), 4) + 0.5 * min(serbian_mk, 6) + 1.5 * sr_words - 3.0 * min(count("ѓќѕЃЌЅ"), 4)
        )
        scores["mk"] += 1.5 * mk_words + 0.3 * min(mk_articles, 10)
    if count("ўЎ"):
        # ў is Belarusian; Belarusian never writes и, which Russian and Ukrainian use a lot.
        scores["be"] = 4.0 + 1.0 * min(count("ўЎ"), 4) - 1.0 * min(count("иИ"), 8)
    kazakh = count("әғқұӘҒҚҰ")
    if kazakh:
        scores["kk"] = 3.0 * min(kazakh, 4) + 0.5 * min(count("ңөүһҢӨҮҺ"), 6)
    return scores
