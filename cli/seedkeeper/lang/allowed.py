"""The `languages` allow-list as a prior for what the detectors leave open between close languages.

The detectors cannot tell a Croatian sentence from a Bosnian one when the two standards write it
the same way, nor formal Indonesian from Malay: the tagger then answers "und" (a wrong tag is
worse). A corpus whose configuration allows one language of such a group and none of its
neighbours has answered the question already: a text the detectors place in that group is in the
allowed language. This module applies that, and only that:

- the record must be "und" from an open vote ("close-pair-undecided", "sh-undecided",
  "disagreement"), never a tag the detectors gave and never text too short to judge;
- every detector's first choice must lie in one group of close languages (closepairs.VOTE_GROUPS:
  bs/hr/sr-Latn/sl, id/ms, da/no/nn/sv, ca/es/gl/pt, cs/sk, be/ru/uk, ...), so a text that may
  be of another family entirely stays "und";
- exactly one language of that group is allowed, and some detector scores it at least NEAR of
  its favourite: a Bosnian intruder that no detector comes close to calling Croatian stays "und"
  in a Croatian corpus, and a Croatian sentence "und" in a Slovene one.

The cached per-document record is not changed: this runs on every read, with the settings of
that run, and the rule is reported as "allowed-in-group".
"""

from __future__ import annotations

from collections.abc import Sequence

from .closepairs import VOTE_GROUPS
from .tags import same_lang

RULE = "allowed-in-group"
# Some detector must give the allowed language at least this share of its favourite's score:
# a language it barely lists (Slovene third behind Bosnian and Croatian) is no candidate.
NEAR = 0.5
OPEN_RULES = frozenset({"close-pair-undecided", "sh-undecided", "disagreement"})


def settle_allowed(record: dict, allowed: Sequence[str]) -> dict:
    """`record` (LangResult.to_dict(explain=True)) with its "und" settled by the allow-list, or
    `record` itself when the rules above do not apply.

    The confidence given is the mean score the detectors gave the language (0 for one that did
    not list it). "others" goes: for an "und" it held the candidates, which stay in "candidates".
    """
    if not allowed or record.get("lang") != "und" or record.get("decided_by") not in OPEN_RULES:
        return record
    tops = [_scores(top) for top in (record.get("candidates") or {}).values()]
    tops = [top for top in tops if top]
    firsts = {next(iter(top)) for top in tops}
    group = next((g for g in VOTE_GROUPS if firsts <= g), None) if firsts else None
    if group is None:
        return record
    members = [lang for lang in sorted(group) if any(same_lang(lang, a) for a in allowed)]
    if len(members) != 1:
        return record
    lang = members[0]
    if not any(top.get(lang, 0.0) >= NEAR * next(iter(top.values())) for top in tops):
        return record
    confidence = round(sum(top.get(lang, 0.0) for top in tops) / len(tops), 4)
    settled = {k: v for k, v in record.items() if k != "others"}
    return {**settled, "lang": lang, "confidence": confidence, "decided_by": RULE}


def _scores(top) -> dict[str, float]:
    """One detector's candidates as {tag: score}, best first; anything malformed is left out."""
    if not isinstance(top, list):
        return {}
    return {
        c["lang"]: float(c.get("score") or 0.0)
        for c in top
        if isinstance(c, dict) and isinstance(c.get("lang"), str) and isinstance(c.get("score", 0.0), (int, float))
    }
