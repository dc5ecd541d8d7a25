"""The `languages` allow-list as a prior for what the detectors leave open between close languages.

The detectors cannot tell a Croatian sentence from a Bosnian one when the two standards write it
the same way, nor formal Indonesian from Malay: the tagger then answers "und" (a wrong tag is
worse). A corpus whose configuration allows one language of such a group and none of its
neighbours has answered the question already: a text the detectors place in that group is in the
allowed language. `settle_allowed` applies that, and only that:

- the record must be "und" from an open vote ("close-pair-undecided", "sh-undecided",
  "disagreement", "script-shared": a fragment in a script two languages share that nothing
  places, shared_scripts.py), or a tag that word frequencies gave ("lexicon": weaker evidence
  than the corpus's own configuration), never a tag the detectors gave nor text too short for any vote
  ("too-short", under 5 letters; fragments of a few words are open votes too);
- every detector's first choice must lie in one group of close languages (SETTLE_GROUPS:
  bs/hr/sr-Latn/sl, id/ms, da/no/nn/sv, ca/es/gl/pt, cs/sk, be/ru/uk, kk/ky/mn/ru/tt, sn/sw/xh/zu,
  mk/sr-Cyrl, as/bn, am/ti, bo/dz),
  so a text that may be of another family entirely stays "und";
- exactly one language of the groups holding those choices is allowed (or several that the
  allow-list names as one, "no" for Bokmål and Nynorsk: then the tag it names), some detector
  scores it at least NEAR of its favourite, and the text's own words do not rule it out
  (`ruled_out`, recorded by the tagger with the "und": proof only, such as Bosnian or Serbian
  vocabulary against Croatian): a Bosnian intruder that no detector comes close to calling
  Croatian, or that writes "šta" and "hiljada", stays "und" in a Croatian corpus.

The cached per-document record is not changed: this runs on every read, with the settings of
that run, and the rule is reported as "allowed-in-group".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import closepairs, serbocroatian
from .closepairs import VOTE_GROUPS
from .shared_scripts import SHARED
from .tags import canonical, same_lang

RULE = "allowed-in-group"
# Some detector must give the allowed language at least this share of its favourite's score:
# a language it barely lists (Slovene third behind Bosnian and Croatian) is no candidate.
NEAR = 0.5
# A tag settled by configuration is weaker evidence than one the detectors gave: its confidence
# is this share of the detectors' mean score for it.
CONFIDENCE_SHARE = 0.5
OPEN_RULES = frozenset({"close-pair-undecided", "sh-undecided", "disagreement", "script-shared"})
# The groups the allow-list settles within: the vote's, Macedonian with Serbian Cyrillic (which
# the vote tells apart by letters, and the word frequencies settle when it cannot), and the
# languages sharing a script (as/bn, am/ti, bo/dz: a fragment nothing places is "script-shared").
SETTLE_GROUPS = (*VOTE_GROUPS, frozenset({"mk", "sr-Cyrl"}), *map(frozenset, SHARED.values()))
# A tag word frequencies gave where the detectors were torn (lexicon.py): weaker evidence than a
# corpus's own allow-list, which settles it as it would an open vote.
WEAK_RULES = frozenset({"lexicon"})


def settle_allowed(record: dict, allowed: Sequence[str]) -> dict:
    """`record` (LangResult.to_dict(explain=True)) with its "und" settled by the allow-list, or
    `record` itself when the rules above do not apply (or it is not of the shape the tagger
    writes). "others" goes: for an "und" it held the candidates, which stay in "candidates"."""
    rule, candidates, excluded = record.get("decided_by"), record.get("candidates"), record.get("ruled_out", [])
    if not allowed or type(rule) is not str:
        return record
    if not (record.get("lang") == "und" and rule in OPEN_RULES) and rule not in WEAK_RULES:
        return record
    if type(candidates) is not dict or type(excluded) is not list:
        return record
    tops = [top for top in map(_scores, candidates.values()) if top]
    firsts = {next(iter(top)) for top in tops}
    groups = [g for g in SETTLE_GROUPS if firsts and firsts <= g]
    lang = _allowed_member(frozenset().union(*groups), allowed)
    # "no" stands for Bokmål and Nynorsk: it is out only when the words rule out both.
    if lang is None or _COVERS.get(lang, {lang}) <= set(excluded):
        return record
    if lang == record.get("lang") or not any(top.get(lang, 0.0) >= NEAR * next(iter(top.values())) for top in tops):
        return record
    confidence = round(CONFIDENCE_SHARE * sum(top.get(lang, 0.0) for top in tops) / len(tops), 4)
    settled = {k: v for k, v in record.items() if k != "others"}
    return {**settled, "lang": lang, "confidence": confidence, "decided_by": RULE}


def _allowed_member(members: Iterable[str], allowed: Sequence[str]) -> str | None:
    """The one member of `members` the allow-list admits; of several, the one tag they all
    match, if the allow-list names it ("no" admits no and nn: "no"), else None."""
    admitted = sorted(m for m in members if any(same_lang(m, a) for a in allowed))
    if len(admitted) == 1:
        return admitted[0]
    named = {canonical(a) for a in allowed if all(same_lang(m, a) for m in admitted)}
    chosen = [m for m in admitted if m in named]
    return chosen[0] if admitted and len(chosen) == 1 else None


# The tags a settled tag stands for, where it is more than itself: Norwegian is Bokmål
# (seedkeeper's "no") and Nynorsk.
_COVERS = {"no": {"no", "nn"}}


def _scores(top) -> dict[str, float]:
    """One detector's candidates as {tag: score}, best first; anything malformed is left out."""
    if type(top) is not list:
        return {}
    return {
        c["lang"]: float(c["score"])
        for c in top
        if type(c) is dict and type(c.get("lang")) is str and type(c.get("score")) is float and 0 <= c["score"] <= 1
    }


def ruled_out(text: str, named: set[str]) -> tuple[str, ...]:
    """Languages of the close groups holding `named` (the detectors' candidates) that the words
    of `text` rule out, sorted. Only evidence that is proof, not a leaning: the tagger's reading
    of Bosnian, Croatian and Serbian (serbocroatian.py: Croatian is ruled out by Bosnian/Serbian
    vocabulary and forms ("moraćete", "korišćenje") or the ekavian reflex of yat, Bosnian by
    Croatian vocabulary or ekavian, Serbian by Croatian vocabulary or the ijekavian reflex, which
    Slovene never writes either), and Indonesian
    or Malay by the other standard's own spellings and words. The other groups' marker words
    (closepairs.py) weigh a vote; they are shared too widely to rule a language out ("eller" is
    Danish and Norwegian too, "os" Galician, "la" Catalan)."""
    out: set[str] = set()
    if named & serbocroatian.GROUP:
        ije, eke, hr, bsr = serbocroatian.evidence(text)
        if bsr > hr or (eke and not ije):
            out.add("hr")
        if hr > bsr or (eke and not ije):
            out.add("bs")
        if hr > bsr or (ije and not eke):
            out.add("sr-Latn")
        if ije and not eke:
            out.add("sl")
    if named & _ID_MS:
        markers = closepairs.marker_counts(text, _ID_MS, lowercase_only=True, spellings_only=True)
        for lang in _ID_MS:
            if any(markers[other] for other in _ID_MS - {lang}) and not markers[lang]:
                out.add(lang)
    return tuple(sorted(out))


# Indonesian and Malay: proof is a spelling pair only one standard writes (closepairs.SPELLINGS).
_ID_MS = frozenset({"id", "ms"})
