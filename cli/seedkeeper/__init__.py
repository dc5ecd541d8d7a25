"""seedkeeper: keep a corpus of multilingual seed documents healthy.

The package is a pure library: every command of the `seedkeeper` CLI is one function here that
returns values and raises `seedkeeper.errors.SeedkeeperError` subclasses. See README.md.
"""

__version__ = "0.1.0"

from .errors import SeedkeeperError  # noqa: E402
from .settings import Settings, load_settings  # noqa: E402

# These three share their names with their modules: bind the functions eagerly so that a later
# `import seedkeeper.check` cannot leave the module where the function should be.
from .validate import validate  # noqa: E402
from .check import check  # noqa: E402
from .stats import stats  # noqa: E402
from . import dedup as _dedup_module  # noqa: E402,F401 - loaded first, so the name below stays the function
from .duplicates import dedup, restore  # noqa: E402


def __getattr__(name: str):
    # The command functions are imported on first use: `import seedkeeper` stays light, and
    # numpy/langdetect load only when dedup or tagging is asked for.
    lazy = {
        "tag": ("tagging", "tag"),
        "index": ("indexing", "index"),
        "add": ("adding", "add"),
    }
    if name in lazy:
        import importlib

        module, attr = lazy[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'seedkeeper' has no attribute {name!r}")


__all__ = ["Settings", "SeedkeeperError", "load_settings", "validate", "check", "tag", "dedup", "restore", "index", "add", "stats"]
