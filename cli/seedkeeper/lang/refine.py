"""After the vote: an answer in a group of close languages is checked against what they write.

The detectors' n-gram models are trained on little text of some neighbours (bs, sr-Latn, ms,
nn, gl) and confuse others (da/no, cs/sk, es/pt) on a sentence. The words and letters of
closepairs.py / markers.py and serbocroatian.py then decide, in this order:

- bs, hr, sr-Latn: the reflex of yat and vocabulary (serbocroatian.settle): "sh-yat",
  "sh-words", "sh-undecided" (und); a text left open between them may be settled the same way;
- id / ms: words one standard writes and the other never does ("close-pair"), or "und"
  ("close-pair-undecided") when py3langid is torn between them and no word decides;
- any other group ("close-contradicted"): an answer the text's own words contradict (another
  language of its group leads by CONTRADICT_LEAD) is replaced by that language when a detector
  named it and the lead is clear, else by "und": a wrong tag is worse than "und".
"""

from __future__ import annotations

from . import closepairs, serbocroatian, vote
from .vote import Voices, Vote, support

# Evidence against an answer that overturns it: two marker words, or one marker letter.
CONTRADICT_LEAD = 2.0
# The share of a text's marker evidence its answer must fail to write before the one language
# writing all of it replaces the answer: a stray word in a long document is not enough (tuned on
# the dev halves' documents: Spanish paragraphs quoting one Portuguese word).
CONTRADICT_SHARE = 0.34
# With the detectors split within the group, the share of words against the answer that is
# enough to leave the tag open.
SPLIT_AGAINST = 0.5


def _neighbours(text: str, outcome: Vote, py: dict[str, float]) -> tuple[str, str] | None:
    group = next((g for g in vote.NEIGHBOURS if outcome.lang in g), None)
    if group is None:
        return None
    settled = closepairs.leader(text, set(group))
    if settled is not None:
        return settled, "close-pair"
    top = py.get(outcome.lang, 0.0)
    # Either way round: py3langid and CLD2 call formal Indonesian Malay as readily as the
    # reverse, and langdetect (which knows only id) cannot arbitrate.
    others = (other for other in group if other != outcome.lang)
    if any(py.get(other, 0.0) >= vote.NEIGHBOUR_RATIO * top for other in others):
        # Torn detectors: then one word of one standard's spelling or lexicon ("bahwa" /
        # "bahawa", "karena" / "kerana") settles it; it never overturns detectors that agree.
        settled = closepairs.leader(text, set(group), lead=vote.NEIGHBOUR_LEAD)
        return (settled, "close-pair") if settled is not None else ("und", "close-pair-undecided")
    if closepairs.leader(text, set(group), lead=vote.NEIGHBOUR_LEAD) not in (None, outcome.lang):
        # Agreeing detectors, but a word the answer's standard never writes: not that standard.
        return "und", "close-pair-undecided"
    return None


def _named(outcome: Vote) -> set[str]:
    """The languages some detector put first."""
    return {top[0][0] for _, top in outcome.candidates if top}


def _contradicted(text: str, outcome: Vote) -> tuple[str, str] | None:
    """(tag, rule) when the words of `text` speak against the answer within its group."""
    if outcome.rule == "close-pair":
        return None  # the words already decided it
    group = next((g for g in closepairs.CHECK_GROUPS if outcome.lang in g), None)
    if group is None:
        return None
    named = _named(outcome)
    only = closepairs.survivor(text, group)
    if only is not None and only != outcome.lang and closepairs.against(text, group, outcome.lang) >= CONTRADICT_SHARE:
        # Every marker of the text is written by one other language of the group.
        return (only, "close-words") if only in named and only not in serbocroatian.GROUP else ("und", "close-words")
    scores = closepairs.evidence(text, group)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, lead = ranked[0]
    if best == outcome.lang or lead - scores[outcome.lang] < CONTRADICT_LEAD:
        if (named & group) - {outcome.lang} and closepairs.against(text, group, outcome.lang) >= SPLIT_AGAINST:
            # A detector named another language of the group, and most of the words agree with it.
            return "und", "close-contradicted"
        return None
    clear = len(ranked) == 1 or lead - ranked[1][1] >= CONTRADICT_LEAD
    if clear and best in named and best not in serbocroatian.GROUP:
        return best, "close-contradicted"
    return "und", "close-contradicted"


def _open(text: str, outcome: Vote) -> str | None:
    """The language a vote left open may still be: the one every marker of the text allows,
    within a group two detectors named languages of, named by one of them."""
    named = _named(outcome)
    for group in closepairs.CHECK_GROUPS:
        if len(named & group) >= 2 and not group <= serbocroatian.GROUP | {"sl"}:
            only = closepairs.survivor(text, group)
            if only in named:
                return only
    return None


def refine(text: str, outcome: Vote, voices: Voices) -> Vote:
    """Check an answer in a close group against what its languages write differently."""
    tops = {top[0][0] for _, top in outcome.candidates if top}
    # Slovene writes "vrednost", "mesto", "cena" too: where a detector that knows Serbian says
    # Slovene, the ekavian reflex of yat is no evidence for Serbian. (langdetect does not know
    # Serbian, and calls most ekavian Serbian Slovene.)
    slovene = any(top and top[0][0] == "sl" for name, top in outcome.candidates if name != "langdetect")
    if outcome.lang == "und" and outcome.rule in ("disagreement", "close-pair-undecided"):
        only = _open(text, outcome)
        if only is not None:
            return Vote(only, support(only, voices.py, voices.cld), "close-words", outcome.candidates)
        # Left open between Bosnian, Croatian, Serbian (and Slovene, their neighbour in the
        # detectors' eyes): the words may still decide it.
        if not tops or not tops <= serbocroatian.GROUP | {"sl"}:
            return outcome
        settled = serbocroatian.decide_open(text)
        if settled is None or (slovene and settled[1] == "sh-yat"):
            return outcome
        return Vote(settled[0], support(settled[0], voices.py, voices.cld), settled[1], outcome.candidates)
    if outcome.lang in serbocroatian.GROUP:
        settled = serbocroatian.settle(text, outcome.lang, voices.py)
        if settled is not None and slovene and settled[1] == "sh-yat":
            settled = ("und", "sh-undecided")
    else:
        settled = _neighbours(text, outcome, voices.py)
        if settled is None:
            settled = _contradicted(text, outcome)
    if settled is None:
        return outcome
    lang, rule = settled
    if lang not in ("und", outcome.lang):
        return Vote(lang, support(lang, voices.py, voices.cld), rule, outcome.candidates)
    # The detectors' confidence is in the group; the evidence picks its member.
    return Vote(lang, outcome.probability if lang != "und" else 0.0, rule, outcome.candidates)
