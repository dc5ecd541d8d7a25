"""seedkeeper: keep a corpus of multilingual seed documents healthy.

The package is a pure library: every command of the `seedkeeper` CLI is one function here that
returns values and raises `seedkeeper.errors.SeedkeeperError` subclasses. See README.md.

    import seedkeeper
    report = seedkeeper.check("seeds")
    report.ok()

The operations are imported on first use, so `import seedkeeper` stays cheap and numpy,
langdetect and markdown-it load only when a command needs them.
"""

from __future__ import annotations

import importlib

from ._version import __version__
from .errors import SeedkeeperError

# public name -> module under seedkeeper.operations that defines it
_OPERATIONS = {
    "validate": "validation",
    "check": "validation",
    "tag": "tagging",
    "dedup": "deduplication",
    "restore": "deduplication",
    "index": "indexing",
    "add": "adding",
    "stats": "statistics",
    "rename": "renaming",
    "init": "onboarding",
    "fix": "fixing",
}


def __getattr__(name: str):
    if name in ("Settings", "load_settings"):
        # Loaded on first use too: the CLI's --version and --help need no TOML parser.
        from . import settings

        return getattr(settings, name)
    if name in _OPERATIONS:
        module = importlib.import_module(f".operations.{_OPERATIONS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'seedkeeper' has no attribute {name!r}")


__all__ = [
    "SeedkeeperError",
    "Settings",
    "__version__",
    "add",
    "check",
    "dedup",
    "fix",
    "index",
    "init",
    "load_settings",
    "rename",
    "restore",
    "stats",
    "tag",
    "validate",
]
