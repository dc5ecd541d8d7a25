"""Language tagging: BCP 47 tags, deterministic, script-aware, fast across processes.

    from seedkeeper.lang import detect_language, tag_many
    detect_language("Ceci est une phrase en français.").lang  # "fr"
"""

from .backends import BACKENDS, UnknownBackendError
from .result import LangResult
from .tagger import DETECTOR_VERSION, detect_language, tag_many, warm_up

__all__ = [
    "BACKENDS",
    "DETECTOR_VERSION",
    "LangResult",
    "UnknownBackendError",
    "detect_language",
    "tag_many",
    "warm_up",
]
