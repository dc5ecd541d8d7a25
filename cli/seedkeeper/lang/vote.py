"""Three detectors vote on text in a model script; explicit rules decide, or the answer is "und".

langdetect (with the letter evidence of arabic.py / cyrillic.py / closepairs.py) knows 55
languages; py3langid ~100; CLD2 ~80 and says when it is unsure. Each gives its candidates;
the rules below are tried in order and the first that applies decides. Their names are
reported in LangResult.decided_by, so a person can see why a tag was given:

- "reliable-pair": py3langid and CLD2 name the same language, CLD2 calls itself reliable and
  the text is a sentence or longer. langdetect is then not asked: whatever it said, two of
  three would outvote it (the rules below give the same tag), and it is the slowest voter.
- "agree": langdetect and py3langid name the same language (CLD2 agreeing or silent, or
  CLD2 alone against two).
- "py3langid+cld2" / "langdetect+cld2": two of three agree, CLD2 breaking the tie. This is
  how languages langdetect cannot name (az, ms, bs, kk...) are tagged: langdetect's vote
  then goes to a neighbour (tr, id, hr, ru) and the two others outvote it.
- "close-pair": the candidates are a known confusable group (ms/id, bs/hr/sr...) and the
  marker words and letters of closepairs.py settle it. Also when langdetect and CLD2 agree
  against py3langid's neighbour that langdetect cannot know, in a group of OVERTURN_GROUPS
  (Kurdish or Azerbaijani "called" Turkish): the letters and words of the text, names aside,
  may overturn them.
- "cld2-outside": a language neither langdetect nor py3langid knows (Cebuano, Maori,
  Tsonga...), named by a reliable CLD2 on a long sentence (CLD2_OUTSIDE_LETTERS). Tried before
  "agree": the two others can only name a neighbour (Tagalog, Swahili), so their agreement is
  no evidence against it.
- "py3langid-neighbour": a language langdetect does not know, named by py3langid at
  NEIGHBOUR_OUTSIDE_P or more while langdetect names its neighbour (Galician as Spanish) and
  CLD2 no language of their group.
- "py3langid-outside": a language langdetect does not know, py3langid sure and CLD2 silent or
  unreliable.
- "close-pair-undecided" (und): the answer sits in a confusable group with a runner-up
  langdetect cannot know (bs beside hr, ms beside id) and no marker settles it.
- "disagreement" (und): no rule applies; the candidates are reported instead of a guess.

An answer in a close group is then checked against what its languages write differently
(refine.py): for bs, hr or sr-Latn the reflex of yat and vocabulary (serbocroatian.py):
"sh-yat", "sh-words", or "sh-undecided" (und); for ms or id, spellings only one standard writes,
which overturn even detectors that agree ("close-pair"); for id/ms, da/no and mk/sr-Cyrl, how
often real text writes each word (lexicon.py, "lexicon").

Text shorter than a sentence (fewer than MIN_LETTERS letters) is tagged only when all three
detectors agree ("unanimous-short"), or when py3langid and a reliable CLD2 agree and
py3langid gives the language at least FRAGMENT_PAIR_P (FRAGMENT_PAIR_P_CLOSE for a language
of a close group) ("py3langid+cld2-short": langdetect
is often wrong on two words, and cannot know half the languages), or when the detectors split
and the words of one language's list, backed by one detector, clearly outweigh every other
list of the script (wordlists.py, "word-lists-short"); otherwise it is "und". A sentence the
three detectors split with no rule above to settle it is tagged the same way, with a larger
lead ("word-lists").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import closepairs, voters, wordlists
from .scripts import effective_letters
from .tags import LANGDETECT_LANGS, PY3LANGID_LANGS, normalise

# Weighted letters below which a text is a fragment, and the fewest a fragment may have.
MIN_LETTERS = 20
MIN_FRAGMENT_LETTERS = 5
# py3langid's probability above which a language langdetect does not know is tagged when
# CLD2 has no opinion at all (CLD2 does not know Sorani, for one).
OUTSIDE_P = 0.9
# CLD2's share of the text from which a language only it knows is tagged (reliable CLD2, a
# sentence or more).
CLD2_OUTSIDE_SHARE = 0.8
CLD2_OUTSIDE_LETTERS = 50
# In a confusable group, py3langid's runner-up within this ratio of its favourite means the
# group is not settled by the detectors (they are trained on little text of bs, ms, gl...).
CLOSE_RATIO = 0.6
# py3langid's probability from which, with a reliable CLD2 agreeing, a fragment is tagged
# although langdetect disagrees. A language of a close group (closepairs.VOTE_GROUPS) keeps a
# higher bar: its neighbours often write two words alike ("Hvala lijepa"), and py3langid's
# short-text scores among them say little. Tuned on the benchmark's dev half, all fragments:
# 0.4 for every language gave 97.7% right @ 70.4% answered on Django's strings and 97.3% @
# 71.0% on the declaration; 0.3 outside close groups gives 97.7% @ 71.1% and 97.3% @ 72.0%
# (0.3 for close groups too answers "Hvala lijepa" hr; 0.5 leaves coverage under 70%).
FRAGMENT_PAIR_P = 0.3
FRAGMENT_PAIR_P_CLOSE = 0.4
# A single word is not a phrase: the same word is often shared by neighbours (zu / ss / nr
# "ngiyabonga"), so one word needs this much.
ONE_WORD_PAIR_P = 0.9

# py3langid's probability from which it names a language langdetect does not know when
# langdetect names that language's neighbour and CLD2 no language of the group
# ("py3langid-neighbour"). Tuned on the benchmark's dev halves: 0.6 gave 8 more right sentences
# (Galician, one Serbian) and none wrong; 0.5 gave 13 right and Sundanese called Malay.
NEIGHBOUR_OUTSIDE_P = 0.6
# Not among the Bantu languages: py3langid names Zulu for Tsonga, which no detector knows.
_NO_NEIGHBOUR_RULE = (frozenset({"sn", "sw", "xh", "zu"}),)
# The word lists' lead (wordlists.py) that settles a sentence the detectors split three ways
# ("word-lists"): twice a fragment's. On the dev halves the split sentences it settled led by
# 7.6 to 15; on the Debian messages a Macedonian sentence Bulgarian writes alike (" " не е
# валидно име на атрибут) led to Bulgarian by 5.0.
SENTENCE_LIST_LEAD = 6.0
# Weighted letters from which a text is a paragraph rather than a sentence, for the rules that
# weigh word lists on sentences only (here and refine.py).
DOCUMENT_LETTERS = 200
# Close pairs where one language is outside langdetect's set (refine.py checks their answers);
# detectors torn between them are settled by one word of either standard.
NEIGHBOURS = (frozenset({"id", "ms"}),)
NEIGHBOUR_LEAD = 1.0

Candidates = tuple[tuple[str, tuple[tuple[str, float], ...]], ...]


@dataclass(frozen=True)
class Voices:
    """What the two cheap voters say about a text: py3langid's and CLD2's distributions."""

    py: dict[str, float]
    cld: dict[str, float]
    reliable: bool


def listen(text: str, script: str) -> Voices:
    """Ask py3langid and CLD2 about `text` (in the languages of its model `script`)."""
    cld, reliable = voters.cld2_probs(text, script)
    return Voices(voters.py3langid_probs(text, script), cld, reliable)


@dataclass(frozen=True)
class Vote:
    """The outcome of a vote: a tag (or "und"), its probability, the rule, the candidates."""

    lang: str
    probability: float
    rule: str
    candidates: Candidates


def _best(probs: dict[str, float]) -> str | None:
    return min(probs, key=lambda lang: (-probs[lang], lang)) if probs else None


def support(lang: str, *dists: dict[str, float]) -> float:
    """Mean probability the answering detectors give `lang` (an abstaining one is skipped)."""
    answering = [d for d in dists if d]
    return sum(d.get(lang, 0.0) for d in answering) / len(answering) if answering else 0.0


def _runner_up(probs: dict[str, float]) -> str:
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[1][0] if len(ranked) > 1 else ranked[0][0]


def _ambiguous(lang: str, py: dict[str, float]) -> bool:
    """py3langid's favourite `lang` is closely followed by a group member langdetect cannot know."""
    if not py or len(py) < 2:
        return False
    second = _runner_up(py)
    return (
        second not in LANGDETECT_LANGS
        and closepairs.group_covering({lang, second}) is not None
        and py[second] >= CLOSE_RATIO * py.get(lang, 0.0)
    )


def close_pair(text: str, names: set[str], lead: float = 2.0) -> str | None:
    """The language marker words and letters single out among confusable `names`, if any.

    Decisive only with a clear `lead`: by default two marker words, or one marker letter.
    """
    group = closepairs.group_covering(names)
    if group is None:
        return None
    return _leader(closepairs.evidence(text, group), lead)


def _overturned(text: str, l_top: str, p_top: str) -> str | None:
    """`p_top` or `l_top` when the letters and words of an OVERTURN_GROUPS group holding both
    single it out (names aside), else None."""
    group = next((g for g in closepairs.OVERTURN_GROUPS if {l_top, p_top} <= g), None)
    if group is None or p_top in LANGDETECT_LANGS:
        return None
    settled = _leader(closepairs.evidence(text, group, lowercase_only=True), 2.0)
    return settled if settled in (l_top, p_top) else None


def _leader(evidence: dict[str, float], lead: float) -> str | None:
    """The language whose evidence is at least `lead` and leads every other by `lead`, if any."""
    ranked = sorted(evidence.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and ranked[0][1] >= lead and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= lead):
        return ranked[0][0]
    return None


def without_langdetect(voices: Voices, letters: float) -> Vote | None:
    """The "reliable-pair" outcome when py3langid and a reliable CLD2 agree on a sentence or more.

    None when langdetect must be asked. The tag is the one `decide` would give with any
    langdetect answer (a py3langid + CLD2 agreement decides every branch there); the
    probability is the two voters' mean support for it.
    """
    py, cld = voices.py, voices.cld
    if letters < MIN_LETTERS or not voices.reliable:
        return None
    p_top, c_top = _best(py), _best(cld)
    if p_top is None or p_top != c_top:
        return None
    candidates: Candidates = (("py3langid", voters.top(py)), ("cld2", voters.top(cld)))
    return Vote(p_top, support(p_top, py, cld), "reliable-pair", candidates)


def _listed(text: str, script: str, candidates: Candidates, *tops: str | None) -> str | None:
    """wordlists.fragment_language on a sentence (not a paragraph: its words are almost never all
    in one list, and weighing them read every list of the script), at SENTENCE_LIST_LEAD."""
    if effective_letters(text) >= DOCUMENT_LETTERS:
        return None
    firsts = {t for t in tops if t is not None}
    proposed = {lang for _, top in candidates for lang, _ in top}
    return wordlists.fragment_language(text, script, firsts, proposed, lead=SENTENCE_LIST_LEAD, sentence=True)


def decide(text: str, script: str, ld_codes: dict[str, float], letters: float, voices: Voices | None = None) -> Vote:
    """Vote on `text` (dominant `script`, `letters` weighted letters) given langdetect's probabilities.

    `ld_codes` is langdetect's distribution after letter evidence, in langdetect codes;
    `voices` what py3langid and CLD2 said, if they were already asked.
    """
    ld: dict[str, float] = {}
    for code, p in ld_codes.items():
        tag = normalise(code, script)
        if tag is not None:
            ld[tag] = ld.get(tag, 0.0) + p
    total = sum(ld.values())
    ld = {tag: p / total for tag, p in ld.items()} if total else {}
    voices = voices or listen(text, script)
    py, cld, reliable = voices.py, voices.cld, voices.reliable
    candidates: Candidates = (
        ("langdetect", voters.top(ld)),
        ("py3langid", voters.top(py)),
        ("cld2" if reliable else "cld2-unreliable", voters.top(cld)),
    )
    l_top, p_top, c_top = _best(ld), _best(py), _best(cld)

    def vote(lang: str, rule: str, agreeing: int) -> Vote:
        return Vote(lang, support(lang, ld, py, cld) * agreeing / 3, rule, candidates)

    und = Vote("und", 0.0, "disagreement", candidates)
    if letters < MIN_LETTERS:
        if letters < MIN_FRAGMENT_LETTERS:
            return Vote("und", 0.0, "too-short", candidates)
        if l_top == p_top == c_top and l_top is not None:
            if _ambiguous(l_top, py):  # e.g. "terima kasih": id to langdetect, as likely ms
                return Vote("und", 0.0, "close-pair-undecided", candidates)
            return vote(l_top, "unanimous-short", 3)
        if len(text.split()) < 2:
            need = ONE_WORD_PAIR_P
        elif p_top is not None and any(p_top in group for group in closepairs.VOTE_GROUPS):
            need = FRAGMENT_PAIR_P_CLOSE
        else:
            need = FRAGMENT_PAIR_P
        if p_top == c_top and p_top is not None and reliable and py[p_top] >= need:
            if _ambiguous(p_top, py):
                return Vote("und", 0.0, "close-pair-undecided", candidates)
            return vote(p_top, "py3langid+cld2-short", 2)
        # Split detectors: the words themselves may settle it, against every word list of the script.
        firsts = {t for t in (l_top, p_top, c_top) if t is not None}
        listed = wordlists.fragment_language(text, script, firsts, {lang for _, top in candidates for lang, _ in top})
        if listed is not None:
            return vote(listed, "word-lists-short", sum(listed == t for t in (l_top, p_top, c_top)))
        return und
    if reliable and c_top is not None and c_top not in LANGDETECT_LANGS and c_top not in PY3LANGID_LANGS:
        # Only CLD2 knows this language: the two others can only name a neighbour. On a short
        # text CLD2 too names exotic neighbours (Swahili as Nyanja, Italian as Corsican).
        # The letters of `text` as the detectors saw it (names set aside), not the `letters`
        # that classed it as a sentence: CLD2 must have had a long sentence to read.
        if cld[c_top] >= CLD2_OUTSIDE_SHARE and effective_letters(text) >= CLD2_OUTSIDE_LETTERS:
            return vote(c_top, "cld2-outside", 1)
    if l_top is not None and l_top == p_top:
        if c_top != l_top and _ambiguous(l_top, py):
            group = closepairs.group_covering({l_top, _runner_up(py)}) or frozenset()
            # Torn detectors: in Indonesian/Malay one word of one standard is enough (_neighbours).
            settled = close_pair(text, set(group), lead=NEIGHBOUR_LEAD if group in NEIGHBOURS else 2.0)
            if settled is None:
                return Vote("und", 0.0, "close-pair-undecided", candidates)
            return vote(settled, "close-pair", 1 + (settled in (l_top, c_top)))
        if c_top in (None, l_top) or not reliable:
            return vote(l_top, "agree", 3 if c_top == l_top else 2)
        settled = close_pair(text, {l_top, c_top})
        if settled is not None and settled in (l_top, c_top):
            return vote(settled, "close-pair", 2 if settled == l_top else 1)
        return vote(l_top, "agree", 2)
    if c_top is not None and c_top == p_top:
        return vote(p_top, "py3langid+cld2", 2)
    if c_top is not None and c_top == l_top:
        # py3langid names a neighbour langdetect cannot know (Kurdish beside Turkish): the
        # letters and words that tell the group apart decide when they can.
        settled = _overturned(text, l_top, p_top) if p_top is not None else None
        if settled is not None:
            return vote(settled, "close-pair", 2 if settled == l_top else 1)
        return vote(l_top, "langdetect+cld2", 2)
    if (
        p_top is not None
        and l_top is not None
        and p_top not in LANGDETECT_LANGS
        and py[p_top] >= NEIGHBOUR_OUTSIDE_P
        and (group := closepairs.group_covering({l_top, p_top})) is not None
        and group not in _NO_NEIGHBOUR_RULE
        and (c_top is None or c_top not in group)
    ):
        # langdetect names the neighbour it knows (Galician as Spanish or Portuguese), py3langid
        # the language itself with confidence, and CLD2 nothing of the group (the English of
        # the identifiers, or Indonesian): py3langid is the one voter that can know.
        return vote(p_top, "py3langid-neighbour", 1)
    if (not cld or not reliable) and p_top is not None and p_top not in LANGDETECT_LANGS and py[p_top] >= OUTSIDE_P:
        return vote(p_top, "py3langid-outside", 1)
    names = {n for n in (l_top, p_top, c_top) if n is not None}
    settled = close_pair(text, names)
    if settled is None and l_top is not None and p_top is not None and c_top not in (l_top, p_top):
        # CLD2 outside the group of the two others (the English of identifiers): their group's
        # words may still settle it.
        settled = close_pair(text, {l_top, p_top})
        # Between the two that named the group, not a third member none of them named.
        settled = settled if settled in (l_top, p_top) else None
    if settled is not None:
        return vote(settled, "close-pair", 1)
    # Three detectors, three answers, and no group's words to settle it: the word lists of the
    # script may, as on fragments, with twice the lead (a sentence's words add up to more).
    listed = _listed(text, script, candidates, l_top, p_top, c_top)
    if listed is not None:
        return vote(listed, "word-lists", sum(listed == t for t in (l_top, p_top, c_top)))
    return und
