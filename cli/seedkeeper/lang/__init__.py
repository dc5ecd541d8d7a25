"""Language tagging: BCP 47 tags, deterministic, script-aware, fast across processes.

Scripts settle what they can; langdetect, py3langid and CLD2 vote on the rest (vote.py), and
each result says which rule decided (`decided_by`) and what every detector proposed
(`candidates`; `to_dict(explain=True)` includes both).

    from seedkeeper.lang import detect_language, tag_many
    detect_language("Ceci est une phrase en français.").lang  # "fr"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seedkeeper._lazy import lazy_exports

from .version import DETECTOR_VERSION, VOTER_VERSIONS

# public name -> module of this package that defines it. Imported on first use: the cache key
# (DETECTOR_VERSION) is needed by every run, the detectors and numpy only by runs that tag.
_LAZY = {
    "BACKENDS": "backends",
    "UnknownBackendError": "backends",
    "UND": "result",
    "Candidates": "result",
    "LangResult": "result",
    "detect_language": "tagger",
    "tag_many": "tagger",
    "warm_up": "tagger",
    "LANGDETECT_LANGS": "tags",
    "SCRIPT_LANGS": "tags",
}


if TYPE_CHECKING:  # the names __getattr__ gives, for type checkers
    from .backends import BACKENDS, UnknownBackendError
    from .result import UND, Candidates, LangResult
    from .tagger import detect_language, tag_many, warm_up
    from .tags import LANGDETECT_LANGS, SCRIPT_LANGS

__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "BACKENDS",
    "Candidates",
    "DETECTOR_VERSION",
    "LANGDETECT_LANGS",
    "LangResult",
    "SCRIPT_LANGS",
    "UND",
    "UnknownBackendError",
    "VOTER_VERSIONS",
    "detect_language",
    "tag_many",
    "warm_up",
]
