"""The result of tagging one document."""

from __future__ import annotations

from dataclasses import dataclass

UND = "und"


@dataclass(frozen=True)
class LangResult:
    """A BCP 47 language tag with an honest confidence.

    `lang` is "und" when the text is too short or has no letters. `others` lists further
    languages of a mixed document with their share of its letters, largest first.
    """

    lang: str
    confidence: float
    others: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form; the "others" key appears only for mixed documents."""
        out: dict = {"lang": self.lang, "confidence": self.confidence}
        if self.others:
            out["others"] = [{"lang": lang, "share": share} for lang, share in self.others]
        return out


UNDETERMINED = LangResult(UND, 0.0)
