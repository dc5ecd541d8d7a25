"""The result of tagging one document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

UND = "und"

# One detector's top candidates: (detector name, ((language, score), ...)).
Candidates = tuple[tuple[str, tuple[tuple[str, float], ...]], ...]


@dataclass(frozen=True)
class LangResult:
    """A BCP 47 language tag with an honest confidence, and why it was given.

    `lang` is "und" when the text is too short, has no letters, or the detectors disagree
    and no rule settles it. `others` lists further languages of a mixed document with their
    share of its letters, largest first; for an "und" from disagreement it lists the
    candidates with their mean score instead. `candidates` holds each detector's top
    languages and scores, `decided_by` the rule that decided ("script", "agree",
    "py3langid+cld2", "close-pair", "disagreement"...; see vote.py). Those two explain a
    result and are left out of equality, which is about the tag itself.
    """

    lang: str
    confidence: float
    others: tuple[tuple[str, float], ...] = ()
    candidates: Candidates = field(default=(), compare=False)
    decided_by: str = field(default="", compare=False)
    # For an "und" among close languages: those the text's own words rule out (lang/allowed.py).
    ruled_out: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self, explain: bool = False) -> dict:
        """JSON-ready form; "others" appears only when present, the explanation on request."""
        out: dict = {"lang": self.lang, "confidence": self.confidence}
        if self.others:
            out["others"] = [{"lang": lang, "share": share} for lang, share in self.others]
        if explain:
            out["decided_by"] = self.decided_by
            out["candidates"] = {
                name: [{"lang": lang, "score": score} for lang, score in top] for name, top in self.candidates
            }
            if self.ruled_out:
                out["ruled_out"] = list(self.ruled_out)
        return out

    def candidate_langs(self) -> tuple[str, ...]:
        """Distinct candidate languages, in ranked_candidates' order."""
        return tuple(lang for lang, _ in ranked_candidates(top for _, top in self.candidates))


def ranked_candidates(tops: Iterable[Iterable[tuple[str, float]]]) -> list[tuple[str, float]]:
    """Every language the detectors proposed (`tops`: each detector's (language, score) pairs), at
    any rank, with its best score: best first, ties by tag, whatever order the detectors come in.
    The one order candidates are named in: an `und`'s others (`tag`), lang-undetermined and
    lang-mismatch (`check`), so both say "en, sq" for one text (check said "sq, en": it took each
    detector's first choice in turn)."""
    best: dict[str, float] = {}
    for top in tops:
        for lang, score in top:
            best[lang] = max(best.get(lang, 0.0), score)
    return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
