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

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__
from .errors import SeedkeeperError

# public name -> module under seedkeeper that defines it. Settings load on first use too: the
# CLI's --version and --help need no TOML parser.
_LAZY = {
    "validate": "operations.validation",
    "check": "operations.validation",
    "tag": "operations.tagging",
    "tag_files": "operations.tagging",
    "dedup": "operations.deduplication",
    "restore": "operations.restoring",
    "index": "operations.indexing",
    "add": "operations.adding",
    "stats": "operations.statistics",
    "rename": "operations.renaming",
    "init": "operations.onboarding",
    "fix": "operations.fixing",
    "Settings": "settings",
    "load_settings": "settings",
}

if TYPE_CHECKING:  # the names __getattr__ gives, for type checkers
    from .operations.adding import add
    from .operations.deduplication import dedup
    from .operations.fixing import fix
    from .operations.indexing import index
    from .operations.onboarding import init
    from .operations.renaming import rename
    from .operations.restoring import restore
    from .operations.statistics import stats
    from .operations.tagging import tag, tag_files
    from .operations.validation import check, validate
    from .settings import Settings, load_settings

__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())


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
    "tag_files",
    "validate",
]
