"""The package version, in one place (pyproject.toml reads it from here)."""

from __future__ import annotations

import functools
import os
import re
import sys

__version__ = "0.1.0"


@functools.cache
def package_version(name: str) -> str:
    """Installed version of another distribution (a detector, the Markdown parser), "unknown"
    for vendored or unusual installs: part of the cache keys whose results it changes."""
    found = _from_dist_info_names(name)
    if found is not None:
        return found
    # importlib.metadata costs ~20 ms to import (it pulls in the email package): only for installs
    # the folder names cannot answer (eggs, zip imports, names written differently).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _from_dist_info_names(name: str) -> str | None:
    """The version in the `<name>-<version>.dist-info` folder name that an installer writes (the
    wheel format fixes that name), from the first `sys.path` entry that holds one, as
    importlib.metadata searches them."""
    wanted = _normal(name)
    for entry in sys.path:
        matches = sorted(
            stem[1]
            for stem in (n[: -len(".dist-info")].split("-", 1) for n in _listing(entry or "."))
            if len(stem) == 2 and _normal(stem[0]) == wanted and stem[1]
        )
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None  # two installs side by side: let importlib.metadata choose, as it always did
    return None


@functools.cache
def _listing(folder: str) -> tuple[str, ...]:
    try:
        return tuple(n for n in os.listdir(folder) if n.endswith(".dist-info"))
    except OSError:
        return ()
