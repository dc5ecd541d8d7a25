"""Statistical models the tagger can use for languages a script alone does not settle.

A backend is a function (text, group, prior) -> {language: probability} over the
languages of a script group (see profiles.GROUPS), with langdetect's codes. langdetect is
the default and, for now, the only one; a faster optional backend (py3langid, pycld2)
plugs in here behind the same interface.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError

Model = Callable[[str, str, "dict[str, float] | None"], "dict[str, float]"]

BACKENDS = ("langdetect",)


class UnknownBackendError(UsageError):
    """The requested language-detection backend does not exist or is not installed."""


def _langdetect():
    # Imported on first use: langdetect and its tables cost ~15 ms, and most documents are
    # settled by py3langid and CLD2 without it (a run that checks one changed document).
    from . import detector

    return detector


def _langdetect_probabilities(text: str, group: str, prior: dict[str, float] | None = None) -> dict[str, float]:
    return _langdetect().probabilities(text, group, prior)


def get_model(name: str) -> Model:
    """Return the model function of backend `name`; raise UnknownBackendError if unusable."""
    if name == "langdetect":
        return _langdetect_probabilities
    raise UnknownBackendError(f"unknown language-detection backend {name!r}; choose one of {', '.join(BACKENDS)}")


def warm_up(name: str) -> None:
    """Load the backend's model data now (once per process)."""
    get_model(name)
    _langdetect().warm_up()
