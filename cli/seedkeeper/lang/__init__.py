"""Language tagging: BCP 47 tags, deterministic, script-aware, fast across processes.

Scripts settle what they can; langdetect, py3langid and CLD2 vote on the rest (vote.py), and
each result says which rule decided (`decided_by`) and what every detector proposed
(`candidates`; `to_dict(explain=True)` includes both).

    from seedkeeper.lang import detect_language, tag_many
    detect_language("Ceci est une phrase en français.").lang  # "fr"
"""

from .backends import BACKENDS, UnknownBackendError
from .result import UND, Candidates, LangResult
from .tagger import DETECTOR_VERSION, detect_language, tag_many, warm_up
from .tags import LANGDETECT_LANGS, SCRIPT_LANGS
from .voters import VERSIONS as VOTER_VERSIONS

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
